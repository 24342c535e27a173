import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import * as msg from "../../src/messages/io.js";
import { STACK_LINE } from "../fuzz/harness.js";
import { root, seedJson, studyB } from "../helpers/fixtures.js";

/*
 * Red team finding 12: disk full, file-size limit, read-only file system, no permission, an
 * unreadable study. Each must end in one line naming the path and what the system said, exit 1,
 * with the previous reports untouched and nothing left half-written. The faults are real: a small
 * tmpfs mounted in a private mount namespace (`unshare -rm`: as root, or as any user where user
 * namespaces are allowed), `ulimit -f`, a remount read-only, and another user (nobody) for
 * permissions — as root permission bits do not bind, so the child runs as uid 65534.
 */

const work = mkdtempSync(join(tmpdir(), "cohortcheck-fs-"));
chmodSync(work, 0o755);
afterAll(() => rmSync(work, { recursive: true, force: true }));
const HANG = 600_000;

const studies = join(work, "studies");
const changed = join(work, "studies-changed");
const claims = join(work, "claims");
for (const folder of [studies, changed, claims]) mkdirSync(folder, { mode: 0o755 });
writeFileSync(join(studies, "b.json"), readFileSync(studyB));
const other = seedJson(studyB);
other.title = "A changed title";
writeFileSync(join(changed, "b.json"), JSON.stringify(other));

const reportsScript = `${JSON.stringify(process.execPath)} --import tsx ${JSON.stringify(join(root, "analyses/regenerate.ts"))}`;
const reports = (studiesDir: string, out: string, more = "") => `${reportsScript} --studies ${JSON.stringify(studiesDir)} --claims ${JSON.stringify(claims)} --out ${JSON.stringify(out)} ${more}`;

function bash(script: string, options: SpawnSyncOptions = {}): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync("bash", ["-c", script], { cwd: root, encoding: "utf8", env: { ...process.env, TZ: "UTC" }, timeout: HANG, ...options });
  return { status: run.status, stdout: String(run.stdout), stderr: String(run.stderr) };
}

/** sha256 of every file of a tree (the run record included: nothing of the old generation may change). */
function snapshot(folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(folder, path)] = createHash("sha256").update(readFileSync(path)).digest("hex");
    }
  };
  walk(folder);
  return out;
}

/** The failure contract: exit 1, exactly one line `reports: <path>: <message>`, no stack trace. */
function expectOneLine(run: { status: number | null; stderr: string }, message: RegExp): void {
  expect(run.status, run.stderr).toBe(1);
  const lines = run.stderr.trimEnd().split("\n");
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(message);
  expect(STACK_LINE.test(run.stderr)).toBe(false);
}

/**
 * Runs `before` (writes the old reports into a fresh tmpfs at $M), prints their snapshot marker,
 * applies `fault`, runs `after`, and reports both runs, all inside one private mount namespace.
 */
function inTmpfs(size: string, fault: string): { first: string; second: { status: number | null; stderr: string }; before: Record<string, string>; after: Record<string, string>; leftovers: string[] } {
  const mount = join(work, `mnt-${size}-${fault.length}`);
  const copy = join(work, `copy-${size}-${fault.length}`);
  mkdirSync(mount);
  const script = [
    "set -u",
    `M=${JSON.stringify(mount)}`,
    `mount -t tmpfs -o size=${size} tmpfs "$M" || exit 99`,
    `${reports(studies, "$M/reports")} >/dev/null 2>"$M.first" || { cat "$M.first" >&2; exit 98; }`,
    `cp -a "$M/reports" ${JSON.stringify(copy)}-before`,
    fault,
    `${reports(changed, "$M/reports", "--force")} >/dev/null 2>"$M.second"; echo "status=$?" >"$M.status"`,
    `cp -a "$M/reports" ${JSON.stringify(copy)}-after`,
    `ls -A "$M" > "$M.entries"`,
  ].join("\n");
  const namespaced = spawnSync("unshare", ["-rm", "bash", "-c", script], { cwd: root, encoding: "utf8", env: { ...process.env, TZ: "UTC" }, timeout: HANG });
  const run = { status: namespaced.status, stderr: String(namespaced.stderr) };
  expect(run.status, `the namespace script failed (${run.status}): ${run.stderr}`).toBe(0);
  return {
    first: readFileSync(`${mount}.first`, "utf8"),
    second: { status: Number(/status=(\d+)/.exec(readFileSync(`${mount}.status`, "utf8"))![1]), stderr: readFileSync(`${mount}.second`, "utf8") },
    before: snapshot(`${copy}-before`),
    after: snapshot(`${copy}-after`),
    leftovers: readFileSync(`${mount}.entries`, "utf8").trim().split("\n").filter((name) => name !== "reports" && name !== ""),
  };
}

