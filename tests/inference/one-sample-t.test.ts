import jStatModule from "jstat";
import { describe, expect, it } from "vitest";
import { oneSampleT } from "../../src/inference/index.js";
import * as message from "../../src/messages/inference.js";

describe("oneSampleT", () => {
  it("gives R's t.test(1:6, mu = 3.385) statistic 0.15057034426283503 (STYLE.md §1), using the sample SD", () => {
    // STYLE.md §1 quotes 0.15057034426283503 for R's t.test(1:6, mu = 3.385) against simple-statistics'
    // 0.1649415480881466 (population SD). Both are t statistics, not p-values: by hand,
    // mean 3.5, sample SD √3.5 = 1.8708287, SE = 1.8708287/√6 = 0.7637626, t = 0.115/0.7637626 = 0.1505703;
    // with the population SD √(17.5/6) = 1.7078251, t = 0.115/0.6972167 = 0.1649415 — the simple-statistics bug.
    const result = oneSampleT([1, 2, 3, 4, 5, 6], 3.385);
    expect(result.t).toBeCloseTo(0.15057034426283503, 12);
    expect(result.df).toBe(5);
    expect(result.effectSize.value).toBeCloseTo(0.115 / Math.sqrt(3.5), 12);
  });

  it("computes the two-sided p the way a second library does (jStat's central t)", () => {
    const result = oneSampleT([1, 2, 3, 4, 5, 6], 3.385);
    const jStat = jStatModule.jStat ?? jStatModule;
    const second = 2 * (1 - (jStat as unknown as { studentt: { cdf(x: number, df: number): number } }).studentt.cdf(Math.abs(result.t), 5));
    // METHODS.md §8: jStat's and @stdlib's central t agree to ~1e-9 at small df.
    expect(result.p).toBeCloseTo(second, 8);
    expect(result.p).toBeGreaterThan(0.88);
  });

  it("rejects non-finite values, naming the index", () => {
    expect(() => oneSampleT([1, Number.NaN, 3])).toThrow(message.valueNotFinite("values", 1, Number.NaN));
  });
});

describe("oneSampleT with values at the edge of double precision", () => {
  it("says the variance underflowed, not that the values have no variation", () => {
    // By hand: values 0 and 1e-200 differ, but (5e-201)² = 2.5e-401 underflows to 0.
    expect(() => oneSampleT([0, 1e-200])).toThrow(message.tTestTooExtreme("one-sample-t"));
  });

  it("refuses values whose variance overflows", () => {
    // Mean 0; squared deviations (1e200)² overflow to Infinity.
    expect(() => oneSampleT([-1e200, 1e200])).toThrow(message.tTestTooExtreme("one-sample-t"));
  });
});
