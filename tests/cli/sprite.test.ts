import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { root } from "../helpers/fixtures.js";

const cohort = (...args: string[]) => spawnSync("node", ["bin/cohort.js", ...args], { cwd: root, encoding: "utf8" });

describe("cohort sprite", () => {
  it("returns the requested number of samples that recompute to the reported mean and SD", () => {
    const run = cohort("sprite", "--mean", "3.5", "--sd", "1.7", "--n", "70", "--min", "1", "--max", "5", "--samples", "3", "--seed", "4", "--json");
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.count).toBe(3);
    for (const values of json.samples as number[][]) {
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
      expect(Math.abs(mean - 3.5)).toBeLessThanOrEqual(0.05 + 1e-9);
      expect(Math.abs(sd - 1.7)).toBeLessThanOrEqual(0.05 + 1e-9);
    }
  });

  it("exits 2 on a missing option", () => {
    expect(cohort("sprite", "--mean", "3.5", "--n", "70", "--min", "1", "--max", "5").status).toBe(2);
  });
});
