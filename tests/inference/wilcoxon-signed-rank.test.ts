import wilcoxon from "@stdlib/stats-wilcoxon";
import { describe, expect, it } from "vitest";
import { wilcoxonSignedRank } from "../../src/inference/index.js";
import * as message from "../../src/messages/inference.js";
import { createRng } from "../../src/stats/rng.js";
import { SLEEP_GROUP_1, SLEEP_GROUP_2 } from "./sleep-data.js";

/** Oracle midrank, written independently of src: (number below) + (number equal + 1)/2. */
function naiveRank(values: number[], index: number): number {
  const value = values[index] as number;
  const below = values.filter((other) => other < value).length;
  const equal = values.filter((other) => other === value).length;
  return below + (equal + 1) / 2;
}

/** Brute force: all 2^m sign assignments of the non-zero |d| ranks; two-sided p = 2·min tail, capped at 1. */
function bruteForceSignedRank(differences: number[], zeroMethod: "wilcox" | "pratt"): { v: number; p: number } {
  const pool = zeroMethod === "wilcox" ? differences.filter((d) => d !== 0) : differences;
  const absolute = pool.map(Math.abs);
  const items = pool.map((d, i) => ({ d, rank: naiveRank(absolute, i) })).filter((item) => item.d !== 0);
  const observed = items.filter((item) => item.d > 0).reduce((sum, item) => sum + item.rank, 0);
  let atMost = 0;
  let atLeast = 0;
  const total = 2 ** items.length;
  for (let mask = 0; mask < total; mask += 1) {
    let v = 0;
    items.forEach((item, bit) => {
      if (mask & (1 << bit)) v += item.rank;
    });
    if (v <= observed + 1e-9) atMost += 1;
    if (v >= observed - 1e-9) atLeast += 1;
  }
  return { v: observed, p: Math.min(1, (2 * Math.min(atMost, atLeast)) / total) };
}

describe("wilcoxonSignedRank", () => {
  it("matches R's wilcox.test(x, y, paired = TRUE) for the Hollander & Wolfe depression data", () => {
    // R ?wilcox.test example (Hollander & Wolfe 1973, p. 29): x = first visit, y = second visit;
    // wilcox.test(x, y, paired = TRUE, alternative = "greater") → V = 40, p-value = 0.01953.
    // V counts positive x − y, so before = y, after = x; two-sided = 2 × 0.01953 = 0.0390625 (= 20/512).
    const x = [1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3];
    const y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];
    const result = wilcoxonSignedRank(y, x);
    expect(result.statistic).toEqual({ name: "V", value: 40 });
    expect(result.p).toBeCloseTo(0.0390625, 12);
    expect(result.ties).toBe(false);
  });

  it("agrees with @stdlib/stats-wilcoxon's exact p where it is exact (no ties, no zeros)", () => {
    const rng = createRng(7);
    for (let trial = 0; trial < 20; trial += 1) {
      const n = rng.int(5, 14);
      const before = Array.from({ length: n }, () => rng.next() * 10);
      const after = before.map((value) => value + (rng.next() - 0.4) * 6);
      const ours = wilcoxonSignedRank(before, after);
      const theirs = wilcoxon(after, before);
      expect(ours.statistic.value, `trial ${trial}`).toBeCloseTo(theirs.statistic, 9);
      expect(ours.p, `trial ${trial}`).toBeCloseTo(Math.min(1, theirs.pValue), 12);
    }
  });

  it("equals brute-force enumeration with ties and zeros, under both zero conventions", () => {
    const rng = createRng(2024);
    for (let trial = 0; trial < 60; trial += 1) {
      const n = rng.int(2, 13);
      const before = Array.from({ length: n }, () => rng.int(0, 6));
      const after = Array.from({ length: n }, () => rng.int(0, 6));
      const differences = after.map((value, i) => value - (before[i] as number));
      if (differences.every((d) => d === 0)) continue;
      for (const zeroMethod of ["wilcox", "pratt"] as const) {
        const oracle = bruteForceSignedRank(differences, zeroMethod);
        const result = wilcoxonSignedRank(before, after, { zeroMethod });
        expect(result.statistic.value, `trial ${trial} ${zeroMethod}`).toBeCloseTo(oracle.v, 12);
        expect(result.p, `trial ${trial} ${zeroMethod}`).toBeCloseTo(oracle.p, 12);
      }
    }
  });

  it("gives the same answer for the same changes in any order, on first sight and when remembered", () => {
    const rng = createRng(77);
    for (let trial = 0; trial < 40; trial += 1) {
      const n = rng.int(3, 12);
      const differences = Array.from({ length: n }, () => rng.int(-4, 4));
      if (differences.every((d) => d === 0)) continue;
      const oracle = bruteForceSignedRank(differences, "wilcox");
      const zeros = differences.map(() => 0);
      const shuffled = [...differences].reverse();
      const first = wilcoxonSignedRank(zeros, differences);
      const reordered = wilcoxonSignedRank(zeros, shuffled);
      const repeated = wilcoxonSignedRank(zeros, differences);
      expect(first.p, `trial ${trial}`).toBeCloseTo(oracle.p, 12);
      expect(reordered.p).toBe(first.p);
      expect(repeated.p).toBe(first.p);
      expect(reordered.statistic.value).toBe(first.statistic.value);
    }
  });

  it("gives the exact p for the sleep data, where R can only approximate (ties and a zero)", () => {
    // All 9 non-zero changes (group 1 − group 2) are negative: V = 0; under H0 each of the 2^9 sign
    // patterns is equally likely and only the all-negative one reaches V = 0, so p = 2/512 = 0.00390625.
    // (R warns "cannot compute exact p-value with ties" and reports the normal approximation 0.009091.)
    const result = wilcoxonSignedRank(SLEEP_GROUP_2, SLEEP_GROUP_1);
    expect(result.statistic.value).toBe(0);
    expect(result.p).toBe(2 / 512);
    expect(result.zeros).toBe(1);
    expect(result.ties).toBe(true);
    expect(result.effectSize.value).toBe(-1);
  });

  it("uses the Pratt convention when asked: zeros raise the other ranks", () => {
    // Differences 0, 2, −3, 4: Wilcox drops the zero → ranks 1, 2, 3 → V = 1 + 3 = 4.
    // Pratt ranks 0, 2, 3, 4 as 1, 2, 3, 4 and drops the zero's rank → V = 2 + 4 = 6.
    expect(wilcoxonSignedRank([5, 5, 5, 5], [5, 7, 2, 9]).statistic.value).toBe(4);
    expect(wilcoxonSignedRank([5, 5, 5, 5], [5, 7, 2, 9], { zeroMethod: "pratt" }).statistic.value).toBe(6);
  });

  it("refuses data where every change is zero", () => {
    expect(() => wilcoxonSignedRank([1, 2], [1, 2])).toThrow(message.allDifferencesZero());
  });
});
