import { describe, expect, it } from "vitest";
import { found, quotesOf, single } from "./helpers.js";

describe("pValue", () => {
  it("reads every common print and normalises the relation", () => {
    const text = "p = .04; P<0.001; P = 0.26; p ≤ .05; P < .001; p >= 0.10; p-value = 0.2; P value < 0.05";
    expect(found(text, "p-value").map((s) => [s.quote, s.fields.relation, s.fields.p])).toEqual([
      ["p = .04", "=", ".04"],
      ["P<0.001", "<", "0.001"],
      ["P = 0.26", "=", "0.26"],
      ["p ≤ .05", "≤", ".05"],
      ["P < .001", "<", ".001"],
      ["p >= 0.10", "≥", "0.10"],
      ["p-value = 0.2", "=", "0.2"],
      ["P value < 0.05", "<", "0.05"],
    ]);
  });
  it("reads p-value 0.03 with no relation as = and flags it", () => {
    const statistic = single("the p-value 0.03 was", "p-value");
    expect(statistic.fields).toEqual({ relation: "=", p: "0.03" });
    expect(statistic.flags).toContain("relation-implied");
    expect(single("a p-value of 0.03", "p-value").flags).not.toContain("relation-implied");
  });
  it("reads powers of ten and decimal commas", () => {
    expect(single("p = 2.3 \u00d7 10\u22125", "p-value").values.p?.decimal).toBe("0.000023");
    expect(single("P < 1e-4", "p-value").values.p?.decimal).toBe("0.0001");
    expect(single("p<0,001", "p-value").flags).toContain("decimal-comma");
  });
  it("reads qualified p's", () => {
    expect(single("P for trend = 0.02", "p-value").fields.p).toBe("0.02");
    expect(single("P(interaction) = 0.3", "p-value").fields.p).toBe("0.3");
  });
  it("flags a significance threshold", () => {
    expect(single("A p < 0.05 was considered statistically significant.", "p-value").flags).toContain("significance-threshold");
    expect(single("Mortality differed (p < 0.05).", "p-value").flags).not.toContain("significance-threshold");
  });
  it("does not read p53, pages, pH, a legend, or a p above 1", () => {
    expect(quotesOf("p53 expression and p. 12 and pp. 3–9 and pH = 7.4", "p-value")).toEqual([]);
    expect(quotesOf("* p value < 0.05", "p-value")).toEqual([]);
    expect(quotesOf("p = 5", "p-value")).toEqual([]);
  });
  it("leaves the p after a test statistic to it", () => {
    expect(quotesOf("t(28) = 2.20, p = .03", "p-value")).toEqual([]);
  });
  it("reads bare p's in a table under a P value heading", () => {
    const table = "Risk factors OR (95% CI) P value\nMale 1.33 (1.05 to 1.67) 0.017\nAge 2.30 (1.66 to 3.21) <0.001";
    expect(found(table, "p-value").map((s) => s.fields)).toEqual([
      { relation: "=", p: "0.017" },
      { relation: "<", p: "0.001" },
    ]);
    const pipe = "| Group | Mean (SD) | P value |\n|---|---|---|\n| A | 26 (7.5) | 0.02 |";
    expect(found(pipe, "p-value").map((s) => s.quote)).toEqual(["0.02"]);
    // Space-separated cells: the bare decimal after a test's "(df)" cell is its p; after a mean (SD) it is not.
    const spaced = "Baseline, mean (SD) Cohen d t test (df) P value\nTreatment 7.85 (3.73) 0.60 3.48 (33) .001 0.04 (–0.45 to 0.54)";
    expect(found(spaced, "p-value").map((s) => s.quote)).toEqual([".001"]);
    // "<.001" on the line after a bracketed cell is a p under a P heading.
    expect(found("ΔMean (% change) P value Effect size\n–4.76\n(–35.81)\n<.001 1.03", "p-value").map((s) => s.fields)).toEqual([{ relation: "<", p: ".001" }]);
    // Without the heading the same numbers are not p's.
    expect(quotesOf("Male 1.33 (1.05 to 1.67) 0.017", "p-value")).toEqual([]);
  });
});
