import { describe, expect, it } from "vitest";
import { sumOfSquares } from "../../src/inference/hinge-slice.js";
import { scoreSlices, type PairModel } from "../../src/inference/score-slices.js";
import { datasets } from "./extremes-brute.js";

/** By brute force: for each sum of the tested quantity, the smallest and largest Σz², and every vector seen. */
function enumerate(model: PairModel, on: "change" | "last") {
  const bySum = new Map<number, [number, number]>();
  const seen = new Set<string>();
  for (const { before, after } of datasets(model)) {
    const z = on === "change" ? after.map((v, i) => v - before[i]!) : after;
    const sum = z.reduce((s, v) => s + v, 0);
    const q = sumOfSquares(z);
    const e = bySum.get(sum) ?? [Infinity, -Infinity];
    bySum.set(sum, [Math.min(e[0], q), Math.max(e[1], q)]);
    seen.add(z.join(","));
  }
  return { bySum, seen };
}

function fromSlices(model: PairModel, on: "change" | "last") {
  const family = scoreSlices(model, on);
  const bySum = new Map<number, [number, number]>();
  const vectors: number[][] = [];
  for (const slice of family.slices) {
    const wide = slice.widest();
    const e = bySum.get(slice.sum) ?? [Infinity, -Infinity];
    bySum.set(slice.sum, [Math.min(e[0], slice.qMin), Math.max(e[1], sumOfSquares(wide))]);
    for (const z of [slice.narrowest(), wide, slice.nextToConstant()]) {
      if (!z) continue;
      expect(slice.contains(z)).toBe(true);
      vectors.push(z);
      // The realised dataset gives back the vector and keeps its totals.
      const { before, after } = slice.realise(z);
      expect(on === "change" ? after.map((v, i) => v - before[i]!) : after).toEqual(z);
      if (slice.totals) expect([before.reduce((s, v) => s + v, 0), after.reduce((s, v) => s + v, 0)]).toEqual(slice.totals);
    }
  }
  return { bySum, vectors, relaxed: family.relaxed, count: family.count };
}

const sorted = (m: Map<number, [number, number]>) => [...m.entries()].sort((a, b) => a[0] - b[0]);

describe("scoreSlices against every dataset of small models", () => {
  const boxes: [number, number][] = [[0, 3], [1, 3], [0, 2]];
  const models: PairModel[] = [];
  for (const n of [1, 2, 3]) {
    for (const before of boxes) {
      for (const after of boxes) {
        for (const direction of [null, "down", "up"] as const) {
          const all: PairModel["totals"][] = [
            { kind: "rectangle", first: [n * before[0], n * before[1]], last: [n * after[0], n * after[1]] },
            { kind: "rectangle", first: [n, n + 2], last: [n - 1, n + 1] },
            { kind: "pairs", pairs: [[n + 1, n - 1], [2 * n, n], [n, 2 * n]] },
          ];
          for (const totals of all) models.push({ n, classes: [{ count: n, before, after }], direction, totals });
        }
      }
    }
  }

  it("gives, for one class of patients, the exact smallest and largest Σz² of every sum, changes and last scores", () => {
    for (const model of models) {
      for (const on of ["change", "last"] as const) {
        const truth = enumerate(model, on);
        const got = fromSlices(model, on);
        expect(got.relaxed).toEqual([]);
        expect(sorted(got.bySum)).toEqual(sorted(truth.bySum));
        for (const z of got.vectors) expect(truth.seen.has(z.join(","))).toBe(true);
      }
    }
  });

  it("is exact for per-category bounds with free totals, and a labelled bound (a larger set) when totals bind", () => {
    const classes = [
      { count: 2, before: [0, 3] as [number, number], after: [0, 1] as [number, number], category: "a" },
      { count: 1, before: [0, 3] as [number, number], after: [0, 2] as [number, number], category: "b" },
    ];
    for (const direction of [null, "down"] as const) {
      const free: PairModel = { n: 3, classes, direction, totals: { kind: "rectangle", first: [0, 99], last: [0, 99] } };
      for (const on of ["change", "last"] as const) {
        const truth = enumerate(free, on);
        const got = fromSlices(free, on);
        expect(got.relaxed).toEqual([]);
        expect(sorted(got.bySum)).toEqual(sorted(truth.bySum));
        for (const z of got.vectors) expect(truth.seen.has(z.join(","))).toBe(true);
      }
      const binding: PairModel = { n: 3, classes, direction, totals: { kind: "rectangle", first: [3, 5], last: [1, 3] } };
      for (const on of ["change", "last"] as const) {
        const truth = enumerate(binding, on);
        const got = fromSlices(binding, on);
        expect(got.relaxed).toEqual(["per-category bounds"]);
        // A bound: every true sum is covered, with a smallest Σz² no larger and a largest no smaller.
        for (const [sum, [low, high]] of truth.bySum) {
          const [l, h] = got.bySum.get(sum)!;
          expect(l).toBeLessThanOrEqual(low);
          expect(h).toBeGreaterThanOrEqual(high);
        }
      }
    }
  });

  it("counts its slices before building them (for budgets)", () => {
    const model: PairModel = { n: 20, classes: [{ count: 20, before: [0, 27], after: [0, 27] }], direction: null, totals: { kind: "rectangle", first: [300, 399], last: [100, 199] } };
    // 100 before totals × 100 after totals.
    expect(scoreSlices(model, "change").count).toBe(10_000);
  });
});
