import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const run = (...args: string[]) => spawnSync("node", ["bin/cohort.js", ...args], { cwd: "/work/main", encoding: "utf8" });

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
