import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tableFromIPC } from "apache-arrow";
import { parse } from "csv-parse/sync";
import { readParquet } from "parquet-wasm";
import { describe, expect, it } from "vitest";
import * as message from "../../src/messages/reconstruct.js";
import { summarizeClosure } from "../../src/reconstruct/closure-summary.js";
import { root } from "../helpers/fixtures.js";

const cohort = (...args: string[]) => spawnSync(process.execPath, [join(root, "bin/cohort.js"), "closure", ...args], { cwd: root, encoding: "utf8" });
const case70 = ["--mean", "3.5", "--sd", "1.7", "--n", "70", "--min", "1", "--max", "5"];

describe("cohort closure output", () => {
  it("writes the 2,492 samples of 3.5/1.7/n 70 as Parquet that parquet-wasm reads back to the CSV's samples", () => {
    const folder = mkdtempSync(join(tmpdir(), "cohort-closure-"));
    expect(cohort(...case70, "--out", join(folder, "s.parquet")).status).toBe(0);
    expect(cohort(...case70, "--out", join(folder, "s.csv")).status).toBe(0);
    expect(readdirSync(folder).sort()).toEqual(["s.csv", "s.parquet"]);
    const table = tableFromIPC(readParquet(readFileSync(join(folder, "s.parquet"))).intoIPCStream());
    const csv: string[][] = parse(readFileSync(join(folder, "s.csv")), { from_line: 2 });
    expect(table.numRows).toBe(2492);
    const columns = ["id", "horns", "count_1", "count_2", "count_3", "count_4", "count_5"].map((name) => table.getChild(name)!.toArray() as ArrayLike<number>);
    const expanded = csv.map((_, row) => {
      const values: number[] = [];
      for (let k = 1; k <= 5; k++) for (let t = 0; t < columns[k + 1]![row]!; t++) values.push(k);
      return [columns[0]![row]!, columns[1]![row]!, ...values];
    });
    expect(expanded).toEqual(csv.map((record) => record.map(Number)));
    expect(JSON.parse(table.schema.metadata.get("cohortcheck")!).label).toBe("reconstruction — not patient data");
  });

  it("streams CSV to stdout with nothing after the last row, and refuses Parquet on stdout", () => {
    const run = cohort(...case70, "--format", "csv", "--limit", "3");
    expect(run.status).toBe(0);
    expect(run.stdout.split("\n").length).toBe(5); // header, 3 rows, and the empty string after the final newline
    expect(run.stdout.endsWith("\n") && !run.stdout.endsWith("\n\n")).toBe(true);
    const parquet = cohort(...case70, "--format", "parquet");
    expect(parquet.status).toBe(2);
    expect(parquet.stderr).toContain(message.parquetNeedsOut());
  });

  it("--count --frequencies gives the enumeration's value counts and horns range without listing (--json)", () => {
    const run = cohort(...case70, "--count", "--frequencies", "--json");
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    const listed = summarizeClosure({ mean: "3.5", sd: "1.7", n: 70, min: 1, max: 5 });
    expect(json.count).toBe(2492);
    expect(json.frequency.map((row: { count: number }) => row.count)).toEqual(listed.frequency.map((row) => row.count));
    expect([json.horns.min, json.horns.max]).toEqual([listed.horns!.min, listed.horns!.max]);
  });
});
