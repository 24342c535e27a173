import { describe, expect, it } from "vitest";
import { CohortError, type Problem } from "../../src/errors.js";
import { loadInstruments } from "../../src/io/load-instruments.js";
import { loadStudy, parseStudy } from "../../src/io/load-study.js";
import { auditSources, statesNumber } from "../../src/provenance/audit-sources.js";
import { describeReported } from "../../src/report/describe-reported.js";
import { tempFile } from "../helpers/fixtures.js";
import { trialText, twoArmTrial } from "../helpers/two-arm-trial.js";

const instruments = loadInstruments();

/** The problems loading the two-arm trial reports after `mutate` breaks it (through a real file, so each names it). */
function problemsAfter(mutate: (study: any) => void): { file: string; problems: string[] } {
  const data = twoArmTrial();
  mutate(data);
  const file = tempFile("trial.json", data);
  try {
    loadStudy(file, instruments);
  } catch (error) {
    if (!(error instanceof CohortError)) throw error;
    for (const problem of error.problems) expect(problem.file).toBe(file);
    return { file, problems: error.problems.map((problem: Problem) => `${problem.path}: ${problem.message}`) };
  }
  return { file, problems: [] };
}

describe("a study of any design", () => {
  it("accepts a two-arm randomised trial of a therapy against a wait list, with no drug fields", () => {
    const study = parseStudy(twoArmTrial(), instruments);
    expect(study.design.arms.map((arm) => arm.intervention?.type)).toEqual(["psychological", "none"]);
    expect(study.design.arms.every((arm) => arm.intervention?.drug === undefined && arm.intervention?.route === undefined)).toBe(true);
    expect(new Set(study.reported.map((value) => value.kind))).toEqual(new Set(["eligibility", "sample-flow", "mean", "mean-change", "test", "median", "proportion", "effect"]));
  });

  it("derives a total from the quoted arm sizes, and its audit passes with no quote of its own", () => {
    const study = twoArmTrial();
    expect(study.design.sampleSize).toEqual({ value: 48, derivedFrom: "arm-sizes" });
    const folder = tempFile("trial.txt", trialText);
    expect(auditSources(study, [folder]).problems).toEqual([]);
  });

  it("refuses a derived total that is not the sum of the arm sizes", () => {
    expect(problemsAfter((study) => (study.design.sampleSize.value = 50)).problems).toContainEqual(expect.stringMatching(/^\$\.design\.sampleSize\.value: a total derived from the arm sizes must be their sum, 48; received 50/));
  });

  it("refuses a negative SD, a p above 1 and an n larger than its group, each at its JSON path", () => {
    expect(problemsAfter((study) => (study.reported[8].dispersion.value = "-4.2")).problems).toContainEqual(expect.stringMatching(/^\$\.reported\[8\]\.dispersion\.value: must be a non-negative decimal/));
    expect(problemsAfter((study) => (study.reported[11].p.value = "1.2")).problems).toContainEqual("$.reported[11].p.value: a p-value cannot exceed 1, received \"1.2\"");
    expect(problemsAfter((study) => (study.reported[8].n = 30)).problems).toContainEqual('$.reported[8].n: n 30 exceeds the size of group "therapy" (24)');
  });

  it("refuses a CI that does not contain its estimate, and a ratio with a CI through 0", () => {
    expect(problemsAfter((study) => (study.reported[10].change = "-8.0")).problems).toContainEqual("$.reported[10].ci: the change -8.0 lies outside its own confidence interval -7.4 to -3.8");
    expect(problemsAfter((study) => (study.reported[15].ci.lower = "-0.5")).problems).toContainEqual('$.reported[15].ci.lower: a ratio\'s confidence interval lies above 0, received lower end "-0.5"');
  });

  it("refuses an F with one degree of freedom and a test with neither statistic nor p", () => {
    expect(problemsAfter((study) => (study.reported[11].statistic = { name: "F", value: "4.1", df: ["2"] })).problems).toContainEqual("$.reported[11].statistic.df: F takes 2 degrees of freedom, received 1");
    expect(problemsAfter((study) => {
      delete study.reported[11].statistic;
      delete study.reported[11].p;
    }).problems).toContainEqual("$.reported[11].p: a test needs a reported statistic, a reported p-value, or both");
  });

  it("requires the measure of a mean to be named, and known", () => {
    expect(problemsAfter((study) => delete study.reported[5].variable).problems).toContainEqual(expect.stringMatching(/^\$\.reported\[5\]\.instrument: name the measure/));
    expect(problemsAfter((study) => (study.reported[5].variable = "height")).problems).toContainEqual(expect.stringMatching(/^\$\.reported\[5\]\.variable: unknown variable "height"/));
  });

  it("refuses a mean outside the range its variable declares", () => {
    expect(problemsAfter((study) => (study.reported[5].mean = "71.3")).problems).toContainEqual("$.reported[5].mean: mean 71.3 is above the highest possible age (65)");
  });

  it("refuses a count above its denominator and two different counts for one stage", () => {
    expect(problemsAfter((study) => (study.reported[13].count = 23)).problems).toContainEqual("$.reported[13].count: count 23 exceeds its denominator 22");
    expect(problemsAfter((study) => study.reported.push({ ...study.reported[2], id: "randomised-again", count: 50 })).problems).toContainEqual(expect.stringMatching(/^\$\.reported\[16\]\.stage: group "all" already has a "randomised" count/));
  });

  it("refuses a median on the instrument's scale that leaves the scale", () => {
    expect(
      problemsAfter((study) => study.reported.push({ kind: "median", id: "phq9-median", instrument: "phq-9", group: "all", median: "28", source: study.reported[6].source })).problems,
    ).toContainEqual("$.reported[16].median: median 28 lies outside the PHQ-9 range 0–27");
  });

  it("takes a partial eta squared as an effect, between 0 and 1", () => {
    // Wurz et al. 2023, Table 4 prints ηp² beside each repeated-measures F ("Effect size (ηp2)").
    const eta = { kind: "effect", id: "eta", measure: "partial-eta-squared", label: "ηp²", estimate: "0.165", groups: ["therapy"], source: { file: "trial.txt", quote: "t(42) = 2.83" } };
    expect(problemsAfter((study) => study.reported.push(eta)).problems.filter((problem) => problem.startsWith("$.reported[16]"))).toEqual([]);
    expect(problemsAfter((study) => study.reported.push({ ...eta, estimate: "1.65" })).problems).toContainEqual('$.reported[16].estimate: ηp² is a share of variance between 0 and 1, received "1.65"');
  });

  it("keeps a note on how a value was read, and refuses an empty one", () => {
    const study = parseStudy(twoArmTrial(), instruments);
    expect(study.reported.every((value) => !("note" in value) || value.note === undefined)).toBe(true);
    expect(problemsAfter((data) => (data.reported[11].note = "the test is not named; a t-test is assumed")).problems).toEqual([]);
    expect(problemsAfter((data) => (data.reported[11].note = "")).problems).toContainEqual(expect.stringMatching(/^\$\.reported\[11\]\.note: /));
  });

  it("accepts a group defined by an outcome rather than an assignment, with its quote", () => {
    const definedBy = { value: "completed the 8-week assessment", source: { file: "trial.txt", quote: "Forty-four completed the 8-week assessment" } };
    const study = parseStudy({ ...twoArmTrial(), design: { ...twoArmTrial().design, arms: twoArmTrial().design.arms.map((arm: any) => ({ ...arm, definedBy })) } }, instruments);
    expect(study.design.arms[0]!.definedBy?.value).toBe("completed the 8-week assessment");
  });

  it("describes each value in the source's own terms, with an unlabelled ± said to be unlabelled", () => {
    const study = parseStudy(twoArmTrial(), instruments);
    const line = (id: string) => describeReported(study.reported.find((value) => value.id === id)!, study, instruments);
    expect(line("age-all")).toBe("age (years): mean 41.3 ± 11.2 (SD or SE: not stated)");
    expect(line("phq9-therapy-week-8")).toBe("PHQ-9: mean 9.6 ± 4.2 (SD) at Week 8, n = 22");
    expect(line("phq9-week-8-t")).toBe("PHQ-9: t-test: t(42) = 2.83, p = 0.007");
    expect(line("response-or")).toBe("odds ratio 6.33 (95% CI 1.48 to 27.1, p = 0.013) on response (a 50% reduction) at Week 8");
    expect(line("sessions-therapy")).toBe("sessions attended: median 7 (IQR 5–8)");
    expect(line("screened")).toBe("screened: 112");
    expect(line("entry-phq9")).toBe("PHQ-9: entry requires ≥ 10");
  });
});

