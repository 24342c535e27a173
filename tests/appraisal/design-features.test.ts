import { describe, expect, it } from "vitest";
import { appraiseStudy, type Appraisal } from "../../src/appraisal/appraise-study.js";
import { limitsRegister } from "../../src/appraisal/limits-register.js";
import { attributeSections, loadAttribution } from "../../src/appraisal/source-sections.js";
import { loadInstruments } from "../../src/io/load-instruments.js";
import { loadStudy, parseStudy } from "../../src/io/load-study.js";
import type { Study } from "../../src/schema/study.js";
import { seedJson, studyA, studyB } from "../helpers/fixtures.js";
import { trialText, twoArmTrial } from "../helpers/two-arm-trial.js";
import { syntheticRct } from "./synthetic-rct.js";

/*
 * Each limit appears exactly when the study's fields support it: every case below takes a base
 * study, changes only the fields that matter, and checks the limit is absent before and present
 * after (or the reverse). Then every sentence the appraisal prints for every variant is checked for
 * words naming something the study file does not contain.
 */

const instruments = loadInstruments();
type Edit = (study: any) => void;
const quote = (file: string, text: string) => ({ file, quote: text });
const t = (text: string) => quote("trial.txt", text);
const r = (text: string) => quote("rct.txt", text);

/** [limit, base, edit that leaves it absent (or none), edit that makes it present]. */
const CASES: Array<[string, () => any, Edit, Edit]> = [
  // One group of 20 (study A): a paired t-test detects only dz ≥ 0.66 > 0.5; 40 detect dz ≥ 0.45 (Cohen 1988, Table 2.4.1: n = 34 for 0.5).
  ["small-sample", () => seedJson(studyA), (s) => { s.design.sampleSize.value = 40; s.design.arms[0].size.value = 40; }, () => {}],
  ["small-arms", syntheticRct, () => {}, (s) => { s.design.arms[0].size.value = 20; s.design.arms[1].size.value = 20; s.design.sampleSize.value = 40; s.reported = s.reported.filter((v: any) => v.kind !== "composition" && v.kind !== "sample-flow"); }],
  ["imprecise-shares", twoArmTrial, () => {}, (s) => { s.reported.push({ kind: "composition", id: "sex", variable: "sex", group: "all", categoriesAre: "exclusive", n: { value: 48, source: t("48 were randomised") }, categories: [{ id: "f", label: "female", count: 24, source: t("24") }, { id: "m", label: "male", count: 24, source: t("24") }] }); }],
  ["no-control-group", twoArmTrial, () => {}, (s) => { s.design.arms[1].role = "active-comparator"; s.design.arms[1].intervention.type = "psychological"; }],
  ["no-control-group", syntheticRct, () => {}, (s) => { s.design.controlGroup = { value: "no", basis: "not-reported" }; }],
  ["control-without-placebo", twoArmTrial, (s) => { s.design.arms[1].role = "placebo"; }, () => {}],
  ["non-random-allocation", twoArmTrial, () => {}, (s) => { s.design.allocation = { value: "not-reported", basis: "not-reported" }; }],
  ["convenience-sample", syntheticRct, () => {}, (s) => { s.design.sampling = { value: "convenience", basis: "stated", source: r("a convenience sample") }; }],
  ["regression-to-the-mean", twoArmTrial, (s) => { s.reported = s.reported.filter((v: any) => v.kind !== "eligibility"); }, () => {}],
  ["attrition", syntheticRct, () => {}, (s) => { s.reported = s.reported.filter((v: any) => v.kind !== "sample-flow"); }],
  ["attrition", twoArmTrial, (s) => { s.reported.find((v: any) => v.id === "completed-therapy").count = 24; s.reported.find((v: any) => v.id === "completed-wait-list").count = 24; s.reported.forEach((v: any) => { delete v.n; if (v.kind === "proportion") v.denominator = 24; }); }, () => {}],
  ["co-interventions", twoArmTrial, () => {}, (s) => { s.design.arms[0].intervention.coInterventions = [{ value: "homework sheets", source: t("group therapy") }]; }],
  ["unblinded-assessment", twoArmTrial, (s) => { s.design.blinding = { value: "double", basis: "stated", source: t("48 were randomised") }; }, () => {}],
  ["not-significant", twoArmTrial, () => {}, (s) => { s.claims.push({ id: "ns", type: "non-significance", testReported: true, source: t("p = .013") }); }],
  ["significance-without-test", twoArmTrial, () => {}, (s) => { s.claims[0].testReported = false; }],
  ["no-test-reported", twoArmTrial, () => {}, (s) => { s.claims.push({ id: "better", type: "comparison", testReported: false, source: t("OR 6.33") }); }],
  ["multiplicity", twoArmTrial, () => {}, (s) => { s.instruments.push({ ref: "gad-7", measures: "anxiety", source: t("PHQ-9") }, { ref: "bdi-ii", measures: "depression", source: t("PHQ-9") }); }],
  ["missing-dispersion", twoArmTrial, () => {}, (s) => { s.reported = s.reported.filter((v: any) => !["mean", "mean-change", "median", "test", "effect"].includes(v.kind) || v.variable !== undefined); s.reported.forEach((v: any) => { delete v.dispersion; delete v.ci; delete v.spread; }); s.reported.push({ kind: "mean", id: "bare", instrument: "phq-9", group: "therapy", timepoint: "week-8", mean: "9.6", source: t("9.6") }); }],
  ["below-important-difference", syntheticRct, () => {}, (s) => { s.reported.find((v: any) => v.id === "placebo-week-8").mean = "12.10"; }],
  ["harms-imprecise", twoArmTrial, () => {}, (s) => { s.claims.push({ id: "safe", type: "safety", group: "therapy", testReported: false, source: t("group therapy") }); }],
  ["harms-imprecise", syntheticRct, () => {}, (s) => { s.reported.push({ kind: "proportion", id: "sae", outcome: "serious adverse events", group: "drug", count: 0, denominator: 100, source: r("no serious adverse events") }); }],
  ["undefined-band-label", syntheticRct, () => {}, (s) => { s.reported.push({ kind: "band-shift", id: "shift", instrument: "phq-9", group: "drug", statistic: "not-stated", to: { timepoint: "week-8", label: "better" }, source: r("better") }); }],
  ["undefined-improvement", syntheticRct, () => {}, (s) => { s.claims.push({ id: "all", type: "all-improved", group: "drug", about: ["phq-9"], testReported: false, source: r("all improved") }); }],
  ["no-follow-up", twoArmTrial, () => {}, (s) => { s.design.followUp = { value: "not-reported", basis: "not-reported" }; }],
  ["missing-dose", syntheticRct, () => {}, (s) => { delete s.design.arms[0].intervention.dose; }],
  ["missing-dose", twoArmTrial, () => {}, (s) => { s.design.arms[0].intervention.type = "drug"; }],
  ["missing-dose", twoArmTrial, (s) => { s.design.arms[1].role = "placebo"; s.design.arms[1].intervention.type = "placebo"; }, (s) => { s.design.arms[1].role = "active-comparator"; s.design.arms[1].intervention.type = "drug"; }],
  ["instrument-version-assumed", twoArmTrial, () => {}, (s) => { s.instruments[0].note = "Version not stated; the 9-item PHQ-9 is assumed."; }],
  ["promotional-source", twoArmTrial, () => {}, (s) => { s.source.kind = "blog-post"; }],
];

