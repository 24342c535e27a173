import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import * as msg from "../../src/messages/reports.js";
import { CACHE_FOLDER } from "../../src/report/report-cache.js";
import { REPORTS_MARKER } from "../../src/report/reports-generation.js";
import { acquireReportsLock, lockPathOf } from "../../src/report/reports-lock.js";
import { STACK_LINE } from "../fuzz/harness.js";
import { root, seedJson, studyA, studyB } from "../helpers/fixtures.js";

/*
 * The real `npm run reports` script (analyses/regenerate.ts), spawned: killed with SIGKILL at each
 * step of its switch (made to wait there by tests/helpers/pause-reports-run.mjs, so no kill races the
 * run), and run while another run holds the folder. Each spawn does bounded work (two studies);
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
const pauseHelper = join(root, "tests/helpers/pause-reports-run.mjs");
/** What the helper prints when it has stopped the run (its PAUSED_LINE). */
const PAUSED_LINE = "cohortcheck-test: paused";

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
  /**
   * Starts a run that stops at `pauseAt` (tests/helpers/pause-reports-run.mjs) and kills it there with
   * SIGKILL (its whole process group), so each kill lands at a known moment whatever the machine's load.
   */
  async function killedAt(pauseAt: string, studies: string, out: string, claims: string): Promise<void> {
    const child = spawn(process.execPath, ["--import", "tsx", "--import", pauseHelper, ...regenerateArgs(studies, out, claims).slice(2)], {
      cwd: root,
      env: { ...env, COHORTCHECK_PAUSE_AT: pauseAt },
      detached: true,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    const paused = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), HANG);
      child.stderr!.on("data", (chunk) => {
        stderr += chunk;
        if (stderr.includes(PAUSED_LINE)) {
          clearTimeout(timer);
          resolve(true);
        }
      });
      child.on("exit", () => {
        clearTimeout(timer);
        resolve(stderr.includes(PAUSED_LINE));
      });
    });
    const exited = new Promise((resolve) => (child.exitCode === null ? child.on("exit", resolve) : resolve(null)));
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // already gone
    }
    await exited;
    expect(paused, `the run did not reach ${pauseAt}: ${stderr}`).toBe(true);
  }

  it("leaves the whole tree previous or new, never a mix, when killed at each step of the switch; the next run finishes cleanly", async () => {
    const { v1, v2, claims } = versions();
    const parent = join(work, "kill");
    const out = join(parent, "reports");
    const run = (studies: string, folder: string) => {
      const result = spawnSync(process.execPath, regenerateArgs(studies, folder, claims), { cwd: root, encoding: "utf8", env, timeout: HANG });
      expect(result.status, result.stderr).toBe(0);
      return snapshot(folder);
    };
    const whole = (tree: Map<string, string>) => JSON.stringify([...tree]);
    const previous = whole(run(v1, out));
    // The same run to completion elsewhere: the new version (deterministic, so a killed run would have written the same).
    const next = whole(run(v2, join(work, "reference")));
    expect(next).not.toBe(previous);
    // What a killed run leaves beside the folder (its lock, whose owner is dead, among them), sorted.
    const leftovers = () => readdirSync(parent).filter((name) => name !== "reports").sort();
    const lockFile = ".reports.lock";

    // Killed while writing its generation (at its first file, and at the marker that is written last): the previous tree, untouched.
    for (const pauseAt of ["new-file:1", `new-file:${REPORTS_MARKER}`]) {
      await killedAt(pauseAt, v2, out, claims);
      expect(whole(snapshot(out)), pauseAt).toBe(previous);
      expect(leftovers(), pauseAt).toEqual([lockFile, expect.stringMatching(/^\.reports\.new-\d+$/)]);
    }

    // Killed between the two renames: the folder is absent for that moment; beside it, the complete
    // new generation and the previous tree. The next run (v1 again) first moves the complete one into place.
    await killedAt("rename:1", v2, out, claims);
    const aside = leftovers();
    expect(aside).toEqual([lockFile, expect.stringMatching(/^\.reports\.new-\d+$/), expect.stringMatching(/^\.reports\.old-\d+$/)]);
    expect(whole(snapshot(join(parent, aside[1]!)))).toBe(next);
    expect(whole(snapshot(join(parent, aside[2]!)))).toBe(previous);
    expect(readdirSync(parent)).not.toContain("reports");
    expect(whole(run(v1, out))).toBe(previous);
    expect(leftovers()).toEqual([]);

    // Killed after the second rename, before the old tree is deleted: the new tree, the old one beside it until the next run.
    await killedAt("rename:2", v2, out, claims);
    expect(whole(snapshot(out))).toBe(next);
    expect(leftovers()).toEqual([lockFile, expect.stringMatching(/^\.reports\.old-\d+$/)]);

    // A later run into the same folder tidies what the killed runs left and completes.
    expect(whole(run(v2, out))).toBe(next);
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
