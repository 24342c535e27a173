import { describe, expect, it } from "vitest";
import { CohortError, type Problem } from "../../src/errors.js";
import { loadInstruments } from "../../src/io/load-instruments.js";
import { loadStudy } from "../../src/io/load-study.js";
import { seedJson, studyA, studyB, tempFile } from "../helpers/fixtures.js";

const instruments = loadInstruments();

/** The problems loadStudy reports for a seed study broken by `mutate`. */
function problemsAfter(seed: string, mutate: (study: any) => void): { file: string; problems: Problem[] } {
  const data = seedJson(seed);
  mutate(data);
  const file = tempFile("study.json", data);
  try {
    loadStudy(file, instruments);
  } catch (error) {
    if (error instanceof CohortError) return { file, problems: error.problems };
    throw error;
  }
  return { file, problems: [] };
}

function expectProblem(result: { file: string; problems: Problem[] }, path: string, message: RegExp) {
  expect(result.problems.length, "expected at least one problem").toBeGreaterThan(0);
  for (const problem of result.problems) expect(problem.file).toBe(result.file);
  expect(result.problems.map((problem) => `${problem.path}: ${problem.message}`)).toContainEqual(expect.stringMatching(new RegExp(`^${path.replace(/[$.[\]]/g, "\\$&")}: .*${message.source}`)));
}

describe("Study", () => {
  it("accepts both seed studies", () => {
    expect(loadStudy(studyA, instruments).design.sampleSize.value).toBe(20);
    expect(loadStudy(studyB, instruments).design.arms.map((arm) => arm.size.value)).toEqual([5, 5]);
  });

  it("keeps reported percentages as strings with their trailing digits", () => {
    const study = loadStudy(studyB, instruments);
    const percents = study.reported.flatMap((value) => (value.kind === "percent-change" ? [value.percent] : []));
    // Every percent change the post reports (003: 21.88%, 3.39%, 32.81%, 24.56%, 36%).
    expect(percents).toEqual(["21.88", "3.39", "32.81", "24.56", "36"]);
  });

  it("rejects a wrong type, naming the path", () => {
    expectProblem(problemsAfter(studyB, (s) => (s.design.arms[0].size.value = "5")), "$.design.arms[0].size.value", /expected number, received string/);
  });

  it("rejects a percentage written as a number and says why strings are needed", () => {
    expectProblem(problemsAfter(studyB, (s) => (s.reported[1].percent = 3.39)), "$.reported[1].percent", /trailing zeros/);
  });

  it("rejects an unknown instrument", () => {
    const result = problemsAfter(studyA, (s) => {
      s.instruments[0].ref = "phq-99";
      s.reported[2].instrument = "phq-99";
    });
    expectProblem(result, "$.instruments[0].ref", /unknown instrument "phq-99"; no definition in the instrument folders/);
  });

  it("rejects a reported value that names an instrument the study does not list", () => {
    expectProblem(problemsAfter(studyA, (s) => (s.reported[2].instrument = "gad-7")), "$.reported[2].instrument", /unknown instrument "gad-7"/);
  });

  it("rejects exclusive counts that do not sum to n", () => {
    expectProblem(problemsAfter(studyA, (s) => (s.reported[1].categories[0].count = 8)), "$.reported[1].categories", /add up to 19, not n = 20/);
  });

  it("accepts counts that do not sum to n when the discrepancy is acknowledged", () => {
    const result = problemsAfter(studyA, (s) => {
      s.reported[1].categories[0].count = 8;
      s.reported[1].acknowledgedDiscrepancy = "the source's counts add up to 19";
    });
    expect(result.problems).toEqual([]);
  });

  it("accepts a composition of fewer people than its group (those analysed), and refuses one of more", () => {
    // Solberg et al. 2024: of 4647 randomised, the 4575 analysed split "2313 (50.6%)" and "2262 (49.4%)" by arm.
    const fewer = problemsAfter(studyA, (s) => {
      s.reported[1].n.value = 19;
      s.reported[1].categories[0].count = 8;
    });
    expect(fewer.problems).toEqual([]);
    expectProblem(problemsAfter(studyA, (s) => (s.reported[1].n.value = 21)), "$.reported[1].n.value", /the composition's n \(21\) exceeds the size of group "all" \(20\)/);
  });

  it("rejects a share over 100%", () => {
    expectProblem(problemsAfter(studyA, (s) => (s.reported[0].categories[0].percent = "155")), "$.reported[0].categories[0].percent", /cannot exceed 100%/);
  });

  it("rejects a decrease over 100%", () => {
    expectProblem(problemsAfter(studyB, (s) => (s.reported[0].percent = "121.88")), "$.reported[0].percent", /decrease cannot exceed 100%/);
  });

  it("rejects arm sizes that do not add up to the sample size", () => {
    expectProblem(problemsAfter(studyB, (s) => (s.design.arms[1].size.value = 4)), "$.design.arms", /add up to 9 but the sample size is 10/);
  });

  it("rejects duplicate ids", () => {
    expectProblem(problemsAfter(studyB, (s) => (s.reported[1].id = s.reported[0].id)), "$.reported[1].id", /duplicate id "psychedelic-severity-overall"/);
  });

  it("rejects an id with path characters", () => {
    expectProblem(problemsAfter(studyA, (s) => (s.id = "../../etc/passwd")), "$.id", /lower-case letters, digits/);
    expectProblem(problemsAfter(studyA, (s) => (s.id = "reports/x")), "$.id", /no '\/'/);
  });

  it("rejects a source file given as a path", () => {
    expectProblem(problemsAfter(studyA, (s) => (s.reported[0].categories[0].source.file = "../000.txt")), "$.reported[0].categories[0].source.file", /plain file name/);
  });

  it("rejects unknown timepoints and groups", () => {
    expectProblem(problemsAfter(studyB, (s) => (s.reported[2].from = "after-s2")), "$.reported[2].from", /unknown timepoint "after-s2"/);
    expectProblem(problemsAfter(studyB, (s) => (s.reported[2].group = "placebo")), "$.reported[2].group", /unknown group "placebo"/);
  });

  it("rejects a band id that no convention of the instrument defines", () => {
    expectProblem(problemsAfter(studyA, (s) => (s.reported[2].to.band = "satisfactory")), "$.reported[2].to.band", /band "satisfactory" is not defined/);
  });

  it("rejects unknown keys and unknown kinds of reported value", () => {
    expectProblem(problemsAfter(studyA, (s) => (s.design.randomized = true)), "$.design", /Unrecognized key/);
    expectProblem(problemsAfter(studyB, (s) => (s.reported[0].kind = "mode")), "$.reported[0].kind", /Invalid discriminator/);
  });

  it("reports every problem of a file at once", () => {
    const result = problemsAfter(studyB, (s) => {
      s.reported[0].percent = 21.88;
      s.reported[1].direction = "down";
      s.citation.date = "March 2026";
    });
    expect(result.problems.map((problem) => problem.path).sort()).toEqual(["$.citation.date", "$.reported[0].percent", "$.reported[1].direction"]);
  });
});
