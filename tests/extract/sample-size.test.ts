import { describe, expect, it } from "vitest";
import { found, quotesOf, single } from "./helpers.js";

describe("sampleSize", () => {
  it("reads n = and N=", () => {
    expect(single("patients (n = 20) were", "sample-size").fields).toEqual({ n: "20" });
    expect(single("a total N=120 in the", "sample-size").quote).toBe("N=120");
  });
  it("reads a number and its people, also in words", () => {
    expect(single("In a cohort of 20 adults, many", "sample-size")).toMatchObject({ quote: "20 adults", fields: { n: "20" } });
    const words = single("a convenience sample of twenty adult chronic pain patients who", "sample-size");
    expect(words).toMatchObject({ quote: "twenty adult chronic pain patients", fields: { n: "twenty" } });
    expect(words.values.n?.decimal).toBe("20");
    expect(words.flags).toContain("number-word");
    expect(single("Fifteen participants completed the study.", "sample-size").fields).toEqual({ n: "Fifteen", stage: "completed" });
  });
  it("reads the stage printed next to the number, and none when none is", () => {
    expect(single("120 participants were randomised to", "sample-size").fields).toEqual({ n: "120", stage: "randomised" });
    expect(single("We screened 340 patients for", "sample-size").fields.stage).toBe("screened");
    expect(single("96 were analysed", "sample-size").fields).toEqual({ n: "96", stage: "analysed" });
    expect(single("Ten adults with a prior diagnosis of major depressive disorder", "sample-size").fields).toEqual({ n: "Ten" });
  });
  it("reads arm sizes", () => {
    expect(found("two groups: five in the psychedelic group and five in the psycholytic group.", "sample-size").map((s) => s.quote)).toEqual([
      "five in the psychedelic group",
      "five in the psycholytic group",
    ]);
  });
  it("does not read names with numbers, years, tables or time", () => {
    expect(quotesOf("COVID-19 patients and SF-36 respondents", "sample-size")).toEqual([]);
    expect(quotesOf("In 2019 patients were", "sample-size")).toEqual([]);
    expect(quotesOf("see Table 2 patients", "sample-size")).toEqual([]);
    expect(quotesOf("after 3 months patients", "sample-size")).toEqual([]);
    expect(quotesOf("45% of patients", "sample-size")).toEqual([]);
  });
  it("reads a column of a pipe table headed No. of people", () => {
    const pipe = "| Analysis | No. of people in control group | Control, mean (SD) |\n|---|---|---|\n| ITT | 189 | 19 (9.8) |";
    expect(found(pipe, "sample-size").map((s) => s.fields)).toEqual([{ n: "189" }]);
  });
  it("reads health-care workers and staff named by their abbreviation", () => {
    expect(quotesOf("We surveyed 143 HCWs and 37 non-HCWs; 12 HCP declined.", "sample-size")).toEqual(["143 HCWs", "37 non-HCWs", "12 HCP"]);
    expect(quotesOf("In total 64 ward staff members and 9 employees took part.", "sample-size")).toEqual(["64 ward staff members", "9 employees"]);
  });
});