function variant(base: () => any, edit: Edit): Study {
  const data = base();
  edit(data);
  return parseStudy(JSON.parse(JSON.stringify(data)), instruments, `${data.id}.json`);
}

/** Every sentence an appraisal prints: verdict, flags (titles, reasons, notes, numbers) and GRADE. */
function printed(appraisal: Appraisal): string {
  const { verdict, limits, grade } = appraisal;
  return [
    ...Object.values(verdict).flat(),
    ...limits.flags.flatMap((flag) => [flag.title, flag.why, ...flag.notes, ...flag.consequences.map((c) => c.statement)]),
    ...grade.flatMap((row) => [row.label, row.startReason, ...row.domains.flatMap((d) => d.reasons)]),
  ].join("\n").toLowerCase();
}

/** Words the old wording leaked from the seeds into any study; each may appear only if the study file has it. */
const SEED_WORDS = ["ketamine", "drug", "pain", "psychotherapy", "nerve block", "injection", "lozenge", "misuse", "clinic", "blog", "publicised"];
const LEAKED_PHRASES = ["rate their own pain", "the shared psychotherapy", "the drug's own effect"];

function expectNothingAbsent(study: Study, appraisal: Appraisal, label: string): void {
  const file = JSON.stringify(study).toLowerCase();
  const text = printed(appraisal);
  for (const phrase of LEAKED_PHRASES) expect(text.includes(phrase), `${label}: "${phrase}"`).toBe(false);
  for (const word of SEED_WORDS) if (new RegExp(`\\b${word}\\b`).test(text)) expect(file.includes(word), `${label}: prints "${word}", which the study file does not contain`).toBe(true);
}

