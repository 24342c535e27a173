import { describe, expect, it } from "vitest";
import { clopperPearson } from "../../src/inference/index.js";
import * as message from "../../src/messages/inference.js";

const round4 = (value: number): number => Math.round(value * 10_000) / 10_000;

/** Independent oracle: P(X ≥ k) or P(X ≤ k) for X ~ Binomial(n, p), summed term by term. */
function binomialTail(n: number, k: number, p: number, upper: boolean): number {
  let total = 0;
  for (let x = 0; x <= n; x += 1) {
    if (upper ? x < k : x > k) continue;
    let logChoose = 0;
    for (let i = 1; i <= x; i += 1) logChoose += Math.log(n - x + i) - Math.log(i);
    total += Math.exp(logChoose + x * Math.log(p) + (n - x) * Math.log1p(-p));
  }
  return total;
}

/** Clopper–Pearson bounds by bisection on the binomial tails (the 1934 definition), not via the beta quantile. */
function bisect(f: (p: number) => number): number {
  let low = 0;
  let high = 1;
  for (let i = 0; i < 80; i += 1) {
    const middle = (low + high) / 2;
    if (f(middle) < 0) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

describe("clopperPearson", () => {
  it("matches Newcombe (1998) Table I, method 5 (exact)", () => {
    // Newcombe RG (1998) Stat Med 17:857–872, Table I, "exact" (method 5) column:
    // 81/263 → 0.2527–0.3676; 15/148 → 0.0578–0.1617; 0/20 → 0–0.1684; 1/29 → 0.0009–0.1776.
    // Unlike the Wilson column, no stored copy of this column was found to quote; the figures are the
    // paper's as cited from it, and the two tests below pin the same intervals independently
    // (closed form at 0/n, bisection on binomial tails).
    const table: Array<[number, number, number, number]> = [
      [81, 263, 0.2527, 0.3676],
      [15, 148, 0.0578, 0.1617],
      [0, 20, 0, 0.1684],
      [1, 29, 0.0009, 0.1776],
    ];
    for (const [count, n, low, high] of table) {
      const { interval } = clopperPearson(count, n);
      expect([round4(interval[0]), round4(interval[1])], `${count}/${n}`).toEqual([low, high]);
    }
  });

  it("matches the measured teaching number for 14/20 (METHODS.md §7: 0.457–0.881)", () => {
    const { interval } = clopperPearson(14, 20);
    expect(interval[0]).toBeCloseTo(0.457, 3);
    expect(interval[1]).toBeCloseTo(0.881, 3);
  });

  it("has the closed form 1 − (α/2)^(1/n) at 0/n and (α/2)^(1/n) at n/n", () => {
    // Hand calculation: 0/20 → 1 − 0.025^(1/20) = 1 − exp(ln 0.025 / 20) = 1 − exp(−0.184444) = 0.168433.
    expect(clopperPearson(0, 20).interval).toEqual([0, expect.closeTo(0.168433, 6)]);
    expect(clopperPearson(20, 20).interval[0]).toBeCloseTo(Math.pow(0.025, 1 / 20), 12);
    expect(clopperPearson(20, 20).interval[1]).toBe(1);
  });

  it("agrees with bisection on the binomial tails for every k of n = 12 at 90% (second method)", () => {
    const n = 12;
    const alpha = 0.1;
    for (let k = 1; k < n; k += 1) {
      const low = bisect((p) => binomialTail(n, k, p, true) - alpha / 2);
      const high = bisect((p) => alpha / 2 - binomialTail(n, k, p, false));
      const { interval } = clopperPearson(k, n, 0.9);
      expect(interval[0], `${k}/${n} low`).toBeCloseTo(low, 9);
      expect(interval[1], `${k}/${n} high`).toBeCloseTo(high, 9);
    }
  });

  it("rejects a count above n", () => {
    expect(() => clopperPearson(5, 4)).toThrow(message.countOutOfRange(5, 4));
  });
});

describe("clopperPearson at the edge of double precision", () => {
  it("refuses level 0.9999999999999999 with a CohortError instead of a NaN bound (fuzz regression)", () => {
    expect(() => clopperPearson(3, 25, 0.9999999999999999)).toThrow(message.levelOutOfRange(0.9999999999999999));
  });

  it("still computes at level 1 − 1e-12: finite bounds around the estimate", () => {
    // Beta quantiles at α/2 = 5e-13 are finite; the exact interval must contain 3/25 = 0.12.
    const [low, high] = clopperPearson(3, 25, 1 - 1e-12).interval;
    expect(low).toBeGreaterThan(0);
    expect(low).toBeLessThan(0.12);
    expect(high).toBeGreaterThan(0.12);
    expect(high).toBeLessThan(1);
  });
});
