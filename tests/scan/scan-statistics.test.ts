import { describe, expect, it } from "vitest";
import { checkStudy } from "../../src/checks/check-study.js";
import { draftStudy } from "../../src/draft/draft-study.js";
import { isUnknown } from "../../src/draft/unknown.js";
import { loadInstruments } from "../../src/io/load-instruments.js";
import { parseStudy } from "../../src/io/load-study.js";
import { scanStatistics } from "../../src/scan/scan-statistics.js";

const options = { rounding: "up_or_down" as const, threshold: 5 };
const text =
  "The groups differed, t(28) = 2.20, p = .03. Responders were 11/20 (55%) and 7/12 (60%). " +
  "The marginal odds ratio was 0.71 (95% confidence interval (CI) 0.58 to 0.87; P=0.001). Pain 5.2 ± 1.3; n = 20.";

const verdicts = (found: ReturnType<typeof scanStatistics>) => found.map((s) => [s.statistic.quote, s.checks.map((c) => `${c.check}:${c.status}`)]);

describe("scanStatistics", () => {
  it("runs the checks that need only what is printed, with independent verdicts", () => {
    expect(verdicts(scanStatistics(text, options))).toEqual([
      // statcheck's own example of an error (statcheck tests, test-error.R): two-tailed p of t(28) = 2.20 is 0.036.
      ["t(28) = 2.20, p = .03", ["statistic-p:inconsistent"]],
      // By hand: 11/20 = 55.0%; 7/12 = 58.3%, which does not round to 60%.
      ["11/20 (55%)", ["percent:consistent"]],
      ["7/12 (60%)", ["percent:inconsistent"]],
      // By hand on the log scale: centre (ln 0.58 + ln 0.87)/2 = −0.342 → e^−0.342 = 0.710; SE = (ln 0.87 − ln 0.58)/(2·1.96)
      // = 0.1034; z = 0.342/0.1034 = 3.31, two-sided p = 0.0009, which fits P = 0.001 (Solberg et al. 2024, BMJ).
      ["odds ratio was 0.71 (95% confidence interval (CI) 0.58 to 0.87", ["ci-p:consistent"]],
      ["P=0.001", []],
      ["5.2 ± 1.3", []],
      ["n = 20", []],
    ]);
  });
  it("checks a z printed without df (z needs none) against its p", () => {
    // By hand: two-tailed p of z = 2.40 is 2·(1 − Φ(2.40)) = 2·0.00820 = 0.0164, which fits p = .016;
    // of z = 3.10 it is 2·0.000968 = 0.00194, which does not fit p < .001 (one-tailed it would).
    expect(verdicts(scanStatistics("The groups differed, z = 2.40, p = .016. Then z = 3.10, p < .001.", options))).toEqual([
      ["z = 2.40, p = .016", ["statistic-p:consistent"]],
      ["z = 3.10, p < .001", ["statistic-p:inconsistent"]],
    ]);
  });
  it("says why a statistic was not checked", () => {
    const found = scanStatistics(text, options);
    expect(found.find((s) => s.statistic.quote === "P=0.001")?.unchecked).toBe("checked with effect-ci-1, whose CI it is printed with");
    expect(found.find((s) => s.statistic.quote === "5.2 ± 1.3")?.unchecked).toBe("its n is not printed with it");
    expect(scanStatistics("p = .04", options)[0]?.unchecked).toBe("a p alone has no statistic to recompute it from");
  });
  it("reaches the same verdicts as cohort check on the finished study file", () => {
    // Finish the draft as a person would: the design, and whose values they are (nothing scan reads changes).
    const study = draftStudy(text, { file: "paper.txt", id: "paper", sources: ".", schema: "." }).study as any;
    Object.assign(study, { title: "t", citation: { title: "t" }, source: { file: "paper.txt", kind: "abstract", description: "d" } });
    const notReported = (value: string) => ({ value, basis: "not-reported" });
    const quote = { file: "paper.txt", quote: "n = 20" };
    study.design = {
      type: notReported("other"), sampling: notReported("not-reported"), allocation: notReported("not-reported"), controlGroup: notReported("not-reported"), blinding: notReported("not-reported"), followUp: notReported("not-reported"),
      sampleSize: { value: 20, source: quote },
      arms: [{ id: "a", label: "a", size: { value: 20, source: quote }, intervention: { description: { value: "x", source: quote } } }],
      timepoints: [{ id: "end", label: "end", order: 0 }],
    };
    study.variables = [{ id: "pain", label: "pain" }];
    for (const value of study.reported) {
      for (const key of ["group", "timepoint"]) if (isUnknown(value[key])) value[key] = key === "group" ? "all" : "end";
      if (isUnknown(value.instrument)) Object.assign(value, { instrument: undefined, variable: "pain" });
      if (isUnknown(value.outcome)) value.outcome = "response";
      if (isUnknown(value.comparison)) Object.assign(value, { comparison: "between-groups", groups: ["all"], timepoints: ["end"] });
      if (value.kind === "effect") value.groups = ["all"];
      if (value.kind === "sample-flow") value.stage = "analysed";
    }
    const effect = study.reported.find((value: any) => value.kind === "effect");
    const p = study.reported.find((value: any) => value.kind === "test" && !value.statistic);
    effect.p = p.p; // the p printed with the CI belongs to the effect
    study.reported = study.reported.filter((value: any) => value !== p);
    const parsed = parseStudy(JSON.parse(JSON.stringify(study)), loadInstruments());
    const checked = checkStudy(parsed, loadInstruments(), options);
    let compared = 0;
    for (const scanned of scanStatistics(text, options)) {
      for (const result of scanned.checks) {
        compared++;
        const same = checked.find((r) => r.check === result.check && r.subject?.includes(scanned.id));
        expect(same?.status, `${result.check} on ${scanned.statistic.quote}`).toBe(result.status);
      }
    }
    expect(compared).toBe(4);
  });
  it("checks the tests printed with a df after the value or a subscript df", () => {
    // Invented prints of independently known values (jStat, as R's pt/pf would give them):
    // t(28) = 2.20 two-tailed p = 0.0362, so "p = .03" is statcheck's example of an error;
    // F(1, 57) = 4.10 upper-tail p = 0.0476, which rounds to ".05".
    const prints = "We found t = 2.20, df = 28, p = .03. Then F1,57 = 4.10, p = .05.";
    expect(verdicts(scanStatistics(prints, options))).toEqual([
      ["t = 2.20, df = 28, p = .03", ["statistic-p:inconsistent"]],
      ["F1,57 = 4.10, p = .05", ["statistic-p:consistent"]],
    ]);
  });
  it("leaves a table cell's test unchecked: its p is in another cell", () => {
    const table = ["Scale", "U", "Z", "p", "Walking", "1,204.50", "\u22122.104", "0.036"].join("\n\n");
    const found = scanStatistics(table, options);
    expect(found.map((s) => [s.statistic.quote, s.checks.length])).toEqual([
      ["1,204.50", 0],
      ["\u22122.104", 0],
      ["0.036", 0],
    ]);
  });
});
