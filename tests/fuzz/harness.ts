import { randomInt } from "node:crypto";
import fc from "fast-check";
import { CohortError } from "../../src/errors.js";
import { main } from "../../src/cli/main.js";

/*
 * Shared pieces of the fuzz suite: the seed, the per-property input counters, an in-process CLI
 * runner, and the hostile values every generator draws from.
 *
 * Seed: fixed for CI so a failure reproduces. Run with a random seed with
 *   FUZZ_SEED=random npx vitest run tests/fuzz
 * or a given one with FUZZ_SEED=12345. FUZZ_SCALE=10 multiplies every run count (longer soak).
 * fast-check prints the seed and the shrunk counterexample of any failure.
 */

const seedSetting = process.env.FUZZ_SEED;
export const FUZZ_SEED = seedSetting === undefined || seedSetting === "" ? 20261121 : seedSetting === "random" ? randomInt(2 ** 31 - 1) : Number(seedSetting);
const scale = Number(process.env.FUZZ_SCALE ?? 1) > 0 ? Number(process.env.FUZZ_SCALE ?? 1) : 1;

const counts = new Map<string, number>();

/** Records that one generated input was tried under a named property. */
export function tried(name: string, inputs = 1): void {
  counts.set(name, (counts.get(name) ?? 0) + inputs);
}

/** Prints how many inputs a property tried (each fuzz test calls it at its end). */
export function reportTried(name: string): number {
  const count = counts.get(name) ?? 0;
  console.log(`fuzz: ${name}: ${count} inputs (seed ${FUZZ_SEED})`);
  return count;
}

export function totalTried(): number {
  return [...counts.values()].reduce((sum, count) => sum + count, 0);
}

/** fast-check parameters: the suite's seed and a run count scaled by FUZZ_SCALE. */
export function runs(numRuns: number): fc.Parameters<unknown> {
  return { seed: FUZZ_SEED, numRuns: Math.round(numRuns * scale), endOnFailure: true };
}

/**
 * The outcome contract of every entry point: a value, or a CohortError whose problems each carry a
 * non-empty one-line message (and the file, when one was given). Anything else is a crash.
 */
export function expectCohortErrorOrValue<T>(run: () => T, file?: string): { ok: true; value: T } | { ok: false; error: CohortError } {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    if (!(error instanceof CohortError)) throw new Error(`crash: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    assertCleanCohortError(error, file);
    return { ok: false, error };
  }
}

export function assertCleanCohortError(error: CohortError, file?: string): void {
  if (error.problems.length === 0) throw new Error("CohortError without problems");
  for (const problem of error.problems) {
    if (typeof problem.message !== "string" || problem.message.trim() === "") throw new Error(`problem without message: ${JSON.stringify(problem)}`);
    if (file !== undefined && problem.file !== file) throw new Error(`problem does not name the file ${file}: ${JSON.stringify(problem)}`);
    if (problem.path !== undefined && !problem.path.startsWith("$")) throw new Error(`problem path is not a JSON path: ${JSON.stringify(problem)}`);
  }
}

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI in this process (the same `main` bin/cohort.js calls), capturing stdout, stderr and the
 * exit code. About a thousand times cheaper than spawning node, so the fuzz suite can afford volume.
 */
export async function runInProcess(argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const writeOut = process.stdout.write;
  const writeErr = process.stderr.write;
  process.stdout.write = ((chunk: string | Uint8Array) => out.push(String(chunk)) > 0) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => err.push(String(chunk)) > 0) as typeof process.stderr.write;
  process.exitCode = undefined;
  try {
    await main(argv);
  } finally {
    process.stdout.write = writeOut;
    process.stderr.write = writeErr;
  }
  const status = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  return { status, stdout: out.join(""), stderr: err.join("") };
}

/** A stack-trace line as Node prints it ("    at fn (file:line:col)"). */
export const STACK_LINE = /^\s+at .+(:\d+:\d+\)?|<anonymous>\)?)$/m;

/**
 * The CLI contract: exit 0 (result, findings included), 1 (invalid input), 2 (usage) or 3 (refused);
 * never 70 (internal error), never a stack trace; a failure says what is wrong; with --json
 * and an exit other than 2 (commander's usage errors print text), stdout is exactly one JSON document.
 */
export function assertCleanCli(argv: string[], run: CliRun): void {
  const where = `cohort ${argv.map((arg) => JSON.stringify(arg)).join(" ")}`;
  if (![0, 1, 2, 3].includes(run.status)) throw new Error(`${where}: exit ${run.status}\n${run.stderr}`);
  if (STACK_LINE.test(run.stderr) || STACK_LINE.test(run.stdout)) throw new Error(`${where}: stack trace shown\n${run.stderr}`);
  if (/internal error/.test(run.stderr)) throw new Error(`${where}: internal error\n${run.stderr}`);
  // (validate and audit-sources print their per-file verdicts on stdout, so a failure may say so there)
  if (run.status !== 0 && (run.stderr + run.stdout).trim() === "") throw new Error(`${where}: exit ${run.status} without a message`);
  if (jsonRequested(argv) && run.status !== 2) {
    try {
      JSON.parse(run.stdout);
    } catch {
      throw new Error(`${where}: --json output is not one JSON document:\n${run.stdout.slice(0, 500)}`);
    }
  }
}

/**
 * Whether --json surely took effect: it appears before any "--", not right after another option
 * (which may take it as its value), and no help or version output was asked for.
 */
function jsonRequested(argv: string[]): boolean {
  const end = argv.includes("--") ? argv.indexOf("--") : argv.length;
  const before = argv.slice(0, end);
  const at = before.indexOf("--json");
  if (at < 0 || (at > 0 && before[at - 1]!.startsWith("-"))) return false;
  return !before.some((arg) => ["--help", "-h", "help", "--version", "-V"].includes(arg));
}

/** Text that users paste: control characters, unicode (RTL, emoji, combining marks, lone surrogates), HTML. */
export const hostileText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.constantFrom("", " ", "\u0000", "\u202e", "\ud800", "\ufeff", "\t\n", "💊", "é", "e\u0301", "<script>alert(1)</script>", "../../etc/passwd", "C:\\x", "__proto__", "constructor", "prototype", "toString"),
);

/** Numbers as people mistype them, as strings (for CLI arguments and string fields). */
export const numericText = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }).map(String),
  fc.double({ noNaN: false }).map(String),
  fc.constantFrom("0", "-0", "1", "2", "5", "20", "0.5", "5.10", "5.19", "21.88", "45", "45.0", "100", "100.0", "101", "1e3", "1e309", "-1e309", "NaN", "Infinity", "-Infinity", "0x10", "0b11", "1_000", "1,000", "١٢", "１２", " 7 ", "7.", ".5", "-.5", "+3", "9007199254740993", "99999999999999999999", "1e-400", "3.999999999999999999"),
);

/** JSON values of the wrong kind or at the edges: NaN, ±Infinity, -0, huge, negative, strings for numbers. */
export const hostileJsonValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, NaN, Infinity, -Infinity, "", "20", "5.10", "NaN", "-1", "1e5", [], {}, [[]], { value: 20 }, JSON.parse('{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}}')),
  hostileText,
  numericText,
  fc.double(),
  fc.integer(),
  fc.jsonValue({ maxDepth: 3 }),
);
