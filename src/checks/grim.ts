import { CohortError, exitCodes } from "../errors.js";
import * as msg from "../messages/checks.js";
import type { CheckResult } from "../schema/check-result.js";
import { formatScaled, integersInInterval, parseDecimal, roundingInterval, type RoundingMode, type ScaledInterval } from "../stats/rounding.js";
import { parseStep, personStep, stepText, WHOLE, type Step } from "../stats/step.js";
import { grainOf, grainWords, isWholeItems, meanSpacing } from "./grain.js";
import { references } from "./references.js";
import { requireItems, requireMode, requireWhole } from "./validate.js";

/** Most endings grimProbability tests one by one (10^6: decimals up to 6). */
const MAX_ENDINGS = 1_000_000;

/** Options shared by the GRIM family. */
export interface GrimOptions {
  /** Items per scale whose item scores are whole numbers (multi-item GRIM); default 1. */
  items?: number;
  /**
   * The step between an item's possible values (default 1): a person's score is then a multiple of
   * itemStep/items (RAND-36 physical functioning: items recoded to 0/50/100, 10 items → multiples of 5).
   * A number, a decimal string or a fraction string ("100/3").
   */
  itemStep?: number | string | Step;
  /** The reported value is a percentage (scrutiny `percent = TRUE`): 5.19 means 0.0519. */
  percent?: boolean;
  rounding?: RoundingMode;
  /** Deciding digit for the `*_from` modes; default 5. */
  threshold?: number;
}

export interface GrimInput extends GrimOptions {
  /** The reported mean, a string to keep trailing zeros. */
  mean: string;
  n: number;
}

/** The interval of the reported value as a proportion or mean, with percent shifted two places. */
function meanInterval(mean: string, percent: boolean, rounding: RoundingMode, threshold: number): ScaledInterval {
  const interval = roundingInterval(mean, rounding, threshold);
  return percent ? { ...interval, den: interval.den * 100 } : interval;
}

/**
 * The GRIM test as a bare boolean: is there a whole-number total S with S/(n·items) rounding to
 * the reported mean? Exact integer arithmetic, no floating-point dust. For batch use; `grim()`
 * wraps it in a CheckResult with the evidence.
 * Reference: Brown & Heathers (2017), doi:10.1177/1948550616673876; scrutiny `grim()`.
 *
 * @param mean string to keep trailing zeros
 * @param n sample size (whole number ≥ 1)
 * @param items items per scale (default 1)
 * @param rounding default `up_or_down`
 * @throws CohortError for a malformed mean or a bad n
 * @example
 * grimConsistent("5.19", 28); // => false
 */
export function grimConsistent(mean: string, n: number, items = 1, rounding: RoundingMode = "up_or_down", percent = false, threshold = 5, itemStep: number | string | Step = WHOLE): boolean {
  const step = personStep(items, parseStep(itemStep, "itemStep"));
  const range = integersInInterval(inStepsOf(meanInterval(mean, percent, rounding, threshold), step), n);
  return range.first <= range.last;
}

/** The interval of a mean divided by a person's step, exactly (Σk / n lies in it when the mean does). */
function inStepsOf(interval: ScaledInterval, step: Step): ScaledInterval {
  return step.num === 1 ? { ...interval, lo: interval.lo * step.den, hi: interval.hi * step.den } : { ...interval, den: interval.den * step.num, lo: interval.lo * step.den, hi: interval.hi * step.den };
}

/**
 * How many distinct endings (value mod 1) the means k·step/n can have: n·den/gcd(num, n·den) for a
 * step num/den, n·items for whole-number items.
 */
function endingsCount(n: number, step: Step): number {
  let a = step.num;
  let b = n * step.den;
  while (b !== 0) [a, b] = [b, a % b];
  return (n * step.den) / a;
}

