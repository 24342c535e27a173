import * as z from "zod";
import { CohortError, exitCodes } from "../errors.js";
import * as message from "../messages/reconstruct.js";
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
  min: number;
  max: number;
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
  const { n, min, max } = input;
  if (!Number.isSafeInteger(n)) throw new CohortError({ path: "n", message: message.notWholeNumber("n", n) });
  if (n < 2) throw new CohortError({ path: "n", message: message.notAtLeast("n", 2, n) });
  if (!Number.isSafeInteger(min)) throw new CohortError({ path: "min", message: message.notWholeNumber("min", min) });
  if (!Number.isSafeInteger(max)) throw new CohortError({ path: "max", message: message.notWholeNumber("max", max) });
  if (min > max) throw new CohortError({ path: "max", message: message.scaleReversed(min, max) });
  if (max - min + 1 > MAX_SCALE_POINTS) throw new CohortError({ path: "max", message: message.scaleTooWide(max - min + 1, MAX_SCALE_POINTS) }, exitCodes.refused);
  const mean = parseReported("mean", input.mean);
  const sd = parseReported("sd", input.sd);
  if (sd < 0) throw new CohortError({ path: "sd", message: message.notDecimal("sd", input.sd) });
  const meanError = input.meanError ?? halfUnit(input.mean);
  const sdError = input.sdError ?? halfUnit(input.sd);
  if (!Number.isFinite(meanError) || meanError < 0) throw new CohortError({ path: "meanError", message: message.negativeError("meanError", meanError) });
  if (!Number.isFinite(sdError) || sdError < 0) throw new CohortError({ path: "sdError", message: message.negativeError("sdError", sdError) });
  const sdLow = Math.max(0, sd - sdError - CLOSURE_SLACK);
  const sdHigh = sd + sdError + CLOSURE_SLACK;
  const scaled = n * (n - 1);
  return {
    n,
    min,
    max,
    points: max - min + 1,
    meanError,
    sdError,
    sumLow: Math.max(0, Math.ceil(n * (mean - meanError - CLOSURE_SLACK - min))),
    sumHigh: Math.min(n * (max - min), Math.floor(n * (mean + meanError + CLOSURE_SLACK - min))),
    spreadLow: Math.ceil(scaled * sdLow * sdLow),
    spreadHigh: Math.floor(scaled * sdHigh * sdHigh),
    counts: countBounds(input.restrictions, min, max, n),
  };
}

function parseReported(name: string, value: unknown): number {
  if (typeof value !== "string" || !/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(value.trim())) throw new CohortError({ path: name, message: message.notDecimal(name, value) });
  return Number(value);
}
