import { formatProblem, isCohortError } from "../errors.js";
import * as msg from "../messages/playground.js";
import { closureBounds, type ClosureBounds, type ClosureInput } from "../reconstruct/closure-bounds.js";
import { closureFrequencies } from "../reconstruct/closure-frequencies.js";
import { summarizeClosure } from "../reconstruct/closure-summary.js";
import { RECONSTRUCTION_LABEL } from "../schema/reconstruction.js";
import { FieldReader, type FieldProblem, type Fields } from "./read-fields.js";

/** How many samples the page lists: a few to look at, never the whole space. */
export const SAMPLES_SHOWN = 5;

/** What the page shows of a CLOSURE case; every number is one `cohort closure` gives for it. */
export interface ClosureOutcome {
  problems: FieldProblem[];
  /** The library's error (bad input, or a refusal past its work budget: the CLI's exit 3). */
  error?: { message: string; refused: boolean };
  /** The exact count (a decimal string: it may pass 2^53), from the dynamic program. */
  count?: string;
  /** The CLI's sentence: how many samples have a mean and SD in the bounds. */
  sentence?: string;
  bounds?: { mean: [number, number]; sd: [number, number] };
  frequency?: { value: number; count: string; share: number }[];
  horns?: { min: number; max: number; mean: number } | null;
  lines?: string[];
  /** The first samples in lexicographic order, as value×count (cohort closure's `examples`). */
  samples?: string[];
  label: typeof RECONSTRUCTION_LABEL;
}

/** The reported case from the form, as `cohort closure` reads its options; undefined with problems. */
export function readClosureInput(fields: Fields, reader: FieldReader): ClosureInput | undefined {
  const mean = reader.decimal("mean", true);
  const sd = reader.decimal("sd", true);
  const n = reader.whole("n", true, 1);
  const min = reader.whole("min", true);
  const max = reader.whole("max", true);
  if (mean === undefined || sd === undefined || n === undefined || min === undefined || max === undefined) return undefined;
  return { mean, sd, n, min, max };
}

/** The bounds as `cohort closure --json` describes them (its describeBounds): to 10 decimals, the SD's floor at 0. */
function describe(bounds: ClosureBounds, input: ClosureInput): { mean: [number, number]; sd: [number, number] } {
  const round = (value: number) => Number(value.toFixed(10));
  const mean = Number(input.mean);
  const sd = Number(input.sd);
  return { mean: [round(mean - bounds.meanError), round(mean + bounds.meanError)], sd: [round(Math.max(0, sd - bounds.sdError)), round(sd + bounds.sdError)] };
}

/** A sample as cohort closure's examples write it: "1×3 2×5 4×2". */
function describeSample(frequencies: ArrayLike<number>, min: number): string {
  const parts: string[] = [];
  for (let index = 0; index < frequencies.length; index++) if ((frequencies[index] as number) > 0) parts.push(`${min + index}×${frequencies[index]}`);
  return parts.join(" ");
}

function failure(error: unknown): { message: string; refused: boolean } {
  if (isCohortError(error)) return { message: error.problems.map(formatProblem).join("; "), refused: error.exitCode === 3 };
  return { message: `internal error: ${error instanceof Error ? error.message : String(error)}`, refused: false };
}

/**
 * A CLOSURE case as the page shows it: the exact count, each value's share and the horns range over all
 * samples (closureFrequencies: dynamic programming, nothing listed; refused past the library's state
 * budget, as `cohort closure --count` is), and the first few samples (summarizeClosure with a limit, as
 * `cohort closure --limit` lists them), only once the count has succeeded: the count's state budget is
 * the work estimate, and the listing stops at SAMPLES_SHOWN. The page runs this in a worker with a time
 * budget on top.
 *
 * @example
 * closureCase({ mean: "2.9", sd: "0.5", n: "25", min: "1", max: "5" }).count; // => "4" (cohort closure's help)
 */
export function closureCase(fields: Fields): ClosureOutcome {
  const reader = new FieldReader(fields);
  const input = readClosureInput(fields, reader);
  if (reader.problems.length > 0 || input === undefined) return { problems: reader.problems, label: RECONSTRUCTION_LABEL };
  let bounds: ClosureBounds;
  try {
    bounds = closureBounds(input);
  } catch (error) {
    return { problems: [], error: failure(error), label: RECONSTRUCTION_LABEL };
  }
  const described = describe(bounds, input);
  const outcome: ClosureOutcome = { problems: [], bounds: described, label: RECONSTRUCTION_LABEL };
  try {
    const all = closureFrequencies(bounds);
    outcome.count = all.count.toString();
    outcome.frequency = all.frequency.map((row) => ({ value: row.value, count: row.count.toString(), share: row.share }));
    outcome.horns = all.horns;
    outcome.sentence = msg.closureCount(outcome.count, bounds.n, bounds.min, bounds.max, described.mean, described.sd);
    outcome.lines = all.horns ? [msg.closureHorns(all.horns.min, all.horns.max, all.horns.mean), msg.closureShares(all.frequency)] : [];
  } catch (error) {
    // Refused past the counting budget (as cohort closure --count is): the listing is not tried either,
    // because finding even the first sample of a space that large can take minutes (n = 10,000 on 1–7).
    outcome.error = failure(error);
    return outcome;
  }
  if (outcome.count !== "0") {
    const samples: string[] = [];
    summarizeClosure(bounds, { limit: SAMPLES_SHOWN, onSample: (frequencies) => samples.push(describeSample(frequencies, bounds.min)) });
    outcome.samples = samples;
  }
  return outcome;
}
