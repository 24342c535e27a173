import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { writeReportFolder } from "../../src/report/write-report-folder.js";

let scratch = "";
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

describe("writeReportFolder", () => {
  it("replaces the folder: new files in, stale files gone, no temporary folder left", () => {
    scratch = mkdtempSync(join(tmpdir(), "cohortcheck-folder-"));
    const folder = join(scratch, "study");
    mkdirSync(join(folder, "figures"), { recursive: true });
    writeFileSync(join(folder, "figures", "old.svg"), "<svg/>");
    writeReportFolder(folder, new Map([["report.md", "# new\n"], ["tables/t.csv", "a\n1\n"]]));
    expect(readFileSync(join(folder, "report.md"), "utf8")).toBe("# new\n");
    expect(existsSync(join(folder, "figures", "old.svg"))).toBe(false);
    expect(readdirSync(scratch)).toEqual(["study"]);
  });

  it("leaves the previous folder intact when writing fails part-way", () => {
    scratch = mkdtempSync(join(tmpdir(), "cohortcheck-folder-"));
    const folder = join(scratch, "study");
    mkdirSync(folder);
    writeFileSync(join(folder, "report.md"), "# old\n");
    // "a" as a file and "a/b" as a file cannot both exist: the second write fails after the first succeeded.
    expect(() => writeReportFolder(folder, new Map([["a", "1"], ["a/b", "2"]]))).toThrow();
    expect(readFileSync(join(folder, "report.md"), "utf8")).toBe("# old\n");
    expect(readdirSync(folder)).toEqual(["report.md"]);
    expect(readdirSync(scratch)).toEqual(["study"]);
  });
});
