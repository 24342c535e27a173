import { describe, expect, it } from "vitest";
import { sdBounds, sdBoundsCheck } from "../../src/checks/sd-bounds.js";
import { MAX_TOTALS } from "../../src/checks/validate.js";
import * as msg from "../../src/messages/checks.js";

/** Oracle: least and greatest sample SD over every multiset of n values on [lo, hi] (item sums when items > 1) with total s. */
function bruteBounds(n: number, lo: number, hi: number, s: number, items = 1): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  const rec = (start: number, left: number, sum: number, q: number): void => {
    if (left === 0) {
      if (sum !== s) return;
      const sd = Math.sqrt((n * q - sum * sum) / (n * (n - 1) * items * items));
      min = Math.min(min, sd);
      max = Math.max(max, sd);
      return;
    }
    for (let v = start; v <= hi; v++) rec(v, left - 1, sum + v, q + v * v);
  };
  rec(lo, n, 0, 0);
  return [min, max];
}

describe("sdBounds", () => {
  it("matches rsprite2's .sd_limits examples", () => {
    // rsprite2 tests: .sd_limits(n_obs = 5, mean = 4.2, 1, 7, sd_prec = 2) == c(.45, 3.03); with n_items = 2, c(.27, 3.03).
    // Hand: 4,4,4,4,5 → SD sqrt(0.2) = .447; 7,7,5,1,1 → SD sqrt(9.2) = 3.033.
    const a = sdBounds({ mean: "4.2", n: 5, min: 1, max: 7 })!;
    expect(a.minSd.toFixed(2)).toBe("0.45");
    expect(a.maxSd.toFixed(2)).toBe("3.03");
    const b = sdBounds({ mean: "4.2", n: 5, min: 1, max: 7, items: 2 })!;
    expect(b.minSd.toFixed(2)).toBe("0.27");
    expect(b.maxSd.toFixed(2)).toBe("3.03");
    // rsprite2: .sd_limits(n_obs = 100, mean = 1, 1, 7) == c(0, 0): every value is 1. rsprite2 takes the
    // mean as exact; as a string "1.00" (2 decimals) only the total 100 fits, as it must.
    const c = sdBounds({ mean: "1.00", n: 100, min: 1, max: 7 })!;
    expect([c.minSd, c.maxSd]).toEqual([0, 0]);
  });
  it("agrees with brute force for every total, n = 2..6 on 1–5 and 0–4 with 2 items", () => {
    for (let n = 2; n <= 6; n++) {
      for (let s = n; s <= 5 * n; s++) {
        const mean = (s / n).toFixed(6); // 6 decimals: only this total fits
        const got = sdBounds({ mean, n, min: 1, max: 5 })!;
        const [lo, hi] = bruteBounds(n, 1, 5, s);
        expect(got.minSd).toBeCloseTo(lo, 10);
        expect(got.maxSd).toBeCloseTo(hi, 10);
      }
      for (let s = 0; s <= 8 * n; s += 3) {
        const got = sdBounds({ mean: (s / (2 * n)).toFixed(6), n, min: 0, max: 4, items: 2 })!;
        const [lo, hi] = bruteBounds(n, 0, 8, s, 2);
        expect(got.minSd).toBeCloseTo(lo, 10);
        expect(got.maxSd).toBeCloseTo(hi, 10);
      }
    }
  });
});

describe("sdBoundsCheck", () => {
  it("flags an SD above the maximum and accepts one inside", () => {
    // Max for 4.2, n 5, 1–7 is 3.033 (hand above): 3.10 impossible, 3.03 possible (3.033 rounds to 3.03).
    expect(sdBoundsCheck({ mean: "4.2", sd: "3.10", n: 5, min: 1, max: 7 }).status).toBe("inconsistent");
    expect(sdBoundsCheck({ mean: "4.2", sd: "3.03", n: 5, min: 1, max: 7 }).status).toBe("consistent");
    expect(sdBoundsCheck({ mean: "4.2", sd: "0.40", n: 5, min: 1, max: 7 }).status).toBe("inconsistent");
  });
  it("is undetermined when the mean cannot occur, and throws for min ≥ max", () => {
    expect(sdBoundsCheck({ mean: "8.0", sd: "1.0", n: 5, min: 1, max: 7 }).status).toBe("undetermined");
    expect(() => sdBounds({ mean: "4.2", n: 5, min: 7, max: 1 })).toThrow(msg.minAboveMax(7, 1));
  });
});

describe("sdBounds (limits)", () => {
  // Hand: mean "3" (0 decimals) of n = 10^7 on 1–5 fits totals 2.5·10^7…3.5·10^7: 10^7 + 1 totals (> 10^6).
  it("sdBounds refuses (exit code refused) rather than loop over 10^7 totals", () => {
    expect(() => sdBounds({ mean: "3", n: 10_000_000, min: 1, max: 5 })).toThrow(msg.tooManyTotals("SD bounds", 10_000_001, MAX_TOTALS));
  });
  it("sdBoundsCheck is undetermined for the same input", () => {
    expect(sdBoundsCheck({ mean: "3", sd: "1", n: 10_000_000, min: 1, max: 5 }).status).toBe("undetermined");
  });
});
