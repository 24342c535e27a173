import { describe, expect, it } from "vitest";
import { exitCodes, isCohortError } from "../../src/errors.js";
import { scoreSlices, type PairModel } from "../../src/inference/score-slices.js";
import { pairedTExtremes, welchTExtremes } from "../../src/inference/t-extremes.js";
import * as message from "../../src/messages/extremes.js";
import { datasets, extremesOf, pairedTByHand, welchByHand } from "./extremes-brute.js";

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
// p from @stdlib (the code) and from jStat (the oracle) agree to about 1e-8 (df = 1 shows it most).
const closeP = (a: number, b: number) => Math.abs(a - b) <= 1e-7 * Math.max(1e-300, Math.abs(b));

/** Small models: one class, each direction, rectangle and listed totals, and per-category bounds with free totals. */
function smallModels(): PairModel[] {
  const out: PairModel[] = [];
  for (const n of [2, 3]) {
    for (const box of [[0, 3], [0, 4]] as [number, number][]) {
      for (const direction of [null, "down"] as const) {
        out.push({ n, classes: [{ count: n, before: box, after: box }], direction, totals: { kind: "rectangle", first: [n * 2, n * 3], last: [0, n * 2] } });
        out.push({ n, classes: [{ count: n, before: box, after: box }], direction, totals: { kind: "pairs", pairs: [[2 * n, n], [3 * n, n + 1]] } });
      }
    }
  }
  out.push({ n: 3, classes: [{ count: 2, before: [0, 3], after: [0, 1] }, { count: 1, before: [0, 3], after: [0, 3] }], direction: "down", totals: { kind: "rectangle", first: [0, 99], last: [0, 99] } });
  return out;
}

describe("pairedTExtremes against every dataset of small models", () => {
  it("finds the exact smallest and largest t and p, attained by a dataset of the model, and names constant-change datasets", () => {
    for (const model of smallModels()) {
      const runs = [...datasets(model)].map(({ before, after }) => after.map((v, i) => v - before[i]!));
      const defined = runs.map(pairedTByHand);
      const t = extremesOf(defined.map((r) => r?.t ?? null));
      const p = extremesOf(defined.map((r) => r?.p ?? null));
      const r = pairedTExtremes([{ family: scoreSlices(model, "change"), tag: "" }]);
      if (t.all.length === 0) {
        expect(r.t).toBeNull();
        continue;
      }
      expect(close(r.t!.min.attained!, t.min)).toBe(true);
      expect(close(r.t!.max.attained!, t.max)).toBe(true);
      expect(closeP(r.p!.min.attained!, p.min)).toBe(true);
      expect(closeP(r.p!.max.attained!, p.max)).toBe(true);
      for (const e of [r.t!.min, r.t!.max, r.p!.min, r.p!.max]) {
        expect(e.exact).toBe(true);
        // The witness is one of the datasets the brute force lists.
        const w = e.witness![0]!;
        expect(runs.some((d) => d.join(",") === w.after.map((v, i) => v - w.before[i]!).join(","))).toBe(true);
      }
      const constants = [...new Set(runs.filter((d) => new Set(d).size === 1).map((d) => d[0]!))].sort((a, b) => a - b);
      expect(r.constantChanges?.values ?? []).toEqual(constants);
    }
  });

  it("works the study A PHQ-9 case by hand: with every patient improved, the largest p is 0.028 (t = −2.38)", () => {
    // Moderately severe [15, 20) → mild [5, 10) for 20 patients: totals 300–399 before, 100–199 after.
    // Every change d ≤ −1: the mean change nearest 0 is −101/20. Writing d = −1 − e with e ≥ 0, Σe = 81 and
    // e ≤ 26, Σd² is largest with e as concentrated as possible: 26, 26, 26, 3 → changes −27 × 3, −4, −1 × 16,
    // Σd² = 3·729 + 16 + 16 = 2219. t = −101·√19 / √(20·2219 − 101²) = −2.3813; p(t, 19) = 0.0279.
    const model: PairModel = { n: 20, classes: [{ count: 20, before: [0, 27], after: [0, 27] }], direction: "down", totals: { kind: "rectangle", first: [300, 399], last: [100, 199] } };
    const r = pairedTExtremes([{ family: scoreSlices(model, "change"), tag: "" }]);
    const t = (-101 * Math.sqrt(19)) / Math.sqrt(20 * 2219 - 101 * 101);
    expect(r.t!.max.attained).toBeCloseTo(t, 10);
    expect(r.p!.max.attained).toBeCloseTo(pairedTByHand([...Array(3).fill(-27), -4, ...Array(16).fill(-1)])!.p, 9);
    // Without the reading, the widest split takes all the room: up 199 (after total), down 300 (before total):
    // +27 × 7, +10, −27 × 11, −3 (D = −101, Σd² = 18·729 + 109 = 13231): t = −101·√19/√(20·13231 − 101²) = −0.8728.
    const free = pairedTExtremes([{ family: scoreSlices({ ...model, direction: null }, "change"), tag: "" }]);
    expect(free.t!.max.attained).toBeCloseTo((-101 * Math.sqrt(19)) / Math.sqrt(20 * 13231 - 101 * 101), 10);
    // The smallest p in both: 19 patients −15, one −14 (D = −299, Σd² = 4471): t = −299·√19/√(20·4471 − 299²) = −299.
    expect(r.t!.min.attained).toBeCloseTo(-299, 9);
    expect(free.t!.min.attained).toBeCloseTo(-299, 9);
    expect(r.constantChanges!.values).toEqual([-14, -13, -12, -11, -10, -9, -8, -7, -6]);
  });

  it("estimates first and refuses past its budget (exit 3) with the estimate", () => {
    const model: PairModel = { n: 20, classes: [{ count: 20, before: [0, 27], after: [0, 27] }], direction: null, totals: { kind: "rectangle", first: [300, 399], last: [100, 199] } };
    // 10,000 pairs of totals × 20 patients × 2 passes = 400,000 steps.
    expect(() => pairedTExtremes([{ family: scoreSlices(model, "change"), tag: "" }], 1000)).toThrow(message.overBudget("paired t", 400_000, 1000));
    try {
      pairedTExtremes([{ family: scoreSlices(model, "change"), tag: "" }], 1000);
    } catch (error) {
      expect(isCohortError(error) && error.exitCode).toBe(exitCodes.refused);
    }
  });
});

