import { InvalidArgumentError, type Command } from "commander";
import { CohortError, exitCodes } from "../../errors.js";
import { asFileSystemProblem } from "../../io/file-system-error.js";
import { checkOutputFile } from "../../io/output-target.js";
import * as message from "../../messages/reconstruct.js";
import { closureBounds, valueAt, type ClosureBounds } from "../../reconstruct/closure-bounds.js";
import { stepText } from "../../stats/step.js";
import { countClosure } from "../../reconstruct/closure-count.js";
import { closureFrequencies } from "../../reconstruct/closure-frequencies.js";
import { summarizeClosure } from "../../reconstruct/closure-summary.js";
import { createSampleWriter, type SampleFormat } from "../../reconstruct/sample-writer.js";
import { RECONSTRUCTION_LABEL } from "../../schema/reconstruction.js";
import { parseFiniteNumber, parsePositiveInteger, parseStepOption } from "../options.js";
import { action, withJson } from "../run.js";
import { createProgress, measureSamplesPerSecond } from "../closure-progress.js";
import { withSampleOptions, type SampleOptions } from "../sample-options.js";

/** Without --limit, enumerations beyond this many samples are refused (exit 3). */
export const REFUSE_SAMPLES = 200_000_000;
/** Without --limit, writing beyond this many values (samples × n) is refused (exit 3). */
export const REFUSE_VALUES = 2_000_000_000;
/**
 * Rough throughput of the benchmark machine (tests/bench/reconstruct.bench.ts, sample-writer.bench.ts):
 * only to decide whether a run is long enough to time on this machine before warning about it.
 */
const SAMPLES_PER_SECOND = 5_000_000;
const VALUES_PER_SECOND = 200_000_000;
const WARN_SECONDS = 10;

interface ClosureOptions extends SampleOptions {
  step?: string;
  count?: boolean;
  frequencies?: boolean;
  limit?: number;
  timeBudget?: number;
  out?: string;
  format?: string;
  json?: boolean;
}

/** `cohort closure`: every sample of integers consistent with a reported mean and SD (CLOSURE). */
export function register(program: Command): void {
  withJson(
    withSampleOptions(
      program
        .command("closure")
        .description("list (or count) every sample of n integers on [min, max] whose mean and SD round to the reported values (CLOSURE)"),
    )
      .option("--step <step>", "step between possible values (default 1): 5, 0.5 or a fraction such as 100/3; values are the multiples of it within min…max", parseStepOption)
      .option("--count", "count the samples by dynamic programming, without listing them")
      .option("--frequencies", "with --count: also how often each scale value occurs across all samples, and the horns index's range (exact, by dynamic programming)")
      .option("--limit <N>", "stop after the first N samples (in lexicographic order)", parsePositiveInteger)
      .option("--time-budget <seconds>", "stop enumerating after this many seconds (the samples so far are kept and marked incomplete; how many depends on the machine)", parseNonNegativeSeconds)
      .option("--out <file>", "write the samples to this file (.csv, .jsonl or .parquet), atomically")
      .option("--format <format>", "csv, jsonl or parquet (parquet needs --out); without --out the samples go to stdout and the summary to stderr"),
  )
    .addHelpText(
      "after",
      `
Bounds are inclusive (as in closure-core), with a 1e-9 float slack. Samples are listed in
non-decreasing order, one per line, in lexicographic order; memory stays constant. Parquet files hold
id, horns and count_<value> (how many of the n values equal each scale value) per sample, with the
label, inputs and assumptions as metadata. A run longer than a second shows its progress on stderr
(elapsed time, time left) when stderr is a terminal, and as JSON lines on stderr under --json.

Examples:
  $ cohort closure --mean 3.0 --sd 1.2 --n 200 --min 1 --max 5 --count        # 661948 samples
  $ cohort closure --mean 3.0 --sd 1.2 --n 200 --min 1 --max 5 --count --frequencies   # + value shares, horns range
  $ cohort closure --mean 3.0 --sd 1.2 --n 200 --min 1 --max 5 --out samples.parquet   # about 1% of the CSV
  $ cohort closure --mean 2.9 --sd 0.5 --n 25 --min 1 --max 5                  # summary: 4 samples, horns, frequencies
  $ cohort closure --mean 3.5 --sd 1.7 --n 70 --min 1 --max 5 --out samples.csv
  $ cohort closure --mean 3.5 --sd 1.7 --n 70 --min 1 --max 5 --format jsonl --limit 5
  $ cohort closure --mean 3.1 --sd 2.1 --n 60 --min 1 --max 10 --time-budget 5 --out first.csv   # as many as 5 s allow
  $ cohort closure --mean 3.0 --sd 1.2 --n 200 --min 1 --max 5 --json         # top level: count, bounds, complete, frequency, horns, ...
  $ cohort closure --mean 50.00 --sd 35.36 --n 4 --min 0 --max 100 --step 25 --count   # RAND-36 role limitations (4 yes/no items): scores 0, 25, …, 100`,
    )
    .action(action((options: ClosureOptions) => run(options)));
}