/**
 * GRIM probability: the share of the 10^digits possible endings of a value with that many decimals
 * that no total S/(n·items) rounds to under the rounding mode (0 when every ending can be reached),
 * counted ending by ending.
 *
 * How it differs from scrutiny's `grim_probability()`, which is the formula (10^digits − n·items) /
 * 10^digits whatever the rounding: that formula assumes each of the n·items totals reaches exactly one
 * ending. Under a mode with two candidates a total can reach two: with `up_or_down` a total that lands
 * exactly on a tie (…5 at the next decimal, which happens when 2^(digits+1) divides n·items, e.g. when
 * 8 divides n at two decimals) rounds both ways, and with `ceiling_or_floor` every total off the grid
 * does. Then fewer endings are impossible and this function gives less. Example: at two decimals with
 * n = 8 the totals 0/8 … 7/8 are .000, .125, .250, .375, .500, .625, .750, .875; the four ending in 5
 * reach two endings each, 12 endings in all, so grimProbability("5.19", 8) is 0.88 where scrutiny's
 * grim_probability("5.19", 8) is 0.92 (and 0.92 here under `up`, where each total reaches one ending).
 * With one candidate per total (`up`, `down`, `even`, …) and whenever 2^(digits+1) does not divide
 * n·items under `up_or_down`, the two agree: grimProbability("5.19", 28) is 0.72 in both.
 * Reference: scrutiny `grim_probability()`, R/grim-stats.R (Jung, https://lhdjung.github.io/scrutiny/).
 *
 * @param mean string (only its number of decimals matters)
 * @throws CohortError (exit code refused) when n·items < 10^digits and 10^digits exceeds 10^6 endings to test
 * @example
 * grimProbability("5.19", 28); // => 0.72 (28 of the 100 endings .00–.99 are reachable)
 * grimProbability("5.19", 8); // => 0.88 (12 endings: the four totals on a tie round both ways; scrutiny: 0.92)
 */
export function grimProbability(mean: string, n: number, items = 1, rounding: RoundingMode = "up_or_down", percent = false, threshold = 5, itemStep: number | string | Step = WHOLE): number {
  requireWhole("n", n, 1);
  requireItems(items);
  const digits = parseDecimal(mean, "mean").digits + (percent ? 2 : 0);
  const p10 = 10 ** digits;
  // The endings (mean mod 1) of k·step/n are the multiples of 1/total: a step of 5 over n = 26 reaches every 26th.
  const total = endingsCount(n, personStep(items, parseStep(itemStep, "itemStep")));
  if (total >= p10) return 0;
  // One GRIM test per ending: refuse up front rather than loop over 10^digits endings.
  if (p10 > MAX_ENDINGS) throw new CohortError({ message: msg.tooManyEndings(digits, MAX_ENDINGS) }, exitCodes.refused);
  let reachable = 0;
  for (let r = 0; r < p10; r++) {
    const range = integersInInterval(roundingInterval(formatScaled(r, digits), rounding, threshold), total);
    if (range.first <= range.last) reachable += 1;
  }
  return (p10 - reachable) / p10;
}

/**
 * The GRIM test (granularity-related inconsistency of means): can a mean of whole-number item
 * scores from n people (each scored on `items` items) round to the reported mean?
 * Why: a mean of integers is a multiple of 1/(n·items), so many two-decimal means are impossible for small n.
 * `undetermined` when n·items ≥ 10^decimals: every value is then reachable (scrutiny warns here).
 * Reference: Brown & Heathers (2017), doi:10.1177/1948550616673876; scrutiny `grim()`.
 *
 * @param input.mean string to keep trailing zeros ("5.10")
 * @param input.n sample size
 * @param input.items items per scale (default 1); a percentage uses `percent: true`
 * @throws CohortError for a malformed mean, n < 1, items outside 1…MAX_ITEMS or an unknown rounding mode
 * @example
 * grim({ mean: "5.19", n: 28 }).status; // => "inconsistent"
 * grim({ mean: "5.19", n: 32 }).status; // => "consistent"
 */
