import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { root } from "../helpers/fixtures.js";

const cohort = (...args: string[]) => spawnSync("node", ["bin/cohort.js", ...args], { cwd: root, encoding: "utf8" });

describe("cohort crosstab", () => {
  it("prints the count (86, hand count in tests/reconstruct/crosstab.test.ts) and the cell ranges as JSON", () => {
    const run = cohort("crosstab", "--rows", "11,9", "--cols", "9,5,4,2", "--json");
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.count).toBe(86);
    // Fréchet bounds by hand: female × opioid: max(0, 11 + 9 − 20) = 0 … min(11, 9) = 9.
    expect(json.cells[0]).toEqual({ row: "r1", col: "c1", min: 0, max: 9 });
    expect(json.illustrative.label).toBe("reconstruction — not patient data");
  });

  it("exits 1 when the totals differ and 2 on a malformed list", () => {
    expect(cohort("crosstab", "--rows", "11,9", "--cols", "9,5,4", "--json").status).toBe(1);
    expect(cohort("crosstab", "--rows", "11,x", "--cols", "9").status).toBe(2);
  });
});
