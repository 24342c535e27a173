import { describe, expect, it } from "vitest";
import { found, quotesOf, single } from "./helpers.js";

describe("effectCi", () => {
  it("reads each measure with its CI in the common prints", () => {
    expect(single("OR 1.8 (95% CI 1.1–2.9)", "effect-ci")).toMatchObject({ quote: "OR 1.8 (95% CI 1.1–2.9)", fields: { measure: "OR", estimate: "1.8", lower: "1.1", upper: "2.9", level: "95" } });
    expect(single("HR = 0.72, 95% CI [0.55, 0.94]", "effect-ci").fields).toEqual({ measure: "HR", estimate: "0.72", lower: "0.55", upper: "0.94", level: "95" });
    expect(single("mean difference \u22122.1 (95% CI \u22123.4 to \u22120.8)", "effect-ci").fields).toEqual({ measure: "MD", estimate: "\u22122.1", lower: "\u22123.4", upper: "\u22120.8", level: "95" });
    expect(single("relative risk 0.80 (95% CI 0.70-0.91)", "effect-ci").fields.measure).toBe("RR");
    expect(single("risk difference 5.2% (95% CI 1.1% to 9.3%)", "effect-ci").fields).toEqual({ measure: "RD", estimate: "5.2", lower: "1.1", upper: "9.3", level: "95" });
    expect(single("SMD \u22120.5 (95% CI \u22120.8 to \u22120.2)", "effect-ci").fields.measure).toBe("SMD");
    expect(single("Hedges' g = 0.31 (95% CI 0.10 to 0.52)", "effect-ci").fields.measure).toBe("g");
  });
  it("reads an unlabelled interval after a named measure, and says the level is not printed", () => {
    const statistic = single("Cohen's d = 0.45 (0.1 to 0.8).", "effect-ci");
    expect(statistic.fields).toEqual({ measure: "d", estimate: "0.45", lower: "0.1", upper: "0.8" });
    expect(statistic.flags).toContain("ci-level-unstated");
  });
  it("reads the NEJM print, with the measure named earlier in the clause", () => {
    const statistic = single("(hazard ratio for death, 0.72; 95% CI, 0.55 to 0.94; P=0.01)", "effect-ci");
    expect(statistic).toMatchObject({ quote: "0.72; 95% CI, 0.55 to 0.94", fields: { measure: "HR", estimate: "0.72", lower: "0.55", upper: "0.94", level: "95" } });
    expect(statistic.flags).toContain("measure-from-context");
  });
  it("reads Lancet's raised decimal point, keeping it in the fields", () => {
    const statistic = single("OR 0\u00b772 (95% CI 0\u00b755\u20130\u00b794)", "effect-ci");
    expect(statistic.fields).toMatchObject({ estimate: "0\u00b772", lower: "0\u00b755", upper: "0\u00b794" });
    expect(statistic.values.estimate?.decimal).toBe("0.72");
    expect(statistic.flags).toContain("decimal-middle-dot");
  });
  it("reads confidence interval spelt out, with its abbreviation in brackets", () => {
    expect(single("hazard ratio (HR) = 0.49 (95% confidence interval (95%CI) = 0.3–0.81)", "effect-ci").fields).toEqual({ measure: "HR", estimate: "0.49", lower: "0.3", upper: "0.81", level: "95" });
  });
  it("reads the Portuguese/Spanish IC95% label, a dash before it and a semicolon between the bounds", () => {
    // Fields as printed (decimal commas kept); values read by hand: 2,10 -> 2.10, 1,45 -> 1.45.
    const rp = single("maior entre mulheres (RP 2,10 – IC95% 1,45;3,04).", "effect-ci");
    expect(rp).toMatchObject({ quote: "RP 2,10 – IC95% 1,45;3,04", fields: { measure: "other", estimate: "2,10", lower: "1,45", upper: "3,04", level: "95" } });
    expect(rp.values.lower?.decimal).toBe("1.45");
    expect(single("razón de prevalencias 1,8 (IC 95%: 1,2-2,6)", "effect-ci").fields).toEqual({ measure: "other", estimate: "1,8", lower: "1,2", upper: "2,6", level: "95" });
    expect(single("aumento do risco (1,30; IC95% = 1,10-1,52)", "effect-ci").fields).toEqual({ measure: "other", estimate: "1,30", lower: "1,10", upper: "1,52", level: "95" });
    // A dash between two numbers with no CI label after it is a range, not an estimate and its CI.
    expect(quotesOf("idade 18 – 65 anos; 20 – 30 (IC)", "effect-ci")).toEqual([]);
  });
  it("flags an interval printed upside down instead of dropping it", () => {
    expect(single("OR 1.65 (95% CI 1.31 to 1.08)", "effect-ci").flags).toContain("bounds-reversed");
  });
  it("does not read the level of a CI, or a CI with no estimate, as an estimate", () => {
    expect(quotesOf("(95% CI 1.1–2.9)", "effect-ci")).toEqual([]);
    expect(quotesOf("We report 95% CI throughout.", "effect-ci")).toEqual([]);
  });
  it("does not read a unit d as Cohen's d", () => {
    expect(quotesOf("Duration, median (IQR), d 9 (6–12)", "effect-ci")).toEqual([]);
  });
  it("reads the cells of a table under an OR (95% CI) heading", () => {
    const table = "Risk factors OR (95% CI) P value\nMale 1.33 (1.05 to 1.67) 0.017\nAge ≥70 2.30 (1.66 to 3.21) <0.001";
    expect(found(table, "effect-ci").map((s) => s.fields)).toEqual([
      { measure: "OR", estimate: "1.33", lower: "1.05", upper: "1.67", level: "95" },
      { measure: "OR", estimate: "2.30", lower: "1.66", upper: "3.21", level: "95" },
    ]);
  });
});
