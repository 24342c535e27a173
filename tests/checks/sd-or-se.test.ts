import { describe, expect, it } from "vitest";
import { impliedSd, sdOrSe, sdOrSeTable } from "../../src/checks/sd-or-se.js";
import { CohortError } from "../../src/errors.js";
import { tQuantile } from "../../src/inference/distributions.js";
import { reportedNumber } from "../../src/stats/reported-number.js";

const fitting = (r: ReturnType<typeof sdOrSe>) => (r.details as { fitting: string[] }).fitting;

describe("impliedSd", () => {
  it("multiplies by √n for an SE and by √n / t(0.975, n − 1) for a CI half-width", () => {
    // Hand: "0.50" stands for 0.495–0.505; × √16 = 4: 1.98–2.02.
    expect(impliedSd(reportedNumber("0.50"), 16, "se")[0]).toBeCloseTo(1.98, 12);
    expect(impliedSd(reportedNumber("0.50"), 16, "se")[1]).toBeCloseTo(2.02, 12);
    // t(0.975, 15) = 2.131450 (tables): 0.50 · 4 / 2.13145 = 0.9383.
    expect(tQuantile(0.975, 15)).toBeCloseTo(2.13145, 5);
    expect(impliedSd(reportedNumber("0.500"), 16, "ci95")[0]).toBeCloseTo((0.4995 * 4) / 2.1314495, 5);
  });
});

describe("sdOrSe", () => {
  it("a bounded scale rules out the SE reading when x·√n exceeds the greatest possible SD", () => {
    // Hand: mean 3.0 on 1–5, n = 25: greatest sample SD √((5 − 3)(3 − 1)·25/24) = 2.04 (Bhatia–Davis).
    // SD 0.8 fits; as SE, SD = 0.8·5 = 4.0 > 2.04 fails; as a CI half-width, SD = 0.8·5/2.064 = 1.94 fits.
    const result = sdOrSe({ row: { mean: "3.0", spread: "0.8", n: 25 }, scale: { min: 1, max: 5 } });
    expect(result.status).toBe("consistent");
    expect(fitting(result)).toEqual(["sd", "ci95"]);
    expect(result.explanation).toContain("not as SE");
  });
  it("a stated kind that fails is inconsistent and names the readings that fit", () => {
    const result = sdOrSe({ row: { mean: "3.0", spread: "0.8", n: 25, dispersion: "se" }, scale: { min: 1, max: 5 } });
    expect(result.status).toBe("inconsistent");
    expect(result.explanation).toContain("read as SE, as stated, it fails the SD bound of the scale");
  });
  it("a printed between-group p singles out one reading", () => {
    // Hand: 10.0 ± 1.0 vs 11.0 ± 1.0, n = 20 each. As SD: t ≈ 1/(1·√0.1) = 3.16, p ≈ .003; as SE: SD = √20 = 4.47,
    // t ≈ 0.71, p ≈ .48; as CI half-width: SD = √20/2.093 = 2.14, t ≈ 1.48, p ≈ .15.
    const other = { mean: "11.0", spread: "1.0", n: 20 };
    const se = sdOrSe({ row: { mean: "10.0", spread: "1.0", n: 20 }, comparison: { other, p: "p = .48" } });
    expect(fitting(se)).toEqual(["se"]);
    expect(se.explanation).toContain("only the SE reading fits");
    const sd = sdOrSe({ row: { mean: "10.0", spread: "1.0", n: 20 }, comparison: { other, p: "p = .003" } });
    expect(fitting(sd)).toEqual(["sd"]);
  });
  it("granular scores: SD bounds and GRIMMER on the implied SD", () => {
    // mean 5.21 ± 1.60, n = 28 on 1–7 whole numbers: GRIMMER-consistent as an SD (Allard's example in
    // tests/checks/grimmer.test.ts); as SE the SD would be 8.47, as a CI half-width 4.13, both above the
    // greatest SD √((7 − 5.21)(5.21 − 1)·28/27) = 2.80.
    const result = sdOrSe({ row: { mean: "5.21", spread: "1.60", n: 28 }, scale: { min: 1, max: 7 }, granular: true });
    expect(fitting(result)).toEqual(["sd"]);
    // 3.44 ± 2.47, n = 18: GRIMMER-inconsistent as an SD (rsprite2's example), so the SD reading fails.
    const bad = sdOrSe({ row: { mean: "3.44", spread: "2.47", n: 18, dispersion: "sd" }, scale: { min: 1, max: 7 }, granular: true });
    expect(bad.status).toBe("inconsistent");
    expect(bad.explanation).toContain("GRIMMER");
  });
  it("names no reported test in what it prints when no between-group p was given", () => {
    // The scale-only case above tests the ± against the SD bound alone: its explanation and its citation
    // may not speak of "the reported test", which a study with no test does not have.
    const result = sdOrSe({ row: { mean: "3.0", spread: "0.8", n: 25 }, scale: { min: 1, max: 5 } });
    expect(`${result.explanation} ${result.reference.citation}`).not.toMatch(/\bthe (reported|printed) tests?\b/i);
    expect(result.assumptions).not.toHaveProperty("test");
  });
  it("is undetermined with nothing to test against, and refuses bad input", () => {
    expect(sdOrSe({ row: { mean: "3.0", spread: "0.8", n: 25 } }).status).toBe("undetermined");
    expect(() => sdOrSe({ row: { mean: "3.0", spread: "-0.8", n: 25 }, scale: { min: 1, max: 5 } })).toThrow(CohortError);
    expect(() => sdOrSe({ row: { mean: "3.0", spread: "0.8", n: 1 }, scale: { min: 1, max: 5 } })).toThrow(CohortError);
    expect(() => sdOrSe({ row: { mean: "3.0", spread: "0.8", n: 25, dispersion: "iqr" as never }, scale: { min: 1, max: 5 } })).toThrow(CohortError);
  });
});

describe("sdOrSeTable", () => {
  it("finds the table that mixes SD and SE", () => {
    const other = { mean: "11.0", spread: "1.0", n: 20 };
    const rows = [
      { row: { mean: "10.0", spread: "1.0", n: 20 }, comparison: { other, p: "p = .003" } },
      { row: { mean: "10.0", spread: "1.0", n: 20 }, comparison: { other, p: "p = .48" } },
    ];
    const result = sdOrSeTable(rows, ["weight", "height"]);
    expect(result.status).toBe("inconsistent");
    expect(result.explanation).toContain("weight fits SD; height fits SE");
    expect(result.explanation).toContain("mixes SD and SE");
    expect(sdOrSeTable([rows[0]!, rows[0]!]).status).toBe("consistent");
  });
});
