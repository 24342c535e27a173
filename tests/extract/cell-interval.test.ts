// An estimate in one table cell and its CI in the next. Invented tables; the expected fields are read
// off each row by hand (estimate under its heading, interval under "95% CI").
import { describe, expect, it } from "vitest";
import { found } from "./helpers.js";

describe("cellIntervals", () => {
  it("joins an effect and the CI in the next cell, across the cell break", () => {
    const table = ["Test", "t", "p", "Effect size", "95% CI", "Recall", "\u22124.10", "< .001", "\u2212.52", "[\u2212.71, \u2212.33]"].join("\n\n");
    const [effect] = found(table, "effect-ci");
    expect(effect).toMatchObject({
      quote: "\u2212.52\n\n[\u2212.71, \u2212.33]",
      fields: { measure: "other", estimate: "\u2212.52", lower: "\u2212.71", upper: "\u2212.33", level: "95" },
    });
    expect(effect!.flags).toContain("read-from-heading");
  });
  it("names the measure by the estimate's heading, and a mean makes a mean-ci", () => {
    const table = "Factor\tOR\t95% CI\tp\nSmoking\t1.8\t(1.1, 2.9)\t0.02\nAge\t0.97\t0.95\u20131.00\t0.04";
    expect(found(table, "effect-ci").map((statistic) => statistic.fields)).toEqual([
      { measure: "OR", estimate: "1.8", lower: "1.1", upper: "2.9", level: "95" },
      { measure: "OR", estimate: "0.97", lower: "0.95", upper: "1.00", level: "95" },
    ]);
    const means = "Group\tMean\t95% CI\tp\nA\t5.2\t4.1 to 6.3\t0.01";
    expect(found(means, "mean-ci").map((statistic) => statistic.fields)).toEqual([{ mean: "5.2", lower: "4.1", upper: "6.3", level: "95" }]);
  });
  it("does not join an interval that leaves out its estimate", () => {
    // 2.5 is outside 1.1–2.0: not an estimate and its interval.
    expect(found("Factor\tOR\t95% CI\tp\nSmoking\t2.5\t(1.1, 2.0)\t0.02", "effect-ci")).toEqual([]);
  });
});