export function grim(input: GrimInput): CheckResult {
  const n = requireWhole("n", input.n, 1);
  const grain = grainOf({ items: input.items ?? 1, ...(input.itemStep !== undefined ? { itemStep: input.itemStep } : {}) });
  const { items, step } = grain;
  const rounding = requireMode(input.rounding);
  const threshold = input.threshold ?? 5;
  const percent = input.percent ?? false;
  const parsed = parseDecimal(input.mean, "mean");
  const digits = parsed.digits + (percent ? 2 : 0);
  const total = n * items;
  // Σk over n people, k the person's score in steps (the item sum when itemStep is 1).
  const sums = integersInInterval(inStepsOf(meanInterval(input.mean, percent, rounding, threshold), step), n);
  const consistent = sums.first <= sums.last;
  // Every value is reachable once the means' spacing step/n is at most 10^−digits.
  const tooCoarse = n * step.den >= 10 ** digits * step.num;
  const status = tooCoarse ? "undetermined" : consistent ? "consistent" : "inconsistent";
  const unit = percent ? "%" : "";
  const whole = isWholeItems(grain);
  const stepWords = whole ? "" : ` in steps of ${stepText(step)}`;
  const totalWords = (first: number, last: number) => (whole ? `total ${first}${last > first ? `–${last}` : ""} / ${total}` : `total ${scoreTotal(first, step)}${last > first ? `–${scoreTotal(last, step)}` : ""} / ${n}`);
  const nearest = consistent ? null : nearestConsistent(input.mean, n, items, rounding, percent, threshold, grain.itemStep);
  const explanation = tooCoarse
    ? whole
      ? `n × items = ${total} is at least 10^${digits}, so every ${digits}-decimal ${percent ? "proportion" : "mean"} is reachable: GRIM cannot test this value`
      : `the possible means of ${n} scores${stepWords} are ${meanSpacing(grain, n)} apart, no more than 10^−${digits}, so every ${digits}-decimal mean is reachable: GRIM cannot test this value`
    : consistent
      ? `${input.mean}${unit} can be a mean of ${whole ? "whole-number scores" : `${n} scores${stepWords}`}: ${totalWords(sums.first, sums.last)} rounds to it`
      : `no ${whole ? `whole-number total divided by ${total}` : `total of ${n} scores${stepWords}, divided by ${n},`} rounds to ${input.mean}${unit}; the nearest consistent values are ${nearest!.join(" and ")}`;
  return {
    check: "grim",
    status,
    inputs: { mean: input.mean, n, items, ...(whole ? {} : { itemStep: stepText(grain.itemStep) }), ...(percent ? { percent } : {}) },
    assumptions: {
      rounding,
      ...(rounding.includes("from") ? { threshold } : {}),
      granularity: meanSpacing(grain, n),
      scoring: grainWords(grain),
    },
    explanation,
    reference: references.grim,
    details: {
      decimals: parsed.digits,
      sums: consistent ? sums : null,
      ...(whole ? {} : { step: stepText(step) }),
      nearestConsistent: nearest,
      ratio: grimRatio(digits, endingsCount(n, step)),
    },
  };
}

/** A total of scores, Σk·step, as text ("1960", "1333.33…" shown as 4000/3). */
function scoreTotal(k: number, step: Step): string {
  const num = k * step.num;
  return num % step.den === 0 ? String(num / step.den) : `${num}/${step.den}`;
}

/** scrutiny's `grim_ratio()` clamped at 0: (10^digits − n·items) / 10^digits, the rounding-free estimate of grimProbability. */
function grimRatio(digits: number, total: number): number {
  const p10 = 10 ** digits;
  return Math.max(0, (p10 - total) / p10);
}

/**
 * The closest values at the reported precision (below, then above) that pass GRIM, as strings.
 * rsprite2's GRIM_test(return_values = TRUE) gives the same for a failing mean.
 *
 * @example
 * nearestConsistent("5.83", 50); // => ["5.82", "5.84"]
 */
export function nearestConsistent(mean: string, n: number, items = 1, rounding: RoundingMode = "up_or_down", percent = false, threshold = 5, itemStep: number | string | Step = WHOLE): string[] {
  const p = parseDecimal(mean, "mean");
  const r = (p.negative ? -1 : 1) * p.scaled;
  const step = personStep(items, parseStep(itemStep, "itemStep"));
  // Constant time whatever the precision: the nearest consistent values are what the totals just
  // outside the reported value's interval round to (rounding is monotone), i.e. the floor or ceiling
  // of S·step·10^D/n at the reported digits; each candidate is confirmed by grimConsistent itself.
  const sums = integersInInterval(inStepsOf(meanInterval(mean, percent, rounding, threshold), step), n);
  const scale = 10n ** BigInt(p.digits + (percent ? 2 : 0));
  const out: string[] = [];
  // The edge totals inside the interval count too: a tie can round them to a neighbour (up_or_down).
  for (const [edge, below] of [[[sums.first - 1, sums.first], true], [[sums.last, sums.last + 1], false]] as const) {
    const floors = edge.map((sum) => floorDivBig(BigInt(sum) * BigInt(step.num) * scale, BigInt(n) * BigInt(step.den)));
    const candidates = floors.flatMap((floor) => [-1n, 0n, 1n, 2n].map((d) => Number(floor + d))).filter((c) => (below ? c < r : c > r) && grimConsistent(formatScaled(c, p.digits), n, items, rounding, percent, threshold, itemStep));
    if (candidates.length > 0) out.push(formatScaled(below ? Math.max(...candidates) : Math.min(...candidates), p.digits));
  }
  return out;
}

function floorDivBig(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && (a < 0n) !== (b < 0n) ? q - 1n : q;
}
