import { describe, expect, it } from "vitest";
import { composition } from "../../src/checks/composition.js";
import * as msg from "../../src/messages/checks.js";

/** Oracle: does some tuple of counts (each 0..n, each rounding to its percentage half up or down) sum to n? */
function bruteFits(n: number, percents: string[]): boolean {
  const fits = (k: number, p: string) => {
    const target = Number(p);
    const exact = (100 * k) / n;
    return Math.abs(exact - target) <= 0.5 + 1e-9;
  };
  const rec = (i: number, left: number): boolean => {
    if (i === percents.length) return left === 0;
    for (let k = 0; k <= left; k++) if (fits(k, percents[i]!) && rec(i + 1, left - k)) return true;
    return false;
  };
  return rec(0, n);
}

describe("composition", () => {
  it("accepts study A's sex and misuse splits (hand: 11+9 = 20; 9+5+4+2 = 20; 45/25/20/10 sum to 100)", () => {
    expect(composition({ n: 20, categories: [{ id: "female", count: 11, percent: "55" }, { id: "male", count: 9, percent: "45" }] }).status).toBe("consistent");
    const r = composition({ n: 20, categories: [{ id: "opioid", count: 9, percent: "45" }, { id: "benzo", count: 5, percent: "25" }, { id: "cocaine", count: 4, percent: "20" }, { id: "kratom", count: 2, percent: "10" }] });
    expect(r.status).toBe("consistent");
  });
  it("flags counts that do not sum to n", () => {
    const r = composition({ n: 20, categories: [{ id: "a", count: 11 }, { id: "b", count: 10 }] });
    expect(r.status).toBe("inconsistent");
    expect(r.explanation).toContain("counts sum to 21");
  });
  it("flags rounded percentages whose sum cannot come from one whole (hand: 3 × 34% ≥ 100.5)", () => {
    const r = composition({ n: 30, categories: [{ id: "a", percent: "34" }, { id: "b", percent: "34" }, { id: "c", percent: "34" }] });
    expect(r.status).toBe("inconsistent");
  });
  it("agrees with brute force on whether whole counts fit every percentage and add to n (n 3..12, 3 categories)", () => {
    const options = ["0", "8", "17", "25", "33", "34", "40", "42", "50", "58", "67", "75"];
    for (let n = 3; n <= 12; n++) {
      for (let i = 0; i < options.length; i += 2) {
        for (let j = 1; j < options.length; j += 3) {
          for (let l = 0; l < options.length; l += 5) {
            const ps = [options[i]!, options[j]!, options[l]!];
            const r = composition({ n, categories: ps.map((p, x) => ({ id: `c${x}`, percent: p })) });
            expect(r.status === "consistent", `${n} ${ps}`).toBe(bruteFits(n, ps));
          }
        }
      }
    }
  });
  it("reports overlapping categories as such, not as an error", () => {
    const r = composition({ n: 20, overlapping: true, categories: [{ id: "a", count: 12, percent: "60" }, { id: "b", count: 15, percent: "75" }] });
    expect(r.status).toBe("consistent");
    expect(r.explanation).toContain("overlap");
  });
  it("throws for no categories", () => {
    expect(() => composition({ n: 20, categories: [] })).toThrow(msg.emptyCategories());
  });
});

describe("composition (ranges of counts)", () => {
  it("finds an example of counts summing to n exactly when the brute-force oracle does, and the example fits", () => {
    // Oracle: bruteFits above (recursive search over every tuple of counts).
    const sets = [["50", "50"], ["33", "33", "33"], ["34", "33", "33"], ["20", "20", "20", "20"], ["10", "45", "45"], ["60", "45"]];
    for (const n of [3, 7, 10, 13, 20]) {
      for (const percents of sets) {
        const r = composition({ n, categories: percents.map((p, i) => ({ id: `c${i}`, percent: p })) });
        const example = (r.details as { fittingCounts: number[] | null }).fittingCounts;
        expect(example !== null, `${percents.join("/")} of ${n}`).toBe(bruteFits(n, percents));
        if (example !== null) {
          expect(example.reduce((s, k) => s + k, 0)).toBe(n);
          example.forEach((k, i) => expect(Math.abs((100 * k) / n - Number(percents[i])) <= 0.5 + 1e-9).toBe(true));
        }
      }
    }
  });
  it("handles n = 2^53 − 1 with ranges instead of lists (regression: V8 invalid size abort)", () => {
    const n = 9007199254740991;
    const r = composition({ n, categories: [{ id: "a", percent: "45" }, { id: "b", percent: "55" }] });
    // Hand (exact fractions): 45% fits 4008203668359741…4098275660907150; 55% fits ⌈0.545n⌉…⌊0.555n⌋ =
    // ⌈981784718766768019/200⌉…⌊999799117276250001/200⌋ = 4908923593833841…4998995586381250;
    // lowest sum 8917127262193582 ≤ n ≤ highest sum 9097271247288400, so some pair sums to n.
    expect(r.status).toBe("consistent");
    const d = r.details as { categories: { counts: number[] | null; countRange: { lowest: number; highest: number; count: number } }[]; fittingCounts: number[] };
    expect(d.categories[0]!.counts).toBeNull();
    expect(d.categories[0]!.countRange).toEqual({ lowest: 4008203668359741, highest: 4098275660907150, count: 90071992547410 });
    expect(BigInt(d.fittingCounts[0]!) + BigInt(d.fittingCounts[1]!)).toBe(BigInt(n));
  });
});

describe("composition with only some categories listed", () => {
  it("checks the listed categories and lets their sums fall short of n and 100%, never above", () => {
    // "2788 women (60.9%)" of 4575 (Solberg et al. 2024): 2788/4575 = 60.94% → 60.9. Hand for the failures:
    // 2900 + 1700 = 4600 > 4575; 60.9% + 40.0% = 100.9%, whose least admissible sum 100.85 is above 100.
    expect(composition({ n: 4575, allCategoriesListed: false, categories: [{ id: "women", count: 2788, percent: "60.9" }] }).status).toBe("consistent");
    expect(composition({ n: 4575, categories: [{ id: "women", count: 2788, percent: "60.9" }] }).status).toBe("inconsistent");
    expect(composition({ n: 4575, allCategoriesListed: false, categories: [{ id: "a", count: 2900 }, { id: "b", count: 1700 }] }).status).toBe("inconsistent");
    expect(composition({ n: 4575, allCategoriesListed: false, categories: [{ id: "a", percent: "60.9" }, { id: "b", percent: "40.0" }] }).status).toBe("inconsistent");
    expect(composition({ n: 4575, allCategoriesListed: false, categories: [{ id: "women", count: 2788, percent: "61.9" }] }).status).toBe("inconsistent");
  });
});