describe("statesNumber on the ways papers print numbers", () => {
  it("reads a p-value printed without its leading zero", () => {
    expect(statesNumber("t(42) = 2.83, p = .007", "0.007")).toBe(true);
    expect(statesNumber("t(42) = 2.83, p = .0071", "0.007")).toBe(false);
  });

  it("reads a negative number printed with a Unicode minus or with its sign in words", () => {
    expect(statesNumber("−5.6 (95% CI −7.4 to −3.8)", "-7.4")).toBe(true);
    expect(statesNumber("fell by 5.6 points", "-5.6")).toBe(true);
    expect(statesNumber("fell by 15.6 points", "-5.6")).toBe(false);
  });

  it("holds every number of a ±, a CI, a p and a test statistic to the quote they share", () => {
    const study = twoArmTrial();
    study.reported[11].statistic.value = "2.38";
    const problems = auditSources(study, [tempFile("trial.txt", trialText)]).problems;
    expect(problems).toEqual([{ path: "$.reported[11].source", message: 'the quote does not state the reported number 2.38: "t(42) = 2.83, p = .007"' }]);
  });
});

describe("fields for designs the example studies exposed", () => {
  it("accepts an F with df derived from the design, which the audit does not look for in the quote", () => {
    // The quote "t(42) = 2.83, p = .007" states neither 2 nor 40: derived df are not reported numbers.
    const mutate = (study: any) => (study.reported[11].statistic = { name: "F", value: "2.83", dfDerived: { df: ["2", "40"], from: "three timepoints, n = 21" } });
    expect(problemsAfter(mutate).problems).toEqual([]);
    const study = twoArmTrial();
    mutate(study);
    expect(auditSources(study, [tempFile("trial.txt", trialText)]).problems).toEqual([]);
  });

  it("refuses derived df beside printed ones, or of the wrong count", () => {
    expect(problemsAfter((study) => (study.reported[11].statistic.dfDerived = { df: ["42"], from: "n − 2" })).problems).toContainEqual(expect.stringMatching(/^\$\.reported\[11\]\.statistic\.dfDerived: the df are printed: remove dfDerived/));
    expect(problemsAfter((study) => (study.reported[11].statistic = { name: "F", value: "2.83", dfDerived: { df: ["2"], from: "?" } })).problems).toContainEqual("$.reported[11].statistic.dfDerived.df: F takes 2 degrees of freedom, received 1");
  });

  it("lets an effect name the values it comes from, and refuses an unknown one; `unit` only for a risk difference", () => {
    expect(problemsAfter((study) => (study.reported[15].about = ["response-therapy", "response-wait-list"])).problems).toEqual([]);
    expect(problemsAfter((study) => (study.reported[15].about = ["nothing"])).problems).toContainEqual(expect.stringMatching(/^\$\.reported\[15\]\.about\[0\]: unknown reported value "nothing"/));
    expect(problemsAfter((study) => (study.reported[15].unit = "percentage-points")).problems).toContainEqual(expect.stringMatching(/^\$\.reported\[15\]\.unit: `unit` says how a risk difference is printed/));
  });

  it("accepts groups nobody assigned (definedBy, no intervention, allocation not-applicable)", () => {
    const defined = (study: any) => {
      study.design.allocation = { value: "not-applicable", basis: "inferred", source: study.design.arms[0].size.source };
      for (const arm of study.design.arms) {
        delete arm.intervention;
        arm.definedBy = { value: `group ${arm.id}`, source: arm.size.source };
      }
    };
    expect(problemsAfter(defined).problems).toEqual([]);
    expect(problemsAfter((study) => delete study.design.arms[0].intervention).problems).toContainEqual(expect.stringMatching(/^\$\.design\.arms\[0\]\.intervention: say what the arm was given/));
  });

  it("accepts a composition that lists only some categories, and a proportion of a base the source does not give", () => {
    const partial = (study: any) =>
      study.reported.push({ kind: "composition", id: "women", variable: "sex", group: "all", n: { value: 48, source: study.design.arms[0].size.source }, categoriesAre: "exclusive", allCategoriesListed: false, categories: [{ id: "f", label: "women", count: 20, source: study.design.arms[0].size.source }] });
    expect(problemsAfter(partial).problems).toEqual([]);
    // Listing all categories, 20 women of 48 is an error (the counts must add up).
    expect(problemsAfter((study) => { partial(study); study.reported.at(-1).allCategoriesListed = true; }).problems).toContainEqual(expect.stringMatching(/exclusive category counts add up to 20, not n = 48/));
    expect(problemsAfter((study) => (study.reported[13].denominatorUnknown = true)).problems).toContainEqual(expect.stringMatching(/^\$\.reported\[13\]\.denominatorUnknown: a denominator is given/));
  });
});