describe("limits follow the design fields", () => {
  it.each(CASES.map(([id, base, without, withIt], index) => [`${id} #${index}`, id, base, without, withIt] as const))("%s appears exactly when the fields support it", (_label, id, base, without, withIt) => {
    const absent = variant(base, without);
    const present = variant(base, withIt);
    const ids = (study: Study) => limitsRegister(study, instruments).flags.map((flag) => flag.id);
    expect(ids(absent), `${id} without the feature`).not.toContain(id);
    expect(ids(present), `${id} with the feature`).toContain(id);
    expectNothingAbsent(absent, appraiseStudy(absent, instruments, []), `${id} absent`);
    expectNothingAbsent(present, appraiseStudy(present, instruments, []), `${id} present`);
  });

  it("names nothing absent for the seeds and the fixtures either", () => {
    const seeds = [[studyA, loadStudy(studyA, instruments)], [studyB, loadStudy(studyB, instruments)]] as const;
    for (const [file, study] of seeds) expectNothingAbsent(study, appraiseStudy(study, instruments, [], {}, loadAttribution(study, file)), study.id);
    for (const base of [twoArmTrial, syntheticRct]) {
      const study = variant(base, () => {});
      expectNothingAbsent(study, appraiseStudy(study, instruments, []), study.id);
    }
  });

  it("words the comparison from the arms' roles: one group, treated arms only, a wait list", () => {
    const single = seedJson(studyA);
    expect(limitsRegister(parseStudy(single, instruments, "a.json"), instruments).flags.find((f) => f.id === "no-control-group")!.title).toBe("no comparison group: one group measured before and after");
    const active = variant(twoArmTrial, (s) => { s.design.arms[1].role = "active-comparator"; s.design.arms[1].intervention.type = "psychological"; });
    expect(limitsRegister(active, instruments).flags.find((f) => f.id === "no-control-group")!.title).toBe("no inactive comparison: the comparator (a wait list) is itself an active intervention");
  });

  it("takes co-interventions from the arms' own fields, and says whether they differ", () => {
    const same = variant(twoArmTrial, (s) => { for (const arm of s.design.arms) arm.intervention.coInterventions = [{ value: "leaflet", source: t("group therapy") }]; });
    expect(limitsRegister(same, instruments).flags.find((f) => f.id === "co-interventions")!.why).toMatch(/^Every arm received the same other interventions/);
    const differ = variant(twoArmTrial, (s) => { s.design.arms[0].intervention.coInterventions = [{ value: "leaflet", source: t("group therapy") }]; });
    expect(limitsRegister(differ, instruments).flags.find((f) => f.id === "co-interventions")!.why).toMatch(/^The arms differ in these other interventions/);
  });

  it("never treats the arms of a two-arm study as one paired group: their size is small-arms' limit", () => {
    // 10 vs 10: the two-group MDE is d = 1.32 (> 0.5), so small-arms is raised; no analysis pools both arms
    // as one before/after group, so a paired MDE of n = 20 would describe nothing the study can run.
    const twenty = variant(syntheticRct, (s) => { s.design.arms[0].size.value = 10; s.design.arms[1].size.value = 10; s.design.sampleSize.value = 20; s.reported = s.reported.filter((v: any) => v.kind !== "composition" && v.kind !== "sample-flow"); });
    const ids = limitsRegister(twenty, instruments).flags.map((flag) => flag.id);
    expect(ids).toContain("small-arms");
    expect(ids).not.toContain("small-sample");
    expect(printed(appraiseStudy(twenty, instruments, []))).not.toMatch(/paired[^\n]*n = 20\b/);
  });

  it("does not attribute to the study a claim found only in an unsigned summary block", () => {
    const text = `Summary\nThis therapy is a breakthrough.\nAbstract\n${trialText}`;
    const study = variant(twoArmTrial, (s) => {
      s.source.sections = [{ heading: "Summary", kind: "summary", writtenBy: "unattributed" }, { heading: "Abstract", kind: "abstract", writtenBy: "study-authors" }];
      s.claims.push({ id: "breakthrough", type: "efficacy", testReported: false, source: t("This therapy is a breakthrough.") });
    });
    const withSections = limitsRegister(study, instruments, {}, attributeSections(study, text));
    expect(withSections.flags.map((f) => f.id)).toContain("unattributed-claims");
    expect(withSections.flags.map((f) => f.id)).not.toContain("no-test-reported");
    expect(limitsRegister(study, instruments).flags.map((f) => f.id)).toContain("no-test-reported");
  });
});
