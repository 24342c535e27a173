import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { CohortError, type Problem } from "../../src/errors.js";

export const root = new URL("../../", import.meta.url).pathname;
export const studyA = join(root, "data/studies/ketamine-im-substance-misuse.json");
export const studyB = join(root, "data/studies/kap-pilot-two-approaches.json");
export const sourcesDir = join(root, "data/sources");

/** A deep copy of a seed study's JSON, to be broken on purpose by a test. */
export function seedJson(file: string): any {
  return JSON.parse(readFileSync(file, "utf8"));
}

/** Writes text (or JSON) to a fresh temporary file and returns its path. */
export function tempFile(name: string, content: unknown): string {
  const folder = mkdtempSync(join(tmpdir(), "cohortcheck-"));
  const file = join(folder, name);
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content, null, 2));
  return file;
}

/** Runs the real CLI (`node bin/cohort.js …`) and returns exit status, stdout and stderr. */
export function cohort(args: string[], options: { cwd?: string } = {}) {
  const result = spawnSync(process.execPath, [join(root, "bin/cohort.js"), ...args], { cwd: options.cwd ?? root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The problems of the CohortError that `run` throws; fails the test if it throws nothing or something else. */
export function problemsOf(run: () => unknown): Problem[] {
  try {
    run();
  } catch (error) {
    if (error instanceof CohortError) return error.problems;
    throw error;
  }
  throw new Error("expected a CohortError");
}
