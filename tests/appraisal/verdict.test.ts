import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { appraiseStudy } from "../../src/appraisal/appraise-study.js";
import { loadAttribution } from "../../src/appraisal/source-sections.js";
import { loadInstruments } from "../../src/io/load-instruments.js";
import { loadStudy, parseStudy } from "../../src/io/load-study.js";
import { root, studyA, studyB } from "../helpers/fixtures.js";
import { twoArmTrial } from "../helpers/two-arm-trial.js";
import { syntheticRct } from "./synthetic-rct.js";

const instruments = loadInstruments();
const EXAMPLES = ["yoga-videoconference-young-adults-cancer", "face-masks-rct-norway", "covid-icu-cohort-sao-paulo"].map((id) => join(root, "data/studies", `${id}.json`));
const verdictOf = (file: string) => {
  const study = loadStudy(file, instruments);
  return appraiseStudy(study, instruments, [], {}, loadAttribution(study, file)).verdict;
};

describe("studyVerdict", () => {
  it("says what study A did, found, can and cannot show, and gives its three heaviest limits", () => {
    const verdict = verdictOf(studyA);
    expect(verdict.done).toMatch(/^An observational study of 20 people\. They were a convenience sample\. All 20 received the same intervention \(regular monthly intramuscular ketamine/);
    expect(verdict.found).toContain('"After repeated treatments, substance misuse improved in all patients');
    expect(verdict.found).toContain("None of them is a test or a p-value.");
    expect(verdict.found).toContain("The page's unsigned summary adds 3 claims the study's own text does not make");
    expect(verdict.cannotShow).toContain("that the intervention caused the changes reported");
    expect(verdict.reasons).toHaveLength(3);
    expect(verdict.reasons[0]).toMatch(/^No comparison group — one group measured before and after\. Without a comparison group/);
    expect(verdict.certainty).toBe("GRADE certainty: very low for all 3 outcomes rated (PHQ-9, NRS and SDS).");
  });

  it("puts allocation and arm size first for study B's two small arms, and says where the source admits a limit", () => {
    const verdict = verdictOf(studyB);
    expect(verdict.done).toContain("How people were put in each group is not reported.");
    expect(verdict.reasons[0]).toMatch(/^How people were put in each arm is not reported\./);
    expect(verdict.reasons[1]).toMatch(/^Small arms — .*\. The source says so itself\. A two-group t-test with 5 vs 5/);
  });

  it("writes short sentences: no sentence of the verdict holds two colons outside the source's quotes", () => {
    for (const file of [studyA, studyB, ...EXAMPLES]) {
      const verdict = verdictOf(file);
      for (const text of [verdict.done, verdict.found, verdict.canShow, verdict.cannotShow, ...verdict.reasons, verdict.certainty]) {
        for (const sentence of text.replace(/"[^"]*"/g, '"q"').split(/(?<=[.!?])\s+(?=[A-Z0-9])/)) {
          expect((sentence.match(/: /g) ?? []).length, `${file}: ${sentence}`).toBeLessThanOrEqual(1);
        }
      }
    }
  });

  it("judges the 4647-person mask trial by what its file shows, not like a case series", () => {
    const verdict = verdictOf(EXAMPLES[1]!);
    expect(verdict.done).toContain("They were allocated at random to 2 groups, 2371 to Surgical face mask in public spaces and 2276 to No face mask in public places.");
    // GRADE: high, −1 for unblinded self-report; symptoms' OR 0.71 (0.58 to 0.87) excludes 1 and n = 4575 ≥ 3212 (OIS) → moderate.
    expect(verdict.canShow).toBe("It gives estimates that are probably close to the truth for self-reported symptoms consistent with respiratory infection.");
    expect(verdict.certainty).toBe("GRADE certainty: moderate for self-reported symptoms consistent with respiratory infection; very low for self-reported covid-19 infection.");
    expect(JSON.stringify(verdict)).not.toMatch(/very uncertain|study this small/);
  });

  it("gives a well-reported randomised trial credit, and no reasons it does not have", () => {
    const study = parseStudy(syntheticRct(), instruments, "rct.json");
    const verdict = appraiseStudy(study, instruments, []).verdict;
    expect(verdict.done).toContain("They were allocated at random to 2 groups, 100 to active drug and 100 to saline placebo.");
    expect(verdict.canShow).toMatch(/^It gives estimates that are probably close to the truth for PHQ-9/);
    expect(verdict.reasons).toEqual([]);
  });

  it("words a psychological trial against a wait list without drugs or doses", () => {
    const study = parseStudy(twoArmTrial(), instruments, "trial.json");
    const verdict = appraiseStudy(study, instruments, []).verdict;
    expect(verdict.done).toMatch(/^A trial of 48 people\. How they were chosen is not reported\. They were allocated at random to 2 groups, 24 to group therapy and 24 to a wait list\./);
    expect(JSON.stringify(verdict)).not.toMatch(/\bdrug|\bdose/);
  });
});
