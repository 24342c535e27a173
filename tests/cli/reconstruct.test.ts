import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as message from "../../src/messages/reconstruct-study.js";
import { RECONSTRUCTION_LABEL } from "../../src/schema/reconstruction.js";
import { cohort, studyA, studyB } from "../helpers/fixtures.js";

describe("cohort reconstruct", () => {
  it("--json carries count, of, label and the reconstructions, deterministic for a seed", () => {
    const run = () => cohort(["reconstruct", studyA, "--count", "2", "--seed", "4", "--json"]);
    const { status, stdout } = run();
    expect(status).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.count).toBe(2);
    expect(json.of).toBe("unknown");
    expect(json.label).toBe(RECONSTRUCTION_LABEL);
    expect(json.reconstructions).toHaveLength(2);
    expect(json.reconstructions[0].rows).toHaveLength(20);
    expect(json.files).toEqual([]);
    expect(run().stdout).toBe(stdout);
  });

  it("--format csv prints CSV that begins with the reconstruction label", () => {
    const { status, stdout } = cohort(["reconstruct", studyB, "--count", "1", "--format", "csv"]);
    expect(status).toBe(0);
    expect(stdout.startsWith(`# ${RECONSTRUCTION_LABEL}\n`)).toBe(true);
    expect(stdout).toContain("\nid,arm,bpi-sf-severity_baseline,");
  });

  it("--out writes CSV and sidecar files named from the study id, and lists them", () => {
    const out = mkdtempSync(join(tmpdir(), "cohortcheck-reconstruct-"));
    const { status, stdout } = cohort(["reconstruct", studyB, "--count", "2", "--format", "csv", "--out", out, "--json"]);
    expect(status).toBe(0);
    const names = readdirSync(out).sort();
    expect(names).toEqual([
      "kap-pilot-two-approaches.reconstruction-000.csv",
      "kap-pilot-two-approaches.reconstruction-000.json",
      "kap-pilot-two-approaches.reconstruction-001.csv",
      "kap-pilot-two-approaches.reconstruction-001.json",
    ]);
    expect(JSON.parse(stdout).files.map((f: string) => f.slice(out.length + 1)).sort()).toEqual(names);
    expect(readFileSync(join(out, names[0]!), "utf8").split("\n")[0]).toBe(`# ${RECONSTRUCTION_LABEL}`);
    expect(JSON.parse(readFileSync(join(out, names[1]!), "utf8")).label).toBe(RECONSTRUCTION_LABEL);
  });

  it("exits 2 on a bad --format or --count, 1 on a missing file or unknown convention, and writes nothing", () => {
    const out = join(mkdtempSync(join(tmpdir(), "cohortcheck-reconstruct-")), "never");
    const format = cohort(["reconstruct", studyA, "--format", "xml", "--out", out]);
    expect(format.status).toBe(2);
    expect(format.stderr).toContain(message.unknownFormat("xml"));
    expect(cohort(["reconstruct", studyA, "--count", "0"]).status).toBe(2);
    const means = cohort(["reconstruct", studyA, "--means", "bogus"]);
    expect(means.status).toBe(2);
    expect(means.stderr).toContain(message.unknownMeans("bogus"));
    const file = join(mkdtempSync(join(tmpdir(), "cohortcheck-reconstruct-")), "a-file");
    writeFileSync(file, "x");
    const blocked = cohort(["reconstruct", studyA, "--out", file]);
    expect(blocked.status).toBe(1);
    expect(blocked.stderr).toContain(`cannot write the reconstruction files into --out ${file}`);
    expect(cohort(["reconstruct", "no-such-study.json"]).status).toBe(1);
    const convention = cohort(["reconstruct", studyA, "--convention", "nope", "--out", out, "--json"]);
    expect(convention.status).toBe(1);
    expect(JSON.parse(convention.stdout).problems[0].message).toContain('convention "nope"');
    expect(existsSync(out)).toBe(false);
  });
});
