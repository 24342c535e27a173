import * as z from "zod";
import { CohortError, exitCodes } from "../errors.js";
import * as message from "../messages/reconstruct.js";
import type { Rng } from "../stats/rng.js";
import { closureBounds, halfUnit, type ClosureBounds, type ClosureInput } from "./closure-bounds.js";
import { restrictionsOnItemSums } from "./restrictions.js";

/** Estimated steps (attempts × (n + moves per attempt)) beyond which SPRITE is refused before it starts; about 10 s. */
export const SPRITE_WORK_BUDGET = 1_000_000_000;

/** Memory SPRITE may hold for one attempt's values and the scale's counters. */
export const SPRITE_MEMORY_BUDGET = 256 * 1024 * 1024;

/** Input of `sprite`: as CLOSURE, plus the number of items averaged into each score (multi-item scales). */
export type SpriteInput = ClosureInput & { items?: number };

/** Options of `sprite`. */
export interface SpriteOptions {
  /** Seeded random source (`createRng(seed)`); never Math.random. */
  rng: Rng;
  /** How many distinct samples to look for. __Default:__ 10. */
  samples?: number;
  /** Moves per attempt before it counts as a failure. __Default:__ max(20,000, min(10⁶, n·k²)) as rsprite2. */
  maxIterations?: number;
  /** Stop after this many failed attempts in a row. __Default:__ 10 (rsprite2). */
  maxFailures?: number;
}

/** Result of a SPRITE search; `samples` hold sorted values in scale units. */
export const SpriteResult = z
  .object({
    status: z.enum(["complete", "partial", "none"]).meta({ description: "complete: all requested samples found; partial: fewer; none: no sample found (which does not prove that none exists)." }),
    samples: z.array(z.array(z.number())),
    iterations: z.number().int().nonnegative().meta({ description: "Moves made over all attempts." }),
    attempts: z.number().int().nonnegative(),
    duplicates: z.number().int().nonnegative(),
  })
  .strict()
  .meta({ id: "SpriteResult" });
export type SpriteResult = z.infer<typeof SpriteResult>;

/**
 * SPRITE: a random search for some samples of n scale values whose mean and SD round to the reported ones.
 *
 * Why: when the CLOSURE space is too large to list, SPRITE still shows a few datasets that fit.
 * Each attempt starts from random values, nudges them until the sum is admissible, then moves pairs
 * of values apart (or together) one step at a time until the SD is admissible; every returned sample
 * recomputes to the reported mean and SD (checked with exact integer arithmetic). Restrictions fix
 * exact counts (0 excludes a value) or minimum counts; those items never move.
 *
 * Coverage bias: SPRITE is not a uniform sampler of the solution space. Attempts start near the mean
 * and stop at the first admissible SD, so samples with much mass at both scale ends (high horns index)
 * are rarely found; closure-core's assessment found SPRITE reaching 1–3 % of CLOSURE's samples.
 * Use `summarizeClosure`/`countClosure` when the space can be enumerated.
 * Reference: Heathers, Anaya, van der Zee & Brown (2018), Recovering data from summary statistics:
 * Sample Parameter Reconstruction via Iterative TEchniques (SPRITE), PeerJ Preprints 6:e26968v1,
 * doi:10.7287/peerj.preprints.26968v1; rsprite2 (Wallrich), pysprite (André).
 * Work and memory are estimated before the search starts — (samples + maxFailures) attempts of up to
 * n + maxIterations steps each, 12 bytes per value and 13 per scale point — and the search refused
 * (exit 3, with the estimate) past SPRITE_WORK_BUDGET or SPRITE_MEMORY_BUDGET. (Attempts that find
 * a duplicate can add more; the search also stops after 20× the estimate, with what it found.)
 * @param input reported mean and SD as strings, n, scale, optional rounding errors, restrictions (scale units) and items
 * @param options rng (required), samples, maxIterations, maxFailures
 * @throws {CohortError} on impossible arguments; `refused` past the work or memory budget
 * @example
 * sprite({ mean: "3.0", sd: "1.2", n: 20, min: 1, max: 5 }, { rng: createRng(1), samples: 2 }).status; // => "complete"
 */
