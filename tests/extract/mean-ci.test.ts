import { describe, expect, it } from "vitest";
import { quotesOf, single } from "./helpers.js";

describe("meanCi", () => {
  it("reads a mean with its CI in the usual prints", () => {
    expect(single("mean 5.2 (95% CI 4.1 to 6.3)", "mean-ci")).toMatchObject({ quote: "mean 5.2 (95% CI 4.1 to 6.3)", fields: { mean: "5.2", lower: "4.1", upper: "6.3", level: "95" } });
    expect(single("M = 5.2, 95% CI [4.1, 6.3]", "mean-ci").fields).toEqual({ mean: "5.2", lower: "4.1", upper: "6.3", level: "95" });
    expect(single("Mean pain 5.2 [95% CI 4.1, 6.3].", "mean-ci").quote).toBe("5.2 [95% CI 4.1, 6.3]");
    expect(single("mean 5.2 (90% confidence interval 4.1–6.3)", "mean-ci").fields.level).toBe("90");
  });
  it("reads an unlabelled interval when the sentence names the mean and the CI before it", () => {
    const statistic = single("Means (95% CI) were 5.2 (4.1–6.3) in arm A.", "mean-ci");
    expect(statistic.fields).toEqual({ mean: "5.2", lower: "4.1", upper: "6.3", level: "95" });
    expect(statistic.flags).toContain("ci-from-context");
  });
  it("does not read a range without a CI named as a CI", () => {
    expect(quotesOf("mean 5.2 (4.1–6.3)", "mean-ci")).toEqual([]);
    expect(quotesOf("95% CI alone", "mean-ci")).toEqual([]);
  });
  it("leaves a mean difference to effect-ci", () => {
    expect(quotesOf("mean difference −2.1 (95% CI −3.4 to −0.8)", "mean-ci")).toEqual([]);
  });
});
