import { describe, expect, it } from "vitest";
import { appraiseStudy } from "../../src/appraisal/appraise-study.js";
import { loadAttribution } from "../../src/appraisal/source-sections.js";
import { loadInstruments } from "../../src/io/load-instruments.js";
import { loadStudy, parseStudy } from "../../src/io/load-study.js";
import { studyA, studyB } from "../helpers/fixtures.js";
import { twoArmTrial } from "../helpers/two-arm-trial.js";
import { syntheticRct } from "./synthetic-rct.js";

const instruments = loadInstruments();
const verdictOf = (file: string) => {
  const study = loadStudy(file, instruments);
  return appraiseStudy(study, instruments, [], {}, loadAttribution(study, file)).verdict;
};

describe("studyVerdict", () => {
  it("says what study A did, found, can and cannot show, and gives its three heaviest limits", () => {
    const verdict = verdictOf(studyA);
    expect(verdict.done).toMatch(/^An observational study of 20 people \(a convenience sample\), all of whom received regular monthly intramuscular ketamine/);
    expect(verdict.found).toContain('"After repeated treatments, substance misuse improved in all patients');
    expect(verdict.found).toContain("The page's unsigned summary adds 3 claims the study's own text does not make");
    expect(verdict.cannotShow).toContain("that the treatment caused the changes reported");
    expect(verdict.reasons).toHaveLength(3);
    expect(verdict.reasons[0]).toMatch(/^no comparison group: one group measured before and after/);
    expect(verdict.certainty).toBe("GRADE certainty: PHQ-9 (mood (depression severity)) very low; NRS (pain intensity) very low; SDS (severity of dependence) very low.");
  });

  it("puts allocation and arm size first for study B's two small arms, and says where the source admits a limit", () => {
    const verdict = verdictOf(studyB);
    expect(verdict.done).toContain("How people were put in each group is not reported.");
    expect(verdict.reasons[0]).toMatch(/^allocation to arms not reported/);
    expect(verdict.reasons[1]).toMatch(/^small arms: .* \(the source says so itself\): a two-group t-test with 5 vs 5/);
  });

  it("gives a well-reported randomised trial credit, and no reasons it does not have", () => {
    const study = parseStudy(syntheticRct(), instruments, "rct.json");
    const verdict = appraiseStudy(study, instruments, []).verdict;
    expect(verdict.done).toContain("People were allocated to the groups at random.");
    expect(verdict.canShow).toMatch(/^It gives estimates that are probably close to the truth for PHQ-9/);
    expect(verdict.reasons).toEqual([]);
  });

  it("words a psychological trial against a wait list without drugs or doses", () => {
    const study = parseStudy(twoArmTrial(), instruments, "trial.json");
    const verdict = appraiseStudy(study, instruments, []).verdict;
    expect(verdict.done).toMatch(/^A trial of 48 people \(how they were chosen is not reported\) in 2 groups: 24 received group therapy; 24 received a wait list\./);
    expect(JSON.stringify(verdict)).not.toMatch(/\bdrug|\bdose/);
  });
});