function run(options: ClosureOptions) {
  // Before any work: the samples are renamed over --out at the end, so it must be a regular file or new.
  if (options.out !== undefined) checkOutputFile(options.out);
  const format = resolveFormat(options);
  if (format !== undefined && options.out === undefined && options.json) throw new CohortError({ message: message.formatNeedsOutput() }, exitCodes.usage);
  const input = { mean: options.mean, sd: options.sd, n: options.n, min: options.min, max: options.max, ...(options.step !== undefined ? { step: options.step } : {}), meanError: options.meanError, sdError: options.sdError };
  const bounds = closureBounds(input);
  const described = describeBounds(bounds, options);
  let total: bigint | undefined;
  try {
    total = countClosure(bounds);
  } catch (error) {
    // Without a count the run cannot be sized; only --time-budget bounds it (a sparse space may hold
    // fewer than --limit samples, and the walk would go on looking).
    if (options.count || options.timeBudget === undefined) throw error;
  }
  const countJson = total === undefined ? null : total <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(total) : total.toString();
  if (options.count || options.frequencies) {
    const counted = {
      json: { count: countJson, method: "dynamic programming (no samples materialised)", inputs: input, bounds: described },
      text: `${countJson} samples of n = ${bounds.n} on ${scaleText(bounds)} have a mean in [${described.mean.join(", ")}] and an SD in [${described.sd.join(", ")}] (bounds inclusive).`,
    };
    return options.frequencies ? withFrequencies(counted, bounds) : counted;
  }
  const planned = total === undefined ? BigInt(options.limit ?? 0) : options.limit === undefined ? total : total < BigInt(options.limit) ? total : BigInt(options.limit);
  const writing = format !== undefined;
  if (options.limit === undefined && options.timeBudget === undefined && total !== undefined) {
    const values = total * BigInt(bounds.n);
    if (total > BigInt(REFUSE_SAMPLES) || (writing && values > BigInt(REFUSE_VALUES))) {
      throw new CohortError({ message: message.refuseMaterialise(total.toString(), values.toString()) }, exitCodes.refused);
    }
  }
  // A run that may be long is timed on this machine first (its first samples, through the same writer).
  const rough = Number(planned) / SAMPLES_PER_SECOND + (writing ? (Number(planned) * bounds.n) / VALUES_PER_SECOND : 0);
  if (rough > WARN_SECONDS / 10) {
    const seconds = Number(planned) / measureSamplesPerSecond(bounds, format);
    if (seconds > WARN_SECONDS) process.stderr.write(`cohort: ${message.longRunWarning(planned.toString(), seconds.toFixed(0))}\n`);
  }
  const writer = writing ? createSampleWriter(options.out, format, bounds, { method: "closure", inputs: input, assumptions: assumptions(described) }) : undefined;
  const progress = createProgress(Number(planned), options.json === true);
  const examples: string[] = [];
  // The CLI, not the library, reads the clock: a time budget is a property of this run on this machine.
  const deadline = options.timeBudget === undefined ? undefined : performance.now() + options.timeBudget * 1000;
  let stoppedByBudget = false;
  let summary;
  try {
    summary = summarizeClosure(bounds, {
      limit: options.limit,
      stop: deadline === undefined ? undefined : () => (stoppedByBudget = performance.now() >= deadline),
      onSample: (frequencies, index) => {
        writer?.write(frequencies);
        if (index < 3) examples.push(describeSample(frequencies, bounds));
        progress.tick(index + 1);
      },
    });
  } catch (error) {
    writer?.abort();
    throw asFileSystemProblem(error, options.out, true);
  }
  progress.end();
  let tail = "";
  try {
    tail = writer?.commit() ?? "";
  } catch (error) {
    writer?.abort();
    throw asFileSystemProblem(error, options.out, true);
  }
  const json = {
    count: countJson,
    visited: summary.count,
    complete: summary.complete,
    limit: options.limit ?? null,
    stoppedBy: summary.complete ? null : stoppedByBudget ? "time-budget" : "limit",
    timeBudget: options.timeBudget ?? null,
    values: summary.values,
    horns: summary.horns,
    frequency: summary.frequency,
    inputs: input,
    bounds: described,
    label: RECONSTRUCTION_LABEL,
    assumptions: assumptions(described),
    examples,
    out: options.out ?? null,
    format: format ?? null,
  };
  const text = summaryText(json, bounds);
  if (writing && options.out === undefined) {
    process.stderr.write(`${text}\n`);
    return { json, text: tail, raw: true };
  }
  return { json, text: writing ? `${text}\nsamples written to ${options.out} (${format})` : text };
}

