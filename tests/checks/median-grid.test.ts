import { describe, expect, it } from "vitest";
import { medianGrid } from "../../src/checks/median-grid.js";

/** Oracle: the median and the type-7 and type-6 quartiles of every sorted sample of n values from `values`. */
function orderStats(values: number[], n: number): { medians: Set<number>; quartiles: Set<number> } {
  const medians = new Set<number>();
  const quartiles = new Set<number>();
  const quantile = (xs: number[], h: number) => {
    const j = Math.floor(h);
    const w = h - j;
    const at = (i: number) => xs[Math.min(Math.max(i, 1), xs.length) - 1]!;
    return at(j) + w * (at(j + 1) - at(j));
  };
  const rec = (start: number, xs: number[]): void => {
    if (xs.length === n) {
      medians.add(n % 2 ? xs[(n - 1) / 2]! : (xs[n / 2 - 1]! + xs[n / 2]!) / 2);
      for (const p of [0.25, 0.75]) {
        quartiles.add(quantile(xs, (n - 1) * p + 1)); // type 7
        quartiles.add(quantile(xs, (n + 1) * p)); // type 6
      }
      return;
    }
    for (let i = start; i < values.length; i++) rec(i, [...xs, values[i]!]);
  };
  rec(0, []);
  return { medians, quartiles };
}

describe("medianGrid", () => {
  it("a median of whole numbers is whole for n odd and a multiple of 0.5 for n even (brute force, n = 3..6)", () => {
    for (let n = 3; n <= 6; n++) {
      const { medians } = orderStats([0, 1, 2, 3, 4], n);
      for (let tenths = 0; tenths <= 40; tenths++) {
        const printed = (tenths / 10).toFixed(1);
        expect(medianGrid({ median: printed, n }).status === "consistent", `${printed} n ${n}`).toBe(medians.has(tenths / 10));
      }
    }
  });

  it("every type-6 and type-7 quartile of whole numbers passes (brute force), and a quartile off the quarter grid fails", () => {
    for (let n = 3; n <= 6; n++) {
      const { quartiles } = orderStats([0, 1, 2, 3, 4], n);
      for (const q of quartiles) expect(medianGrid({ median: "2", n, spread: [{ kind: "iqr", lower: q.toFixed(2), upper: "4.00" }] }).status, `${q} n ${n}`).toBe("consistent");
    }
    // Hand: with n = 5, types 6 and 7 put the quartiles at positions 1.5/4.5 and 2/4: halves at most; 1.3 is no quartile.
    expect(medianGrid({ median: "2", n: 5, spread: [{ kind: "iqr", lower: "1.3", upper: "3" }] }).status).toBe("inconsistent");
  });

  it("checks a range's ends are observed values within the scale, on a step", () => {
    // RAND-36 role limitations (4 yes/no items): scores in steps of 25 on 0–100.
    expect(medianGrid({ median: "50", n: 9, spread: [{ kind: "range", lower: "0", upper: "100" }], step: { num: 25, den: 1 }, scale: { min: 0, max: 100 } }).status).toBe("consistent");
    expect(medianGrid({ median: "60", n: 9, step: { num: 25, den: 1 } }).status).toBe("inconsistent"); // n odd: an observed score, 50 or 75
    expect(medianGrid({ median: "62.5", n: 10, step: { num: 25, den: 1 } }).status).toBe("consistent"); // (50 + 75)/2
    expect(medianGrid({ median: "59", n: 170, spread: [{ kind: "iqr", lower: "54", upper: "230" }], scale: { min: 16, max: 217 } }).status).toBe("inconsistent");
  });
});
