import jStatModule from "jstat";
import { describe, expect, it } from "vitest";
import { inferenceOverReconstructions, testsOnReconstruction } from "../../src/inference/over-reconstructions.js";
import { mde } from "../../src/inference/mde.js";
import { loadInstruments } from "../../src/io/load-instruments.js";
import { loadStudy } from "../../src/io/load-study.js";
import * as message from "../../src/messages/reconstruct-study.js";
import { RECONSTRUCTION_LABEL, type Reconstruction } from "../../src/schema/reconstruction.js";
import { studyA, studyB } from "../helpers/fixtures.js";

// A second library for Student's t (the code uses @stdlib): jStat's studentt.cdf.
const jStat = ((jStatModule as unknown as { jStat?: unknown }).jStat ?? jStatModule) as { studentt: { cdf(x: number, df: number): number } };
const twoSidedT = (t: number, df: number): number => 2 * jStat.studentt.cdf(-Math.abs(t), df);

const registry = loadInstruments();
const A = loadStudy(studyA, registry);
const B = loadStudy(studyB, registry);

/** Student t density for df = 4 in closed form: Γ(5/2)/(√(4π)·Γ(2)) = 3/8, so f(t) = 3/8 · (1 + t²/4)^(−5/2). */
const tDensity4 = (t: number): number => 0.375 * (1 + (t * t) / 4) ** -2.5;
/** Two-sided p for df = 4 by Simpson integration of the density (independent of any library). */
function twoSidedP4(t: number): number {
  const steps = 2000;
  const h = Math.abs(t) / steps;
  let sum = tDensity4(0) + tDensity4(Math.abs(t));
  for (let i = 1; i < steps; i++) sum += (i % 2 === 0 ? 2 : 4) * tDensity4(i * h);
  return 1 - 2 * ((sum * h) / 3);
}

function midranks(values: number[]): number[] {
  const sorted = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < sorted.length; ) {
    let end = start;
    while (end + 1 < sorted.length && sorted[end + 1]!.v === sorted[start]!.v) end++;
    for (let k = start; k <= end; k++) ranks[sorted[k]!.i] = (start + end) / 2 + 1;
    start = end + 1;
  }
  return ranks;
}

// Hand-made dataset in study B's layout. Changes (s6 − baseline): psychedelic −2, −1, −3, 0, −2;
// psycholytic 0, 1, −1, 0, −2.
const tiny: Reconstruction = {
  label: RECONSTRUCTION_LABEL,
  method: "hand-made",
  assumptions: ["hand-made test data"],
  columns: ["id", "arm", "bpi-sf-severity_baseline", "bpi-sf-severity_after-s6"],
  rows: [
    [6, 4], [7, 6], [8, 5], [5, 5], [9, 7],
    [5, 5], [6, 7], [7, 6], [8, 8], [6, 4],
  ].map(([pre, post], i) => ({ id: `p${i + 1}`, arm: i < 5 ? "psychedelic" : "psycholytic", "bpi-sf-severity_baseline": pre!, "bpi-sf-severity_after-s6": post! })),
};
const x = [-2, -1, -3, 0, -2];
const y = [0, 1, -1, 0, -2];

