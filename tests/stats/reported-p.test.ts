import { describe, expect, it } from "vitest";
import { CohortError } from "../../src/errors.js";
import * as msg from "../../src/messages/checks.js";
import { reportedNumber } from "../../src/stats/reported-number.js";
import { parseReportedP, pSet, rangeMeetsPSet } from "../../src/stats/reported-p.js";

describe("reportedNumber", () => {
  it("keeps the printed text, its decimals and its rounding interval", () => {
    // Hand: "2.20" under up_or_down stands for [2.195, 2.205]; truncated, for [2.20, 2.21).
    expect(reportedNumber("2.20")).toMatchObject({ text: "2.20", value: 2.2, digits: 2, lower: 2.195, upper: 2.205, lowerInclusive: true, upperInclusive: true });
    expect(reportedNumber("2.20", { rounding: "trunc" })).toMatchObject({ lower: 2.2, upper: 2.21, lowerInclusive: true, upperInclusive: false });
    expect(reportedNumber("-0.5")).toMatchObject({ value: -0.5, lower: -0.55, upper: -0.45 });
  });
  it("refuses what is not a decimal", () => {
    expect(() => reportedNumber("2,20", {}, "mean")).toThrow(msg.notADecimalString("mean", "2,20"));
  });
});

describe("parseReportedP", () => {
  it("reads the forms papers print", () => {
    expect(parseReportedP("p = .04")).toMatchObject({ relation: "=", number: { value: 0.04, digits: 2 } });
    expect(parseReportedP("p < .001")).toMatchObject({ relation: "<", number: { value: 0.001 } });
    expect(parseReportedP("P = 0.26")).toMatchObject({ relation: "=", number: { value: 0.26 } });
    expect(parseReportedP("p≤.05").relation).toBe("≤");
    expect(parseReportedP("p >= 0.05").relation).toBe("≥");
    expect(parseReportedP(".04").relation).toBe("=");
  });
  it("refuses other text and values outside 0–1", () => {
    expect(() => parseReportedP("p = 1.2")).toThrow(msg.pOutOfRange("p", "p = 1.2"));
    expect(() => parseReportedP("ns")).toThrow(CohortError);
    expect(() => parseReportedP("p == .04")).toThrow(CohortError);
  });
});

describe("pSet", () => {
  it("is the rounding interval for =, and the open or closed side of the bound otherwise", () => {
    expect(pSet(parseReportedP("p = .04"))).toEqual({ lower: 0.035, upper: 0.045, lowerInclusive: true, upperInclusive: true });
    expect(pSet(parseReportedP("p < .05"))).toEqual({ lower: 0, upper: 0.05, lowerInclusive: true, upperInclusive: false });
    expect(pSet(parseReportedP("p ≥ .05"))).toEqual({ lower: 0.05, upper: 1, lowerInclusive: true, upperInclusive: true });
    // "p = .000" is p below .0005, not below 0.
    expect(pSet(parseReportedP("p = .000"))).toMatchObject({ lower: 0, upper: 0.0005 });
  });
  it("meets a range of attainable p only where they overlap", () => {
    const below = pSet(parseReportedP("p < .05"));
    expect(rangeMeetsPSet(0.05, 0.07, below)).toBe(false);
    expect(rangeMeetsPSet(0.049, 0.07, below)).toBe(true);
    expect(rangeMeetsPSet(0.045, 0.05, pSet(parseReportedP("p = .04")))).toBe(true);
  });
});
