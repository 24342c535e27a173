import { execFileSync } from "node:child_process";
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatProblem } from "../../src/errors.js";
import { checkOutputFile } from "../../src/io/output-target.js";
import { writeFileAtomic } from "../../src/io/write-atomic.js";
import * as msg from "../../src/messages/io.js";
import { problemsOf } from "../helpers/fixtures.js";

const folder = mkdtempSync(join(tmpdir(), "cohortcheck-target-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const messageOf = (run: () => unknown) => problemsOf(run).map(formatProblem).join("\n");

describe("checkOutputFile", () => {
  it("accepts a new file (its folders may be missing) and an existing regular file", () => {
    expect(checkOutputFile(join(folder, "new.csv"))).toBeUndefined();
    expect(checkOutputFile(join(folder, "a", "b", "new.csv"))).toBeUndefined();
    writeFileSync(join(folder, "old.csv"), "x");
    expect(checkOutputFile(join(folder, "old.csv"))).toBeUndefined();
  });

  it("refuses a folder, a device, a FIFO and a symbolic link: a rename would replace them", () => {
    mkdirSync(join(folder, "dir.csv"));
    execFileSync("mkfifo", [join(folder, "fifo.csv")]);
    symlinkSync(join(folder, "old.csv"), join(folder, "link.csv"));
    expect(messageOf(() => checkOutputFile(join(folder, "dir.csv")))).toBe(`${join(folder, "dir.csv")}: ${msg.outputNotRegular("folder")}`);
    expect(messageOf(() => checkOutputFile("/dev/null"))).toBe(`/dev/null: ${msg.outputNotRegular("character device")}`);
    expect(messageOf(() => checkOutputFile(join(folder, "fifo.csv")))).toBe(`${join(folder, "fifo.csv")}: ${msg.outputNotRegular("FIFO (named pipe)")}`);
    expect(messageOf(() => checkOutputFile(join(folder, "link.csv")))).toBe(`${join(folder, "link.csv")}: ${msg.outputNotRegular("symbolic link")}`);
  });

  it("refuses a path whose parent is a file", () => {
    writeFileSync(join(folder, "plain"), "x");
    expect(messageOf(() => checkOutputFile(join(folder, "plain", "x.csv")))).toBe(`${join(folder, "plain", "x.csv")}: ${msg.outputParentMissing(join(folder, "plain"))}`);
  });
});

describe("writeFileAtomic onto a target that is not a regular file", () => {
  it("refuses before writing anything, leaves the target as it was and no temporary file", () => {
    const dir = join(folder, "target-dir");
    mkdirSync(dir);
    const fifo = join(folder, "target-fifo");
    execFileSync("mkfifo", [fifo]);
    expect(messageOf(() => writeFileAtomic(dir, "x"))).toBe(`${dir}: ${msg.outputNotRegular("folder")}`);
    expect(messageOf(() => writeFileAtomic(fifo, "x"))).toBe(`${fifo}: ${msg.outputNotRegular("FIFO (named pipe)")}`);
    expect(lstatSync(dir).isDirectory()).toBe(true);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(folder).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("still replaces a regular file", () => {
    const file = join(folder, "regular.txt");
    writeFileSync(file, "old");
    writeFileAtomic(file, "new");
    expect(readFileSync(file, "utf8")).toBe("new");
  });
});
