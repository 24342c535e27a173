import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { restoreInterruptedFolders, writeReportFolder } from "../../src/report/write-report-folder.js";

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

describe("writeReportFolder after an interrupted run", () => {
  it("deletes a half-built staging folder left by a killed run", () => {
    scratch = mkdtempSync(join(tmpdir(), "cohortcheck-folder-"));
    mkdirSync(join(scratch, ".study.new-999999", "figures"), { recursive: true });
    writeFileSync(join(scratch, ".study.new-999999", "figures", "half.svg"), "<svg");
    writeReportFolder(join(scratch, "study"), new Map([["report.md", "# new\n"]]));
    expect(readdirSync(scratch)).toEqual(["study"]);
  });

  it("moves the previous folder back when a run was killed between the two renames", () => {
    scratch = mkdtempSync(join(tmpdir(), "cohortcheck-folder-"));
    mkdirSync(join(scratch, ".study.old-999999"));
    writeFileSync(join(scratch, ".study.old-999999", "report.md"), "# previous\n");
    // This run fails while staging ("a" and "a/b" cannot both be files), after the recovery: the
    // previous folder must then be back in place, not lost aside.
    expect(() => writeReportFolder(join(scratch, "study"), new Map([["a", "1"], ["a/b", "2"]]))).toThrow();
    expect(readFileSync(join(scratch, "study", "report.md"), "utf8")).toBe("# previous\n");
    expect(readdirSync(scratch)).toEqual(["study"]);
  });
});

describe("restoreInterruptedFolders", () => {
  it("restores the state a kill between the two renames leaves: <id> missing, .<id>.old-<pid> and a built .<id>.new-<pid>", () => {
    // The kill state, built by hand from writeReportFolder's steps: staging written, old folder moved
    // aside, then killed before the staging folder was renamed into place.
    scratch = mkdtempSync(join(tmpdir(), "cohortcheck-folder-"));
    mkdirSync(join(scratch, ".study.old-4242", "figures"), { recursive: true });
    writeFileSync(join(scratch, ".study.old-4242", "report.md"), "# previous\n");
    writeFileSync(join(scratch, ".study.old-4242", "figures", "a.svg"), "<svg/>");
    mkdirSync(join(scratch, ".study.new-4242"));
    writeFileSync(join(scratch, ".study.new-4242", "report.md"), "# unfinished swap\n");
    mkdirSync(join(scratch, "other"));
    expect(restoreInterruptedFolders(scratch)).toEqual(["study"]);
    expect(readFileSync(join(scratch, "study", "report.md"), "utf8")).toBe("# previous\n");
    expect(readdirSync(join(scratch, "study", "figures"))).toEqual(["a.svg"]);
    expect(existsSync(join(scratch, ".study.old-4242"))).toBe(false);
  });

  it("leaves an .old copy alone when the folder itself exists, and does nothing without leftovers", () => {
    scratch = mkdtempSync(join(tmpdir(), "cohortcheck-folder-"));
    mkdirSync(join(scratch, "study"));
    writeFileSync(join(scratch, "study", "report.md"), "# current\n");
    mkdirSync(join(scratch, ".study.old-4242"));
    expect(restoreInterruptedFolders(scratch)).toEqual([]);
    expect(readFileSync(join(scratch, "study", "report.md"), "utf8")).toBe("# current\n");
    expect(restoreInterruptedFolders(join(scratch, "missing"))).toEqual([]);
  });
});
