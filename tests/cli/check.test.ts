import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "../helpers/fixtures.js";

const run = (...args: string[]) => spawnSync("node", ["bin/cohort.js", ...args], { cwd: root, encoding: "utf8" });

describe("cohort check", () => {
  it("checks study B, finds the psycholytic chain inconsistent, exits 0", () => {
    const r = run("check", "data/studies/kap-pilot-two-approaches.json", "--json");
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.status).toBe("inconsistent");
    const chain = json.results.find((x: { subject: string[] }) => x.subject.includes("psycholytic-severity-s1-s3"));
    expect(chain.status).toBe("inconsistent");
    // every reported value of the study appears as a subject
    const subjects = new Set(json.results.flatMap((x: { subject: string[] }) => x.subject));
    for (const id of ["psychedelic-severity-overall", "psycholytic-severity-overall", "psycholytic-severity-s3-s6", "psychedelic-interference-overall"]) expect(subjects.has(id)).toBe(true);
  });
  it("prints a human table for study A", () => {
    const r = run("check", "data/studies/ketamine-im-substance-misuse.json");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("band-shift [sds-shift]");
    expect(r.stdout).toContain("undetermined");
  });
  it("exits 1 for an invalid study file", () => {
    const dir = mkdtempSync(join(tmpdir(), "cohort-check-"));
    const file = join(dir, "bad.json");
    writeFileSync(file, JSON.stringify({ id: "x" }));
    expect(run("check", file, "--json").status).toBe(1);
  });
});
