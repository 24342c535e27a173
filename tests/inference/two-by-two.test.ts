import { describe, expect, it } from "vitest";
import { CohortError } from "../../src/errors.js";
import { normalCdf } from "../../src/inference/distributions.js";
import { fisherExact, pearsonChiSquare, type TwoByTwo } from "../../src/inference/two-by-two.js";

/** Brute force with exact rationals: every table with the observed margins, probabilities as BigInt fractions over C(N, r1). */
function fisherByEnumeration(table: TwoByTwo, alternative: "two-sided" | "less" | "greater" = "two-sided"): number {
  const [[a, b], [c, d]] = table;
  const choose = (n: number, k: number): bigint => {
    let r = 1n;
    for (let i = 1; i <= k; i++) r = (r * BigInt(n - k + i)) / BigInt(i);
    return r;
  };
  const r1 = a + b;
  const c1 = a + c;
  const total = a + b + c + d;
  // P(x) = C(c1, x)·C(N − c1, r1 − x)/C(N, r1): compare numerators exactly (same denominator).
  const weight = (x: number) => choose(c1, x) * choose(total - c1, r1 - x);
  const observed = weight(a);
  let sum = 0n;
  for (let x = Math.max(0, r1 - (b + d)); x <= Math.min(r1, c1); x++) {
    const w = weight(x);
    if (alternative === "less" ? x <= a : alternative === "greater" ? x >= a : w <= observed) sum += w;
  }
  return Number((sum * 10n ** 15n) / choose(total, r1)) / 1e15;
}

describe("fisherExact", () => {
  it("gives R's documented p for the tea-tasting table (R ?fisher.test: p-value = 0.4857)", () => {
    expect(fisherExact([[3, 1], [1, 3]])).toBeCloseTo(0.4857, 4);
    // Hand: the margins are 4/4; P(x) = C(4,x)C(4,4−x)/70 = 1, 16, 36, 16, 1 over 70; tables no more probable
    // than 16/70: 1 + 16 + 16 + 1 = 34, p = 34/70 = 0.485714…
    expect(fisherExact([[3, 1], [1, 3]])).toBeCloseTo(34 / 70, 12);
    expect(fisherExact([[3, 1], [1, 3]], "greater")).toBeCloseTo(17 / 70, 12);
  });
  it("gives R's documented p for the convictions table (R ?fisher.test, alternative = \"less\": p-value = 0.0004652)", () => {
    // matrix(c(2, 10, 15, 3), nrow = 2) fills by column: [[2, 15], [10, 3]].
    expect(fisherExact([[2, 15], [10, 3]], "less")).toBeCloseTo(0.0004652, 7);
    expect(fisherExact([[2, 15], [10, 3]], "less")).toBeCloseTo(fisherByEnumeration([[2, 15], [10, 3]], "less"), 12);
  });
  it("agrees with exact-rational enumeration on many tables", () => {
    for (let a = 0; a <= 6; a++)
      for (let b = 0; b <= 5; b++)
        for (let c = 0; c <= 5; c++)
          for (const d of [0, 1, 4, 9]) {
            const table: TwoByTwo = [[a, b], [c, d]];
            if (a + b === 0 || c + d === 0 || a + c === 0 || b + d === 0) continue;
            expect(fisherExact(table), JSON.stringify(table)).toBeCloseTo(fisherByEnumeration(table), 12);
          }
  });
  it("refuses fractional or negative counts and empty margins", () => {
    expect(() => fisherExact([[1.5, 2], [3, 4]])).toThrow(CohortError);
    expect(() => fisherExact([[0, 0], [3, 4]])).toThrow(CohortError);
  });
});

describe("pearsonChiSquare", () => {
  it("hand calculation, with the df = 1 tail as a normal tail (second method)", () => {
    // [[10, 20], [20, 10]]: every expected count is 15 and every |O − E| = 5: X² = 4·25/15 = 6.6667;
    // Yates: 4·4.5²/15 = 5.4. With df = 1, P(X² > x) = 2·(1 − Φ(√x)).
    const plain = pearsonChiSquare([[10, 20], [20, 10]], false);
    expect(plain.statistic).toBeCloseTo(20 / 3, 12);
    expect(plain.p).toBeCloseTo(2 * normalCdf(-Math.sqrt(20 / 3)), 12);
    const yates = pearsonChiSquare([[10, 20], [20, 10]], true);
    expect(yates.statistic).toBeCloseTo(5.4, 12);
    expect(yates.p).toBeCloseTo(2 * normalCdf(-Math.sqrt(5.4)), 12);
  });
  it("Yates' correction never overshoots: |O − E| below 0.5 gives 0 (R's min(0.5, |O − E|))", () => {
    // [[5, 5], [5, 6]]: E₁₁ = 10·10/21 = 4.7619, |O − E| = 0.2381 < 0.5, so the corrected statistic is 0 and p = 1.
    expect(pearsonChiSquare([[5, 5], [5, 6]], true).statistic).toBe(0);
    expect(pearsonChiSquare([[5, 5], [5, 6]], true).p).toBe(1);
  });
});
