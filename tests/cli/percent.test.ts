import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const run = (...args: string[]) => spawnSync("node", ["bin/cohort.js", ...args], { cwd: "/work/main", encoding: "utf8" });

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
