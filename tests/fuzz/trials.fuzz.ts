import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CACHE_FOLDER } from "../../src/report/report-cache.js";
import { createRng } from "../../src/stats/rng.js";
import { root, seedJson, studyA, studyB } from "../helpers/fixtures.js";
import { FUZZ_SEED, reportTried, STACK_LINE, tried } from "./harness.js";

/*
 * Kill-and-concurrency trials (issue 15, findings 10 and 11): runs of the reports pipeline (the light
 * driver: same generation, lock and switch, cheap analyses over many studies) killed with SIGKILL at
 * seeded random moments, and several runs started together into one folder. After every kill the
 * tree must be wholly the previous or wholly the new one, and the next run must complete and leave
 * nothing behind; runs started together must all succeed with the same tree. Timeouts only catch hangs.
 */

const work = mkdtempSync(join(tmpdir(), "cohortcheck-trials-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const driver = join(root, "tests/fuzz/light-regenerate.ts");
const env = { ...process.env, TZ: "UTC" };
const HANG = 300_000;
const args = (studies: string, out: string, more: string[] = []) => ["--import", "tsx", driver, studies, out, ...more];

/** 24 studies (the seeds under new ids), in version 1 or 2 (other titles): enough files that kills land while writing. */
function studies(version: 1 | 2): string {
  const folder = join(work, `studies-v${version}`);
  mkdirSync(folder, { recursive: true });
  for (let i = 0; i < 24; i++) {
    const study = seedJson(i % 2 === 0 ? studyA : studyB);
    study.id = `study-${i}`;
    study.title = `${study.title} (${version})`;
    writeFileSync(join(folder, `s${String(i).padStart(2, "0")}.json`), JSON.stringify(study));
  }
  return folder;
}

function snapshot(folder: string): string {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (dir === folder && name === CACHE_FOLDER) continue;
      if (statSync(path).isDirectory()) walk(path);
      else out.push(`${relative(folder, path)} ${createHash("sha256").update(readFileSync(path)).digest("hex")}`);
    }
  };
  walk(folder);
  return out.join("\n");
}

function runToEnd(studiesDir: string, out: string): void {
  const run = spawnSync(process.execPath, args(studiesDir, out), { cwd: root, encoding: "utf8", env, timeout: HANG });
  expect(run.status, run.stderr).toBe(0);
}

describe("kill-and-concurrency trials (fuzz, real processes)", () => {
  let v1 = "";
  let v2 = "";
  const trees = { 1: "", 2: "" };
  beforeAll(() => {
    v1 = studies(1);
    v2 = studies(2);
    for (const version of [1, 2] as const) {
      const reference = join(work, `reference-v${version}`);
      runToEnd(version === 1 ? v1 : v2, reference);
      trees[version] = snapshot(reference);
    }
  });

  it("a run killed at a random moment leaves the previous or the new tree, and the next run completes", async () => {
    // How long a run takes here, to spread the kills over it.
    const started = performance.now();
    runToEnd(v1, join(work, "timing"));
    const duration = performance.now() - started;
    const rng = createRng(FUZZ_SEED);
    for (let trial = 0; trial < 5; trial++) {
      tried("trials: kills");
      const parent = join(work, `kill-${trial}`);
      const out = join(parent, "reports");
      runToEnd(v1, out);
      const delay = rng.next() * duration * 1.2;
      const child = spawn(process.execPath, args(v2, out), { cwd: root, env, detached: true, stdio: "ignore" });
      const exited = new Promise((resolve) => child.on("exit", resolve));
      await new Promise((resolve) => setTimeout(resolve, delay));
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // it had finished
      }
      await exited;
      const after = snapshot(out);
      console.log(`fuzz: trial ${trial}: killed after ${Math.round(delay)} ms of about ${Math.round(duration)}: ${after === trees[1] ? "previous tree" : after === trees[2] ? "new tree" : "MIXED"}`);
      expect([trees[1], trees[2]], `trial ${trial}: killed after ${Math.round(delay)} ms the tree is mixed`).toContain(after);
      runToEnd(v2, out);
      expect(snapshot(out)).toBe(trees[2]);
      expect(readdirSync(parent)).toEqual(["reports"]);
    }
    reportTried("trials: kills");
  });

  it("three runs started together into one folder all succeed, one after another, leaving the one tree", async () => {
    for (const version of [1, 2] as const) {
      tried("trials: concurrent runs", 3);
      const parent = join(work, `together-${version}`);
      const out = join(parent, "reports");
      const start = () =>
        new Promise<{ status: number | null; stderr: string }>((resolve) => {
          const child = spawn(process.execPath, args(version === 1 ? v1 : v2, out), { cwd: root, env });
          let stderr = "";
          child.stderr.on("data", (chunk) => (stderr += chunk));
          const timer = setTimeout(() => child.kill("SIGKILL"), HANG);
          child.on("close", (status) => {
            clearTimeout(timer);
            resolve({ status, stderr });
          });
        });
      const results = await Promise.all([start(), start(), start()]);
      for (const result of results) {
        expect(result.status, result.stderr).toBe(0);
        expect(STACK_LINE.test(result.stderr)).toBe(false);
      }
      expect(snapshot(out)).toBe(trees[version]);
      expect(readdirSync(parent)).toEqual(["reports"]);
    }
    reportTried("trials: concurrent runs");
  });
});
