import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { root } from "../helpers/fixtures.js";

const run = (...args: string[]) => spawnSync("node", ["bin/cohort.js", ...args], { cwd: root, encoding: "utf8" });

describe("cohort percent", () => {
  it("lists the fitting counts with status at the top level", () => {
    const json = JSON.parse(run("percent", "--percent", "45", "--n", "20", "--count", "9", "--json").stdout);
    expect(json.status).toBe("consistent"); // hand: 9/20 = 45%
    expect(json.details.counts).toEqual([9]);
  });
  it("exits 1 with a JSON error for a count above n", () => {
    const r = run("percent", "--percent", "45", "--n", "20", "--count", "21", "--json");
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).status).toBe("error");
  });
});

describe("cohort percent (huge n)", () => {
  it("gives the fitting counts as a range for n = 2^53 − 1 instead of aborting (regression: V8 invalid size)", () => {
    const r = run("percent", "--percent", "45", "--n", "9007199254740991", "--json");
    expect(r.status).toBe(0);
    // Hand: ⌈0.445n⌉ = 4008203668359741, ⌊0.455n⌋ = 4098275660907150.
    expect(JSON.parse(r.stdout).details).toEqual({ counts: null, countRange: { lowest: 4008203668359741, highest: 4098275660907150, count: 90071992547410 } });
  });
});
