import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import * as msg from "../../src/messages/map.js";
import { root } from "../helpers/fixtures.js";

const cohort = (args: string[], input?: string) => spawnSync(process.execPath, [join(root, "bin/cohort.js"), "map", ...args], { cwd: root, encoding: "utf8", input });
// Brown & Heathers' example (scrutiny's docs): 5.19 is inconsistent with n = 28, consistent with n = 32.
const table = "study,x,n\nA,5.19,28\nB,5.19,32\nC,5.19,\nD,5.19,1000\n";

describe("cohort map", () => {
  it("streams CSV verdicts on stdout that csv-parse reads back, with row errors in place, and the audit on stderr", () => {
    const run = cohort(["--check", "grim"], table);
    expect(run.status).toBe(0);
    const rows: Record<string, string>[] = parse(run.stdout, { columns: true });
    expect(rows.map((r) => [r.row, r.study, r.consistency])).toEqual([
      ["1", "A", "inconsistent"],
      ["2", "B", "consistent"],
      ["3", "C", ""],
      ["4", "D", "undetermined"],
    ]);
    expect(rows[2]!.error).toBe(msg.emptyCell("n", "n"));
    expect(run.stderr).toContain(`cohort: stdin: row 3: ${msg.emptyCell("n", "n")}`);
    expect(run.stderr).toContain("grim on 4 rows: 1 consistent, 1 inconsistent, 1 undetermined, 1 with errors");
  });

  it("writes JSON lines that parse line by line, from a TSV file", () => {
    const folder = mkdtempSync(join(tmpdir(), "cohort-map-"));
    const file = join(folder, "means.tsv");
    writeFileSync(file, table.replaceAll(",", "\t"));
    const run = cohort(["--check", "grim", "--format", "jsonl", file]);
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split("\n").map((line) => JSON.parse(line));
    expect(lines.map((line) => line.consistency)).toEqual(["inconsistent", "consistent", null, "undetermined"]);
    expect(lines[0].values).toEqual({ study: "A", x: "5.19", n: "28" });
  });

  it("prints one JSON document with the audit and every row under --json", () => {
    const run = cohort(["--check", "grim", "--json"], table);
    expect(run.status).toBe(0);
    const document = JSON.parse(run.stdout);
    expect(document.audit.verdicts).toEqual({ consistent: 1, inconsistent: 1, undetermined: 1, error: 1 });
    expect(document.rows).toHaveLength(4);
  });

  it("runs GRIMMER on renamed columns from JSON lines", () => {
    // rsprite2's test suite: 3.44 / 2.47 with n = 18 fails GRIMMER (as `cohort grimmer --help` shows).
    const run = cohort(["--check", "grimmer", "--columns", "x=M,sd=SD,n=N", "--format", "text"], '{"M":"3.44","SD":"2.47","N":18}\n');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("row 1  INCONSISTENT  M=3.44 SD=2.47 N=18\n");
  });

  it("exits 1 when the check's column is missing, 2 for an unknown check", () => {
    const missing = cohort(["--check", "grimmer"], "x,n\n5.19,28\n");
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(msg.missingColumn("grimmer", "sd", ["sd"], ["x", "n"]));
    expect(cohort(["--check", "nope"], table).status).toBe(2);
  });
});