describe("testsOnReconstruction", () => {
  const runs = testsOnReconstruction(tiny, B);
  const outcome = (id: string) => runs.find((r) => r.meta.id === id)!.outcome!;

  it("paired t on the psychedelic arm matches a hand calculation and Simpson integration of the t density", () => {
    // mean −1.6; squared deviations 0.16 + 0.36 + 1.96 + 2.56 + 0.16 = 5.2 → SD √1.3; t = −1.6 / (√1.3/√5) = −3.1379, df 4.
    const t = -1.6 / (Math.sqrt(1.3) / Math.sqrt(5));
    expect(outcome("psychedelic bpi-sf-severity baseline→after-s6 paired-t").p).toBeCloseTo(twoSidedP4(t), 6);
    expect(outcome("psychedelic bpi-sf-severity baseline→after-s6 paired-t").effect).toBeCloseTo(-1.6 / Math.sqrt(1.3), 12);
  });

  it("Wilcoxon signed-rank matches a brute force over the 2^4 sign assignments", () => {
    // Zero dropped; |d| = 2, 1, 3, 2 → midranks 2.5, 1, 4, 2.5; all changes negative so V = 0.
    const ranks = [2.5, 1, 4, 2.5];
    let atMost = 0;
    for (let mask = 0; mask < 16; mask++) if (ranks.reduce((s, r, i) => s + (mask & (1 << i) ? r : 0), 0) <= 0) atMost++;
    expect(outcome("psychedelic bpi-sf-severity baseline→after-s6 wilcoxon-signed-rank").p).toBeCloseTo(Math.min(1, (2 * atMost) / 16), 12); // 0.125
  });

  it("Mann–Whitney on the change scores matches a brute force over all 252 splits of the pooled midranks", () => {
    const ranks = midranks([...x, ...y]);
    const observed = ranks.slice(0, 5).reduce((s, r) => s + r, 0);
    let low = 0;
    let high = 0;
    let all = 0;
    for (let mask = 0; mask < 1 << 10; mask++) {
      if (mask.toString(2).split("1").length - 1 !== 5) continue;
      const sum = ranks.reduce((s, r, i) => s + (mask & (1 << i) ? r : 0), 0);
      all++;
      if (sum <= observed + 1e-9) low++;
      if (sum >= observed - 1e-9) high++;
    }
    expect(all).toBe(252);
    expect(outcome("psychedelic vs psycholytic bpi-sf-severity change baseline→after-s6 mann-whitney").p).toBeCloseTo(Math.min(1, (2 * Math.min(low, high)) / all), 12);
  });

  it("Welch t on the change scores matches the Welch–Satterthwaite formula with jStat's t distribution", () => {
    const m = (v: number[]) => v.reduce((s, t) => s + t, 0) / v.length;
    const s2 = (v: number[]) => v.reduce((s, t) => s + (t - m(v)) ** 2, 0) / (v.length - 1);
    const a = s2(x) / 5;
    const b = s2(y) / 5;
    const t = (m(x) - m(y)) / Math.sqrt(a + b);
    const df = (a + b) ** 2 / (a ** 2 / 4 + b ** 2 / 4);
    expect(outcome("psychedelic vs psycholytic bpi-sf-severity change baseline→after-s6 welch-t").p).toBeCloseTo(twoSidedT(t, df), 8);
  });

  it("gives null for a paired test whose changes are all equal (no SD)", () => {
    const flat = { ...tiny, rows: tiny.rows.map((row) => ({ ...row, "bpi-sf-severity_after-s6": (row["bpi-sf-severity_baseline"] as number) - 1 })) };
    expect(testsOnReconstruction(flat, B).find((r) => r.meta.id === "psychedelic bpi-sf-severity baseline→after-s6 paired-t")!.outcome).toBeNull();
  });
});

