import { execFileSync } from "node:child_process";
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { regenerate } from "../../analyses/regenerate.js";
import * as checksMsg from "../../src/messages/checks.js";
import * as ioMsg from "../../src/messages/io.js";
import * as reconstructMsg from "../../src/messages/reconstruct.js";
import * as reportsMsg from "../../src/messages/reports.js";
import { REPORTS_MARKER } from "../../src/report/reports-generation.js";
import { assertCleanCli, runInProcess } from "../fuzz/harness.js";
import { seedJson, sourcesDir, studyA, studyB } from "../helpers/fixtures.js";
import { bigCompositionsStudy, clashingColumnsStudy, hostileTextStudy } from "../helpers/hostile-studies.js";

/*
 * Issue 15's reproducers, one describe per finding, through the entry points a user meets (the
 * `cohort` CLI in process, `regenerate` as `npm run reports` calls it). Findings 10, 11 and 12 need
 * processes that are killed, run together or refused by the file system: they are in
 * interrupted-reports.test.ts and file-system-errors.test.ts. Finding 2 (CSV formula injection)
 * belongs to the CSV writer. Unit tests of each fix sit beside the code's own tests.
 */

const folder = mkdtempSync(join(tmpdir(), "cohortcheck-findings-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let counter = 0;
const fresh = (name = "x") => {
  const path = join(folder, `${name}-${counter++}`);
  mkdirSync(path);
  return path;
};
const noClaims = fresh("claims");

/** Runs the CLI in process and checks the contract (exit 0–3, no stack trace, no internal error). */
async function cli(argv: string[]) {
  const run = await runInProcess(argv);
  assertCleanCli(argv, run);
  return run;
}

/** A CSV's header fields (the cells here carry no commas or quotes). */
const header = (csv: string) => csv.split("\n").find((line) => !line.startsWith("#"))!.split(",");

describe("finding 1: npm run reports -- --out DIR deleted folders it did not own", () => {
  it("refuses a non-empty folder without the marker and leaves every file in it as it was", async () => {
    const out = fresh("someone-elses");
    mkdirSync(join(out, "ketamine-im-substance-misuse"));
    writeFileSync(join(out, "ketamine-im-substance-misuse", "report.md"), "my own notes\n");
    mkdirSync(join(out, "old-project"));
    writeFileSync(join(out, "old-project", "register.md"), "keep me\n");
    await expect(regenerate({ reportsDir: out, claimsDir: noClaims })).rejects.toThrow(reportsMsg.reportsFolderNotOurs(REPORTS_MARKER));
    expect(readFileSync(join(out, "ketamine-im-substance-misuse", "report.md"), "utf8")).toBe("my own notes\n");
    expect(readFileSync(join(out, "old-project", "register.md"), "utf8")).toBe("keep me\n");
    expect(readdirSync(out).sort()).toEqual(["ketamine-im-substance-misuse", "old-project"]);
  });
});

describe("finding 3: unbounded work on ordinary inputs", () => {
  it("cohort crosstab with 5 × 5 margins of 40 is refused at once (exit 3) with the estimate", async () => {
    const forty = "40,40,40,40,40";
    const run = await cli(["crosstab", "--rows", forty, "--cols", forty]);
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/^cohort: counting the tables with these margins would take about 3\.9e\+9 steps, estimated before starting/);
  });

  it("cohort crosstab with 10 × 10 margins of 30 is refused before allocating anything", async () => {
    const thirty = new Array(10).fill(30).join(",");
    expect((await cli(["crosstab", "--rows", thirty, "--cols", thirty])).status).toBe(3);
  });

  it("cohort closure --count on a 1–100 scale is refused at once with the estimate, not after 98 s and 1.3 GB", async () => {
    const run = await cli(["closure", "--mean", "50.5", "--sd", "29.0", "--n", "20", "--min", "1", "--max", "100", "--count"]);
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/^cohort: counting these samples would visit about .* dynamic-programming states \(estimated before starting\)/);
  });

  it("cohort sprite --max 1000000000 and --n 1000000000 are refused at once (they aborted V8 and ran > 90 s)", async () => {
    const base = ["sprite", "--mean", "3.0", "--sd", "1.2", "--min", "1"];
    const wide = await cli([...base, "--n", "20", "--max", "1000000000"]);
    expect(wide.status).toBe(3);
    expect(wide.stderr).toContain(reconstructMsg.scaleTooWide(1_000_000_000, 1_000_000));
    const many = await cli([...base, "--n", "1000000000", "--max", "5"]);
    expect(many.status).toBe(3);
    expect(many.stderr).toMatch(/^cohort: n: SPRITE would hold about 1\.2e\+10 bytes/);
  });

  it("npm run reports completes on a valid study with n = 200 and two 5-category compositions (it hung > 120 s)", async () => {
    const studies = fresh("big");
    writeFileSync(join(studies, "big.json"), JSON.stringify(bigCompositionsStudy()));
    const out = join(fresh("big-out"), "reports");
    const summary = await regenerate({ studiesDir: studies, reportsDir: out, claimsDir: noClaims });
    expect(summary.studies[0]!.artefacts).toContain("patient-reconstructions");
    // The crosstab of 5 × 5 margins of 40 is too large to count: listed as not applicable, with the estimate.
    expect(summary.studies[0]!.skipped).toContain("crosstab");
    expect(readFileSync(join(out, "big-compositions", "report.md"), "utf8")).toMatch(/\*\*Cross-tabulation rebuilt from the margins\*\* \(crosstab\): not computed: counting the tables with these margins would take about 3\.9e\+9 steps/);
  });
});

