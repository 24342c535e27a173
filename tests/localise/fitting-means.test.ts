import { describe, expect, it } from "vitest";
import { fittingMeans } from "../../src/localise/chain-problem.js";

describe("fittingMeans: how the group means that fit a chain are shown", () => {
  it("lists few solutions tuple by tuple in timepoint order, so each trajectory reads as one", () => {
    // Two hand-made trajectories over three timepoints; the per-timepoint listing would interleave them.
    const tuples = [{ a: 1, b: 1.5, c: 2 }, { a: 2, b: 3, c: 4 }];
    const text = fittingMeans(2, ["a", "b", "c"], tuples, { a: [1, 2], b: [1.5, 3], c: [2, 4] });
    expect(text).toBe("2 tuples of group means fit (a → b → c): 1 → 1.5 → 2; 2 → 3 → 4");
  });

  it("gives per-timepoint ranges when only some of many solutions were listed", () => {
    // 6 solutions, one listed (the chain-enumeration doc example): a list would misstate the set.
    const text = fittingMeans(6, ["t0", "t1"], [{ t0: 1.6, t1: 1.25 }], { t0: [1.6, 3.2, 4.8, 6.4, 8, 9.6], t1: [1.25, 2.5, 3.75, 5, 6.25, 7.5] });
    expect(text).toBe("6 tuples of group means fit: t0 1.6–9.6 (6 values); t1 1.25–7.5 (6 values)");
  });

  it("says 'tuple' for one solution", () => {
    expect(fittingMeans(1, ["x", "y"], [{ x: 0.333333, y: 1 }], { x: [0.333333], y: [1] })).toBe("1 tuple of group means fit (x → y): 0.333 → 1");
  });
});
