import { describe, expect, it } from "vitest";
import * as message from "../../src/messages/appraisal.js";
import { cohort, seedJson, studyA, studyB, tempFile } from "../helpers/fixtures.js";
import { syntheticRct } from "../appraisal/synthetic-rct.js";

describe("cohort appraise", () => {
  it("prints one JSON document with study, verdict, limits, GRADE and checklists for study A", () => {
    const { status, stdout } = cohort(["appraise", studyA, "--json"]);
    expect(status).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json).sort()).toEqual(["checklists", "grade", "limits", "notes", "study", "verdict"]);
    expect(json.study.id).toBe("ketamine-im-substance-misuse");
    expect(json.limits.flags.filter((flag: { admission: { level: string } }) => flag.admission.level === "stated")).toEqual([]);
    // The 'significant' claims are the aggregator summary's, read from the source document's sections.
    expect(json.limits.flags.map((flag: { id: string }) => flag.id)).toContain("unattributed-claims");
    expect(json.verdict.reasons).toHaveLength(3);
    expect(json.checklists.map((checklist: { tool: { id: string } }) => checklist.tool.id)).toEqual(["jbi-case-series"]);
    expect(json.checklists[0].items).toHaveLength(10);
  });

  it("prints the appraisal as text for study B, the verdict and stated limits first", () => {
    const { status, stdout } = cohort(["appraise", studyB]);
    expect(status).toBe(0);
    // Study B states two limits: small arms (5 vs 5) and non-significance; with two arms there is no separate
    // small-sample limit (tests/appraisal/limits-register.test.ts).
    expect(stdout).toMatch(/Verdict[\s\S]*Stated by the source \(2\):[\s\S]*results not statistically significant[\s\S]*Not admitted by the source/);
    expect(stdout).toContain("Checklist: ROBINS-I");
  });

  it("appraises a user's study with no checklist, and an empty checklists folder", () => {
    const file = tempFile("rct.json", syntheticRct());
    const json = JSON.parse(cohort(["appraise", file, "--json"]).stdout);
    expect(json.limits.flags).toEqual([]);
    expect(json.grade.map((row: { certainty: string }) => row.certainty)).toEqual(["high"]);
    expect(json.notes).toEqual([message.noChecklistNote("synthetic-rct")]);
    const emptyDir = tempFile("readme.txt", "no checklists here").replace(/\/readme\.txt$/, "");
    const withEmpty = cohort(["appraise", studyA, "--checklists", emptyDir, "--json"]);
    expect(withEmpty.status).toBe(0);
    expect(JSON.parse(withEmpty.stdout).checklists).toEqual([]);
  });

  it("exits 1 on an invalid study or checklist, naming file and path; 2 without a study", () => {
    const broken = seedJson(studyA);
    broken.design.sampleSize.value = "twenty";
    const bad = cohort(["appraise", tempFile("broken.json", broken), "--json"]);
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stdout).problems[0].path).toBe("$.design.sampleSize.value");

    const checklist = seedJson(studyA.replace("studies/ketamine-im-substance-misuse.json", "checklists/ketamine-im-substance-misuse.jbi-case-series.json"));
    checklist.items.pop();
    const file = tempFile("bad-checklist.json", checklist);
    const badChecklist = cohort(["appraise", studyA, "--checklists", file.replace(/\/bad-checklist\.json$/, ""), "--json"]);
    expect(badChecklist.status).toBe(1);
    expect(JSON.parse(badChecklist.stdout).problems).toEqual([{ file, path: "$.items", message: message.checklistNumbersMissing([10], 10) }]);

    expect(cohort(["appraise"]).status).toBe(2);
  });
});
