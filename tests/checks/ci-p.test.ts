import { describe, expect, it } from "vitest";
import { ciP } from "../../src/checks/ci-p.js";
import { CohortError } from "../../src/errors.js";
import * as msg from "../../src/messages/checks.js";

/*
 * Worked examples of Altman & Bland (2011), BMJ 343:d2090 (CI from P), read backwards as d2304 (P from CI)
 * does: (a) zinc trial, difference 17 percentage points, P = 0.032, 95% CI 1.4 to 32.6; (b) cohort study,
 * relative risk 0.30, P = 0.034, 95% CI 0.10 to 0.90.
 */
describe("ciP", () => {
  it("the difference example: 17 (1.4 to 32.6) fits P = 0.032", () => {
    // Hand: SE = (32.6 − 1.4)/3.92 = 7.959, z = 17/7.959 = 2.136, p = 0.0327. Over the rounding intervals
    // (16.5–17.5, 1.35–1.45, 32.55–32.65): z from 16.5/7.985 = 2.066 to 17.5/7.934 = 2.206, p 0.027–0.039.
    const result = ciP({ scale: "difference", estimate: "17", lower: "1.4", upper: "32.6", p: "P = 0.032" });
    expect(result.status).toBe("consistent");
    const pRange = (result.details as { pRange: [number, number] }).pRange;
    expect(pRange[0]).toBeCloseTo(0.0274, 3);
    expect(pRange[1]).toBeCloseTo(0.0388, 3);
  });
  it("the ratio example: RR 0.30 (0.10 to 0.90) fits P = 0.034, on the log scale", () => {
    // Hand: √(0.10·0.90) = 0.30 (geometric centre); SE = (ln 0.9 − ln 0.1)/3.92 = 2.1972/3.92 = 0.5605;
    // z = |ln 0.3|/0.5605 = 1.2040/0.5605 = 2.148, p = 0.0317.
    expect(ciP({ scale: "ratio", estimate: "0.30", lower: "0.10", upper: "0.90", p: "P = 0.034" }).status).toBe("consistent");
    expect(ciP({ scale: "ratio", estimate: "0.30", lower: "0.10", upper: "0.90", p: "P = 0.34" }).status).toBe("inconsistent");
  });
  it("hand calculation: RR 0.81 (0.70 to 0.94) gives P = 0.005", () => {
    // ln 0.81 = −0.2107; SE = (ln 0.94 − ln 0.70)/3.92 = (−0.0619 + 0.3567)/3.92 = 0.0752; z = 2.80; P = 0.0051.
    expect(ciP({ scale: "ratio", estimate: "0.81", lower: "0.70", upper: "0.94", p: "P = 0.005" }).status).toBe("consistent");
    expect(ciP({ scale: "ratio", estimate: "0.81", lower: "0.70", upper: "0.94", p: "P = 0.05" }).status).toBe("inconsistent");
  });
  it("flags an estimate off the centre of its CI", () => {
    // 17 is not the midpoint of 1.4 and 40.6 (21.0): no value within rounding reaches it.
    const result = ciP({ scale: "difference", estimate: "17", lower: "1.4", upper: "40.6" });
    expect(result.status).toBe("inconsistent");
    expect(result.explanation).toContain("not at the centre");
    // 0.30 is the geometric (not the arithmetic) centre of 0.10–0.90: consistent as a ratio.
    expect(ciP({ scale: "ratio", estimate: "0.30", lower: "0.10", upper: "0.90" }).status).toBe("consistent");
    expect(ciP({ scale: "difference", estimate: "0.30", lower: "0.10", upper: "0.90" }).status).toBe("inconsistent");
  });
  it("uses the t distribution when df are given", () => {
    // Sleep data, Welch (R ?t.test): difference −1.58, 95% CI −3.3654832 to 0.2054832, df 17.776, p = 0.07939.
    expect(ciP({ scale: "difference", estimate: "-1.58", lower: "-3.3655", upper: "0.2055", df: 17.776, p: "p = 0.0794" }).status).toBe("consistent");
    // With the normal instead, p would be about 0.083: the printed 0.0794 no longer fits.
    expect(ciP({ scale: "difference", estimate: "-1.58", lower: "-3.3655", upper: "0.2055", p: "p = 0.0794" }).status).toBe("inconsistent");
  });
  it("refuses a reversed CI and a non-positive ratio", () => {
    expect(() => ciP({ scale: "difference", estimate: "1", lower: "2", upper: "0" })).toThrow(msg.ciReversed("2", "0"));
    expect(() => ciP({ scale: "ratio", estimate: "0", lower: "-1", upper: "2" })).toThrow(CohortError);
  });
});
