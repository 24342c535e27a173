import { describe, expect, it } from "vitest";
import { found, quotesOf, single } from "./helpers.js";

describe("meanDispersion", () => {
  it("reads mean ± spread, and the spread's kind only when the text says it", () => {
    const bare = single("Pain was 5.2 ± 1.3 at baseline.", "mean-dispersion");
    expect(bare.fields).toEqual({ mean: "5.2", dispersion: "1.3", dispersionKind: "unstated" });
    expect(bare.flags).toContain("ambiguous-dispersion");
    expect(single("Pain was 5.2 ± 1.3 SD.", "mean-dispersion")).toMatchObject({ quote: "5.2 ± 1.3 SD", fields: { dispersionKind: "sd" } });
    expect(single("Pain was 5.2 ± 1.3 (SEM).", "mean-dispersion")).toMatchObject({ quote: "5.2 ± 1.3 (SEM)", fields: { dispersionKind: "se" } });
    const declared = single("Age was 45.2 ± 11.3 years (mean ± SD).", "mean-dispersion");
    expect(declared.fields).toEqual({ mean: "45.2", dispersion: "11.3", dispersionKind: "sd" });
    expect(declared.flags).toContain("dispersion-kind-from-context");
  });
  it("does not take an outer closing bracket into the quote", () => {
    expect(single("(pain 5.2 ± 1.3)", "mean-dispersion").quote).toBe("5.2 ± 1.3");
    expect(single("(5.2 ± 1.3 SD)", "mean-dispersion").quote).toBe("5.2 ± 1.3 SD");
  });
  it("reads the APA and labelled forms", () => {
    expect(single("scores (M = 4.10, SD = 0.90) rose", "mean-dispersion")).toMatchObject({ quote: "M = 4.10, SD = 0.90", fields: { mean: "4.10", dispersion: "0.90", dispersionKind: "sd" } });
    expect(single("mean 5.2 (SD 1.3)", "mean-dispersion").quote).toBe("mean 5.2 (SD 1.3)");
    expect(single("mean age 51.0 (standard deviation 15.0) years", "mean-dispersion").fields).toEqual({ mean: "51.0", dispersion: "15.0", dispersionKind: "sd" });
    expect(single("reduction (6.4 points, SD = 5.98)", "mean-dispersion").fields).toEqual({ mean: "6.4", dispersion: "5.98", dispersionKind: "sd" });
    expect(single("a mean of 12.1 (SE 0.4)", "mean-dispersion").fields.dispersionKind).toBe("se");
  });
  it("reads a bare 5.2 (1.3) only when the sentence speaks of a mean", () => {
    expect(found("Mean (SD) score was 3.2 (1.1) vs 2.9 (1.0).", "mean-dispersion").map((s) => s.fields)).toEqual([
      { mean: "3.2", dispersion: "1.1", dispersionKind: "sd" },
      { mean: "2.9", dispersion: "1.0", dispersionKind: "sd" },
    ]);
    expect(quotesOf("at week 12 (45) the trial stopped", "mean-dispersion")).toEqual([]);
    expect(quotesOf("median 4 (2) days", "mean-dispersion")).toEqual([]);
  });
  it("reads the cells of a table titled 'Mean (S.E.M.)' as means with standard errors", () => {
    const table = "Table 1 Mean (S.E.M.) of age for both groups\n\nASD (n = 12)\n\nTD (n = 12)\n\nAge\n\n13.20 (0.51)\n\n12.95 (0.40)";
    expect(found(table, "mean-dispersion").map((s) => s.fields)).toEqual([
      { mean: "13.20", dispersion: "0.51", dispersionKind: "se" },
      { mean: "12.95", dispersion: "0.40", dispersionKind: "se" },
    ]);
    // The title still decides when a header row with a "p value" column stands between it and the cells.
    const spaced = `Table 1 Mean (S.E.M.) of age, IQ and anxiety for both groups${" (matched)".repeat(30)}\n\nGroup A\n\nGroup B\n\nTest value, p value\n\nAge\n\n13.20 (0.51)\n\n12.95 (0.40)`;
    expect(found(spaced, "mean-dispersion").map((s) => s.fields.dispersionKind)).toEqual(["se", "se"]);
    // A footnote digit glued to the heading word: "Mean1 (SD)".
    const footnoted = "Cognitive test\n\nMean1 (SD)\n\nTest statistic2\n\n SDMT\n\n-.44 (.92)";
    expect(found(footnoted, "mean-dispersion").map((s) => s.fields)).toEqual([{ mean: "-.44", dispersion: ".92", dispersionKind: "sd" }]);
  });
  it("keeps a Unicode minus and decimal commas as printed", () => {
    const statistic = single("Veränderung \u22123,1 ± 1,2", "mean-dispersion");
    expect(statistic.fields).toMatchObject({ mean: "\u22123,1", dispersion: "1,2" });
    expect(statistic.values.mean?.decimal).toBe("-3.1");
    expect(statistic.flags).toContain("decimal-comma");
  });
  it("reads a statistic broken over a line and flags it", () => {
    const statistic = single("pain 5.2 ±\n1.3 at the end", "mean-dispersion");
    expect(statistic.quote).toBe("5.2 ±\n1.3");
    expect(statistic.flags).toContain("line-break-inside");
  });
  it("never reads a negative spread", () => {
    expect(quotesOf("mean change 2.1 (−0.4)", "mean-dispersion")).toEqual([]);
  });
});
