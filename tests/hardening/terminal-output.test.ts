import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runInProcess } from "../fuzz/harness.js";
import { sourcesDir } from "../helpers/fixtures.js";
import { hostileTextStudy, HOSTILE_TITLE } from "../helpers/hostile-studies.js";

/*
 * Red team finding 9: escape sequences in study text reached the terminal — a title could clear the
 * screen and print a fake "ALL CHECKS CONSISTENT". Every text output is checked for raw control
 * characters (C0 but line feed and tab, DEL, C1, bidirectional overrides), and for the fake line.
 */

const folder = mkdtempSync(join(tmpdir(), "cohortcheck-terminal-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const hostileFile = join(folder, "hostile.json");
// Its source documents are the seeds' (the appraisal reads them), found relative to the file.
writeFileSync(hostileFile, JSON.stringify({ ...hostileTextStudy(), sources: [relative(folder, sourcesDir)] }));

const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function expectInert(output: string): void {
  expect(output).not.toMatch(RAW_CONTROL);
  // The title's own line break must not start a line of its own.
  expect(output.split("\n").some((line) => line.trimStart().startsWith("ALL CHECKS CONSISTENT") || line.startsWith("# Fake heading"))).toBe(false);
}

describe("text output with hostile study text", () => {
  for (const argv of [["check", hostileFile], ["appraise", hostileFile], ["reconstruct", hostileFile, "--count", "1"], ["validate", hostileFile], ["audit-sources", hostileFile]]) {
    it(`cohort ${argv[0]} shows control characters visibly and keeps its own lines`, async () => {
      const run = await runInProcess(argv);
      // audit-sources finds the altered label's quote unchanged (exit 0); every command must succeed on this valid study.
      expect(run.status, run.stdout + run.stderr).toBe(0);
      expectInert(run.stdout + run.stderr);
    });
  }

  it("shows the title's escape sequence as ␛ (cohort check prints the title first)", async () => {
    const run = await runInProcess(["check", hostileFile]);
    expect(run.stdout.split("\n")[0]).toContain("Study\u240a~~~\u240a# Fake heading\u240a\u241b[2J\u241b[HALL CHECKS CONSISTENT\u240d\u240a");
    expect(HOSTILE_TITLE).toContain("\u001b[2J");
  });

  it("keeps a file name carrying an escape sequence inert in an error message", async () => {
    const name = join(folder, "\u001b[2J\u001b[Hx.json");
    writeFileSync(name, "{");
    const run = await runInProcess(["validate", name]);
    expect(run.status).toBe(1);
    expectInert(run.stdout + run.stderr);
    expect(run.stdout + run.stderr).toContain("\u241b[2J\u241b[Hx.json");
  });

  it("keeps labels given on the command line inert (cohort crosstab)", async () => {
    const run = await runInProcess(["crosstab", "--rows", "1,1", "--cols", "1,1", "--row-labels", "a\u001b[31m,b\nALL CHECKS CONSISTENT"]);
    expect(run.status).toBe(0);
    expectInert(run.stdout + run.stderr);
  });

  it("keeps the cells of a table inert in cohort map's text output and its row errors", async () => {
    const table = join(folder, "table.csv");
    writeFileSync(table, `x,n,note\n5.19,28,"a\u001b[2J\nALL CHECKS CONSISTENT"\n"5.1\u001b[31m",28,b\n`);
    const run = await runInProcess(["map", table, "--check", "grim", "--format", "text"]);
    expect(run.status, run.stderr).toBe(0);
    expectInert(run.stdout + run.stderr);
    expect(run.stdout).toContain("a\u241b[2J\u240aALL CHECKS CONSISTENT");
  });
});
