import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import * as message from "../../src/messages/inference.js";

function cohort(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync("node", ["bin/cohort.js", ...args], { cwd: process.cwd(), encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("cohort ci", () => {
  it("prints wilson and clopperPearson as [low, high] for 14/20 (METHODS.md §7)", () => {
    // METHODS.md §7: Clopper–Pearson 0.457–0.881, Wilson 0.481–0.855.
    const { status, stdout } = cohort("ci", "--count", "14", "--n", "20", "--json");
    expect(status).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.wilson[0]).toBeCloseTo(0.481, 3);
    expect(json.wilson[1]).toBeCloseTo(0.855, 3);
    expect(json.clopperPearson[0]).toBeCloseTo(0.457, 3);
    expect(json.clopperPearson[1]).toBeCloseTo(0.881, 3);
    expect(json.ruleOfThree).toBeUndefined();
  });

  it("adds the rule of three for study A's 20/20", () => {
    // Hand calculation: 1 − 3/20 = 0.85; exact 0.05^(1/20) = 0.860892.
    const json = JSON.parse(cohort("ci", "--count", "20", "--n", "20", "--json").stdout);
    expect(json.ruleOfThree[0]).toBeCloseTo(0.85, 12);
    expect(json.ruleOfThree[1]).toBe(1);
    expect(json.ruleOfThreeExact).toBeCloseTo(0.860892, 6);
  });

  it("exits 1 with the library's message when count exceeds n, and on a level outside (0, 1)", () => {
    const over = cohort("ci", "--count", "21", "--n", "20");
    expect(over.status).toBe(1);
    expect(over.stderr).toContain(message.countOutOfRange(21, 20));
    const level = cohort("ci", "--count", "2", "--n", "20", "--level", "95", "--json");
    expect(level.status).toBe(1);
    expect(JSON.parse(level.stdout).problems[0].message).toBe(message.levelOutOfRange(95));
  });

  it("exits 2 on a malformed or missing number", () => {
    expect(cohort("ci", "--count", "eleven", "--n", "20").status).toBe(2);
    expect(cohort("ci", "--n", "20").status).toBe(2);
  });

  it("exits 1, not 70, on a level too close to 1 to compute (fuzz regression: the interval was NaN)", () => {
    const result = cohort("ci", "--count", "3", "--n", "25", "--level", "0.9999999999999999", "--json");
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout).problems[0].message).toBe(message.levelOutOfRange(0.9999999999999999));
  });
});
