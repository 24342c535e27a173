import { describe, expect, it } from "vitest";
import { exactExtremes, verdictOf, type ExtremesTest } from "../../src/inference/exact-extremes.js";
import type { Extreme, Witness } from "../../src/inference/extreme.js";
import { loadInstruments } from "../../src/io/load-instruments.js";
import { loadStudy } from "../../src/io/load-study.js";
import { studyA, studyB } from "../helpers/fixtures.js";
import { pairedTByHand, rankSumByHand, signedRankByHand, welchByHand } from "./extremes-brute.js";

const registry = loadInstruments();
const A = loadStudy(studyA, registry);
const B = loadStudy(studyB, registry);
const a = exactExtremes(A, registry);
const b = exactExtremes(B, registry);
const find = (r: typeof a, id: string) => r.tests.find((t) => t.id === id)!;
const reading = (t: ExtremesTest, which: string) => t.readings.find((r) => r.reading === which)!;
const closeP = (x: number, y: number) => Math.abs(x - y) <= 1e-7 * Math.max(1e-300, y);

/** The statistic and p of a witness, computed by the independent oracles from its scores. */
function recompute(test: ExtremesTest, w: Witness): { statistic: number; p: number } | null {
  const z = (g: Witness[number]) => (test.on === "change" ? g.after.map((v, i) => v - g.before[i]!) : g.after);
  if (test.test === "paired-t") {
    const r = pairedTByHand(z(w[0]!));
    return r && { statistic: r.t, p: r.p };
  }
  if (test.test === "welch-t") {
    const r = welchByHand(z(w[0]!), z(w[1]!));
    return r && { statistic: r.t, p: r.p };
  }
  if (test.test === "mann-whitney") {
    const r = rankSumByHand(z(w[0]!), z(w[1]!));
    return { statistic: r.w, p: r.p };
  }
  const d = z(w[0]!);
  // 2^20 sign assignments is slow in the oracle; an all-one-sign dataset has V at an end and p = 2/2^m by hand.
  if (d.every((x) => x < 0) || d.every((x) => x > 0)) return { statistic: d[0]! < 0 ? 0 : (d.length * (d.length + 1)) / 2, p: 2 / 2 ** d.length };
  const r = signedRankByHand(d);
  return r && { statistic: r.v, p: r.p };
}

describe("exactExtremes on the seeds", () => {
  it("gives every extreme of p a dataset whose recomputed p is that extreme (independent oracles)", () => {
    for (const result of [a, b]) {
      for (const test of result.tests) {
        for (const r of test.readings) {
          if (!r.p) continue;
          for (const e of [r.p.min, r.p.max] as Extreme[]) {
            expect(e.witness).not.toBeNull();
            const again = recompute(test, e.witness!);
            expect(again).not.toBeNull();
            expect(closeP(again!.p, e.attained!)).toBe(true);
          }
        }
      }
    }
  });

  it("gives datasets that satisfy study A's constraints, checked from the bands directly", () => {
    // PHQ-9: mean in [15, 20) before, [5, 10) after; scores 0–27 whole numbers; strongest reading: each after < before.
    for (const r of find(a, "all phq-9 baseline→after-treatments paired-t").readings) {
      for (const e of [r.p!.min, r.p!.max, r.statistic!.min, r.statistic!.max]) {
        const [g] = e.witness!;
        const mean = (x: number[]) => x.reduce((s, v) => s + v, 0) / x.length;
        expect(g!.before.length).toBe(20);
        expect([...g!.before, ...g!.after].every((v) => Number.isInteger(v) && v >= 0 && v <= 27)).toBe(true);
        expect(mean(g!.before) >= 15 && mean(g!.before) < 20).toBe(true);
        expect(mean(g!.after) >= 5 && mean(g!.after) < 10).toBe(true);
        if (r.reading === "strongest") expect(g!.after.every((v, i) => v < g!.before[i]!)).toBe(true);
      }
    }
    // SDS: each patient at or under their own substance's cut-off after treatment (opioid 4, benzodiazepine 6, cocaine 3, kratom none).
    const cut: Record<string, number> = { opioid: 4, benzodiazepine: 6, cocaine: 3, kratom: 15 };
    for (const e of [reading(find(a, "all sds baseline→after-treatments paired-t"), "strongest").p!.max]) {
      const [g] = e.witness!;
      expect(g!.categories!.filter((c) => c === "opioid")).toHaveLength(9);
      expect(g!.after.every((v, i) => v <= cut[g!.categories![i]!]! && v < g!.before[i]!)).toBe(true);
    }
  });

  it("finds PHQ-9 significant in every dataset only under the strongest reading of 'improved in all patients'", () => {
    const phq = find(a, "all phq-9 baseline→after-treatments paired-t");
    expect(reading(phq, "strongest").verdict).toBe("always");
    expect(reading(phq, "weaker").verdict).toBe("depends");
    // Worked by hand in t-extremes.test.ts: largest p 0.0279 with the reading, 0.394 without.
    expect(reading(phq, "strongest").p!.max.attained).toBeCloseTo(0.02787, 4);
    expect(reading(phq, "weaker").p!.max.attained).toBeCloseTo(0.3937, 4);
    // Datasets where everyone falls by the same whole number fit too: said, not dropped.
    expect(reading(phq, "weaker").undefinedDatasets!.why).toContain("-14 to -6 points");
    // SDS has nothing before treatment without the reading: no test, and it says why.
    expect(reading(find(a, "all sds baseline→after-treatments paired-t"), "weaker").missing).toContain("no value is reported at the first timepoint");
  });

  it("shows that exact signed-rank tests within arms of 5 can never reach 0.05 (2/2^5 = 0.0625), as a proof, not a sample", () => {
    const w = reading(find(b, "psychedelic bpi-sf-severity baseline→after-s6 wilcoxon-signed-rank"), "only");
    expect(w.p!.min.attained).toBe(0.0625);
    expect(w.p!.min.exact).toBe(true);
    expect(w.verdict).toBe("never");
  });

  it("does not depend on a seed (it takes none) and is the same on a second run", () => {
    expect(exactExtremes(B, registry)).toEqual(b);
  });
});

describe("verdictOf", () => {
  const e = (attained: number | null, bound: number): Extreme => ({ attained, bound, exact: attained === bound, boundBy: "", witness: null });
  it("decides only from proven bounds and attained values", () => {
    expect(verdictOf({ min: e(0.001, 0.001), max: e(0.04, 0.04) }, 0.05)).toBe("always");
    expect(verdictOf({ min: e(0.06, 0.06), max: e(1, 1) }, 0.05)).toBe("never");
    expect(verdictOf({ min: e(0.01, 0.001), max: e(0.2, 1) }, 0.05)).toBe("depends");
    // Found only 0.04 at most, but not proven: undetermined.
    expect(verdictOf({ min: e(0.01, 0.01), max: e(0.04, 1) }, 0.05)).toBe("undetermined");
    expect(verdictOf({ min: e(null, 0.001), max: e(null, 0.5) }, 0.05)).toBe("undetermined");
  });
});
