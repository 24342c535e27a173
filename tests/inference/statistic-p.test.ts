import { describe, expect, it } from "vitest";
import { CohortError } from "../../src/errors.js";
import { correlationToT, pFromStatistic } from "../../src/inference/statistic-p.js";

/** Simpson's rule on [a, b] with an even number of panels: the second method for the tail integrals below. */
function simpson(f: (x: number) => number, a: number, b: number, panels = 20000): number {
  const h = (b - a) / panels;
  let sum = f(a) + f(b);
  for (let i = 1; i < panels; i++) sum += f(a + i * h) * (i % 2 === 1 ? 4 : 2);
  return (sum * h) / 3;
}

/** Two-tailed t p by integrating the unnormalised density (1 + x²/ν)^(−(ν+1)/2) over x = tan θ (finite range), normalised numerically. */
function tTwoTailedByIntegration(t: number, df: number): number {
  const g = (theta: number) => {
    const x = Math.tan(theta);
    return (1 + (x * x) / df) ** (-(df + 1) / 2) / Math.cos(theta) ** 2;
  };
  const total = 2 * simpson(g, 0, Math.PI / 2 - 1e-9);
  const tail = simpson(g, Math.atan(Math.abs(t)), Math.PI / 2 - 1e-9);
  return (2 * tail) / total;
}

describe("pFromStatistic", () => {
  it("t: closed forms for df = 1 and 2", () => {
    // df = 1 is the Cauchy: two-tailed p = 1 − (2/π)·atan|t|; t = 1 gives exactly 0.5.
    expect(pFromStatistic("t", 1, { df2: 1 })).toBeCloseTo(0.5, 12);
    expect(pFromStatistic("t", 3.5, { df2: 1 })).toBeCloseTo(1 - (2 / Math.PI) * Math.atan(3.5), 12);
    // df = 2: two-tailed p = 1 − |t|/√(2 + t²); t = 2: 1 − 2/√6 = 0.183503419072274 (hand).
    expect(pFromStatistic("t", -2, { df2: 2 })).toBeCloseTo(1 - 2 / Math.sqrt(6), 12);
  });
  it("t: agrees with numerical integration of the density (statcheck's example t(28) = 2.20)", () => {
    expect(pFromStatistic("t", 2.2, { df2: 28 })).toBeCloseTo(tTwoTailedByIntegration(2.2, 28), 8);
    expect(pFromStatistic("t", 2.2, { df2: 28 }, 1)).toBeCloseTo(tTwoTailedByIntegration(2.2, 28) / 2, 8);
    expect(pFromStatistic("t", 1.7, { df2: 17.776 })).toBeCloseTo(tTwoTailedByIntegration(1.7, 17.776), 8);
  });
  it("z: the familiar 1.96 and a Simpson integral of the normal density", () => {
    // 2·(1 − Φ(1.959963984540054)) = 0.05 (the 97.5% normal quantile, tables).
    expect(pFromStatistic("z", 1.959963984540054, {})).toBeCloseTo(0.05, 12);
    const tail = simpson((x) => Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI), 2.42, 12);
    expect(pFromStatistic("z", -2.42, {})).toBeCloseTo(2 * tail, 10);
  });
  it("χ²: closed forms for df = 2 (e^(−x/2)) and df = 4 (e^(−x/2)(1 + x/2))", () => {
    expect(pFromStatistic("chi2", 2 * Math.log(20), { df1: 2 })).toBeCloseTo(0.05, 12);
    expect(pFromStatistic("chi2", 7.3, { df1: 4 })).toBeCloseTo(Math.exp(-3.65) * (1 + 3.65), 12);
    // df = 1: the 95% quantile 3.841458820694124 (tables) has p = .05.
    expect(pFromStatistic("chi2", 3.841458820694124, { df1: 1 })).toBeCloseTo(0.05, 12);
  });
  it("F: F(1, ν) = t² and the closed form of F(2, ν) upper tail (1 + 2f/ν)^(−ν/2)", () => {
    expect(pFromStatistic("F", 2.2 ** 2, { df1: 1, df2: 28 })).toBeCloseTo(pFromStatistic("t", 2.2, { df2: 28 }), 12);
    expect(pFromStatistic("F", 2.2, { df1: 2, df2: 28 })).toBeCloseTo((1 + (2 * 2.2) / 28) ** -14, 12);
  });
  it("r: through t = r√df/√(1 − r²) (statcheck r2t)", () => {
    // Hand: r = .22, df = 28: t = 0.22·√28 / √(1 − 0.0484) = 1.164…/0.9755 = 1.19338…
    expect(correlationToT(0.22, 28)).toBeCloseTo((0.22 * Math.sqrt(28)) / Math.sqrt(1 - 0.0484), 12);
    expect(pFromStatistic("r", 0.22, { df2: 28 })).toBeCloseTo(tTwoTailedByIntegration(correlationToT(0.22, 28), 28), 8);
    expect(pFromStatistic("r", 1, { df2: 28 })).toBe(0);
  });
  it("refuses missing degrees of freedom and impossible statistics", () => {
    expect(() => pFromStatistic("t", 2, {})).toThrow(CohortError);
    expect(() => pFromStatistic("F", 2, { df2: 3 })).toThrow(CohortError);
    expect(() => pFromStatistic("F", -1, { df1: 1, df2: 3 })).toThrow(CohortError);
    expect(() => pFromStatistic("r", 1.2, { df2: 3 })).toThrow(CohortError);
    expect(() => pFromStatistic("t", 2, { df2: 0 })).toThrow(CohortError);
  });
});
