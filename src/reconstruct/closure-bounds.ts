import * as z from "zod";
import { CohortError, exitCodes } from "../errors.js";
import * as message from "../messages/reconstruct.js";
import { parseStep, stepRange, stepValue, type Step } from "../stats/step.js";
import { countBounds, Restrictions, type CountBounds } from "./restrictions.js";

/**
 * Float slack added to every rounding bound, so a value that lies exactly on a bound (3.0 − 0.05 =
 * 2.95, which binary floating point cannot hold exactly) is kept, as closure-core's inclusive bounds
 * intend. It is far below any reported precision.
 */
export const CLOSURE_SLACK = 1e-9;

/**
 * Widest scale (max − min + 1 points) CLOSURE and SPRITE take: every search keeps a few counters
 * per point (8 MB at this size), so a typo such as --max 1000000000 is refused (exit 3) instead of
 * allocating gigabytes.
 */
export const MAX_SCALE_POINTS = 1_000_000;

/** What CLOSURE and SPRITE are asked to reconstruct: reported mean and SD (strings keep trailing zeros), n and the scale. */
export const ClosureInput = z
  .object({
    mean: z.string().meta({ description: "Reported mean, as printed (\"3.0\")." }),
    sd: z.string().meta({ description: "Reported sample SD (n − 1 denominator), as printed (\"1.20\")." }),
    n: z.number().int().min(2).meta({ description: "Sample size (at least 2: a single value has no sample SD)." }),
    min: z.number().int().meta({ description: "Scale minimum (inclusive)." }),
    max: z.number().int().meta({ description: "Scale maximum (inclusive)." }),
    step: z.union([z.number().positive(), z.string()]).optional().meta({ description: "Step between possible values (default 1): values are the multiples of it within min…max, e.g. 5 for RAND-36 physical functioning (10 items on 0/50/100) or \"100/3\"." }),
    meanError: z.number().nonnegative().optional().meta({ description: "Rounding error of the mean. __Default:__ half a unit of its last reported decimal." }),
    sdError: z.number().nonnegative().optional().meta({ description: "Rounding error of the SD. __Default:__ half a unit of its last reported decimal." }),
    restrictions: Restrictions.optional(),
  })
  .strict()
  .meta({ id: "ClosureInput" });
export type ClosureInput = z.input<typeof ClosureInput>;

/**
 * The integer search space of a CLOSURE problem. Values are shifted to 0…points−1, which changes
 * neither the SD nor the structure. With S the sum and Q the sum of squares of the shifted values,
 * a sample qualifies when `sumLow ≤ S ≤ sumHigh` and `spreadLow ≤ n·Q − S² ≤ spreadHigh`, where
 * n·Q − S² = n(n−1)·SD², so the test is exact integer arithmetic.
 */
export interface ClosureBounds {
  n: number;
  /** The scale in steps: the lowest and highest multiple k of `step` (the values are k·step). With step 1, the scale itself. */
  min: number;
  max: number;
  /** Step between values (1 for integers); the search runs on the whole numbers k = value / step. */
  step: Step;
  points: number;
  meanError: number;
  sdError: number;
  sumLow: number;
  sumHigh: number;
  spreadLow: number;
  spreadHigh: number;
  counts: CountBounds;
}

/**
 * Half a unit of the last decimal of a reported number: "3.0" → 0.05, "1.20" → 0.005, "3" → 0.5.
 *
 * @param reported the number as printed (string keeps trailing zeros)
 * @example
 * halfUnit("3.0"); // => 0.05
 */
export function halfUnit(reported: string): number {
  const decimals = reported.includes(".") ? (reported.split(".")[1] as string).length : 0;
  return 0.5 * 10 ** -decimals;
}

/**
 * Validates a CLOSURE/SPRITE request and turns the reported mean and SD into integer bounds on the
 * sum and on n·Q − S² (bounds inclusive as in closure-core, plus CLOSURE_SLACK).
 *
 * Reference: Heathers (2024) CLOSURE; closure-core `src/lib.rs` (Jung, https://github.com/lhdjung/closure-core).
 * @param input reported mean/SD as strings, n, scale, optional rounding errors and restrictions
 * @throws {CohortError} on a malformed mean/SD, n < 2, min > max, negative rounding error or bad
 *   restriction; `refused` (exit 3) on a scale wider than MAX_SCALE_POINTS
 * @example
 * closureBounds({ mean: "3.0", sd: "1.2", n: 200, min: 1, max: 5 }).sumLow; // => 390 (shifted: 200·(2.95 − 1))
 */
