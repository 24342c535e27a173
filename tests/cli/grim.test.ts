import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { root } from "../helpers/fixtures.js";

const run = (...args: string[]) => spawnSync("node", ["bin/cohort.js", ...args], { cwd: root, encoding: "utf8" });

describe("cohort grim", () => {
  it("exits 0 with status inconsistent for 5.19 / 28 (scrutiny example)", () => {
    const r = run("grim", "--mean", "5.19", "--n", "28", "--json");
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.status).toBe("inconsistent");
    expect(json.check).toBe("grim");
    expect(json.details.nearestConsistent).toEqual(["5.18", "5.21"]); // hand: 145/28 = 5.179, 146/28 = 5.214
  });
  it("exits 2 for a malformed mean", () => {
    expect(run("grim", "--mean", "5,19", "--n", "28").status).toBe(2);
  });
});
