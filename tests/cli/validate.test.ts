import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { cohort, root, seedJson, sourcesDir, studyA, studyB, tempFile } from "../helpers/fixtures.js";

describe("cohort validate", () => {
  it("exits 0 for the seed studies and instrument definitions", () => {
    const result = cohort(["validate", studyA, studyB, "data/instruments/phq-9.json", "--json"]);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.status).toBe("valid");
    expect(report.files.map((file: { kind: string }) => file.kind)).toEqual(["study", "study", "instrument"]);
  });

  it("exits 1 with one line per problem naming the file and JSON path", () => {
    const study = seedJson(studyB);
    study.design.arms[1].size.value = 4;
    study.reported[0].percent = 21.88;
    const file = tempFile("broken.json", study);
    const result = cohort(["validate", file]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`✖ ${file}: $.reported[0].percent: Invalid input: expected string, received number`);
  });

  it("reports bad JSON with its line and column", () => {
    const file = tempFile("bad.json", "{\n  \"id\": ,\n}");
    const result = cohort(["validate", file, "--json"]);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout).files[0].problems[0].message).toMatch(/^invalid JSON at line 2, column 9/);
  });

  it("validates checklists and claims registers by their folder, naming the path of a problem", () => {
    expect(cohort(["validate", "data/checklists/ketamine-im-substance-misuse.jbi-case-series.json", "data/claims/004-anesthesiologist-blog.json"]).status).toBe(0);
    const checklist = seedJson(join(root, "data/checklists/ketamine-im-substance-misuse.jbi-case-series.json"));
    checklist.items[0].answer = "maybe";
    const file = join(dirname(tempFile("x.json", "")), "checklists", "broken.json");
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(checklist));
    const result = cohort(["validate", file, "--json"]);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout).files[0]).toMatchObject({ kind: "checklist", status: "invalid", problems: [{ file, path: "$.items[0].answer" }] });
  });

  it("is a usage error (exit 2) without files", () => {
    expect(cohort(["validate"]).status).toBe(2);
  });
});

describe("cohort audit-sources", () => {
  it("passes the seed studies and fails a tampered quote", () => {
    expect(cohort(["audit-sources", "--sources", sourcesDir, studyA, studyB]).status).toBe(0);
    const study = seedJson(studyA);
    study.design.sampleSize.source.quote = "a convenience sample of twenty-one adult";
    const result = cohort(["audit-sources", "--sources", sourcesDir, tempFile("a.json", study), "--json"]);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout).files[0].problems[0].path).toBe("$.design.sampleSize.source.quote");
  });
});
