import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, extname, join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { regenerate } from "../../analyses/regenerate.js";
import { CACHE_FOLDER } from "../../src/report/report-cache.js";
import { MARKER_TEXT, REPORTS_MARKER } from "../../src/report/reports-generation.js";

const root = join(import.meta.dirname, "..", "..");
const committed = join(root, "reports");
const output = join(root, "tests", ".output", "reports");
const temporary: string[] = [];
afterAll(() => temporary.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function scratch(): string {
  const folder = mkdtempSync(join(tmpdir(), "cohortcheck-reports-"));
  temporary.push(folder);
  return folder;
}

/** Every file of a reports tree but the run record (git-ignored: a shortcut for the next run, not a report). */
function listFiles(folder: string): string[] {
  const out: string[] = [];
  const walk = (current: string): void => {
    for (const name of readdirSync(current).sort()) {
      if (current === folder && name === CACHE_FOLDER) continue;
      const path = join(current, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(folder, path));
    }
  };
  walk(folder);
  return out;
}

/** `<name>-changed.<ext>` for a committed `<name>.<ext>` (".vl.json" counts as one extension, as in the figure names). */
function changedName(path: string): string {
  const ext = path.endsWith(".vl.json") ? ".vl.json" : extname(path);
  return `${path.slice(0, path.length - ext.length)}-changed${ext}`;
}

describe("regenerate", () => {
  it("reproduces the committed reports/ byte for byte (stale reports fail here)", async () => {
    const fresh = scratch();
    // Everything regenerated: a new folder has nothing to reuse, and force says so explicitly.
    const summary = await regenerate({ reportsDir: fresh, force: true });
    expect(summary.studies.every((s) => !s.reused)).toBe(true);
    const expected = listFiles(committed);
    const actual = listFiles(fresh);
    const problems: string[] = [];
    for (const path of expected.filter((p) => !actual.includes(p))) problems.push(`${path}: committed but no longer produced`);
    for (const path of actual) {
      const bytes = readFileSync(join(fresh, path));
      const isNew = !expected.includes(path);
      if (!isNew && Buffer.compare(bytes, readFileSync(join(committed, path))) === 0) continue;
      const target = join(output, isNew ? path : changedName(path));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, bytes);
      problems.push(`${path}: ${isNew ? "new, not committed" : "differs"} (see ${relative(root, target)}); run npm run reports and commit`);
    }
    expect(problems).toEqual([]);
  });

  it("gives a study file added to the data folder its own report, with no code change", async () => {
    const data = scratch();
    const reports = scratch();
    // A copy of study B under a new id, with markup in its title: the report must appear and the markup stay inert.
    const study = JSON.parse(readFileSync(join(root, "data/studies/kap-pilot-two-approaches.json"), "utf8"));
    study.id = "user-added-pilot";
    study.title = 'A user study <script>window.__pwned = 1</script> & "quotes"';
    delete study.$schema;
    writeFileSync(join(data, "user-added-pilot.json"), JSON.stringify(study, null, 2));
    const summary = await regenerate({ studiesDir: data, reportsDir: reports });
    expect(summary.studies.map((s) => s.id)).toEqual(["user-added-pilot"]);
    const files = listFiles(reports);
    expect(files).toContain("user-added-pilot/report.md");
    expect(files).toContain("index.html");
    // Every chart it produced exists as spec, SVG and PNG.
    for (const artefact of summary.studies[0]!.artefacts) {
      const figures = files.filter((f) => f.startsWith(`user-added-pilot/figures/${artefact}.`));
      if (figures.length > 0) expect(figures.sort()).toEqual([`user-added-pilot/figures/${artefact}.png`, `user-added-pilot/figures/${artefact}.svg`, `user-added-pilot/figures/${artefact}.vl.json`]);
    }
    const html = readFileSync(join(reports, "index.html"), "utf8");
    expect(html).not.toContain("<script>window.__pwned");
    expect(html).toContain("A user study &lt;script&gt;window.__pwned = 1&lt;/script&gt; &amp; &quot;quotes&quot;");
    const markdown = readFileSync(join(reports, "user-added-pilot/report.md"), "utf8");
    expect(markdown).not.toContain("<script>");
  });

  it("removes the report folder of a study whose file is gone, and stale files inside a study folder", async () => {
    const data = scratch();
    const reports = scratch();
    copyFileSync(join(root, "data/studies/kap-pilot-two-approaches.json"), join(data, "kap-pilot-two-approaches.json"));
    writeFileSync(join(reports, REPORTS_MARKER), MARKER_TEXT); // a tree an earlier run wrote
    mkdirSync(join(reports, "deleted-study/figures"), { recursive: true });
    writeFileSync(join(reports, "deleted-study/report.md"), "# old\n");
    mkdirSync(join(reports, "kap-pilot-two-approaches/figures"), { recursive: true });
    writeFileSync(join(reports, "kap-pilot-two-approaches/figures/renamed-chart.svg"), "<svg/>");
    // What a killed run leaves for a study that is gone since: its staging folder.
    mkdirSync(join(reports, ".deleted-study.new-123"));
    writeFileSync(join(reports, ".deleted-study.new-123", "report.md"), "# half\n");
    await regenerate({ studiesDir: data, reportsDir: reports });
    const files = listFiles(reports);
    expect(files.some((f) => f.startsWith("deleted-study/") || f.startsWith(".deleted-study"))).toBe(false);
    expect(files).not.toContain("kap-pilot-two-approaches/figures/renamed-chart.svg");
    expect(files).toContain("kap-pilot-two-approaches/report.md");
  });
});
