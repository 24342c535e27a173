import { execFileSync } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { MAX_DATA_FILE_BYTES, readJsonFile } from "../../src/io/read-json.js";
import { writeFileAtomic } from "../../src/io/write-atomic.js";
import { seedJson, studyB } from "../helpers/fixtures.js";
import { assertCleanCli, expectCohortErrorOrValue, reportTried, runInProcess, runs, tried } from "./harness.js";

/*
 * File kinds a path can name (issue 15, findings 4 and 8): regular files of every shape, FIFOs,
 * devices, folders, symbolic links (to files, dangling, in loops), files far past the size cap
 * (sparse, so cheap), bytes that are not UTF-8. Reading any of them must give a value or a clean
 * error naming the path at once (a FIFO or /dev/zero used to hang), and writing onto any of them
 * must leave the target as it was unless it is a regular file or new.
 */

const folder = mkdtempSync(join(tmpdir(), "cohortcheck-files-fuzz-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let made = 0;

/** One kind of path, created fresh in its own folder by `make`. */
interface FileKindCase {
  kind: string;
  make(dir: string): string;
}

const study = JSON.stringify(seedJson(studyB));
const kinds: FileKindCase[] = [
  { kind: "regular study", make: (dir) => (writeFileSync(join(dir, "s.json"), study), join(dir, "s.json")) },
  { kind: "empty file", make: (dir) => (writeFileSync(join(dir, "s.json"), ""), join(dir, "s.json")) },
  { kind: "non-UTF-8 bytes", make: (dir) => (writeFileSync(join(dir, "s.json"), Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])), join(dir, "s.json")) },
  { kind: "UTF-16 text", make: (dir) => (writeFileSync(join(dir, "s.json"), Buffer.from(`\ufeff${study.slice(0, 200)}`, "utf16le")), join(dir, "s.json")) },
  { kind: "duplicate key", make: (dir) => (writeFileSync(join(dir, "s.json"), '{"id": "a", "id": "b"}'), join(dir, "s.json")) },
  { kind: "huge sparse file", make: (dir) => (writeFileSync(join(dir, "s.json"), "{"), truncateSync(join(dir, "s.json"), MAX_DATA_FILE_BYTES * 4), join(dir, "s.json")) },
  { kind: "file of exactly the cap", make: (dir) => (writeFileSync(join(dir, "s.json"), `"${"x".repeat(MAX_DATA_FILE_BYTES - 2)}"`), join(dir, "s.json")) },
  { kind: "FIFO", make: (dir) => (execFileSync("mkfifo", [join(dir, "s.json")]), join(dir, "s.json")) },
  { kind: "folder", make: (dir) => (mkdirSync(join(dir, "s.json")), join(dir, "s.json")) },
  { kind: "symbolic link to a study", make: (dir) => (writeFileSync(join(dir, "t.json"), study), symlinkSync(join(dir, "t.json"), join(dir, "s.json")), join(dir, "s.json")) },
  { kind: "dangling symbolic link", make: (dir) => (symlinkSync(join(dir, "nowhere.json"), join(dir, "s.json")), join(dir, "s.json")) },
  { kind: "symbolic link loop", make: (dir) => (symlinkSync(join(dir, "t.json"), join(dir, "s.json")), symlinkSync(join(dir, "s.json"), join(dir, "t.json")), join(dir, "s.json")) },
  { kind: "/dev/zero", make: () => "/dev/zero" },
  { kind: "/dev/urandom", make: () => "/dev/urandom" },
  { kind: "/dev/null", make: () => "/dev/null" },
  { kind: "missing", make: (dir) => join(dir, "missing.json") },
  { kind: "path through a file", make: (dir) => (writeFileSync(join(dir, "f"), "x"), join(dir, "f", "s.json")) },
];

const kindArb = fc.constantFrom(...kinds);
const newDir = () => {
  const dir = join(folder, `case-${made++}`);
  mkdirSync(dir);
  return dir;
};

describe("file kinds (fuzz)", () => {
  it("readJsonFile gives a value or a clean error naming the path, for every kind of path, at once", () => {
    fc.assert(
      fc.property(kindArb, (kind) => {
        tried("files: kinds read");
        const path = kind.make(newDir());
        const outcome = expectCohortErrorOrValue(() => readJsonFile(path), path);
        expect(outcome.ok, kind.kind).toBe(kind.kind === "regular study" || kind.kind === "symbolic link to a study" || kind.kind === "file of exactly the cap");
      }),
      runs(80),
    );
    reportTried("files: kinds read");
  });

  it("the CLI reads every kind of path cleanly (validate, check, appraise, audit-sources)", async () => {
    await fc.assert(
      fc.asyncProperty(kindArb, fc.constantFrom("validate", "check", "appraise", "audit-sources"), fc.boolean(), async (kind, command, json) => {
        tried("files: kinds through the CLI");
        const argv = [command, kind.make(newDir()), ...(json ? ["--json"] : [])];
        assertCleanCli(argv, await runInProcess(argv));
      }),
      runs(120),
    );
    reportTried("files: kinds through the CLI");
  });
});

/** What a path is, for comparing before and after a refused write. */
function describePath(path: string): string {
  try {
    const stats = lstatSync(path);
    return stats.isFile() ? `file:${stats.size}` : stats.isDirectory() ? "folder" : stats.isFIFO() ? "fifo" : stats.isSymbolicLink() ? "link" : stats.isCharacterDevice() ? "char" : "other";
  } catch {
    return "none";
  }
}

describe("output targets (fuzz)", () => {
  const targets = kinds.filter((kind) => !kind.kind.startsWith("/dev/") && kind.kind !== "huge sparse file" && kind.kind !== "file of exactly the cap");

  it("cohort closure --out writes a new or regular target, refuses anything else, and leaves no temporary file", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), fc.constantFrom("csv", "jsonl"), async (kind, format) => {
        tried("files: output targets");
        const dir = newDir();
        const target = kind.make(dir);
        const before = describePath(target);
        const argv = ["closure", "--mean", "2.9", "--sd", "0.5", "--n", "25", "--min", "1", "--max", "5", "--format", format, "--out", target];
        const run = await runInProcess(argv);
        assertCleanCli(argv, run);
        const regularOrNew = before === "none" || before.startsWith("file:");
        if (run.status === 0) {
          expect(regularOrNew, `${kind.kind} was written over`).toBe(true);
          expect(describePath(target)).toMatch(/^file:/);
        } else {
          expect(describePath(target), kind.kind).toBe(before);
        }
        if (existsSync(dir)) expect(readdirSync(dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
      }),
      runs(60),
    );
    reportTried("files: output targets");
  });

  it("writeFileAtomic replaces only a regular file or creates a new one; any other target stays as it was", () => {
    fc.assert(
      fc.property(fc.constantFrom(...targets), (kind) => {
        tried("files: atomic writes");
        const target = kind.make(newDir());
        const before = describePath(target);
        const outcome = expectCohortErrorOrValue(() => writeFileAtomic(target, "new\n"));
        if (outcome.ok) expect(describePath(target)).toBe("file:4");
        else expect(describePath(target)).toBe(before);
      }),
      runs(60),
    );
    reportTried("files: atomic writes");
  });
});
