import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CohortError, exitCodes } from "../../src/errors.js";
import * as msg from "../../src/messages/reports.js";
import * as ioMsg from "../../src/messages/io.js";
import { defineAnalysis, skip } from "../../src/report/analysis.js";
import { regenerateReports, type RegenerateOptions } from "../../src/report/regenerate-reports.js";
import { MARKER_TEXT, REPORTS_MARKER } from "../../src/report/reports-generation.js";
import { acquireReportsLock, lockPathOf } from "../../src/report/reports-lock.js";
import { seedJson, studyA, studyB } from "../helpers/fixtures.js";

const folders: string[] = [];
const scratch = () => {
  const folder = mkdtempSync(join(tmpdir(), "cohortcheck-regen-"));
  folders.push(folder);
  return folder;
};
afterAll(() => folders.forEach((f) => rmSync(f, { recursive: true, force: true })));

/** Every file under a folder (hidden ones included) → its bytes as text. */
function snapshot(folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(folder, path)] = readFileSync(path, "base64");
    }
  };
  walk(folder);
  return out;
}

/** The tree as a reader sees it: without the run record (which holds the keys of this run). */
const visible = (folder: string) => Object.fromEntries(Object.entries(snapshot(folder)).filter(([path]) => !path.startsWith(".cohortcheck-cache/")));

// Analyses without tables or charts keep these tests fast (no rendering). `runs` counts their calls.
let runs = 0;
const titleOnly = defineAnalysis({ id: "title", title: "Title", section: "reported", run: ({ study }) => (runs++, { id: "title", title: study.title, section: "reported", paragraphs: [`n = ${study.design.sampleSize.value}`] }) });
const neverApplies = defineAnalysis({ id: "never", title: "Never", section: "checked", run: () => skip("never", "Never", "it never applies") });
const quiet = { progress: () => {}, notice: () => {} } satisfies Partial<RegenerateOptions>;

function twoStudies(): string {
  const data = scratch();
  copyFileSync(studyA, join(data, "a.json"));
  copyFileSync(studyB, join(data, "b.json"));
  return data;
}

async function refusal(run: Promise<unknown>): Promise<CohortError> {
  try {
    await run;
  } catch (error) {
    if (error instanceof CohortError) return error;
    throw error;
  }
  throw new Error("expected a CohortError");
}

describe("regenerateReports", () => {
  it("writes one folder per study, the notebook, the run record and the marker, noting skipped analyses", async () => {
    const out = join(scratch(), "reports");
    const summary = await regenerateReports({ studiesDir: twoStudies(), reportsDir: out, analyses: [titleOnly, neverApplies], ...quiet });
    expect(summary.studies.map((s) => s.id)).toEqual(["ketamine-im-substance-misuse", "kap-pilot-two-approaches"]);
    // THIRD-PARTY-LICENSES.txt: the licences of the npm code bundled in the notebook's script.
    expect(readdirSync(out).sort()).toEqual([".cohortcheck-cache", REPORTS_MARKER, "THIRD-PARTY-LICENSES.txt", "index.html", "kap-pilot-two-approaches", "ketamine-im-substance-misuse"]);
    expect(readFileSync(join(out, REPORTS_MARKER), "utf8")).toBe(MARKER_TEXT);
    const markdown = readFileSync(join(out, "ketamine-im-substance-misuse", "report.md"), "utf8");
    expect(markdown).toContain("n = 20");
    expect(markdown).toContain("**Never** (never): it never applies.");
    // Nothing of the run is left beside the folder: no staging generation, no lock.
    expect(readdirSync(dirname(out))).toEqual(["reports"]);
  });

  it("fails on an empty study folder, naming it", async () => {
    const data = scratch();
    await expect(regenerateReports({ studiesDir: data, reportsDir: scratch(), analyses: [titleOnly], ...quiet })).rejects.toThrow(msg.noStudies(data));
  });

  it("fails on two studies with one id, and writes nothing", async () => {
    const data = scratch();
    const out = join(scratch(), "reports");
    mkdirSync(out);
    copyFileSync(studyA, join(data, "a.json"));
    copyFileSync(studyA, join(data, "b.json"));
    await expect(regenerateReports({ studiesDir: data, reportsDir: out, analyses: [titleOnly], ...quiet })).rejects.toThrow(msg.duplicateStudyId("ketamine-im-substance-misuse", join(data, "a.json"), join(data, "b.json")));
    expect(readdirSync(out)).toEqual([]);
    expect(readdirSync(dirname(out))).toEqual(["reports"]);
  });

  it("keeps the previous reports, byte for byte, when a study file is invalid", async () => {
    const data = twoStudies();
    const out = join(scratch(), "reports");
    await regenerateReports({ studiesDir: data, reportsDir: out, analyses: [titleOnly], ...quiet });
    const before = snapshot(out);
    const broken = seedJson(studyA);
    broken.design.sampleSize.value = "twenty";
    writeFileSync(join(data, "a.json"), JSON.stringify(broken));
    await expect(regenerateReports({ studiesDir: data, reportsDir: out, analyses: [titleOnly], ...quiet })).rejects.toThrow(/a\.json/);
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(dirname(out))).toEqual(["reports"]);
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
    await regenerateReports({ studiesDir: data, reportsDir: out, analyses: [titled], ...quiet });
    const svg = readFileSync(join(out, "kap-pilot-two-approaches", "figures", "titled.svg"), "utf8");
    expect(svg).toContain("onerror=");
    const html = readFileSync(join(out, "index.html"), "utf8");
    expect(html).toContain('data-chart="titled"');
    // The title is in the page only as escaped text: no <img> element exists to fire onerror.
    expect(html).toContain("&lt;img src=x onerror=");
    expect(html).not.toMatch(/<img/i);
  });

  it("names the analysis and the study when an analysis fails", async () => {
    const data = scratch();
    copyFileSync(studyB, join(data, "b.json"));
    const failing = defineAnalysis({ id: "boom", title: "Boom", section: "checked", run: () => { throw new Error("no luck"); } });
    await expect(regenerateReports({ studiesDir: data, reportsDir: scratch(), analyses: [failing], ...quiet })).rejects.toThrow(msg.analysisFailed("boom", "kap-pilot-two-approaches", "no luck"));
  });

  it("lists an analysis whose work is refused as too large among those that do not apply, with the reason", async () => {
    const data = scratch();
    copyFileSync(studyB, join(data, "b.json"));
    const refused = defineAnalysis({ id: "huge", title: "Huge", section: "checked", run: () => { throw new CohortError({ message: "would take 1e12 steps" }, exitCodes.refused); } });
    const out = scratch();
    const summary = await regenerateReports({ studiesDir: data, reportsDir: out, analyses: [refused], ...quiet });
    expect(summary.studies[0]!.skipped).toEqual(["huge"]);
    expect(readFileSync(join(out, "kap-pilot-two-approaches", "report.md"), "utf8")).toContain(`**Huge** (huge): ${msg.analysisRefused("would take 1e12 steps")}.`);
  });
});

