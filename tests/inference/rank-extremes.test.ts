import { describe, expect, it } from "vitest";
import { rankSumExtremes, signedRankExtremes } from "../../src/inference/rank-extremes.js";
import { scoreSlices, type PairModel } from "../../src/inference/score-slices.js";
import { datasets, extremesOf, rankSumByHand, signedRankByHand } from "./extremes-brute.js";

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));

const models: PairModel[] = [];
for (const n of [2, 3, 4]) {
  for (const direction of [null, "down"] as const) {
    models.push({ n, classes: [{ count: n, before: [0, 3], after: [0, 3] }], direction, totals: { kind: "rectangle", first: [n, n * 2], last: [0, n + 1] } });
    models.push({ n, classes: [{ count: n, before: [0, 2], after: [0, 2] }], direction, totals: { kind: "pairs", pairs: [[n, n - 1], [n + 1, n + 1]] } });
  }
}

describe("signedRankExtremes against every dataset of small models", () => {
  it("never claims past the truth: bound ≤ true extreme ≤ attained, the attained p is one a dataset gives, and exact means equal", () => {
    for (const model of models) {
      const runs = [...datasets(model)].map(({ before, after }) => after.map((v, i) => v - before[i]!));
      if (runs.length === 0) continue;
      const truth = runs.map(signedRankByHand);
      const p = extremesOf(truth.map((r) => r?.p ?? null));
      const v = extremesOf(truth.map((r) => r?.v ?? null));
      const forced = model.direction;
      const r = signedRankExtremes([{ family: scoreSlices(model, "change"), tag: "" }], undefined, forced);
      if (p.all.length === 0) continue;
      expect(r.p!.min.bound).toBeLessThanOrEqual(p.min + 1e-12);
      expect(r.p!.min.attained!).toBeGreaterThanOrEqual(p.min - 1e-12);
      expect(r.p!.max.bound).toBeGreaterThanOrEqual(p.max - 1e-12);
      expect(r.p!.max.attained!).toBeLessThanOrEqual(p.max + 1e-12);
      for (const e of [r.p!.min, r.p!.max]) expect(p.all.some((x) => close(x, e.attained!))).toBe(true);
      if (r.p!.min.exact) expect(close(r.p!.min.attained!, p.min)).toBe(true);
      if (r.p!.max.exact) expect(close(r.p!.max.attained!, p.max)).toBe(true);
      if (r.statistic!.min.exact) expect(r.statistic!.min.attained).toBe(v.min);
      if (r.statistic!.max.exact) expect(r.statistic!.max.attained).toBe(v.max);
      // Under "every patient improved" every dataset has all changes negative: p = 2/2^n in all of them.
      if (forced === "down") {
        expect(p.min).toBe(p.max);
        expect(r.p!.max.exact && r.p!.min.exact).toBe(true);
        expect(r.p!.max.attained).toBe(2 / 2 ** model.n);
      }
      expect(r.undefinedWitness !== null).toBe(truth.some((x) => x === null));
    }
  });

  it("reaches the proven floor 2/2^n exactly when a dataset with every change of one sign fits", () => {
    // 4 patients, before total 8 (mean 2), after total 4 (mean 1): changes −1 × 4 fit, so p = 2/16 = 0.125.
    const model: PairModel = { n: 4, classes: [{ count: 4, before: [0, 3], after: [0, 3] }], direction: null, totals: { kind: "pairs", pairs: [[8, 4]] } };
    const r = signedRankExtremes([{ family: scoreSlices(model, "change"), tag: "" }]);
    expect(r.p!.min.attained).toBe(0.125);
    expect(r.p!.min.exact).toBe(true);
  });
});

describe("rankSumExtremes against every pair of datasets of small models", () => {
  it("never claims past the truth and reaches 2/C(n₁+n₂, n₁) exactly when the groups can be separated", () => {
    const small = models.filter((m) => m.n <= 3);
    for (let i = 0; i + 1 < small.length; i += 2) {
      for (const on of ["change", "last"] as const) {
        const [m1, m2] = [small[i]!, small[i + 1]!];
        const of = (m: PairModel) => [...datasets(m)].map(({ before, after }) => (on === "change" ? after.map((v, j) => v - before[j]!) : after));
        const xs = of(m1);
        const ys = of(m2);
        if (xs.length === 0 || ys.length === 0) continue;
        const truth = xs.flatMap((x) => ys.map((y) => rankSumByHand(x, y)));
        const p = extremesOf(truth.map((r) => r.p));
        const r = rankSumExtremes([{ family: scoreSlices(m1, on), tag: "" }], [{ family: scoreSlices(m2, on), tag: "" }]);
        expect(r.p!.min.bound).toBeLessThanOrEqual(p.min + 1e-12);
        expect(r.p!.min.attained!).toBeGreaterThanOrEqual(p.min - 1e-12);
        expect(r.p!.max.attained!).toBeLessThanOrEqual(p.max + 1e-12);
        for (const e of [r.p!.min, r.p!.max]) expect(p.all.some((x) => close(x, e.attained!))).toBe(true);
        if (r.p!.min.exact) expect(close(r.p!.min.attained!, p.min)).toBe(true);
        if (r.p!.max.exact) expect(close(r.p!.max.attained!, p.max)).toBe(true);
        const separable = xs.some((x) => ys.some((y) => Math.max(...x) < Math.min(...y) || Math.max(...y) < Math.min(...x)));
        expect(r.p!.min.exact && close(r.p!.min.attained!, r.p!.min.bound)).toBe(separable);
      }
    }
  });
});
