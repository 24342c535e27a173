import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { debit } from "../../src/checks/debit.js";
import { root } from "../helpers/fixtures.js";

const run = (...args: string[]) => spawnSync("node", ["bin/cohort.js", ...args], { cwd: root, encoding: "utf8" });

describe("cohort debit", () => {
  it("prints the same result as debit() with --json, and exits 0 on an inconsistency", () => {
    // scrutiny's test-debit.R: mean 0.05, SD 0.21, n 20 is inconsistent (1 of 20 gives SD 0.2236).
    const r = run("debit", "--mean", "0.05", "--sd", "0.21", "--n", "20", "--json");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(debit({ mean: "0.05", sd: "0.21", n: 20 }))));
    expect(JSON.parse(r.stdout).status).toBe("inconsistent");
  });
  it("passes --rounding and --threshold through", () => {
    // Hand: 7/20 = 0.35, SD √(7·13/(20·19)) = 0.48936: "0.49" fits under up_or_down.
    const r = run("debit", "--mean", "0.35", "--sd", "0.49", "--n", "20", "--rounding", "up_from", "--threshold", "4", "--json");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).assumptions.rounding).toBe("up_from");
  });
  it("exits 1 for a mean outside 0–1 and 2 for a bad threshold", () => {
    expect(run("debit", "--mean", "1.5", "--sd", "0.2", "--n", "20").status).toBe(1);
    expect(run("debit", "--mean", "0.5", "--sd", "0.2", "--n", "20", "--threshold", "0").status).toBe(2);
  });
  it("--help shows examples", () => {
    const r = run("debit", "--help");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Examples:");
    expect(r.stdout).toContain("--threshold");
  });
});

describe("--threshold on the commands that round", () => {
  it("grim --rounding down_from --threshold 9 uses scrutiny's down_from", () => {
    // Hand, n = 4: the means k/4 near 4.3 are 4.25 and 4.5. Under down (threshold 5) 4.25 → 4.2, so "4.3" is
    // inconsistent; under down_from with threshold 9, ⌈42.5 − 1 + 0.9⌉ = 43 → 4.3, so "4.3" is consistent.
    const grim = (...extra: string[]) => JSON.parse(run("grim", "--mean", "4.3", "--n", "4", "--json", ...extra).stdout);
    expect(grim("--rounding", "down").status).toBe("inconsistent");
    const from = grim("--rounding", "down_from", "--threshold", "9");
    expect(from.status).toBe("consistent");
    expect(from.assumptions.threshold).toBe(9);
    for (const command of ["check", "grim", "grimmer", "percent", "change", "debit"]) {
      expect(run(command, "--help").stdout, command).toContain("--threshold");
    }
  });
});
