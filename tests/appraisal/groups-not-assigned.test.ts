import { describe, expect, it } from "vitest";
import { appraiseStudy } from "../../src/appraisal/appraise-study.js";
import { loadAttribution } from "../../src/appraisal/source-sections.js";
import { loadInstruments } from "../../src/io/load-instruments.js";
import { loadStudy, parseStudy } from "../../src/io/load-study.js";
import { root } from "../helpers/fixtures.js";

/*
 * Groups nobody assigned: the ICU cohort (Corrêa et al. 2021) compares survivors and non-survivors, groups
 * defined by the outcome, with allocation "not-applicable" and no intervention recorded. The appraisal must
 * say so and nothing about treatments received or who was put where.
 */
const instruments = loadInstruments();
const file = `${root}data/studies/covid-icu-cohort-sao-paulo.json`;
const study = loadStudy(file, instruments);
const appraisal = appraiseStudy(study, instruments, [], {}, loadAttribution(study, file));
const everything = [
  ...Object.values(appraisal.verdict).flat(),
  ...appraisal.limits.flags.flatMap((flag) => [flag.title, flag.why, ...flag.notes]),
  ...appraisal.grade.flatMap((row) => JSON.stringify(row)),
].join("\n");

describe("appraisal of groups defined by outcome (nobody allocated)", () => {
  it("describes the groups by what defines them, not by a treatment they received", () => {
    // The file: 170 "died in hospital", 1078 "discharged alive from hospital", 1296 patients in all.
    expect(appraisal.verdict.done).toContain("A cohort study of 1296 people. They were enrolled consecutively. It compares 2 groups that nobody assigned, each defined by an exposure or an outcome (170 died in hospital and 1078 discharged alive from hospital).");
    expect(everything).not.toMatch(/received a treatment|Every arm received|who was put where|allocated to the groups at random|not allocated to the groups at random/);
    expect(everything).not.toMatch(/\breceived none\b/);
  });

  it("names the limit truthfully: association, not cause, and no missing control for a treatment", () => {
    const ids = appraisal.limits.flags.map((flag) => flag.id);
    expect(ids).toContain("non-random-allocation");
    expect(ids).not.toContain("no-control-group");
    const flag = appraisal.limits.flags.find((f) => f.id === "non-random-allocation")!;
    expect(flag.title).toBe("groups defined by what happened to people, not by allocation: 170 died in hospital and 1078 discharged alive from hospital");
    expect(flag.why).toMatch(/Nobody was put in a group/);
    expect(appraisal.verdict.cannotShow).toMatch(/that what defines the groups caused the differences between them, or the reverse/);
    expect(appraisal.verdict.cannotShow).not.toMatch(/one treatment caused/);
  });

  it("says who is in neither group (1296 − 170 − 1078 = 48, 3.7%) instead of asking how many completed", () => {
    const flag = appraisal.limits.flags.find((f) => f.id === "attrition")!;
    expect(flag.title).toBe("48 of 1296 (3.7%) are in none of the groups (170 died in hospital and 1078 discharged alive from hospital)");
    expect(everything).not.toMatch(/how many completed/);
  });

  it("rates age and SAPS 3 (characteristics with no timepoint) without a blinding concern: nothing is measured after the groups form", () => {
    const rows = appraisal.grade.map((row) => [row.outcome, row.start, row.certainty]);
    // Low start (groups nobody assigned); no risk-of-bias concern; n = 1248 ≥ 128 (two groups, d = 0.5) and a test reported.
    expect(rows).toEqual([["age", "low", "low"], ["saps-3", "low", "low"]]);
    expect(appraisal.grade[0]!.domains.find((d) => d.domain === "risk of bias")!.reasons[0]).toMatch(/^no concern beyond those that start it at low; blinding does not matter here: age is a characteristic with no timepoint/);
    // The register agrees: no unblinded-assessment limit when nothing is measured after the groups form.
    expect(appraisal.limits.flags.map((flag) => flag.id)).not.toContain("unblinded-assessment");
  });

  it("validation asks for definedBy on every group when allocation is not-applicable, and for an intervention otherwise", () => {
    const raw = JSON.parse(JSON.stringify(study));
    delete raw.design.arms[0].definedBy;
    expect(() => parseStudy(raw, instruments, "icu.json")).toThrow(/design\.arms\[0\]\.(definedBy|intervention)/);
  });
});
