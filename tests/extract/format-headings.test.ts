import { describe, expect, it } from "vitest";
import { headingFormats } from "../../src/extract/format-headings.js";
import { scanContext } from "../../src/extract/scan-context.js";

const formatsAt = (text: string, needle: string) => headingFormats(scanContext(text), text.indexOf(needle)).map((heading) => heading.format);

describe("headingFormats", () => {
  it("offers every format of a header row to the cells under it", () => {
    const text = "Baseline, mean (SD) | ΔMean (% change) | P value\n13.30 (4.31) –4.76 (–35.81) <.001";
    expect(formatsAt(text, "13.30").sort()).toEqual(["mean-dispersion", "p-value", "percent-change"]);
  });
  it("takes the nearest row heading of a table printed as lines", () => {
    const text = "Age, y 60 ± 15 0.01\nSex, n (%) 0.01\n Male 895 (59)\nDuration, median (IQR), d 9 (6–12)";
    expect(formatsAt(text, "895")).toEqual(["count-percent"]);
    expect(formatsAt(text, "9 (6")).toEqual(["median-spread"]);
  });
  it("reads '(n, %)' as n (%) and 'Mean (S.E.M.)' as a mean and its standard error", () => {
    const text = "Smoking (n, %)  0.02\n Current 41 (20.5) 38 (19.0)";
    expect(formatsAt(text, "41 (20.5)")).toEqual(["count-percent"]);
    const sem = "Table 2 Mean (S.E.M.) of scores by group\nScore\n12.4 (0.61)";
    expect(headingFormats(scanContext(sem), sem.indexOf("12.4"))).toEqual([{ format: "mean-dispersion", dispersionKind: "se" }]);
  });
  it("reads the measure and level of a CI heading", () => {
    const text = "Risk factors OR (95% CI) P value\nMale 1.33 (1.05 to 1.67) 0.017";
    expect(headingFormats(scanContext(text), text.indexOf("1.33"))).toContainEqual({ format: "interval", measure: "OR", level: "95" });
  });
  it("reads a pipe table's column header before any heading above it", () => {
    const text = "| Outcome | Control, mean (SD) | No. of people |\n|---|---|---|\n| PHQ | 26 (7.5) | 189 |";
    expect(formatsAt(text, "189")).toEqual(["sample-size"]);
    expect(formatsAt(text, "26 (7.5)")).toEqual(["mean-dispersion"]);
  });
  it("offers nothing far from any heading", () => {
    expect(formatsAt(`mean (SD)${" word".repeat(1000)} 26 (7.5)`, "26 (7.5)")).toEqual([]);
  });
});
