import { main } from "../../src/cli/main.js";

/**
 * Runs the `cohort` CLI in this process (src/cli/main.ts, the code bin/cohort.js runs compiled) and
 * returns what it printed and its exit status. Hundreds of runs cost milliseconds each instead of a
 * node start each; tests/browser/playground-cli.test.ts checks a few against `node bin/cohort.js`.
 */
export async function cohortInProcess(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const capture = (into: string[]) => ((chunk: string | Uint8Array) => {
    into.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    return true;
  }) as typeof process.stdout.write;
  const saved = { stdout: process.stdout.write, stderr: process.stderr.write, exitCode: process.exitCode };
  process.stdout.write = capture(out);
  process.stderr.write = capture(err);
  process.exitCode = undefined;
  try {
    await main(args);
  } finally {
    process.stdout.write = saved.stdout;
    process.stderr.write = saved.stderr;
  }
  const status = Number(process.exitCode ?? 0);
  process.exitCode = saved.exitCode;
  return { status, stdout: out.join(""), stderr: err.join("") };
}
