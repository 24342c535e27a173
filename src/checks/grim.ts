import { CohortError, exitCodes } from "../errors.js";
import * as msg from "../messages/checks.js";
import type { CheckResult } from "../schema/check-result.js";
import { formatScaled, integersInInterval, parseDecimal, roundingInterval, type RoundingMode, type ScaledInterval } from "../stats/rounding.js";
import { references } from "./references.js";
import { requireItems, requireMode, requireWhole } from "./validate.js";

/** Most endings grimProbability tests one by one (10^6: decimals up to 6). */
const MAX_ENDINGS = 1_000_000;

/** Options shared by the GRIM family. */
export interface GrimOptions {
  /** Items per scale whose item scores are whole numbers (multi-item GRIM); default 1. */
  items?: number;
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
export function grimConsistent(mean: string, n: number, items = 1, rounding: RoundingMode = "up_or_down", percent = false, threshold = 5): boolean {
  const range = integersInInterval(meanInterval(mean, percent, rounding, threshold), n * items);
  return range.first <= range.last;
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
export function grimProbability(mean: string, n: number, items = 1, rounding: RoundingMode = "up_or_down", percent = false, threshold = 5): number {
  requireWhole("n", n, 1);
  requireItems(items);
  const digits = parseDecimal(mean, "mean").digits + (percent ? 2 : 0);
  const p10 = 10 ** digits;
  const total = n * items;
  if (total >= p10) return 0;
  // One GRIM test per ending: refuse up front rather than loop over 10^digits endings.
  if (p10 > MAX_ENDINGS) throw new CohortError({ message: msg.tooManyEndings(digits, MAX_ENDINGS) }, exitCodes.refused);
  let reachable = 0;
  for (let r = 0; r < p10; r++) {
    const value = formatScaled(r, digits);
    if (grimConsistent(value, n, items, rounding, false, threshold)) reachable += 1;
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
  const items = requireItems(input.items ?? 1);
  const rounding = requireMode(input.rounding);
  const threshold = input.threshold ?? 5;
  const percent = input.percent ?? false;
  const parsed = parseDecimal(input.mean, "mean");
  const digits = parsed.digits + (percent ? 2 : 0);
  const total = n * items;
  const sums = integersInInterval(meanInterval(input.mean, percent, rounding, threshold), total);
  const consistent = sums.first <= sums.last;
  const tooCoarse = total >= 10 ** digits;
  const status = tooCoarse ? "undetermined" : consistent ? "consistent" : "inconsistent";
  const unit = percent ? "%" : "";
  const explanation = tooCoarse
    ? `n × items = ${total} is at least 10^${digits}, so every ${digits}-decimal ${percent ? "proportion" : "mean"} is reachable: GRIM cannot test this value`
    : consistent
      ? `${input.mean}${unit} can be a mean of whole-number scores: total ${sums.first}${sums.last > sums.first ? `–${sums.last}` : ""} / ${total} rounds to it`
      : `no whole-number total divided by ${total} rounds to ${input.mean}${unit}; the nearest consistent values are ${nearestConsistent(input.mean, n, items, rounding, percent, threshold).join(" and ")}`;
  return {
    check: "grim",
    status,
    inputs: { mean: input.mean, n, items, ...(percent ? { percent } : {}) },
    assumptions: {
      rounding,
      ...(rounding.includes("from") ? { threshold } : {}),
      granularity: `1/${total}`,
      scoring: items > 1 ? `mean of ${items} whole-number items per person` : "whole-number scores",
    },
    explanation,
    reference: references.grim,
    details: {
      decimals: parsed.digits,
      sums: consistent ? sums : null,
      nearestConsistent: consistent ? null : nearestConsistent(input.mean, n, items, rounding, percent, threshold),
      ratio: grimRatio(digits, total),
    },
  };
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
export function nearestConsistent(mean: string, n: number, items = 1, rounding: RoundingMode = "up_or_down", percent = false, threshold = 5): string[] {
  const p = parseDecimal(mean, "mean");
  const r = (p.negative ? -1 : 1) * p.scaled;
  const total = n * items;
  // Constant time whatever the precision: the nearest consistent values are what the totals just
  // outside the reported value's interval round to (rounding is monotone), i.e. the floor or ceiling
  // of S·10^D/T at the reported digits; each candidate is confirmed by grimConsistent itself.
  const sums = integersInInterval(meanInterval(mean, percent, rounding, threshold), total);
  const scale = 10n ** BigInt(p.digits + (percent ? 2 : 0));
  const out: string[] = [];
  // The edge totals inside the interval count too: a tie can round them to a neighbour (up_or_down).
  for (const [edge, below] of [[[sums.first - 1, sums.first], true], [[sums.last, sums.last + 1], false]] as const) {
    const floors = edge.map((sum) => floorDivBig(BigInt(sum) * scale, BigInt(total)));
    const candidates = floors.flatMap((floor) => [-1n, 0n, 1n, 2n].map((d) => Number(floor + d))).filter((c) => (below ? c < r : c > r) && grimConsistent(formatScaled(c, p.digits), n, items, rounding, percent, threshold));
    if (candidates.length > 0) out.push(formatScaled(below ? Math.max(...candidates) : Math.min(...candidates), p.digits));
  }
  return out;
}

function floorDivBig(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && (a < 0n) !== (b < 0n) ? q - 1n : q;
}