describe("welchTExtremes against every pair of datasets of small models", () => {
  it("finds the exact smallest and largest t, and brackets p between a dataset's value and a proven bound", () => {
    const models = smallModels().filter((m) => m.n === 2 || m.classes.length > 1).slice(0, 6);
    for (let i = 0; i + 1 < models.length; i += 2) {
      const [m1, m2] = [models[i]!, models[i + 1]!];
      for (const on of ["change", "last"] as const) {
        const of = (m: PairModel) => [...datasets(m)].map(({ before, after }) => (on === "change" ? after.map((v, j) => v - before[j]!) : after));
        const xs = of(m1);
        const ys = of(m2);
        const results = xs.flatMap((x) => ys.map((y) => welchByHand(x, y)));
        const t = extremesOf(results.map((r) => r?.t ?? null));
        const p = extremesOf(results.map((r) => r?.p ?? null));
        const r = welchTExtremes([{ family: scoreSlices(m1, on), tag: "" }], [{ family: scoreSlices(m2, on), tag: "" }]);
        if (t.all.length === 0) continue;
        expect(close(r.t!.min.attained!, t.min)).toBe(true);
        expect(close(r.t!.max.attained!, t.max)).toBe(true);
        // p: the bound is on the right side of the true extreme, the attained value on the other, and some pair gives it.
        const slack = (v: number) => 1e-7 * v;
        expect(r.p!.min.bound).toBeLessThanOrEqual(p.min + slack(p.min));
        expect(r.p!.min.attained!).toBeGreaterThanOrEqual(p.min - slack(p.min));
        expect(r.p!.max.bound).toBeGreaterThanOrEqual(p.max - slack(p.max));
        expect(r.p!.max.attained!).toBeLessThanOrEqual(p.max + slack(p.max));
        for (const e of [r.p!.min, r.p!.max]) expect(p.all.some((v) => closeP(v, e.attained!))).toBe(true);
        if (r.p!.min.exact) expect(closeP(r.p!.min.attained!, p.min)).toBe(true);
        if (r.p!.max.exact) expect(closeP(r.p!.max.attained!, p.max)).toBe(true);
      }
    }
  });
});
