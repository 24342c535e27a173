import { CohortError, exitCodes } from "../errors.js";
import * as msg from "../messages/checks.js";
import type { CheckResult } from "../schema/check-result.js";
import { integersInInterval, roundingInterval, type RoundingMode } from "../stats/rounding.js";
import { inSteps, stepText, stepValue, type Step } from "../stats/step.js";
import { grainWords, inputGrain, isWholeItems } from "./grain.js";
import { references } from "./references.js";
import { compareVariance, sdFromSums, sumOfSquaresRange } from "./sum-of-squares.js";
import { MAX_TOTALS, requireItems, requireMode, requireWhole } from "./validate.js";

export interface SdBoundsInput {
  /** string to keep trailing zeros */
  mean: string;
  n: number;
  /** Item range (whole numbers when itemStep is 1). */
  min: number;
  max: number;
  items?: number;
  /** The step between an item's possible values (default 1): scores are multiples of itemStep/items. */
  itemStep?: number | string | Step;
  rounding?: RoundingMode;
  threshold?: number;
}

export interface SdBoundsOutcome {
  /** Smallest and largest sample SD of n whole-number scores on [min, max] whose mean rounds to the reported one. */
  minSd: number;
  maxSd: number;
  /** The totals (sums of item scores) considered. */
  sums: { first: number; last: number };
}

/** n and the bounds of one person's score in steps (k = score / step, a whole number). */
function checkRange(input: SdBoundsInput): { n: number; step: Step; lo: number; hi: number; words: string } {
  const n = requireWhole("n", input.n, 1);
  if (n < 2) throw new CohortError({ message: msg.nTooSmallForSd(n) });
  requireItems(input.items ?? 1);
  if (!Number.isFinite(input.min) || !Number.isFinite(input.max) || input.min >= input.max) throw new CohortError({ message: msg.minAboveMax(input.min, input.max) });
  const grain = inputGrain({ items: input.items, itemStep: input.itemStep, scale: { min: input.min, max: input.max } });
  const words = isWholeItems(grain) ? `whole numbers ${input.min}–${input.max} per item` : `${input.min}–${input.max} per item; ${grainWords(grain)}`;
  return { n, step: grain.step, lo: grain.kMin!, hi: grain.kMax!, words };
}

/**
 * Closed-form least and greatest SD of n whole-number scores on a bounded scale with a given mean:
 * the least puts every value as close to the mean as the integers allow, the greatest puts as many
 * as possible at the ends and one value in between. Why: a reported SD outside these bounds is
 * impossible whatever the data. Returns null when no total is GRIM-consistent within the range.
 * Reference: Hussey, tides sd_bounds (https://github.com/ianhussey/tides); rsprite2 `.sd_limits()`.
 *
 * @param input.mean string to keep trailing zeros
 * @param input.min whole-number lowest item score; input.max highest
 * @throws CohortError for n < 2 or min ≥ max
 * @example
 * sdBounds({ mean: "4.2", n: 5, min: 1, max: 7 }); // => { minSd: 0.447…, maxSd: 3.033…, sums: { first: 21, last: 21 } }
 */
export function sdBounds(input: SdBoundsInput): SdBoundsOutcome | null {
  const { n, step, lo, hi } = checkRange(input);
  const rounding = requireMode(input.rounding);
  const raw = integersInInterval(inSteps(roundingInterval(input.mean, rounding, input.threshold ?? 5), step), n);
  const first = Math.max(raw.first, n * lo);
  const last = Math.min(raw.last, n * hi);
  if (first > last) return null;
  // Estimate the work first: one step per total (about n·items/10^decimals of them).
  if (last - first + 1 > MAX_TOTALS) throw new CohortError({ message: msg.tooManyTotals("SD bounds", last - first + 1, MAX_TOTALS) }, exitCodes.refused);
  let minSd = Infinity;
  let maxSd = -Infinity;
  for (let total = first; total <= last; total++) {
    const q = sumOfSquaresRange(total, n, lo, hi);
    minSd = Math.min(minSd, sdFromSums(q.min, total, n, 1));
    maxSd = Math.max(maxSd, sdFromSums(q.max, total, n, 1));
  }
  // Back from steps to the score scale.
  return { minSd: minSd * stepValue(step), maxSd: maxSd * stepValue(step), sums: { first, last } };
}

