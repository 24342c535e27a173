import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { root } from "../helpers/fixtures.js";

const run = (...args: string[]) => spawnSync("node", ["bin/cohort.js", ...args], { cwd: root, encoding: "utf8" });

describe("cohort grimmer", () => {
  it("reports rsprite2's failing example as inconsistent with exit 0", () => {
    const r = run("grimmer", "--mean", "3.44", "--sd", "2.47", "--n", "18", "--json");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).status).toBe("inconsistent");
  });
  it("exits 1 for n = 1 (an SD needs two values)", () => {
    expect(run("grimmer", "--mean", "3.44", "--sd", "2.47", "--n", "1").status).toBe(1);
  });
});

describe("cohort grimmer (huge n)", () => {
  it("answers undetermined at once instead of hanging (regression)", () => {
    const r = run("grimmer", "--mean", "-1.5", "--sd", "205", "--n", "2147483648", "--items", "3", "--min", "-5", "--max", "10", "--json");
    expect(r.status).toBe(0);
    // Hand (see tests/checks/grimmer.test.ts): 644245095 totals fit the mean.
    expect(JSON.parse(r.stdout)).toMatchObject({ status: "undetermined", details: { reason: "too-coarse", candidateTotals: 644245095 } });
  });
});
