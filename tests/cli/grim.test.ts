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
  it("takes an item step: RAND-36 physical functioning, 10 items on 0/50/100, n = 26", () => {
    // Hand: totals are multiples of 5; 26 × [77.405, 77.415] = [2012.53, 2012.79] holds none (2010 → 77.31, 2015 → 77.50).
    const r = run("grim", "--mean", "77.41", "--n", "26", "--items", "10", "--item-step", "50", "--json");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).details.nearestConsistent).toEqual(["77.31", "77.50"]);
    expect(run("grim", "--mean", "77.41", "--n", "26", "--item-step", "0").status).toBe(2);
  });
});