describe("regenerateReports and the output folder (red team finding 1: --out deleted folders it did not own)", () => {
  it("refuses a non-empty folder it did not mark, and touches nothing in it", async () => {
    const out = scratch();
    // Someone else's folder: subfolders holding report.md and register.md, one named like a study.
    for (const name of ["ketamine-im-substance-misuse", "thesis-notes", "claims-registers"]) {
      mkdirSync(join(out, name));
      writeFileSync(join(out, name, name === "claims-registers" ? "register.md" : "report.md"), `# ${name}\n`);
    }
    writeFileSync(join(out, "budget.xlsx"), "not ours");
    const before = snapshot(out);
    const error = await refusal(regenerateReports({ studiesDir: twoStudies(), reportsDir: out, analyses: [titleOnly], ...quiet }));
    expect(error.problems).toEqual([{ file: out, message: msg.reportsFolderNotOurs(REPORTS_MARKER) }]);
    expect(snapshot(out)).toEqual(before);
  });

  it("refuses a path that is a file", async () => {
    const file = join(scratch(), "out");
    writeFileSync(file, "x");
    const error = await refusal(regenerateReports({ studiesDir: twoStudies(), reportsDir: file, analyses: [titleOnly], ...quiet }));
    expect(error.problems).toEqual([{ file, message: msg.reportsFolderNotFolder("regular file") }]);
  });

  it("replaces a folder it marked as a whole: files put there by hand and the folder of a deleted study are gone", async () => {
    const data = twoStudies();
    const out = join(scratch(), "reports");
    await regenerateReports({ studiesDir: data, reportsDir: out, analyses: [titleOnly], ...quiet });
    writeFileSync(join(out, "kap-pilot-two-approaches", "notes.md"), "mine");
    rmSync(join(data, "b.json"));
    await regenerateReports({ studiesDir: data, reportsDir: out, analyses: [titleOnly], ...quiet });
    expect(readdirSync(out).sort()).toEqual([".cohortcheck-cache", REPORTS_MARKER, "THIRD-PARTY-LICENSES.txt", "index.html", "ketamine-im-substance-misuse"]);
  });

  it("follows a symbolic link to a folder: the folder it points to is the one replaced, the link stays", async () => {
    const real = join(scratch(), "real");
    const link = join(scratch(), "link");
    mkdirSync(real);
    symlinkSync(real, link);
    await regenerateReports({ studiesDir: twoStudies(), reportsDir: link, analyses: [titleOnly], ...quiet });
    expect(readdirSync(real)).toContain("index.html");
    expect(readdirSync(link)).toContain("index.html");
  });
});

