import { describe, expect, it } from "vitest";
import { summaryT } from "../../src/checks/summary-t.js";
import { studentTRange, welchTRange, changeSdRange } from "../../src/checks/summary-t-range.js";
import { changeSdFromCorrelation, studentTFromSummary, welchTFromSummary } from "../../src/inference/summary-t.js";
import { CohortError } from "../../src/errors.js";
import { createRng } from "../../src/stats/rng.js";

/*
 * The sleep data (R ?t.test) printed as a paper would print it, to two decimals: means 0.75 and 2.33, SDs 1.79
 * and 2.00 (1.789010 and 2.002249), n = 10 each; changes 1.58 ± 1.23; R gives Student p = 0.07919 (df 18),
 * Welch p = 0.07939 (df 17.776), paired p = 0.002833 (df 9).
 */
const sleep = [
  { mean: "0.75", sd: "1.79", n: 10 },
  { mean: "2.33", sd: "2.00", n: 10 },
] as [{ mean: string; sd: string; n: number }, { mean: string; sd: string; n: number }];

describe("summaryT", () => {
  it("finds R's Student and Welch results consistent with the printed summaries", () => {
    expect(summaryT({ design: "student", groups: sleep, p: "p = .079", t: "-1.86", df: "18" }).status).toBe("consistent");
    expect(summaryT({ design: "welch", groups: sleep, p: "p = .079", t: "-1.86", df: "17.78" }).status).toBe("consistent");
  });
  it("flags a p that the summaries cannot give, with a decision error when significance flips", () => {
    const result = summaryT({ design: "student", groups: sleep, p: "p = .04" });
    expect(result.status).toBe("inconsistent");
    expect((result.details as { decisionError: boolean }).decisionError).toBe(true);
    expect((result.details as { consistentP: unknown }).consistentP).not.toBeNull();
  });
  it("flags Welch's df under Student, and says Welch would fit", () => {
    const result = summaryT({ design: "student", groups: sleep, df: "17.78" });
    expect(result.status).toBe("inconsistent");
    expect((result.details as { otherDesign: { fits: boolean } }).otherDesign.fits).toBe(true);
    expect(result.explanation).toContain("Welch's t-test would fit");
  });
  it("paired: from the change SD, and from both SDs and their correlation", () => {
    expect(summaryT({ design: "paired", meanChange: "1.58", sdChange: "1.23", n: 10, p: "p = .003" }).status).toBe("consistent");
    expect(summaryT({ design: "paired", meanChange: "1.58", sdChange: "1.23", n: 10, p: "p = .03" }).status).toBe("inconsistent");
    // Pearson's r of the sleep pairs is 0.7951702 (computed from the raw data in tests/inference/summary-t.test.ts): printed "0.80".
    expect(summaryT({ design: "paired", groups: sleep, correlation: "0.80", p: "p = .003" }).status).toBe("consistent");
    expect(summaryT({ design: "paired", groups: sleep, correlation: "0.20", p: "p = .003" }).status).toBe("inconsistent");
  });
  it("hand calculation: means 10.00 and 12.00, SDs 1.00, n 2 each give t = −2, df 2, p = 1 − 2/√6 = .1835", () => {
    const groups = [{ mean: "10.00", sd: "1.00", n: 2 }, { mean: "12.00", sd: "1.00", n: 2 }] as typeof sleep;
    expect(summaryT({ design: "student", groups, p: "p = .18" }).status).toBe("consistent");
    expect(summaryT({ design: "student", groups, p: "p < .05" }).status).toBe("inconsistent");
  });
  it("is undetermined with nothing printed to compare, and refuses impossible input", () => {
    expect(summaryT({ design: "student", groups: sleep }).status).toBe("undetermined");
    expect(() => summaryT({ design: "paired", meanChange: "1.58", n: 10, p: "p = .003" })).toThrow(CohortError);
    expect(() => summaryT({ design: "student", groups: [{ mean: "1", sd: "-1", n: 5 }, sleep[1]], p: "p = .1" })).toThrow(CohortError);
    expect(() => summaryT({ design: "student", groups: [{ mean: "1", sd: "1", n: 1 }, sleep[1]], p: "p = .1" })).toThrow(CohortError);
  });
});

