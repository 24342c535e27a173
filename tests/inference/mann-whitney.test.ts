import { describe, expect, it } from "vitest";
import { mannWhitney } from "../../src/inference/index.js";
import * as message from "../../src/messages/inference.js";
import { createRng } from "../../src/stats/rng.js";

/** Brute force: every way to choose which n_x of the pooled values are "x"; two-sided p = 2·min tail. */
function bruteForceMannWhitney(x: number[], y: number[]): { w: number; p: number } {
  const pooled = [...x, ...y];
  const rank = (value: number): number => pooled.filter((other) => other < value).length + (pooled.filter((other) => other === value).length + 1) / 2;
  const ranks = pooled.map(rank);
  const shift = (x.length * (x.length + 1)) / 2;
  const observed = x.reduce((sum, _value, i) => sum + (ranks[i] as number), 0) - shift;
  let atMost = 0;
  let atLeast = 0;
  let total = 0;
  const choose = (start: number, left: number, sum: number): void => {
    if (left === 0) {
      const w = sum - shift;
      total += 1;
      if (w <= observed + 1e-9) atMost += 1;
      if (w >= observed - 1e-9) atLeast += 1;
      return;
    }
    for (let i = start; i <= pooled.length - left; i += 1) choose(i + 1, left - 1, sum + (ranks[i] as number));
  };
  choose(0, x.length, 0);
  return { w: observed, p: Math.min(1, (2 * Math.min(atMost, atLeast)) / total) };
}

describe("mannWhitney", () => {
  it("matches R's wilcox.test(x, y) example (Hollander & Wolfe 1973, p. 69)", () => {
    // R ?wilcox.test: wilcox.test(x, y, alternative = "g") → W = 35, p-value = 0.1272;
    // two-sided exact = 2 × 0.1272 = 0.2544 (R doubles the smaller tail).
    const x = [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];
    const y = [1.15, 0.88, 0.9, 0.74, 1.21];
    const result = mannWhitney(x, y);
    expect(result.statistic).toEqual({ name: "W", value: 35 });
    expect(result.p).toBeCloseTo(0.2544, 4);
  });

  it("gives p = 2/C(6,3) = 0.1 for complete separation of 3 vs 3 (hand calculation)", () => {
    // Only 1 of the C(6,3) = 20 splits puts all of x below y: one tail = 1/20, two-sided 0.1. W = 0.
    const result = mannWhitney([1, 2, 3], [4, 5, 6]);
    expect(result.statistic.value).toBe(0);
    expect(result.p).toBeCloseTo(0.1, 14);
    expect(result.effectSize.value).toBe(-1);
  });

  it("equals brute-force enumeration of all splits, with ties (5 vs 5 as in study B, and others)", () => {
    const rng = createRng(99);
    for (let trial = 0; trial < 60; trial += 1) {
      const nx = trial < 20 ? 5 : rng.int(1, 7);
      const ny = trial < 20 ? 5 : rng.int(1, 7);
      const x = Array.from({ length: nx }, () => rng.int(0, 5));
      const y = Array.from({ length: ny }, () => rng.int(0, 5));
      const oracle = bruteForceMannWhitney(x, y);
      const result = mannWhitney(x, y);
      expect(result.statistic.value, `trial ${trial}`).toBeCloseTo(oracle.w, 12);
      expect(result.p, `trial ${trial}`).toBeCloseTo(oracle.p, 12);
    }
  });

  it("refuses an empty group and samples above the exact limit", () => {
    expect(() => mannWhitney([], [1])).toThrow(message.valuesTooFew("x", 0, 1));
    const big = Array.from({ length: 60 }, (_, i) => i);
    expect(() => mannWhitney(big, big)).toThrow(message.exactTooLarge("Mann–Whitney test", 120, 100));
  });
});