describe("inferenceOverReconstructions (study A)", () => {
  const result = inferenceOverReconstructions(A, registry, { seed: 3, perScenario: 6 });
  const phq = result.analyses.find((a) => a.id === "all phq-9 baseline→after-treatments paired-t")!;

  it("summarises every analysis consistently: min ≤ q1 ≤ median ≤ q3 ≤ max, bracketing cases inside, counts add up", () => {
    for (const a of result.analyses) {
      expect(a.p.min <= a.p.q1 && a.p.q1 <= a.p.median && a.p.median <= a.p.q3 && a.p.q3 <= a.p.max).toBe(true);
      if (a.lowSpread) expect(a.lowSpread.p).toBeGreaterThanOrEqual(a.p.min);
      if (a.highSpread) expect(a.highSpread.p).toBeLessThanOrEqual(a.p.max);
      // A test runs on every dataset that has its columns; SDS before treatment exists only under
      // the "improved in all" reading (nothing is reported there), so its tests run on half.
      expect(a.p.count + a.undefinedCount).toBe(a.instrument === "sds" ? result.reconstructionsRun / 2 : result.reconstructionsRun);
    }
    const sds = result.analyses.find((a) => a.id === "all sds baseline→after-treatments paired-t")!;
    expect(sds.caveats).toEqual([message.caveatUnreported("sds", "baseline")]);
    expect(result.analyses.find((a) => a.id === "all phq-9 baseline→after-treatments paired-t")!.caveats).toEqual([]);
  });

  it("shows that PHQ-9 'significant' depends on the unreported SD, as a hand-made pair of datasets does", () => {
    // Two hand-made datasets inside the bands (pre mean 15.00 'moderately severe', post 9.95 'mild'):
    // tight: every patient falls about 5 points; wide: 4 patients 27 → 0, 7 rise by 1 (12 → 13), 9 stay at 12.
    const wide = [...Array(4).fill(-27), ...Array(7).fill(1), ...Array(9).fill(0)];
    expect(wide.reduce((s, d) => s + d, 0)).toBe(-101); // 300 → 199
    const mean = -101 / 20;
    const sd = Math.sqrt(wide.reduce((s, d) => s + (d - mean) ** 2, 0) / 19);
    expect(twoSidedT(mean / (sd / Math.sqrt(20)), 19)).toBeGreaterThan(0.05); // ≈ 0.0596
    const tight = [...Array(19).fill(-5), -6];
    const tightSd = Math.sqrt(tight.reduce((s, d) => s + (d + 5.05) ** 2, 0) / 19);
    expect(twoSidedT(-5.05 / (tightSd / Math.sqrt(20)), 19)).toBeLessThan(1e-10);
    // The module finds the same: p on both sides of 0.05.
    expect(phq.verdictDependsOnSpread).toBe(true);
    expect(phq.p.min).toBeLessThan(0.05);
    expect(phq.p.max).toBeGreaterThanOrEqual(0.05);
  });

  it("keeps PHQ-9 paired t significant whenever every patient improved, within a hand-derived bound", () => {
    // With every change d ≥ 1, d ≤ 27 and mean ≥ 101/20, the largest SD puts changes at 1 and 27:
    // share f = (5.05 − 1)/26 at 27, sample SD = 26·√(f(1 − f))·√(20/19); t = 5.05·√20/SD ≈ 2.33, df 19.
    const f = 4.05 / 26;
    const sd = 26 * Math.sqrt(f * (1 - f)) * Math.sqrt(20 / 19);
    const bound = twoSidedT((5.05 * Math.sqrt(20)) / sd, 19);
    expect(bound).toBeLessThan(0.05);
    expect(phq.byReading["as-claimed"]!.max).toBeLessThanOrEqual(bound + 1e-12);
    expect(phq.byReading["not-assumed"]!.max).toBeGreaterThan(phq.byReading["as-claimed"]!.max);
  });

  it("rebuilds under every NRS convention and both readings of 'improved in all patients'", () => {
    const ids = result.scenarios.map((s) => s.id);
    for (const c of ["cpa-1-3-4-6-7-10", "palos-2006", "boonstra-2016"]) for (const r of ["as-claimed", "not-assumed"]) expect(ids).toContain(`${r}/${c}/low-spread`);
    expect(phq.mde).toEqual({ design: "paired", n: [20], effect: mde("paired", 20).mde });
  });

  it("is deterministic for a seed", () => {
    expect(inferenceOverReconstructions(A, registry, { seed: 3, perScenario: 6 })).toEqual(result);
  });

  it("refuses impossible options", () => {
    expect(() => inferenceOverReconstructions(A, registry, { perScenario: 0 })).toThrow(message.badPerScenario(0));
    expect(() => inferenceOverReconstructions(A, registry, { alpha: 1 })).toThrow(message.alphaOutOfRange(1));
  });
});

describe("inferenceOverReconstructions (study B)", () => {
  const result = inferenceOverReconstructions(B, registry, { seed: 1, perScenario: 6 });

  it("puts the 5-vs-5 minimal detectable effect next to the observed effects and carries the non-significance claim", () => {
    const welch = result.analyses.find((a) => a.id === "psychedelic vs psycholytic bpi-sf-severity change baseline→after-s6 welch-t")!;
    expect(welch.mde!.design).toBe("two-group");
    expect(welch.mde!.n).toEqual([5, 5]);
    expect(welch.mde!.effect).toBe(mde("two-group", [5, 5]).mde);
    expect(welch.mde!.rawDifference!.min).toBeGreaterThan(0);
    expect(welch.claims.map((c) => c.id)).toContain("not-statistically-significant");
    // "not statistically significant" is what most rebuilt datasets give, but not all.
    expect(welch.p.max).toBeGreaterThanOrEqual(0.05);
    expect(welch.p.median).toBeGreaterThanOrEqual(0.05);
  });

  it("has no improvement scenarios when no 'improved in all' claim covers a rebuilt instrument", () => {
    expect(result.scenarios.every((s) => s.improvement === "as-claimed")).toBe(true);
    expect(result.label).toBe("inference over sampled reconstructions — samples, not bounds, and not results of the study");
  });
});
