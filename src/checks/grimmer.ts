import { CohortError } from "../errors.js";
import * as msg from "../messages/checks.js";
import type { CheckResult } from "../schema/check-result.js";
import { integersInInterval, parseDecimal, roundingInterval, type RoundingMode, type ScaledInterval } from "../stats/rounding.js";
import { inSteps, stepText, stepValue, type Step } from "../stats/step.js";
import { grainWords, inputGrain, isWholeItems, meanSpacing } from "./grain.js";
import { references } from "./references.js";
import { sdFromSums, sumOfSquaresForSd, sumOfSquaresRange } from "./sum-of-squares.js";
import { MAX_TOTALS, requireMode, requireWhole } from "./validate.js";

export interface GrimmerInput {
  /** string to keep trailing zeros */
  mean: string;
  /** string to keep trailing zeros */
  sd: string;
  n: number;
  items?: number;
  /** The step between an item's possible values (default 1; see GrimOptions.itemStep): scores are multiples of itemStep/items. */
  itemStep?: number | string | Step;
  rounding?: RoundingMode;
  threshold?: number;
  /** Item range, e.g. { min: 1, max: 7 } (whole numbers when itemStep is 1): also bounds the sum of squares (tighter test). */
  scale?: { min: number; max: number };
}



/** Which of the tests failed first (scrutiny's `show_reason`), or `too-coarse` when none could be run. */
export type GrimmerReason = "grim" | "scale" | "sd-range" | "parity" | "too-coarse";

/** Most GRIM-consistent totals GRIMMER tries (MAX_TOTALS): beyond it the result is `undetermined`, like GRIM's. */
export const MAX_GRIMMER_TOTALS = MAX_TOTALS;

export interface GrimmerOutcome {
  /** null when the test could not be run (reason `too-coarse`). */
  consistent: boolean | null;
  reason: GrimmerReason | null;
  /** Totals and sums of squares that pass every test (at most `limit`). */
  witnesses: { sum: number; sumOfSquares: string; sd: number }[];
  /** How many totals were candidates, given when too many to try. */
  totals?: number;
}

/**
 * The analytic GRIMMER test as a plain outcome: GRIM on the mean, then for every GRIM-consistent
 * whole-number total A, whether a whole sum of squares Q exists with (1) an SD in the reported SD's
 * rounding interval (exact: no re-rounding of floats) and (2) Q ≡ A (mod 2), which holds for any
 * whole numbers since a² ≡ a (mod 2). Every consistent total is tried, not only round(mean·n)
 * (rsprite2 tries one), and the parity test is applied only to Q that also fit the SD, so it cannot
 * reject a real sample (scrutiny issue #80 is a test-3 false positive).
 *
 * @example
 * grimmerTest({ mean: "3.44", sd: "2.47", n: 18 }).consistent; // => false
 */
export function grimmerTest(input: GrimmerInput, limit = 5): GrimmerOutcome {
  const n = requireWhole("n", input.n, 1);
  if (n < 2) throw new CohortError({ message: msg.nTooSmallForSd(n) });
  const grain = inputGrain(input);
  const { step } = grain;
  if (!Number.isSafeInteger(n * grain.items)) throw new CohortError({ message: msg.productTooLarge(n, grain.items) });
  const rounding = requireMode(input.rounding);
  const threshold = input.threshold ?? 5;
  const sdParsed = parseDecimal(input.sd, "sd");
  if (sdParsed.negative && sdParsed.scaled > 0) throw new CohortError({ message: msg.negativeSd(input.sd) });
  // Everything in steps: k = score / step is a whole number per person (the item sum when itemStep is 1).
  const sums = integersInInterval(inSteps(roundingInterval(input.mean, rounding, threshold), step), n);
  let first = sums.first;
  let last = sums.last;
  if (first > last) return { consistent: false, reason: "grim", witnesses: [] };
  const bounded = grain.kMin !== undefined && grain.kMax !== undefined;
  if (bounded) {
    first = Math.max(first, n * grain.kMin!);
    last = Math.min(last, n * grain.kMax!);
    if (first > last) return { consistent: false, reason: "scale", witnesses: [] };
  }
  // Estimate the work before doing it (grimmerOnTotals refuses more than MAX_GRIMMER_TOTALS totals).
  const outcome = grimmerOnTotals(first, last, n, 1, inSteps(roundingInterval(input.sd, rounding, threshold), step), bounded ? { lo: grain.kMin!, hi: grain.kMax! } : undefined, limit);
  // Witnesses back on the score scale (the SD of the k times the step).
  return step.num === 1 && step.den === 1 ? outcome : { ...outcome, witnesses: outcome.witnesses.map((w) => ({ ...w, sd: w.sd * stepValue(step) })) };
}

/**
 * The GRIMMER search over a range of GRIM-consistent totals for an SD given as any exact interval (not
 * only a printed SD's rounding interval), so an SD implied by another reading of a ± value (SE·√n) can be
 * tested too. Callers have applied GRIM and the scale to the totals.
 */