export function sprite(input: SpriteInput, options: SpriteOptions): SpriteResult {
  const items = input.items ?? 1;
  if (!Number.isSafeInteger(items) || items < 1) throw new CohortError({ path: "items", message: message.notAtLeast("items", 1, items) });
  const bounds = scaledBounds(input, items);
  const wanted = options.samples ?? 10;
  if (!Number.isSafeInteger(wanted) || wanted < 1) throw new CohortError({ path: "samples", message: message.notAtLeast("samples", 1, wanted) });
  const top = bounds.points - 1;
  const maxIterations = options.maxIterations ?? Math.max(20_000, Math.min(1_000_000, bounds.n * bounds.points * bounds.points));
  const maxFailures = options.maxFailures ?? 10;
  const bytes = 12 * bounds.n + 13 * bounds.points;
  if (bytes > SPRITE_MEMORY_BUDGET) throw new CohortError({ path: "n", message: message.spriteTooMuchMemory(bytes, SPRITE_MEMORY_BUDGET) }, exitCodes.refused);
  const estimate = (wanted + maxFailures) * (bounds.n + maxIterations);
  if (estimate > SPRITE_WORK_BUDGET) throw new CohortError({ path: "samples", message: message.spriteTooMuchWork(estimate, SPRITE_WORK_BUDGET) }, exitCodes.refused);
  const stepLimit = 20 * estimate;
  const { lower, upper } = bounds.counts;
  const allowed: number[] = [];
  const fixed: number[] = [];
  for (let value = 0; value <= top; value++) {
    if ((upper[value] as number) > (lower[value] as number)) allowed.push(value);
    for (let k = 0; k < (lower[value] as number); k++) fixed.push(value);
  }
  const free = bounds.n - fixed.length;
  const result: SpriteResult = { status: "none", samples: [], iterations: 0, attempts: 0, duplicates: 0 };
  if (free < 0 || (free > 0 && allowed.length === 0)) return result;
  const fixedSum = fixed.reduce((a, b) => a + b, 0);
  const fixedSquares = fixed.reduce((a, b) => a + b * b, 0);
  const lowest = allowed[0] ?? 0;
  const highest = allowed[allowed.length - 1] ?? 0;
  const sumFrom = Math.max(bounds.sumLow, fixedSum + free * lowest);
  const sumTo = Math.min(bounds.sumHigh, fixedSum + free * highest);
  if (sumFrom > sumTo) return result;
  const isAllowed = new Uint8Array(top + 1);
  for (const value of allowed) isAllowed[value] = 1;
  const seen = new Set<string>();
  let failures = 0;
  let duplicatesInRow = 0;
  const values = new Int32Array(free);
  let steps = 0;
  while (result.samples.length < wanted && failures < maxFailures && steps <= stepLimit) {
    result.attempts++;
    const outcome = attempt(values, options.rng, isAllowed, allowed, rngSum(options.rng, sumFrom, sumTo) - fixedSum, fixedSum, fixedSquares, bounds, maxIterations);
    result.iterations += outcome.iterations;
    steps += outcome.iterations + free;
    if (!outcome.success) {
      failures++;
      continue;
    }
    failures = 0;
    const frequencies = new Int32Array(top + 1);
    for (const value of fixed) frequencies[value] = (frequencies[value] as number) + 1;
    for (const value of values) frequencies[value] = (frequencies[value] as number) + 1;
    const key = frequencies.join(",");
    if (seen.has(key)) {
      result.duplicates++;
      duplicatesInRow++;
      // rsprite2's stopping rule: give up once duplicates in a row make a new sample very unlikely.
      const found = result.samples.length;
      const patience = Math.max(Math.round(Math.log(1e-5) / Math.log(found / (found + 1))), 100);
      if (duplicatesInRow >= patience) break;
      continue;
    }
    duplicatesInRow = 0;
    seen.add(key);
    const sample: number[] = [];
    frequencies.forEach((count, index) => {
      for (let k = 0; k < count; k++) sample.push((index + bounds.min) / items);
    });
    result.samples.push(sample);
  }
  result.status = result.samples.length === wanted ? "complete" : result.samples.length > 0 ? "partial" : "none";
  return result;
}