describe("attainable ranges (brute force over the rounding box)", () => {
  const rng = createRng(7);
  const draw = (lo: number, hi: number) => lo + (hi - lo) * rng.next();
  it("Student: every sampled point lies inside the exact range, and the corners reach its ends", () => {
    const range = studentTRange([1.575, 1.585], [1.785, 1.795], [1.995, 2.005], 10, 10);
    let low = Infinity;
    let high = -Infinity;
    for (let i = 0; i < 20000; i++) {
      const p = studentTFromSummary({ mean: 0, sd: draw(1.785, 1.795), n: 10 }, { mean: draw(1.575, 1.585), sd: draw(1.995, 2.005), n: 10 }).p;
      low = Math.min(low, p);
      high = Math.max(high, p);
      expect(p).toBeGreaterThanOrEqual(range.p[0] - 1e-15);
      expect(p).toBeLessThanOrEqual(range.p[1] + 1e-15);
    }
    expect(studentTFromSummary({ mean: 0, sd: 1.785, n: 10 }, { mean: 1.585, sd: 1.995, n: 10 }).p).toBeCloseTo(range.p[0], 14);
    expect(range.p[1] - high).toBeLessThan(1e-4);
  });
  it("Welch: the searched range contains every sampled p and df, and its ends are nearly reached (unequal n, wide SD box)", () => {
    // A box where df and |t| pull apart: n 4 and 30, SDs 1.0–3.0 and 0.5–2.5, |difference| 0.9–1.1.
    const range = welchTRange([0.9, 1.1], [1.0, 3.0], [0.5, 2.5], 4, 30);
    let low = Infinity;
    let high = -Infinity;
    for (let i = 0; i < 40000; i++) {
      const r = welchTFromSummary({ mean: draw(0.9, 1.1), sd: draw(1.0, 3.0), n: 4 }, { mean: 0, sd: draw(0.5, 2.5), n: 30 });
      low = Math.min(low, r.p);
      high = Math.max(high, r.p);
      expect(r.p).toBeGreaterThanOrEqual(range.p[0] - 1e-12);
      expect(r.p).toBeLessThanOrEqual(range.p[1] + 1e-12);
      expect(r.df).toBeGreaterThanOrEqual(range.df[0] - 1e-9);
      expect(r.df).toBeLessThanOrEqual(range.df[1] + 1e-9);
    }
    expect(low).toBeGreaterThan(range.p[0]);
    expect(high).toBeLessThan(range.p[1]);
    // Second method for the ends: a 201 × 201 grid over the SD box at the extreme differences.
    let gridLow = Infinity;
    let gridHigh = -Infinity;
    for (let i = 0; i <= 200; i++)
      for (let j = 0; j <= 200; j++) {
        const s1 = 1 + (2 * i) / 200;
        const s2 = 0.5 + (2 * j) / 200;
        gridLow = Math.min(gridLow, welchTFromSummary({ mean: 1.1, sd: s1, n: 4 }, { mean: 0, sd: s2, n: 30 }).p);
        gridHigh = Math.max(gridHigh, welchTFromSummary({ mean: 0.9, sd: s1, n: 4 }, { mean: 0, sd: s2, n: 30 }).p);
      }
    expect(range.p[0]).toBeLessThanOrEqual(gridLow);
    expect(gridLow - range.p[0]).toBeLessThan(1e-6);
    expect(range.p[1]).toBeGreaterThanOrEqual(gridHigh);
    expect(range.p[1] - gridHigh).toBeLessThan(1e-6);
  });
  it("change SD: the exact range contains every sampled value and is reached", () => {
    const range = changeSdRange([1.0, 3.0], [0.5, 2.5], [0.2, 0.9]);
    let low = Infinity;
    let high = -Infinity;
    for (let i = 0; i < 40000; i++) {
      const v = changeSdFromCorrelation(draw(1.0, 3.0), draw(0.5, 2.5), draw(0.2, 0.9));
      low = Math.min(low, v);
      high = Math.max(high, v);
      expect(v).toBeGreaterThanOrEqual(range[0] - 1e-12);
      expect(v).toBeLessThanOrEqual(range[1] + 1e-12);
    }
    // Hand: the least is at r = 0.9 where the edge s₁ = 1.0 meets s₂ = 0.9·s₁ = 0.9: 1 + 0.81 − 2·0.9·1·0.9 = 0.19.
    expect(range[0]).toBeCloseTo(Math.sqrt(0.19), 12);
    // the greatest at r = 0.2, s₁ = 3.0, s₂ = 2.5: √(9 + 6.25 − 3) = √12.25 = 3.5.
    expect(range[1]).toBeCloseTo(3.5, 12);
    expect(range[0] - low).toBeLessThan(1e-2);
  });
});