describe("npm run reports when the file system refuses (red team finding 12: raw stack traces)", () => {
  it("disk full: one line naming the file and ENOSPC, exit 1, the old reports intact, no half-built generation left", () => {
    // The old tree is written, then a filler takes all the space but 200 KiB: the lock and the first
    // files of the new generation fit, the notebook (about 1 MB) does not.
    const result = inTmpfs("16m", 'dd if=/dev/zero of="$M/filler" bs=64k 2>/dev/null; truncate -s -200K "$M/filler"');
    expectOneLine(result.second, new RegExp(`^reports: ${work}/mnt-16m-\\d+/reports/.+: ${escape(msg.fileSystemFailure("write", "ENOSPC", "no space left on the device (the disk is full)"))}$`));
    expect(result.after).toEqual(result.before);
    expect(result.leftovers.filter((name) => !name.startsWith("filler"))).toEqual([]);
  });

  it("read-only file system: one line naming the lock file and EROFS, exit 1, the old reports intact", () => {
    const result = inTmpfs("24m", 'mount -o remount,ro "$M"');
    expectOneLine(result.second, new RegExp(`^reports: ${work}/mnt-24m-\\d+/\\.reports\\.lock: ${escape(msg.fileSystemFailure("open", "EROFS", "the file system is read-only"))}$`));
    expect(result.after).toEqual(result.before);
  });

  it("file-size limit (ulimit -f): one line naming the file and EFBIG, exit 1, the old reports intact", () => {
    const out = join(work, "fsize", "reports");
    expect(bash(reports(studies, out)).status).toBe(0);
    const before = snapshot(out);
    // 256 KiB: the notebook (about 1 MB for one study) cannot be written.
    const run = bash(`ulimit -f 256; ${reports(changed, out, "--force")}`);
    expectOneLine(run, new RegExp(`^reports: ${work}/fsize/reports/.+: ${escape(msg.fileSystemFailure("write", "EFBIG", "the file would exceed the file-size limit (ulimit -f) or the file system's largest file"))}$`));
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(join(work, "fsize"))).toEqual(["reports"]);
  });

  it("no permission to write beside the folder: one line naming the lock file and EACCES, exit 1, the old reports intact", () => {
    const parent = join(work, "perm");
    const out = join(parent, "reports");
    expect(bash(reports(studies, out)).status).toBe(0);
    const before = snapshot(out);
    const asOther = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    if (!("uid" in asOther)) chmodSync(parent, 0o555);
    try {
      const run = bash(reports(changed, out, "--force"), { ...asOther, env: { ...process.env, TZ: "UTC", HOME: work } });
      expectOneLine(run, new RegExp(`^reports: ${parent}/\\.reports\\.lock: ${escape(msg.fileSystemFailure("open", "EACCES", "permission denied"))}$`));
    } finally {
      chmodSync(parent, 0o755);
    }
    expect(snapshot(out)).toEqual(before);
  });

  it("an unreadable study: one line naming it and EACCES, exit 1, in the reports and in the CLI (it exited 70)", () => {
    const folder = join(work, "unreadable");
    mkdirSync(folder, { mode: 0o755 });
    const file = join(folder, "b.json");
    writeFileSync(file, readFileSync(studyB));
    chmodSync(file, 0o000);
    const asOther = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const options = { ...asOther, env: { ...process.env, TZ: "UTC", HOME: work } };
    const line = `${file}: ${msg.fileSystemFailure("open", "EACCES", "permission denied")}`;
    const writable = join(work, "unreadable-parent");
    mkdirSync(writable);
    chmodSync(writable, 0o777);
    expectOneLine(bash(reports(folder, join(writable, "reports")), options), new RegExp(`^reports: ${escape(line)}$`));
    for (const command of ["validate", "check"]) {
      const run = bash(`${JSON.stringify(process.execPath)} ${JSON.stringify(join(root, "bin/cohort.js"))} ${command} ${JSON.stringify(file)}`, options);
      expect(run.status, run.stderr).toBe(1);
      expect(run.stdout + run.stderr).toContain(line);
      expect(run.stderr).not.toContain("internal error");
    }
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
