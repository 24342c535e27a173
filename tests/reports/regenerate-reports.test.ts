import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import * as msg from "../../src/messages/reports.js";
import { defineAnalysis, skip } from "../../src/report/analysis.js";
import { regenerateReports } from "../../src/report/regenerate-reports.js";
import { seedJson, studyA, studyB } from "../helpers/fixtures.js";

const folders: string[] = [];
const scratch = () => {
  const folder = mkdtempSync(join(tmpdir(), "cohortcheck-regen-"));
  folders.push(folder);
  return folder;
};
afterAll(() => folders.forEach((f) => rmSync(f, { recursive: true, force: true })));

// Analyses without tables or charts keep these tests fast (no rendering).
const titleOnly = defineAnalysis({ id: "title", title: "Title", section: "reported", run: ({ study }) => ({ id: "title", title: study.title, section: "reported", paragraphs: [`n = ${study.design.sampleSize.value}`] }) });
const neverApplies = defineAnalysis({ id: "never", title: "Never", section: "checked", run: () => skip("never", "Never", "it never applies") });

describe("regenerateReports", () => {
  it("writes one folder per study and the notebook, noting skipped analyses", async () => {
    const data = scratch();
    const out = scratch();
    copyFileSync(studyA, join(data, "a.json"));
    copyFileSync(studyB, join(data, "b.json"));
    const summary = await regenerateReports({ studiesDir: data, reportsDir: out, analyses: [titleOnly, neverApplies], progress: () => {} });
    expect(summary.studies.map((s) => s.id)).toEqual(["ketamine-im-substance-misuse", "kap-pilot-two-approaches"]);
    // THIRD-PARTY-LICENSES.txt: the licences of the npm code bundled in the notebook's script.
    expect(readdirSync(out).sort()).toEqual(["THIRD-PARTY-LICENSES.txt", "index.html", "kap-pilot-two-approaches", "ketamine-im-substance-misuse"]);
    const markdown = readFileSync(join(out, "ketamine-im-substance-misuse", "report.md"), "utf8");
    expect(markdown).toContain("n = 20");
    expect(markdown).toContain("**Never** (never): it never applies.");
  });

  it("fails on an empty study folder, naming it", async () => {
    const data = scratch();
    await expect(regenerateReports({ studiesDir: data, reportsDir: scratch(), analyses: [titleOnly] })).rejects.toThrow(msg.noStudies(data));
  });

  it("fails on two studies with one id, and writes nothing", async () => {
    const data = scratch();
    const out = scratch();
    copyFileSync(studyA, join(data, "a.json"));
    copyFileSync(studyA, join(data, "b.json"));
    await expect(regenerateReports({ studiesDir: data, reportsDir: out, analyses: [titleOnly] })).rejects.toThrow(msg.duplicateStudyId("ketamine-im-substance-misuse", join(data, "a.json"), join(data, "b.json")));
    expect(readdirSync(out)).toEqual([]);
  });

  it("keeps the previous reports when a study file is invalid", async () => {
    const data = scratch();
    const out = scratch();
    mkdirSync(join(out, "old-study"));
    writeFileSync(join(out, "old-study", "report.md"), "# old\n");
    const broken = seedJson(studyA);
    broken.design.sampleSize.value = "twenty";
    writeFileSync(join(data, "broken.json"), JSON.stringify(broken));
    await expect(regenerateReports({ studiesDir: data, reportsDir: out, analyses: [titleOnly] })).rejects.toThrow(/broken\.json/);
    expect(readFileSync(join(out, "old-study", "report.md"), "utf8")).toBe("# old\n");
    expect(existsSync(join(out, "index.html"))).toBe(false);
  });

  it("completes with a chart whose title is hostile study text, rendered inertly (fuzz regression)", async () => {
    // Before the fix the SVG safety regex saw "onerror=" and "javascript:" in the escaped label and
    // aborted the whole run.
    const data = scratch();
    const out = scratch();
    const hostile = seedJson(studyB);
    hostile.title = 'Pilot <img src=x onerror="alert(1)"> see javascript:alert(1)';
    writeFileSync(join(data, "b.json"), JSON.stringify(hostile));
    const titled = defineAnalysis({
      id: "titled",
      title: "Titled",
      section: "reported",
      run: ({ study }) => ({
        id: "titled",
        title: "Titled",
        section: "reported",
        paragraphs: [],
        figure: { alt: study.title, spec: { title: study.title, data: { values: [{ a: "x", b: 1 }] }, mark: "bar", encoding: { x: { field: "a", type: "nominal" }, y: { field: "b", type: "quantitative" } } } },
      }),
    });
    await regenerateReports({ studiesDir: data, reportsDir: out, analyses: [titled], progress: () => {} });
    const svg = readFileSync(join(out, "kap-pilot-two-approaches", "figures", "titled.svg"), "utf8");
    expect(svg).toContain("onerror=");
    const html = readFileSync(join(out, "index.html"), "utf8");
    expect(html).toContain('data-chart="titled"');
    // The title is in the page only as escaped text: no <img> element exists to fire onerror.
    expect(html).toContain("&lt;img src=x onerror=");
    expect(html).not.toMatch(/<img/i);
  });

  it("restores a folder a kill left aside before anything else, even when the run then fails", async () => {
    // The state a kill between writeReportFolder's two renames leaves: reports/<id> missing, the
    // previous copy at .<id>.old-<pid>. This run fails on an invalid study file, after the restore.
    const data = scratch();
    const out = scratch();
    mkdirSync(join(out, ".kap-pilot-two-approaches.old-4242"));
    writeFileSync(join(out, ".kap-pilot-two-approaches.old-4242", "report.md"), "# previous\n");
    const broken = seedJson(studyB);
    broken.design.sampleSize.value = "ten";
    writeFileSync(join(data, "b.json"), JSON.stringify(broken));
    await expect(regenerateReports({ studiesDir: data, reportsDir: out, analyses: [titleOnly] })).rejects.toThrow(/b\.json/);
    expect(readFileSync(join(out, "kap-pilot-two-approaches", "report.md"), "utf8")).toBe("# previous\n");
    expect(readdirSync(out)).toEqual(["kap-pilot-two-approaches"]);
  });

  it("names the analysis and the study when an analysis fails", async () => {
    const data = scratch();
    copyFileSync(studyB, join(data, "b.json"));
    const failing = defineAnalysis({ id: "boom", title: "Boom", section: "checked", run: () => { throw new Error("no luck"); } });
    await expect(regenerateReports({ studiesDir: data, reportsDir: scratch(), analyses: [failing] })).rejects.toThrow(msg.analysisFailed("boom", "kap-pilot-two-approaches", "no luck"));
  });
});
