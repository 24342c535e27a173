import { describe, expect, it } from "vitest";
import { draftValue } from "../../src/draft/draft-value.js";
import { UNKNOWN } from "../../src/draft/unknown.js";
import { extractStatistics } from "../../src/extract/index.js";

const draftOf = (text: string) => {
  const [statistic] = extractStatistics(text);
  return draftValue(statistic!, "v-1", "paper.txt");
};

describe("draftValue", () => {
  it("makes a proportion of a count with its percentage, leaving whose, what and when unknown", () => {
    expect(draftOf("Females comprised 55% (11/20).")).toEqual({
      value: { kind: "proportion", id: "v-1", outcome: UNKNOWN, group: UNKNOWN, timepoint: UNKNOWN, count: 11, denominator: 20, percent: "55", source: { file: "paper.txt", quote: "55% (11/20)" } },
      fill: ["outcome", "group", "timepoint"],
    });
  });
  it("makes a mean with its spread's kind as printed, and never calls an unlabelled ± an SD", () => {
    expect(draftOf("pain 5.2 ± 1.3 at baseline").value).toMatchObject({ kind: "mean", mean: "5.2", dispersion: { kind: "unstated", value: "1.3" }, instrument: UNKNOWN });
    expect(draftOf("pain 5.20 (SD 1.30)").value).toMatchObject({ mean: "5.20", dispersion: { kind: "sd", value: "1.30" } });
  });
  it("writes a test's p with its leading zero and its relation in the data model's spelling", () => {
    expect(draftOf("t(28) = 2.20, p ≤ .03").value).toMatchObject({ kind: "test", statistic: { name: "t", value: "2.20", df: ["28"] }, p: { relation: "<=", value: "0.03" }, tails: "unstated", comparison: UNKNOWN });
    expect(draftOf("F(2, 57) = 4.10").value).toMatchObject({ statistic: { name: "F", df: ["2", "57"] } });
    expect(draftOf("P < .001").value).toMatchObject({ kind: "test", p: { relation: "<", value: "0.001" } });
  });
  it("maps the effect measure, and leaves an unprinted CI level unknown rather than assuming 95%", () => {
    expect(draftOf("OR 1.8 (95% CI 1.1–2.9)").value).toMatchObject({ kind: "effect", measure: "odds-ratio", estimate: "1.8", ci: { level: "95", lower: "1.1", upper: "2.9" } });
    const d = draftOf("Cohen's d = 0.45 (0.1 to 0.8)");
    expect(d.value).toMatchObject({ measure: "standardised-mean-difference", label: "Cohen's d", ci: { level: UNKNOWN } });
    expect(d.fill).toContain("ci.level");
  });
  it("keeps a percent change's magnitude and direction as printed, and an unstated direction unknown", () => {
    expect(draftOf("pain decreased by 21.88% overall").value).toMatchObject({ kind: "percent-change", percent: "21.88", direction: "decrease", from: UNKNOWN, to: UNKNOWN });
    expect(draftOf("scores improved by 30%").value).toMatchObject({ direction: UNKNOWN });
  });
  it("makes a flow count of a sample size, with its stage only when printed", () => {
    expect(draftOf("120 participants were randomised").value).toMatchObject({ kind: "sample-flow", stage: "randomised", count: 120, group: UNKNOWN });
    expect(draftOf("twenty adult patients took part").value).toMatchObject({ kind: "sample-flow", count: 20 });
    expect(draftOf("Ten adults with depression").value).toMatchObject({ stage: UNKNOWN, count: 10 });
  });
  it("reads medians and decimal commas into plain decimals", () => {
    expect(draftOf("median 4 (IQR 2–6)").value).toMatchObject({ kind: "median", median: "4", spread: [{ kind: "iqr", lower: "2", upper: "6" }] });
    expect(draftOf("Mittelwert 5,2 ± 1,3").value).toMatchObject({ mean: "5.2", dispersion: { value: "1.3" } });
  });
});