function rngSum(rng: Rng, from: number, to: number): number {
  return from === to ? from : rng.int(from, to);
}

/** One SPRITE attempt on the free items (shifted units); fills `values` and reports success. */
function attempt(
  values: Int32Array,
  rng: Rng,
  isAllowed: Uint8Array,
  allowed: number[],
  freeTarget: number,
  fixedSum: number,
  fixedSquares: number,
  b: ClosureBounds,
  maxIterations: number,
): { success: boolean; iterations: number } {
  const free = values.length;
  const top = isAllowed.length - 1;
  let sum = 0;
  for (let i = 0; i < free; i++) {
    const value = allowed[rng.int(0, allowed.length - 1)] as number;
    values[i] = value;
    sum += value;
  }
  const up = (value: number) => {
    for (let v = value + 1; v <= top; v++) if (isAllowed[v]) return v;
    return -1;
  };
  const down = (value: number) => {
    for (let v = value - 1; v >= 0; v--) if (isAllowed[v]) return v;
    return -1;
  };
  let iterations = 0;
  // Step 1: bring the sum to the target by moving single items one allowed step.
  while (sum !== freeTarget) {
    if (++iterations > maxIterations || free === 0) return { success: false, iterations };
    const i = rng.int(0, free - 1);
    const value = values[i] as number;
    const next = sum < freeTarget ? up(value) : down(value);
    if (next < 0) continue;
    values[i] = next;
    sum += next - value;
  }
  let squares = fixedSquares;
  for (let i = 0; i < free; i++) squares += (values[i] as number) ** 2;
  const total = fixedSum + sum;
  // Step 2: move pairs in opposite directions by the same step, keeping the sum, until the spread fits.
  for (;;) {
    const spread = b.n * squares - total * total;
    if (spread >= b.spreadLow && spread <= b.spreadHigh) return { success: true, iterations };
    if (++iterations > maxIterations || free < 2) return { success: false, iterations };
    const widen = spread < b.spreadLow;
    const i = rng.int(0, free - 1);
    const j = rng.int(0, free - 1);
    if (i === j) continue;
    const a = values[i] as number;
    const c = values[j] as number;
    // Widening moves the larger value up and the smaller down; narrowing moves them towards each other.
    const [high, low, highIndex, lowIndex] = a >= c ? [a, c, i, j] : [c, a, j, i];
    const step = 1;
    const newHigh = widen ? high + step : high - step;
    const newLow = widen ? low - step : low + step;
    if (!widen && newHigh < newLow) continue;
    if (newHigh < 0 || newHigh > top || newLow < 0 || newLow > top || !isAllowed[newHigh] || !isAllowed[newLow]) continue;
    values[highIndex] = newHigh;
    values[lowIndex] = newLow;
    squares += newHigh * newHigh + newLow * newLow - high * high - low * low;
  }
}

/** CLOSURE bounds on the grid of item sums (scores × items), shifted to start at 0. */
function scaledBounds(input: SpriteInput, items: number): ClosureBounds {
  if (items === 1) return closureBounds(input);
  const scale = (value: string) => String(Number(value) * items);
  return closureBounds({
    ...input,
    items: undefined,
    mean: /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(input.mean.trim()) ? scale(input.mean) : input.mean,
    sd: /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(input.sd.trim()) ? scale(input.sd) : input.sd,
    min: input.min * items,
    max: input.max * items,
    meanError: (input.meanError ?? halfUnit(input.mean)) * items,
    sdError: (input.sdError ?? halfUnit(input.sd)) * items,
    restrictions: restrictionsOnItemSums(input.restrictions, items),
  } as ClosureInput);
}
