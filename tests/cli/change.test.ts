import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const run = (...args: string[]) => spawnSync("node", ["bin/cohort.js", ...args], { cwd: "/work/main", encoding: "utf8" });

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
