import { describe, expect, it } from "vitest";
import { ADMISSION_OF_FORM, admissionFor } from "../../src/appraisal/admissions.js";
import { limitsRegister } from "../../src/appraisal/limits-register.js";
import { attributeSections, loadAttribution, wholeDocumentAttribution } from "../../src/appraisal/source-sections.js";
import { loadInstruments } from "../../src/io/load-instruments.js";
import { parseStudy } from "../../src/io/load-study.js";
import { seedJson, studyA, studyB } from "../helpers/fixtures.js";
import { trialText, twoArmTrial } from "../helpers/two-arm-trial.js";
import { syntheticRct } from "./synthetic-rct.js";

const instruments = loadInstruments();

/** Each base study with one extra stated limitation (quoting text the study already quotes, so it is attributable). */
const BASES: Array<[string, () => any, string]> = [
  ["study A", () => seedJson(studyA), studyA],
  ["study B", () => seedJson(studyB), studyB],
  ["two-arm trial", twoArmTrial, ""],
  ["synthetic RCT", syntheticRct, ""],
];

function registerWith(base: () => any, file: string, limitation: (data: any) => object | undefined) {
  const data = base();
  const extra = limitation(data);
  if (extra) data.limitationsStated = [extra];
  else data.limitationsStated = [];
  const study = parseStudy(data, instruments, file || `${data.id}.json`);
  return limitsRegister(study, instruments, {}, file ? loadAttribution(study, file) : wholeDocumentAttribution(study));
}

describe("admissions", () => {
  it("judge a sentence by its form alone: the same form and concessions give the same level in every study", () => {
    for (const form of ["limitation", "caveat", "call-for-research"] as const) {
      const levels = BASES.map(([name, base, file]) => {
        // Quote the study's own sample-size sentence (any attributable quote would do): the words do not matter, the form does.
        const conceded = ["small-sample", "small-arms", "unblinded-assessment"];
        const register = registerWith(base, file, (data) => ({ id: "extra", form, concedes: conceded, source: data.design.sampleSize.source ?? data.design.arms[0].size.source }));
        return [name, register.flags.filter((flag) => conceded.includes(flag.id)).map((flag) => flag.admission.level)];
      });
      for (const [name, found] of levels) for (const level of found as string[]) expect(level, `${form} in ${name}`).toBe(ADMISSION_OF_FORM[form]);
      // A flags small sample and unblinded assessment; B (5 vs 5) and the trial (24 vs 24) small arms and unblinded
      // assessment; the synthetic RCT neither: six judgements compared, not none.
      expect(levels.flatMap(([, found]) => found as string[])).toHaveLength(6);
    }
  });

  it("gives both seeds' calls for larger studies the same judgement: implied", () => {
    // A: "Future studies should include larger prospective studies …"; B: "While further research with a larger sample size is needed".
    const a = registerWith(() => seedJson(studyA), studyA, (data) => data.limitationsStated[0]);
    const b = registerWith(() => seedJson(studyB), studyB, (data) => data.limitationsStated.find((l: { id: string }) => l.id === "larger-sample-needed"));
    expect(a.flags.find((flag) => flag.id === "small-sample")!.admission.level).toBe("implied");
    // B has two arms of 5: its sample's size is the small-arms limit, which the same sentence concedes.
    expect(b.flags.find((flag) => flag.id === "small-arms")!.admission.level).toBe("implied");
  });

  it("reads no words: 'definitive' or a baseline p-value concede nothing unless the file says so", () => {
    const register = registerWith(twoArmTrial, "", () => ({ id: "balance", form: "caveat", concedes: [], source: { file: "trial.txt", quote: "p = .013" } }));
    expect(register.flags.every((flag) => flag.admission.level === "none")).toBe(true);
    const data = twoArmTrial();
    data.limitationsStated = [{ id: "definitive", form: "limitation", concedes: [], source: { file: "trial.txt", quote: "The between-group difference at week 8 was significant" } }];
    expect(limitsRegister(parseStudy(data, instruments, "t.json"), instruments).flags.every((flag) => flag.admission.level === "none")).toBe(true);
  });

  it("takes the strongest form when several sentences concede one limit", () => {
    const source = { file: "x.txt", quote: "q" };
    const admission = admissionFor(
      [
        { id: "call", form: "call-for-research", concedes: ["small-sample"], source },
        { id: "said", form: "limitation", concedes: ["small-sample"], source: { file: "x.txt", quote: "r" } },
      ],
      "small-sample",
      wholeDocumentAttribution(parseStudy(twoArmTrial(), instruments, "t.json")),
    );
    expect(admission.level).toBe("stated");
    expect(admission.quotes).toHaveLength(2);
  });

  it("does not count a sentence found only in a part of the source no author signs", () => {
    const text = `Summary\nThe sample was small.\nAbstract\n${trialText}`;
    const data = twoArmTrial();
    data.source.sections = [{ heading: "Summary", kind: "summary", writtenBy: "unattributed" }, { heading: "Abstract", kind: "abstract", writtenBy: "study-authors" }];
    data.limitationsStated = [{ id: "small", form: "limitation", concedes: ["small-arms"], source: { file: "trial.txt", quote: "The sample was small." } }];
    const study = parseStudy(data, instruments, "t.json");
    expect(limitsRegister(study, instruments, {}, attributeSections(study, text)).flags.find((flag) => flag.id === "small-arms")!.admission.level).toBe("none");
    expect(limitsRegister(study, instruments).flags.find((flag) => flag.id === "small-arms")!.admission.level).toBe("stated");
  });
});