function resolveFormat(options: ClosureOptions): SampleFormat | undefined {
  if (options.format !== undefined) {
    if (options.format !== "csv" && options.format !== "jsonl" && options.format !== "parquet") throw new CohortError({ message: message.unknownFormat(options.format) }, exitCodes.usage);
    if (options.format === "parquet" && options.out === undefined) throw new CohortError({ message: message.parquetNeedsOut() }, exitCodes.usage);
    return options.format;
  }
  if (options.out === undefined) return undefined;
  if (options.out.endsWith(".csv")) return "csv";
  if (options.out.endsWith(".parquet")) return "parquet";
  if (options.out.endsWith(".jsonl") || options.out.endsWith(".ndjson")) return "jsonl";
  throw new CohortError({ message: message.unknownExtension(options.out) }, exitCodes.usage);
}

/** Adds the DP's value frequencies and horns range to a --count result (`--frequencies`). */
function withFrequencies(counted: { json: Record<string, unknown>; text: string }, bounds: ClosureBounds) {
  const found = closureFrequencies(bounds);
  const exact = (value: bigint) => (value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString());
  const frequency = found.frequency.map((row) => ({ value: row.value, count: exact(row.count), share: row.share }));
  const lines = [counted.text];
  if (found.horns) {
    lines.push(`Horns index over all samples: min ${found.horns.min.toFixed(3)}, max ${found.horns.max.toFixed(3)}, mean ${found.horns.mean.toFixed(3)} (exact range, by dynamic programming).`);
    lines.push("Share of each value across all samples: " + frequency.map((row) => `${row.value}: ${(100 * row.share).toFixed(1)}%`).join(", "));
  }
  return { json: { ...counted.json, frequency, horns: found.horns }, text: lines.join("\n") };
}

function describeBounds(bounds: ClosureBounds, options: ClosureOptions) {
  const mean = Number(options.mean);
  const sd = Number(options.sd);
  const round = (value: number) => Number(value.toFixed(10));
  return {
    mean: [round(mean - bounds.meanError), round(mean + bounds.meanError)],
    sd: [round(Math.max(0, sd - bounds.sdError)), round(sd + bounds.sdError)],
    // The sum of the values (in steps when a step is given: multiply by it).
    sum: [bounds.sumLow + bounds.n * bounds.min, bounds.sumHigh + bounds.n * bounds.min],
    ...(bounds.step.num === 1 && bounds.step.den === 1 ? {} : { step: stepText(bounds.step), sumIsInSteps: true }),
    meanError: bounds.meanError,
    sdError: bounds.sdError,
    inclusive: true,
    slack: 1e-9,
  };
}

function assumptions(described: ReturnType<typeof describeBounds>): string[] {
  return [
    `integer values on the stated scale; mean in [${described.mean.join(", ")}] and sample SD (n − 1) in [${described.sd.join(", ")}], bounds inclusive with 1e-9 slack`,
    "every listed sample is equally consistent with the reported mean and SD; none of them is the data",
  ];
}

function describeSample(frequencies: ArrayLike<number>, bounds: ClosureBounds): string {
  const parts: string[] = [];
  for (let index = 0; index < frequencies.length; index++) if ((frequencies[index] as number) > 0) parts.push(`${Number(valueAt(bounds, index).toFixed(6))}×${frequencies[index]}`);
  return parts.join(" ");
}

/** "1–5", or "0–100 in steps of 25". */
function scaleText(bounds: ClosureBounds): string {
  if (bounds.step.num === 1 && bounds.step.den === 1) return `${bounds.min}–${bounds.max}`;
  return `${Number(valueAt(bounds, 0).toFixed(6))}–${Number(valueAt(bounds, bounds.max - bounds.min).toFixed(6))} in steps of ${stepText(bounds.step)}`;
}

function summaryText(json: { count: number | string | null; visited: number; complete: boolean; stoppedBy: string | null; horns: { mean: number; min: number; max: number; uniform: number } | null; frequency: { value: number; count: number; share: number }[]; bounds: ReturnType<typeof describeBounds>; examples: string[] }, bounds: ClosureBounds): string {
  const lines = [
    `${json.count ?? "?"} samples of n = ${bounds.n} on ${scaleText(bounds)} have a mean in [${json.bounds.mean.join(", ")}] and an SD in [${json.bounds.sd.join(", ")}] (bounds inclusive).`,
  ];
  if (!json.complete) lines.push(`Stopped after the first ${json.visited} (--${json.stoppedBy === "time-budget" ? "time-budget" : "limit"}); metrics below cover those only.`);
  if (json.horns) {
    lines.push(`Horns index: mean ${json.horns.mean.toFixed(3)}, min ${json.horns.min.toFixed(3)}, max ${json.horns.max.toFixed(3)} (flat distribution: ${json.horns.uniform.toFixed(3)}).`);
    lines.push("Share of each value across samples: " + json.frequency.map((row) => `${row.value}: ${(100 * row.share).toFixed(1)}%`).join(", "));
    lines.push(`First samples (value×count; ${RECONSTRUCTION_LABEL}):`);
    for (const example of json.examples) lines.push(`  ${example}`);
  }
  return lines.join("\n");
}

function parseNonNegativeSeconds(value: string): number {
  const seconds = parseFiniteNumber(value);
  if (seconds < 0) throw new InvalidArgumentError(`expected a number of seconds of at least 0, received "${value}"`);
  return seconds;
}
