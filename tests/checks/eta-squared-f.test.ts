import { describe, expect, it } from "vitest";
import { etaSquaredF } from "../../src/checks/eta-squared-f.js";

describe("etaSquaredF", () => {
  it("brackets ηp² over F's rounding interval (Lakens 2013: ηp² = F·df1 / (F·df1 + df2))", () => {
    // Hand (and scipy-free Python): F ∈ [3.9585, 3.9595], df (2, 40): 7.917/47.917 = 0.165223 to 7.919/47.919 = 0.165258.
    const result = etaSquaredF({ eta: "0.165", F: "3.959", df1: 2, df2: 40 });
    expect(result.status).toBe("consistent");
    const [low, high] = (result.details as { etaRange: [number, number] }).etaRange;
    expect(low).toBeCloseTo(0.1652232, 7);
    expect(high).toBeCloseTo(0.1652580, 7);
  });

  it("finds an ηp² that does not fit its F and df, and names the df2 it implies", () => {
    // Hand: F(2, 40) = 3.959 gives 0.1652; a printed 0.200 is far off. df2 = F·df1·(1 − η)/η = 7.918 × 0.8/0.2 = 31.7.
    const result = etaSquaredF({ eta: "0.200", F: "3.959", df1: 2, df2: 40 });
    expect(result.status).toBe("inconsistent");
    expect((result.details as { impliedDf2: number }).impliedDf2).toBeCloseTo(31.672, 3);
  });

  it("is exact at an edge: 0.0475 rounds either way under up_or_down, only up under up", () => {
    // F = 0.997 ± 0.0005 with df (2, 40): 1.993/41.993 = 0.047460 to 1.995/41.995 = 0.047506; 0.048 needs ≥ 0.0475.
    expect(etaSquaredF({ eta: "0.048", F: "0.997", df1: 2, df2: 40 }).status).toBe("consistent");
    expect(etaSquaredF({ eta: "0.047", F: "0.997", df1: 2, df2: 40 }).status).toBe("consistent");
    expect(etaSquaredF({ eta: "0.046", F: "0.997", df1: 2, df2: 40 }).status).toBe("inconsistent");
  });

  it("says when the df are derived, and that a sphericity correction leaves ηp² unchanged", () => {
    const result = etaSquaredF({ eta: "0.292", F: "8.261", df1: "2", df2: "40", dfDerivedFrom: "three timepoints, n = 21" });
    expect(result.assumptions.df).toBe("derived from the design, not printed: three timepoints, n = 21");
    expect(result.assumptions.sphericity).toMatch(/cancels/);
  });
});