describe("finding 4: special files hung every command", () => {
  it("cohort validate refuses a FIFO, /dev/zero, /dev/urandom, a folder and a symbolic link loop at once, naming each", async () => {
    const dir = fresh("special");
    execFileSync("mkfifo", [join(dir, "fifo.json")]);
    symlinkSync(join(dir, "b.json"), join(dir, "a.json"));
    symlinkSync(join(dir, "a.json"), join(dir, "b.json"));
    mkdirSync(join(dir, "folder.json"));
    const cases: Array<[string, string | RegExp]> = [
      [join(dir, "fifo.json"), ioMsg.notRegularFile("FIFO (named pipe)")],
      ["/dev/zero", ioMsg.notRegularFile("character device")],
      ["/dev/urandom", ioMsg.notRegularFile("character device")],
      [join(dir, "folder.json"), ioMsg.notRegularFile("folder")],
      [join(dir, "a.json"), /too many levels of symbolic links/],
    ];
    for (const [file, message] of cases) {
      const run = await cli(["validate", file]);
      expect(run.status, file).toBe(1);
      expect(run.stdout).toMatch(typeof message === "string" ? new RegExp(`✖ ${file.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}: ${message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`) : message);
    }
  });
});

describe("finding 5: valid studies crashed the reports when CSV column names repeated", () => {
  it("writes every CSV with unique column names, and every column keeps its own values", async () => {
    const studies = fresh("clash");
    writeFileSync(join(studies, "clash.json"), JSON.stringify(clashingColumnsStudy()));
    const out = join(fresh("clash-out"), "reports");
    await regenerate({ studiesDir: studies, reportsDir: out, claimsDir: noClaims });
    const tables = join(out, "clashing-columns", "tables");
    for (const name of readdirSync(tables)) {
      const fields = header(readFileSync(join(tables, name), "utf8"));
      expect(new Set(fields).size, `${name}: ${fields.join(",")}`).toBe(fields.length);
    }
    const patients = readFileSync(join(tables, "patient-reconstructions.csv"), "utf8").split("\n").filter((line) => line !== "" && !line.startsWith("#"));
    const fields = header(patients.join("\n"));
    const at = (row: string, name: string) => row.split(",")[fields.indexOf(name)];
    // 5 datasets × 20 patients. The tool's columns keep their meaning: the reconstruction label first,
    // the dataset number (named dataset_2, since the study has a composition "dataset"), the patient id;
    // the compositions id, dataset, label and arm sit in columns of their own beside them.
    expect(fields.slice(0, 7)).toEqual(["label", "dataset_2", "id", "id (2)", "dataset", "label (2)", "arm (2)"]);
    expect(patients.slice(1).map((row) => at(row, "dataset_2"))).toEqual(Array.from({ length: 100 }, (_, i) => String(Math.floor(i / 20) + 1)));
    expect(patients.slice(1, 21).map((row) => at(row, "id"))).toEqual(Array.from({ length: 20 }, (_, i) => `p${String(i + 1).padStart(2, "0")}`));
    expect(patients.slice(1, 21).map((row) => at(row, "dataset")).every((value) => value === "dataset-c1" || value === "dataset-c2")).toBe(true);
    expect(patients.slice(1, 21).filter((row) => at(row, "id (2)") === "id-c1")).toHaveLength(11);
  });
});

describe("finding 6: a study with id claims-registers lost its report folder", () => {
  it("cohort validate refuses the id at $.id", async () => {
    const file = join(fresh("reserved"), "s.json");
    const study = seedJson(studyB);
    study.id = "claims-registers";
    writeFileSync(file, JSON.stringify(study));
    const run = await cli(["validate", file]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`${file}: $.id: is reserved: the reports tree uses "claims-registers" for its own folders`);
  });
});

describe("finding 7: cohort change --step -1 flipped a verdict silently, --step 0 and --max 1e308 exited 70", () => {
  const chain = ["change", "--change", "s1..s3:32.81:decrease", "--change", "s3..s6:24.56:increase", "--items", "4", "--n", "5", "--min", "0", "--max", "10"];

  it("refuses --step -1 and --step 0 as usage errors (exit 2)", async () => {
    for (const step of ["-1", "0"]) {
      const run = await cli([...chain, "--step", step]);
      expect(run.status, step).toBe(2);
      expect(run.stderr).toContain(`expected a number above 0, received "${step}"`);
    }
  });

  it("refuses --max 1e308 and --step 1e308 as too large (exit 3), with why", async () => {
    for (const [option, value] of [["--max", "1e308"], ["--step", "1e308"]] as const) {
      const run = await cli([...chain.filter((_, i, all) => !(option === "--max" && (all[i] === "--max" || all[i - 1] === "--max"))), option, value]);
      expect(run.status, option).toBe(3);
      expect(run.stderr).toContain(checksMsg.gridTooWide(Infinity));
    }
  });
});