describe("regenerateReports and study files (red team findings 4 and 14)", () => {
  it("skips an editor's lock file (a hidden, dangling symbolic link) in the studies folder, and says so", async () => {
    const data = twoStudies();
    symlinkSync("root@host.4242:1700000000", join(data, ".#a.json"));
    const notices: string[] = [];
    const summary = await regenerateReports({ studiesDir: data, reportsDir: scratch(), analyses: [titleOnly], progress: () => {}, notice: (line) => notices.push(line) });
    expect(summary.studies).toHaveLength(2);
    expect(notices).toEqual([msg.hiddenStudySkipped(".#a.json")]);
  });

  it("refuses a FIFO named like a study at once (it hung every command), naming it", async () => {
    const data = twoStudies();
    execFileSync("mkfifo", [join(data, "c.json")]);
    const error = await refusal(regenerateReports({ studiesDir: data, reportsDir: scratch(), analyses: [titleOnly], ...quiet }));
    expect(error.problems).toEqual([{ file: join(data, "c.json"), message: ioMsg.notRegularFile("FIFO (named pipe)") }]);
  });
});

describe("regenerateReports and reserved folders (red team finding 6)", () => {
  it("refuses a study whose id is the folder of an extra section, instead of letting one replace the other", async () => {
    const data = scratch();
    const study = seedJson(studyB);
    study.id = "context-notes";
    writeFileSync(join(data, "b.json"), JSON.stringify(study));
    const extras = async () => [{ id: "context-notes", title: "Context", paragraphs: [], artefacts: [], folder: "context-notes", files: new Map([["register.md", "# x\n"]]) }];
    const error = await refusal(regenerateReports({ studiesDir: data, reportsDir: scratch(), analyses: [titleOnly], extras, ...quiet }));
    expect(error.problems[0]!.message).toBe(msg.studyFolderClash("context-notes", join(data, "b.json")));
  });
});

describe("regenerateReports skips unchanged studies (issue 14 item 6)", () => {
  const fingerprint = "code-v1";

  it("reuses every study when nothing changed: no analysis runs, and the tree is byte-identical", async () => {
    const data = twoStudies();
    const out = join(scratch(), "reports");
    await regenerateReports({ studiesDir: data, reportsDir: out, analyses: [titleOnly], fingerprint, ...quiet });
    const before = snapshot(out);
    runs = 0;
    const summary = await regenerateReports({ studiesDir: data, reportsDir: out, analyses: [titleOnly], fingerprint, ...quiet });
    expect(runs).toBe(0);
    expect(summary.studies.map((s) => s.reused)).toEqual([true, true]);
    expect(snapshot(out)).toEqual(before);
  });

  it("rebuilds only a changed study, and the result equals a full run into a new folder", async () => {
    const data = twoStudies();
    const out = join(scratch(), "reports");
    await regenerateReports({ studiesDir: data, reportsDir: out, analyses: [titleOnly], fingerprint, ...quiet });
    const changed = seedJson(studyB);
    changed.title = "Another title";
    writeFileSync(join(data, "b.json"), JSON.stringify(changed));
    runs = 0;
    const summary = await regenerateReports({ studiesDir: data, reportsDir: out, analyses: [titleOnly], fingerprint, ...quiet });
    expect(runs).toBe(1);
    expect(summary.studies.map((s) => [s.id, s.reused])).toEqual([["ketamine-im-substance-misuse", true], ["kap-pilot-two-approaches", false]]);
    const full = join(scratch(), "full");
    await regenerateReports({ studiesDir: data, reportsDir: full, analyses: [titleOnly], fingerprint, force: true, ...quiet });
    expect(visible(out)).toEqual(visible(full));
  });

  it("rebuilds the studies whose source documents changed (the appraisal reads them)", async () => {
    const parent = scratch();
    const data = join(parent, "studies");
    mkdirSync(data);
    mkdirSync(join(parent, "sources"));
    copyFileSync(studyA, join(data, "a.json"));
    writeFileSync(join(parent, "sources", "doc.txt"), "first\n");
    const out = join(parent, "reports");
    await regenerateReports({ studiesDir: data, reportsDir: out, analyses: [titleOnly], fingerprint, ...quiet });
    runs = 0;
    await regenerateReports({ studiesDir: data, reportsDir: out, analyses: [titleOnly], fingerprint, ...quiet });
    expect(runs).toBe(0);
    writeFileSync(join(parent, "sources", "doc.txt"), "second\n");
    await regenerateReports({ studiesDir: data, reportsDir: out, analyses: [titleOnly], fingerprint, ...quiet });
    expect(runs).toBe(1);
  });

  it("rebuilds a study whose files were edited by hand, and everything after a change of code or with force", async () => {
    const data = twoStudies();
    const out = join(scratch(), "reports");
    await regenerateReports({ studiesDir: data, reportsDir: out, analyses: [titleOnly], fingerprint, ...quiet });
    writeFileSync(join(out, "kap-pilot-two-approaches", "report.md"), "edited\n");
    runs = 0;
    await regenerateReports({ studiesDir: data, reportsDir: out, analyses: [titleOnly], fingerprint, ...quiet });
    expect(runs).toBe(1);
    expect(readFileSync(join(out, "kap-pilot-two-approaches", "report.md"), "utf8")).toContain("n = 10");
    runs = 0;
    await regenerateReports({ studiesDir: data, reportsDir: out, analyses: [titleOnly], fingerprint: "code-v2", ...quiet });
    expect(runs).toBe(2);
    runs = 0;
    await regenerateReports({ studiesDir: data, reportsDir: out, analyses: [titleOnly], fingerprint: "code-v2", force: true, ...quiet });
    expect(runs).toBe(2);
  });
});

