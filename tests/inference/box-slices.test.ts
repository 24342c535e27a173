import { describe, expect, it } from "vitest";
import { boxSums, vectorOfSplit } from "../../src/inference/box-slices.js";
import { vectors } from "./extremes-brute.js";

describe("boxSums", () => {
  it("matches brute force: the smallest and largest Σz² of every sum for patients in classes of boxes", () => {
    const cases = [
      [{ count: 2, lo: 0, hi: 3 }],
      [{ count: 2, lo: -2, hi: 1 }, { count: 1, lo: 0, hi: 4 }],
      [{ count: 1, lo: -3, hi: -1 }, { count: 2, lo: -1, hi: 2 }, { count: 1, lo: 2, hi: 2 }],
    ];
    for (const classes of cases) {
      const bounds = classes.flatMap((c) => Array.from({ length: c.count }, () => [c.lo, c.hi] as [number, number]));
      const truth = new Map<number, [number, number]>();
      for (const z of vectors(bounds)) {
        const s = z.reduce((a, b) => a + b, 0);
        const q = z.reduce((a, b) => a + b * b, 0);
        const e = truth.get(s) ?? [Infinity, -Infinity];
        truth.set(s, [Math.min(e[0], q), Math.max(e[1], q)]);
      }
      const got = boxSums(classes);
      got.qMin.forEach((q, i) => {
        const sum = got.offset + i;
        expect([q, got.qMax[i]]).toEqual(truth.get(sum));
        // The vectors behind them sum right, stay in their boxes and have those Σz².
        for (const [how, split, target] of [["even", got.minSplit[i]!, q], ["bounds", got.maxSplit[i]!, got.qMax[i]!]] as const) {
          const z = vectorOfSplit(classes, split, how);
          expect(z.reduce((a, b) => a + b, 0)).toBe(sum);
          expect(z.every((v, j) => v >= bounds[j]![0] && v <= bounds[j]![1])).toBe(true);
          expect(z.reduce((a, b) => a + b * b, 0)).toBe(target);
        }
      });
      expect(got.qMin.length).toBe(truth.size);
    }
  });

  it("gives the documented example: two patients in 0–3 reach Σz² 0, 1, 4, 9, 10, 13, 18 at most for sums 0…6", () => {
    // By hand: sum 4 at most 3² + 1² = 10; sum 5 at most 3² + 2² = 13; sum 6: 9 + 9 = 18.
    expect(boxSums([{ count: 2, lo: 0, hi: 3 }]).qMax).toEqual([0, 1, 4, 9, 10, 13, 18]);
  });
});