/**
 * SD bounds check: can the reported SD occur with the reported mean, n and the scale's range?
 * Compares exactly (whole-number sums of squares, no float rounding). `undetermined` when the mean
 * itself fails GRIM or lies outside the range (run grim first).
 * Reference: Hussey, tides (https://github.com/ianhussey/tides); Heathers et al. (2018) SPRITE, doi:10.7287/peerj.preprints.26968v1.
 *
 * @param input.sd string to keep trailing zeros (sample SD)
 * @throws CohortError for n < 2, min ≥ max, malformed strings
 * @example
 * sdBoundsCheck({ mean: "4.2", sd: "3.10", n: 5, min: 1, max: 7 }).status; // => "inconsistent"
 */
export function sdBoundsCheck(input: SdBoundsInput & { sd: string }): CheckResult {
  const { n, step, lo, hi, words } = checkRange(input);
  const items = input.items ?? 1;
  const rounding = requireMode(input.rounding);
  const raw = integersInInterval(inSteps(roundingInterval(input.mean, rounding, input.threshold ?? 5), step), n);
  const totals = Math.min(raw.last, n * hi) - Math.max(raw.first, n * lo) + 1;
  if (totals > MAX_TOTALS) {
    return {
      check: "sd-bounds",
      inputs: { mean: input.mean, sd: input.sd, n, items, ...(input.itemStep !== undefined ? { itemStep: stepText(inputGrain(input).itemStep) } : {}), min: input.min, max: input.max },
      assumptions: { rounding, sd: "sample SD (n − 1 denominator)", scale: words },
      reference: references.sdBounds,
      status: "undetermined",
      explanation: msg.tooManyTotals("SD bounds", totals, MAX_TOTALS),
      details: null,
    };
  }
  const bounds = sdBounds(input);
  const base = {
    check: "sd-bounds",
    inputs: { mean: input.mean, sd: input.sd, n, items, ...(input.itemStep !== undefined ? { itemStep: stepText(inputGrain(input).itemStep) } : {}), min: input.min, max: input.max },
    assumptions: { rounding, sd: "sample SD (n − 1 denominator)", scale: words },
    reference: references.sdBounds,
  };
  if (bounds === null) {
    return { ...base, status: "undetermined", explanation: `no ${step.num === 1 && step.den === 1 ? "whole-number " : ""}total of n = ${n} scores on ${input.min}–${input.max}${step.num === 1 && step.den === 1 ? "" : ` in steps of ${stepText(step)}`} gives mean ${input.mean} (see grim), so SD bounds are not defined`, details: null };
  }
  const sd = inSteps(roundingInterval(input.sd, rounding, input.threshold ?? 5), step);
  const sdLo = Math.max(0, sd.lo);
  let fits = false;
  for (let total = bounds.sums.first; total <= bounds.sums.last && !fits; total++) {
    const q = sumOfSquaresRange(total, n, lo, hi);
    const aboveLow = compareVariance(q.max, total, n, 1, sdLo, sd.den); // max variance ≥ sd lower bound²
    const belowHigh = compareVariance(q.min, total, n, 1, sd.hi, sd.den); // min variance ≤ sd upper bound²
    fits = (aboveLow > 0 || (aboveLow === 0 && (sd.loIn || sd.lo < 0))) && (belowHigh < 0 || (belowHigh === 0 && sd.hiIn));
  }
  const range = `${bounds.minSd.toFixed(4)}–${bounds.maxSd.toFixed(4)}`;
  return {
    ...base,
    status: fits ? "consistent" : "inconsistent",
    explanation: fits ? `SD ${input.sd} lies within the possible range ${range} for this mean, n and scale` : `SD ${input.sd} is outside the possible range ${range} for mean ${input.mean}, n = ${n} on ${input.min}–${input.max}`,
    details: bounds,
  };
}