describe("regenerateReports and other runs (red team findings 10 and 11)", () => {
  it("waits for a run holding the folder's lock, then refuses clearly (one line: who holds it, where the lock is)", async () => {
    const out = join(scratch(), "reports");
    const held = await acquireReportsLock(out);
    try {
      const error = await refusal(regenerateReports({ studiesDir: twoStudies(), reportsDir: out, analyses: [titleOnly], lock: { waitMs: 300, pollMs: 20 }, ...quiet }));
      expect(error.problems).toEqual([{ file: out, message: msg.lockHeld(process.pid, hostname(), lockPathOf(out), 0) }]);
    } finally {
      held.release();
    }
  });

  it("takes over a lock whose owner is dead (a run killed with SIGKILL)", async () => {
    const out = join(scratch(), "reports");
    writeFileSync(lockPathOf(out), `${JSON.stringify({ pid: 99_999_999, host: hostname() })}\n`);
    await regenerateReports({ studiesDir: twoStudies(), reportsDir: out, analyses: [titleOnly], ...quiet });
    expect(readdirSync(dirname(out))).toEqual(["reports"]);
  });

  it("completes a switch a kill interrupted between its two renames (new generation complete: moved into place)", async () => {
    // The state a kill between the renames leaves: the folder missing, the old tree aside, the new one complete.
    const parent = scratch();
    const out = join(parent, "reports");
    for (const [name, text] of [[".reports.old-99999999", "# old\n"], [".reports.new-99999999", "# new\n"]] as const) {
      mkdirSync(join(parent, name, "s"), { recursive: true });
      writeFileSync(join(parent, name, "s", "report.md"), text);
      writeFileSync(join(parent, name, REPORTS_MARKER), MARKER_TEXT);
    }
    // This run fails on an invalid study after the recovery: the tidying must still have happened.
    const data = scratch();
    writeFileSync(join(data, "broken.json"), "{");
    const notices: string[] = [];
    await expect(regenerateReports({ studiesDir: data, reportsDir: out, analyses: [titleOnly], progress: () => {}, notice: (line) => notices.push(line) })).rejects.toThrow(/broken\.json/);
    expect(readFileSync(join(out, "s", "report.md"), "utf8")).toBe("# new\n");
    expect(readdirSync(parent)).toEqual(["reports"]);
    expect(notices).toEqual([msg.recovered("its complete new reports were moved into place", join(parent, ".reports.new-99999999"))]);
  });

  it("moves the old tree back when the kill left no complete new generation", async () => {
    const parent = scratch();
    const out = join(parent, "reports");
    mkdirSync(join(parent, ".reports.old-99999999", "s"), { recursive: true });
    writeFileSync(join(parent, ".reports.old-99999999", "s", "report.md"), "# old\n");
    writeFileSync(join(parent, ".reports.old-99999999", REPORTS_MARKER), MARKER_TEXT);
    mkdirSync(join(parent, ".reports.new-99999999", "s"), { recursive: true }); // half-built: no marker
    const data = scratch();
    writeFileSync(join(data, "broken.json"), "{");
    await expect(regenerateReports({ studiesDir: data, reportsDir: out, analyses: [titleOnly], ...quiet })).rejects.toThrow(/broken\.json/);
    expect(readFileSync(join(out, "s", "report.md"), "utf8")).toBe("# old\n");
    expect(readdirSync(parent)).toEqual(["reports"]);
  });
});