export function grimmerOnTotals(first: number, last: number, n: number, items: number, sd: ScaledInterval, bounds: { lo: number; hi: number } | undefined, limit = 5): GrimmerOutcome {
  if (last - first + 1 > MAX_GRIMMER_TOTALS) return { consistent: null, reason: "too-coarse", witnesses: [], totals: last - first + 1 };
  const witnesses: GrimmerOutcome["witnesses"] = [];
  let anySdRange = false;
  for (let total = first; total <= last; total++) {
    let { first: qFirst, last: qLast } = sumOfSquaresForSd(total, n, items, sd);
    if (bounds) {
      const range = sumOfSquaresRange(total, n, bounds.lo, bounds.hi);
      if (range.min > qFirst) qFirst = range.min;
      if (range.max < qLast) qLast = range.max;
    }
    if (qFirst > qLast) continue;
    anySdRange = true;
    const parity = BigInt(((total % 2) + 2) % 2);
    const q = ((qFirst % 2n) + 2n) % 2n === parity ? qFirst : qFirst + 1n;
    if (q > qLast) continue;
    if (witnesses.length < limit) witnesses.push({ sum: total, sumOfSquares: q.toString(), sd: sdFromSums(q, total, n, items) });
    else break;
  }
  if (witnesses.length > 0) return { consistent: true, reason: null, witnesses };
  return { consistent: false, reason: anySdRange ? "parity" : "sd-range", witnesses };
}

const reasonText: Record<GrimmerReason, string> = {
  grim: "the mean fails GRIM, so no SD can be tested",
  scale: "the mean lies outside the scale range",
  "sd-range": "no whole-number sum of squares gives an SD that rounds to the reported SD",
  "too-coarse": "",
  parity: "the sums of squares that fit the SD all have the wrong parity (a sum of squares of whole numbers has the parity of their sum)",
};

/**
 * GRIMMER (granularity-related inconsistency of means mapped to error repeats): can a mean and an
 * SD of whole-number scores from n people both round to the reported values?
 * Why: the SD of integer data is also granular; many (mean, SD) pairs are impossible for small n.
 * Passing is necessary, not sufficient: some pairs pass and still have no integer sample (e.g.
 * mean 2.00, SD 2.00, n 2 needs two integers 2√2 apart); use CLOSURE to certify one.
 * Reference: Anaya (2016), doi:10.7287/peerj.preprints.2400v1; Allard (2018) A-GRIMMER; rsprite2 GRIMMER_test.
 *
 * @param input.mean string to keep trailing zeros
 * @param input.sd string to keep trailing zeros (sample SD, n − 1 denominator)
 * @param input.n sample size ≥ 2
 * @param input.items items per scale (default 1)
 * @param input.scale optional whole-number item range, which also bounds the SD
 * @throws CohortError for n < 2, items outside 1…MAX_ITEMS, a negative SD, malformed strings, or a scale
 *   whose bounds are not whole numbers or have min ≥ max
 * @example
 * grimmer({ mean: "5.21", sd: "1.60", n: 28 }).status; // => "consistent"
 */
export function grimmer(input: GrimmerInput): CheckResult {
  const outcome = grimmerTest(input);
  const items = input.items ?? 1;
  const grain = inputGrain(input);
  const whole = isWholeItems(grain);
  const rounding = input.rounding ?? "up_or_down";
  const w = outcome.witnesses[0];
  const tooCoarse = outcome.reason === "too-coarse";
  const digits = parseDecimal(input.mean, "mean").digits;
  return {
    check: "grimmer",
    status: tooCoarse ? "undetermined" : outcome.consistent ? "consistent" : "inconsistent",
    inputs: { mean: input.mean, sd: input.sd, n: input.n, items, ...(whole ? {} : { itemStep: stepText(grain.itemStep) }) },
    assumptions: {
      rounding,
      sd: "sample SD (n − 1 denominator)",
      granularity: meanSpacing(grain, input.n),
      ...(whole ? {} : { scoring: grainWords(grain) }),
      ...(input.scale ? { scale: `${input.scale.min}–${input.scale.max} per item` } : { scale: whole ? "unbounded whole numbers" : `unbounded multiples of ${stepText(grain.step)}` }),
    },
    explanation: tooCoarse
      ? `n × items = ${input.n * items} is far above 10^${digits}: ${outcome.totals} whole-number totals fit mean ${input.mean} (more than the ${MAX_GRIMMER_TOTALS} GRIMMER tries), so neither GRIM nor GRIMMER can test it at this precision`
      : outcome.consistent
        ? `mean ${input.mean} and SD ${input.sd} pass GRIMMER: e.g. total ${w?.sum}${whole ? "" : ` steps of ${stepText(grain.step)}`} with sum of squares ${w?.sumOfSquares} gives SD ${w?.sd.toFixed(4)} (necessary, not proof that a sample exists)`
        : `mean ${input.mean} and SD ${input.sd} with n = ${input.n} fail GRIMMER: ${reasonText[outcome.reason ?? "sd-range"]}`,
    reference: references.grimmer,
    details: { reason: outcome.reason, witnesses: outcome.witnesses, ...(tooCoarse ? { candidateTotals: outcome.totals, limit: MAX_GRIMMER_TOTALS } : {}) },
  };
}