describe("finding 8: cohort closure --out renamed over whatever was there", () => {
  const closure = ["closure", "--mean", "2.9", "--sd", "0.5", "--n", "25", "--min", "1", "--max", "5", "--format", "csv"];

  it("refuses a folder, a FIFO and a symbolic link as targets, leaves each as it was and no temporary file", async () => {
    const dir = fresh("targets");
    mkdirSync(join(dir, "folder.csv"));
    execFileSync("mkfifo", [join(dir, "fifo.csv")]);
    writeFileSync(join(dir, "real.csv"), "mine\n");
    symlinkSync(join(dir, "real.csv"), join(dir, "link.csv"));
    for (const [name, kind] of [["folder.csv", "folder"], ["fifo.csv", "FIFO (named pipe)"], ["link.csv", "symbolic link"]] as const) {
      const run = await cli([...closure, "--out", join(dir, name)]);
      expect(run.status, name).toBe(1);
      expect(run.stderr).toBe(`cohort: ${join(dir, name)}: ${ioMsg.outputNotRegular(kind)}\n`);
    }
    expect(lstatSync(join(dir, "folder.csv")).isDirectory()).toBe(true);
    expect(lstatSync(join(dir, "fifo.csv")).isFIFO()).toBe(true);
    expect(lstatSync(join(dir, "link.csv")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, "real.csv"), "utf8")).toBe("mine\n");
    expect(readdirSync(dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("still writes a new file and replaces a regular one", async () => {
    const target = join(fresh("target-ok"), "samples.csv");
    writeFileSync(target, "old\n");
    expect((await cli([...closure, "--out", target])).status).toBe(0);
    expect(readFileSync(target, "utf8").split("\n")[0]).toBe("id,horns,v1,v2,v3,v4,v5,v6,v7,v8,v9,v10,v11,v12,v13,v14,v15,v16,v17,v18,v19,v20,v21,v22,v23,v24,v25");
  });
});

describe("finding 9: study text with line breaks, fences and escape sequences", () => {
  it("npm run reports completes on it (an escape sequence in a chart label made the figure unparseable, exit 70), and no report, figure or notebook holds a raw control character", async () => {
    const studies = fresh("hostile-text");
    writeFileSync(join(studies, "hostile.json"), JSON.stringify({ ...hostileTextStudy(), sources: [sourcesDir] }));
    const out = join(fresh("hostile-text-out"), "reports");
    const summary = await regenerate({ studiesDir: studies, reportsDir: out, claimsDir: noClaims });
    expect(summary.studies.map((study) => study.id)).toEqual(["hostile-text"]);
    const figures = readdirSync(join(out, "hostile-text", "figures"));
    expect(figures.filter((name) => name.endsWith(".png")).length).toBeGreaterThan(0);
    // Line feeds are the files' own; every other C0 control, DEL, C1 control and bidi override must be shown, not written.
    const written = [join(out, "index.html"), join(out, "hostile-text", "report.md"), ...figures.filter((name) => name.endsWith(".svg")).map((name) => join(out, "hostile-text", "figures", name))];
    for (const file of written) expect(readFileSync(file, "utf8"), file).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });
});

describe("finding 13: duplicate JSON keys were accepted silently (last wins)", () => {
  it("cohort validate refuses a study with a number written twice, naming both places", async () => {
    const file = join(fresh("duplicate"), "s.json");
    const text = readFileSync(studyA, "utf8").replace('"sampleSize": {\n      "value": 20,', '"sampleSize": {\n      "value": 20,\n      "value": 200,');
    writeFileSync(file, text);
    const run = await cli(["validate", file]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/\$\.design\.sampleSize\.value: duplicate key "value": \$\.design\.sampleSize\.value \(line \d+, column 7\) and \$\.design\.sampleSize\.value \(line \d+, column 7\)/);
  });
});

describe("finding 14: misleading messages for symlinked sources and editor lock files", () => {
  it("cohort audit-sources reads sources reached through symbolic links", async () => {
    const linked = fresh("linked");
    for (const name of readdirSync(sourcesDir).filter((n) => n.endsWith(".txt"))) symlinkSync(join(sourcesDir, name), join(linked, name));
    const run = await cli(["audit-sources", "--sources", linked, studyA, studyB]);
    expect(run.status, run.stdout).toBe(0);
  });

  it("npm run reports skips an editor's lock file in the studies folder (it blocked the reports)", async () => {
    const studies = fresh("locked-editor");
    writeFileSync(join(studies, "b.json"), readFileSync(studyB));
    symlinkSync("root@host.4242:1700000000", join(studies, ".#b.json"));
    const summary = await regenerate({ studiesDir: studies, reportsDir: join(fresh("locked-out"), "reports"), claimsDir: noClaims });
    expect(summary.studies.map((s) => s.id)).toEqual(["kap-pilot-two-approaches"]);
  });
});
