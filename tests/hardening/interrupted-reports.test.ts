import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import * as msg from "../../src/messages/reports.js";
import { CACHE_FOLDER } from "../../src/report/report-cache.js";
import { acquireReportsLock, lockPathOf } from "../../src/report/reports-lock.js";
import { STACK_LINE } from "../fuzz/harness.js";
import { root, seedJson, studyA, studyB } from "../helpers/fixtures.js";

/*
 * The real `npm run reports` script (analyses/regenerate.ts), spawned: killed with SIGKILL while it
 * writes, and run while another run holds the folder. Each spawn does bounded work (two studies);
 * the timeouts only catch a hang, at several times what a loaded machine needs.
 */

const work = mkdtempSync(join(tmpdir(), "cohortcheck-interrupt-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every file of a reports tree but the run record → sha256 of its bytes. */
function snapshot(folder: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (dir === folder && name === CACHE_FOLDER) continue;
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(folder, path), createHash("sha256").update(readFileSync(path)).digest("hex"));
    }
  };
  walk(folder);
  return out;
}

const regenerateArgs = (studies: string, out: string, claims: string, more: string[] = []) => ["--import", "tsx", join(root, "analyses/regenerate.ts"), "--studies", studies, "--out", out, "--claims", claims, ...more];
const env = { ...process.env, TZ: "UTC" };
const HANG = 300_000;

/** Two versions of the seed studies (the second with other titles, so every report differs) and an empty claims folder. */
function versions(): { v1: string; v2: string; claims: string } {
  const claims = join(work, "no-claims");
  const v1 = join(work, "studies-v1");
  const v2 = join(work, "studies-v2");
  for (const folder of [claims, v1, v2]) mkdirSync(folder, { recursive: true });
  for (const file of [studyA, studyB]) {
    cpSync(file, join(v1, file.split("/").pop()!));
    const changed = seedJson(file);
    changed.title = `${changed.title} (second version)`;
    writeFileSync(join(v2, file.split("/").pop()!), JSON.stringify(changed, null, 2));
  }
  return { v1, v2, claims };
}

describe("npm run reports interrupted (red team finding 10: after kill -9 the set was mixed)", () => {
  it("leaves the whole tree previous or new, never a mix, when killed while writing; the next run finishes cleanly", async () => {
    const { v1, v2, claims } = versions();
    const parent = join(work, "kill");
    const out = join(parent, "reports");
    const first = spawnSync(process.execPath, regenerateArgs(v1, out, claims), { cwd: root, encoding: "utf8", env, timeout: HANG });
    expect(first.status, first.stderr).toBe(0);
    const previous = snapshot(out);

    // Second run, killed (with its whole process group) as soon as its new generation appears.
    const child = spawn(process.execPath, regenerateArgs(v2, out, claims), { cwd: root, env, detached: true, stdio: "ignore" });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    let sawWriting = false;
    const deadline = Date.now() + HANG;
    while (Date.now() < deadline && child.exitCode === null) {
      if (readdirSync(parent).some((name) => name.startsWith(".reports.new-"))) {
        sawWriting = true;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // already gone
    }
    await exited;
    expect(sawWriting, "the second run was not caught while writing").toBe(true);
    const interrupted = snapshot(out);

    // The same run to completion elsewhere: the new version (deterministic, so the killed run would have written the same).
    const reference = join(work, "reference");
    const third = spawnSync(process.execPath, regenerateArgs(v2, reference, claims), { cwd: root, encoding: "utf8", env, timeout: HANG });
    expect(third.status, third.stderr).toBe(0);
    const next = snapshot(reference);
    expect(next).not.toEqual(previous);
    const whole = (tree: Map<string, string>) => JSON.stringify([...tree]);
    expect([whole(previous), whole(next)], "the tree after the kill is neither the previous nor the new one").toContain(whole(interrupted));

    // A later run into the same folder tidies what the killed run left and completes.
    const again = spawnSync(process.execPath, regenerateArgs(v2, out, claims), { cwd: root, encoding: "utf8", env, timeout: HANG });
    expect(again.status, again.stderr).toBe(0);
    expect(snapshot(out)).toEqual(next);
    expect(readdirSync(parent)).toEqual(["reports"]);
  });
});

describe("npm run reports while another run holds the folder (red team finding 11: a stack trace)", () => {
  it("waits, and with --wait 0 refuses in one line naming the other run and the lock, exit 1, the tree untouched", async () => {
    const { v1, claims } = versions();
    const out = join(work, "locked", "reports");
    mkdirSync(out, { recursive: true });
    const lock = await acquireReportsLock(out);
    try {
      const run = spawnSync(process.execPath, regenerateArgs(v1, out, claims, ["--wait", "0"]), { cwd: root, encoding: "utf8", env, timeout: HANG });
      expect(run.status).toBe(1);
      expect(run.stderr).toBe(`reports: ${out}: ${msg.lockHeld(process.pid, hostname(), lockPathOf(out), 0)}\n`);
      expect(readdirSync(out)).toEqual([]);
    } finally {
      lock.release();
    }
  });

  it("two runs started together into one folder both succeed, one after the other, with no stack trace", async () => {
    const { v1, claims } = versions();
    const out = join(work, "together", "reports");
    const start = () =>
      new Promise<{ status: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, regenerateArgs(v1, out, claims), { cwd: root, env });
        let stderr = "";
        child.stderr.on("data", (chunk) => (stderr += chunk));
        const timer = setTimeout(() => child.kill("SIGKILL"), HANG);
        child.on("close", (status) => {
          clearTimeout(timer);
          resolve({ status, stderr });
        });
      });
    const runs = await Promise.all([start(), start()]);
    for (const run of runs) {
      expect(run.status, run.stderr).toBe(0);
      expect(STACK_LINE.test(run.stderr), run.stderr).toBe(false);
    }
    const reference = join(work, "together-reference");
    expect(spawnSync(process.execPath, regenerateArgs(v1, reference, claims), { cwd: root, encoding: "utf8", env, timeout: HANG }).status).toBe(0);
    expect(snapshot(out)).toEqual(snapshot(reference));
    expect(readdirSync(join(work, "together"))).toEqual(["reports"]);
  });
});
