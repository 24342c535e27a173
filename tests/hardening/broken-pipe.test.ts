import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { root, studyA, studyB } from "../helpers/fixtures.js";

/** Runs the CLI and closes its stdout after the first chunk, as `cohort … | head -1` does. */
function runIntoClosedPipe(args: string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, "bin/cohort.js"), ...args], { cwd: root });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.stdout.once("data", () => child.stdout.destroy());
    child.on("close", (status) => resolve({ status, stderr }));
  });
}

describe("cohort writing into a closed pipe (cohort … | head)", () => {
  it("stops quietly: no EPIPE error, no stack trace", async () => {
    // --help text and a long validate report are each larger than one pipe read, so the writer meets the closed pipe.
    const runs = await Promise.all([runIntoClosedPipe(["sprite", "--help"]), runIntoClosedPipe(["validate", studyA, studyB, studyA, studyB, studyA, studyB])]);
    for (const run of runs) {
      expect(run.stderr).not.toMatch(/EPIPE|Unhandled 'error' event|^\s+at /m);
      expect(run.status).toBe(0);
    }
  });
});
