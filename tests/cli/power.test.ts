import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import * as message from "../../src/messages/inference.js";

function cohort(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync("node", ["bin/cohort.js", ...args], { cwd: process.cwd(), encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("cohort power", () => {
  it("reports mde, power and the n needed for study B's 5 vs 5 at d = 1", () => {
    // METHODS.md §7: df 8, ncp 1.581, t_crit 2.306 → power 0.286.
    // R power.t.test(power = 0.80, delta = 1): n = 16.71477 → 17 per group.
    const { status, stdout } = cohort("power", "--design", "two-group", "--n", "5,5", "--effect", "1", "--json");
    expect(status).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.df).toBe(8);
    expect(json.criticalT).toBeCloseTo(2.306, 3);
    expect(json.ncp).toBeCloseTo(1.581, 3);
    expect(json.power).toBeCloseTo(0.286, 3);
    expect(json.mde).toBeGreaterThan(2);
    expect(json.sampleSize.n).toBe(17);
    expect(json.sampleSize.nExact).toBeCloseTo(16.71477, 3);
  });

  it("reports only the mde without --effect, for a paired design", () => {
    // pwr.t.test(d = 0.5, type = "paired", power = 0.75) → n = 29.7355 (published): so with --n 30 and
    // --power 0.75 the MDE is just under 0.5.
    const json = JSON.parse(cohort("power", "--design", "paired", "--n", "30", "--power", "0.75", "--json").stdout);
    expect(json.mde).toBeLessThan(0.5);
    expect(json.mde).toBeGreaterThan(0.49);
    expect(json.power).toBeUndefined();
    expect(json.df).toBe(29);
  });

  it("exits 1 for n < 2 and for the wrong number of sizes; 2 for an unknown design", () => {
    const small = cohort("power", "--design", "paired", "--n", "1");
    expect(small.status).toBe(1);
    expect(small.stderr).toContain(message.sizeTooSmall("n", 1, 2));
    expect(cohort("power", "--design", "one-sample", "--n", "5,5").status).toBe(1);
    expect(cohort("power", "--design", "three-group", "--n", "5").status).toBe(2);
  });

  it("exits 1, not 70 or 0 with NaN, on alpha 1e-200 (fuzz regression: critical t was Infinity)", () => {
    const json = cohort("power", "--design", "two-group", "--n", "19,13", "--effect", "0.5", "--alpha", "1e-200", "--json");
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout).problems[0].message).toBe(message.alphaOutOfRange(1e-200));
    const text = cohort("power", "--design", "two-group", "--n", "19,13", "--effect", "0.5", "--alpha", "1e-200");
    expect(text.status).toBe(1);
    expect(text.stdout).not.toContain("NaN");
  });
});
