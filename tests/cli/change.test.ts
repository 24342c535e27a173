import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { root } from "../helpers/fixtures.js";

const run = (...args: string[]) => spawnSync("node", ["bin/cohort.js", ...args], { cwd: root, encoding: "utf8" });

describe("cohort change", () => {
  it("single form: 3.20 → 2.50 is a 21.88% decrease (hand: 0.70/3.20 = 21.875%)", () => {
    const r = run("change", "--from", "3.20", "--to", "2.50", "--percent", "21.88", "--json");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).status).toBe("consistent");
  });
  it("chain form lists alternatives and exits 0 when inconsistent", () => {
    const r = run("change", "--change", "s1..s3:32.81:decrease", "--change", "s3..s6:24.56:increase", "--items", "4", "--n", "5", "--min", "0", "--max", "10", "--json");
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.status).toBe("inconsistent");
    expect(json.details.alternatives.length).toBeGreaterThan(3);
  });
  it("exits 2 for a malformed change spec", () => {
    expect(run("change", "--change", "s1:32.81", "--decimals", "2", "--min", "0", "--max", "10").status).toBe(2);
  });
});

describe("cohort change (work estimate)", () => {
  it("refuses a chain on a 20-million-point grid up front with exit 3 and the estimate (regression: 113 s)", () => {
    const r = run("change", "--change", "1.5:increase", "--change", "2.50:decrease", "--items", "5", "--n", "1000000", "--min", "5", "--max", "9", "--json");
    expect(r.status).toBe(3);
    // Hand: multiples of 1/(5·10^6) on 5…9 are 4·5·10^6 + 1 = 20000001 points.
    expect(JSON.parse(r.stdout).problems[0].message).toMatch(/20000001 possible group means per timepoint.*--max-steps/);
  });
});
