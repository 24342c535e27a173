// Which of two tests a "t/Z" cell is, from its row's footnote letter and the table's legend. Invented
// tables; the expected test is the one the legend line of the row's letter names, read by hand.
import { describe, expect, it } from "vitest";
import { found } from "./helpers.js";

const table = [
  "Outcome",
  "t/Z",
  "P",
  "Pain",
  "2.114",
  "0.037a",
  "Sleep, M [IQR]",
  "\u2212 2.702",
  "0.007b",
  "Mood",
  "\u22121.100",
  "0.274",
].join("\n\n") + "\n\n  1. aIndependent samples t test\n  2. bMann-Whitney U test";

describe("footnoteTest", () => {
  it("names each cell's test by the legend of its row's letter", () => {
    expect(found(table, "test-statistic").map((statistic) => statistic.fields)).toEqual([
      { statistic: "t", value: "2.114" },
      { statistic: "z", value: "\u2212 2.702" },
      // No letter on the row: the heading's first test, as before (a negative value can be t or Z).
      { statistic: "t", value: "\u22121.100" },
    ]);
  });
  it("ignores a legend naming a test the heading does not offer", () => {
    const chi = ["Outcome", "t/Z", "P", "Sex", "3.10", "0.078c"].join("\n\n") + "\n\n  cChi-square test";
    expect(found(chi, "test-statistic").map((statistic) => statistic.fields.statistic)).toEqual(["t"]);
  });
});
