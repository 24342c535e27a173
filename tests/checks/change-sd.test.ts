import { describe, expect, it } from "vitest";
import { changeSd, correlationRange, impliedCorrelation } from "../../src/checks/change-sd.js";
import { CohortError } from "../../src/errors.js";

const range = (r: ReturnType<typeof changeSd>) => (r.details as { correlationRange: [number, number] | null }).correlationRange;

describe("changeSd", () => {
  it("a 3-4-5 triangle implies r = 0", () => {
    // Hand: (9 + 16 − 25)/(2·3·4) = 0.
    expect(impliedCorrelation(3, 4, 5)).toBe(0);
    const result = changeSd({ sd1: "3.0", sd2: "4.0", sdChange: "5.0" });
    expect(result.status).toBe("consistent");
    const [lo, hi] = range(result)!;
    expect(lo).toBeLessThan(0);
    expect(hi).toBeGreaterThan(0);
  });
  it("the implied correlation range over the rounding box, by hand", () => {
    // SDs 10.0 and 10.0 (9.95–10.05), change SD 5.0 (4.95–5.05): r = 0.875 at the printed values.
    // Least: s_c = 5.05, s₁ = s₂ = 9.95: (2·99.0025 − 25.5025)/(2·99.0025) = 0.871213…
    // Greatest: s_c = 4.95, s₁ = s₂ = 10.05: (2·101.0025 − 24.5025)/(2·101.0025) = 0.878702…
    const [lo, hi] = range(changeSd({ sd1: "10.0", sd2: "10.0", sdChange: "5.0" }))!;
    expect(lo).toBeCloseTo((2 * 99.0025 - 25.5025) / (2 * 99.0025), 12);
    expect(hi).toBeCloseTo((2 * 101.0025 - 24.5025) / (2 * 101.0025), 12);
  });
  it("flags a change SD below |SD₁ − SD₂| or above SD₁ + SD₂, after rounding", () => {
    // |10 − 2| = 8 > 5, and even within rounding 9.5 − 2.5 = 7 > 5.5.
    expect(changeSd({ sd1: "10", sd2: "2", sdChange: "5" }).status).toBe("inconsistent");
    // 3 + 4 = 7 < 8 (within rounding 3.05 + 4.05 = 7.1 < 7.95).
    expect(changeSd({ sd1: "3.0", sd2: "4.0", sdChange: "8.0" }).status).toBe("inconsistent");
    // On the edge within rounding: 3.0 + 4.0 with change SD 7.1 (7.05 ≤ 7.1): feasible, r near −1.
    const edge = changeSd({ sd1: "3.0", sd2: "4.0", sdChange: "7.1" });
    expect(edge.status).toBe("consistent");
    expect(range(edge)![0]).toBe(-1);
  });
  it("compares a printed correlation with the implied one", () => {
    expect(changeSd({ sd1: "10.0", sd2: "10.0", sdChange: "5.0", correlation: "0.88" }).status).toBe("consistent");
    expect(changeSd({ sd1: "10.0", sd2: "10.0", sdChange: "5.0", correlation: "0.50" }).status).toBe("inconsistent");
  });
  it("correlationRange contains every sampled point of the box (brute force)", () => {
    const [lo, hi] = correlationRange([2, 6], [3, 5], [1, 4]);
    for (let i = 0; i <= 40; i++)
      for (let j = 0; j <= 40; j++)
        for (let k = 0; k <= 40; k++) {
          const r = impliedCorrelation(2 + (4 * i) / 40, 3 + (2 * j) / 40, 1 + (3 * k) / 40);
          expect(r).toBeGreaterThanOrEqual(lo - 1e-12);
          expect(r).toBeLessThanOrEqual(hi + 1e-12);
        }
  });
  it("refuses a negative SD", () => {
    expect(() => changeSd({ sd1: "-1", sd2: "2", sdChange: "1" })).toThrow(CohortError);
  });
});
