import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "../helpers/fixtures.js";

const cohort = (...args: string[]) => spawnSync("node", ["bin/cohort.js", ...args], { cwd: root, encoding: "utf8" });

describe("cohort closure", () => {
  it("counts the unsum showcase (661,948 samples, METHODS §2) with --count --json", () => {
    const run = cohort("closure", "--mean", "3.0", "--sd", "1.2", "--n", "200", "--min", "1", "--max", "5", "--count", "--json");
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).count).toBe(661948);
  });

  it("writes the 2,492 samples of 3.5/1.7/n 70 (METHODS §2) to a CSV file atomically", () => {
    const folder = mkdtempSync(join(tmpdir(), "cohort-closure-"));
    const out = join(folder, "samples.csv");
    const run = cohort("closure", "--mean", "3.5", "--sd", "1.7", "--n", "70", "--min", "1", "--max", "5", "--out", out, "--json");
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.count).toBe(2492);
    expect(json.visited).toBe(2492);
    const lines = readFileSync(out, "utf8").trim().split("\n");
    expect(lines.length).toBe(2493);
    // Each row: id, horns, then 70 values whose mean rounds to 3.5 (sum 242…248 by hand: 70 × 3.45…3.55).
    const values = (lines[1] as string).split(",").slice(2).map(Number);
    expect(values.length).toBe(70);
    const sum = values.reduce((a, b) => a + b, 0);
    expect(sum).toBeGreaterThanOrEqual(242);
    expect(sum).toBeLessThanOrEqual(248);
    expect(readdirSync(folder)).toEqual(["samples.csv"]);
  });

  it("streams JSON lines to stdout with --format and --limit", () => {
    const run = cohort("closure", "--mean", "2.9", "--sd", "0.5", "--n", "25", "--min", "1", "--max", "5", "--format", "jsonl", "--limit", "2");
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split("\n").map((line) => JSON.parse(line));
    expect(lines[0].label).toBe("reconstruction — not patient data");
    expect(lines.length).toBe(3);
    expect(lines[1].values.length).toBe(25);
  });

  it("stops at a time budget, keeps what it found and says so (a budget of 0 stops before the first sample)", () => {
    const run = cohort("closure", "--mean", "3.0", "--sd", "1.2", "--n", "200", "--min", "1", "--max", "5", "--time-budget", "0", "--json");
    expect(run.status).toBe(0);
    // The count still comes from the DP (661,948, METHODS §2); the enumeration itself visited nothing.
    expect(JSON.parse(run.stdout)).toMatchObject({ count: 661948, visited: 0, complete: false, stoppedBy: "time-budget", timeBudget: 0 });
    // A run that the refusal rule would stop (over 2×10^8 samples) may proceed under a budget.
    const huge = cohort("closure", "--mean", "5.5", "--sd", "2.9", "--n", "60", "--min", "1", "--max", "10", "--time-budget", "0", "--json");
    expect(huge.status).toBe(0);
    expect(JSON.parse(huge.stdout)).toMatchObject({ complete: false, stoppedBy: "time-budget" });
    expect(cohort("closure", "--mean", "3.0", "--sd", "1.2", "--n", "20", "--min", "1", "--max", "5", "--time-budget", "-1").status).toBe(2);
  });

  it("refuses an absurd enumeration without --limit (exit 3) and rejects bad arguments (exit 1, 2)", () => {
    // 1–10 scale, n 60, SD 2.9: over 2×10^8 samples (the refusal threshold, REFUSE_SAMPLES) by --count.
    const huge = cohort("closure", "--mean", "5.5", "--sd", "2.9", "--n", "60", "--min", "1", "--max", "10", "--json");
    expect(huge.status).toBe(3);
    expect(cohort("closure", "--mean", "3.0", "--sd", "1.2", "--n", "20", "--min", "5", "--max", "1").status).toBe(1);
    expect(cohort("closure", "--mean", "three", "--sd", "1.2", "--n", "20", "--min", "1", "--max", "5").status).toBe(2);
  });
  it("enumerates values in steps (--step): 4 yes/no items scored 0, 25, …, 100", () => {
    // Hand: n = 4, mean 50, SD 35.36 = √(3750/3): the deviations' squares must sum to 3750 — {0, 50, 75, 75}
    // (2500 + 0 + 625 + 625) and {25, 25, 50, 100} (625 + 625 + 0 + 2500); no other four multiples of 25 do.
    const r = spawnSync("node", ["bin/cohort.js", "closure", "--mean", "50.00", "--sd", "35.36", "--n", "4", "--min", "0", "--max", "100", "--step", "25", "--json"], { cwd: root, encoding: "utf8" });
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.count).toBe(2);
    expect(json.examples).toEqual(["0×1 50×1 75×2", "25×2 50×1 100×1"]);
  });
});