export function closureBounds(input: ClosureInput): ClosureBounds {
  const { n } = input;
  if (!Number.isSafeInteger(n)) throw new CohortError({ path: "n", message: message.notWholeNumber("n", n) });
  if (n < 2) throw new CohortError({ path: "n", message: message.notAtLeast("n", 2, n) });
  if (!Number.isSafeInteger(input.min)) throw new CohortError({ path: "min", message: message.notWholeNumber("min", input.min) });
  if (!Number.isSafeInteger(input.max)) throw new CohortError({ path: "max", message: message.notWholeNumber("max", input.max) });
  if (input.min > input.max) throw new CohortError({ path: "max", message: message.scaleReversed(input.min, input.max) });
  let step: Step;
  try {
    step = parseStep(input.step ?? 1, "step");
  } catch (error) {
    throw new CohortError({ path: "step", message: (error as Error).message });
  }
  // In steps: values k·step with k whole, so the integer search below is unchanged (step 1: k is the value).
  const { kMin: min, kMax: max } = stepRange(input.min, input.max, step);
  if (min > max) throw new CohortError({ path: "max", message: message.scaleReversed(input.min, input.max) });
  if (max - min + 1 > MAX_SCALE_POINTS) throw new CohortError({ path: "max", message: message.scaleTooWide(max - min + 1, MAX_SCALE_POINTS) }, exitCodes.refused);
  if (input.restrictions !== undefined && (step.num !== 1 || step.den !== 1)) throw new CohortError({ path: "restrictions", message: "restrictions are given on whole-number scales only; remove `step` or the restrictions" });
  const per = stepValue(step);
  const mean = parseReported("mean", input.mean) / per;
  const sd = parseReported("sd", input.sd) / per;
  if (sd < 0) throw new CohortError({ path: "sd", message: message.notDecimal("sd", input.sd) });
  const meanErrorGiven = input.meanError ?? halfUnit(input.mean);
  const sdErrorGiven = input.sdError ?? halfUnit(input.sd);
  if (!Number.isFinite(meanErrorGiven) || meanErrorGiven < 0) throw new CohortError({ path: "meanError", message: message.negativeError("meanError", meanErrorGiven) });
  if (!Number.isFinite(sdErrorGiven) || sdErrorGiven < 0) throw new CohortError({ path: "sdError", message: message.negativeError("sdError", sdErrorGiven) });
  const meanError = meanErrorGiven / per;
  const sdError = sdErrorGiven / per;
  const sdLow = Math.max(0, sd - sdError - CLOSURE_SLACK);
  const sdHigh = sd + sdError + CLOSURE_SLACK;
  const scaled = n * (n - 1);
  return {
    n,
    min,
    max,
    step,
    points: max - min + 1,
    meanError: meanErrorGiven,
    sdError: sdErrorGiven,
    sumLow: Math.max(0, Math.ceil(n * (mean - meanError - CLOSURE_SLACK - min))),
    sumHigh: Math.min(n * (max - min), Math.floor(n * (mean + meanError + CLOSURE_SLACK - min))),
    spreadLow: Math.ceil(scaled * sdLow * sdLow),
    spreadHigh: Math.floor(scaled * sdHigh * sdHigh),
    counts: countBounds(input.restrictions, min, max, n),
  };
}

/**
 * The value at a scale index of a CLOSURE search: (min + index)·step (index 0 = the lowest value).
 *
 * @example
 * valueAt(closureBounds({ mean: "50", sd: "20", n: 3, min: 0, max: 100, step: 25 }), 2); // => 50
 */
export function valueAt(bounds: Pick<ClosureBounds, "min" | "step">, index: number): number {
  return bounds.step.den === 1 ? (bounds.min + index) * bounds.step.num : ((bounds.min + index) * bounds.step.num) / bounds.step.den;
}

function parseReported(name: string, value: unknown): number {
  if (typeof value !== "string" || !/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(value.trim())) throw new CohortError({ path: name, message: message.notDecimal(name, value) });
  return Number(value);
}
