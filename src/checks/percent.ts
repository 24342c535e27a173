import { CohortError, exitCodes } from "../errors.js";
import * as msg from "../messages/checks.js";
import type { CheckResult } from "../schema/check-result.js";
import { fractionInInterval, integersInInterval, parseDecimal, roundingInterval, type RoundingMode } from "../stats/rounding.js";
import { references } from "./references.js";
import { requireMode, requireWhole } from "./validate.js";

export interface PercentInput {
  /** The reported percentage, a string to keep trailing zeros ("45.0"). */
  percent: string;
  /** The denominator the percentage is of. */
  n: number;
  /** The reported count, when the source gives one. */
  count?: number;
  rounding?: RoundingMode;
  threshold?: number;
  /** What the denominator is (e.g. "whole sample, n = 20" or "opioid subgroup"); recorded in the assumptions. */
  denominatorNote?: string;
  /** Other denominators worth trying (e.g. completers vs enrolled); each is reported, none is silently chosen. */
  alternativeDenominators?: number[];
}

/** The whole counts that fit a percentage, as a range: `count` of them, from `lowest` to `highest` (null when none). */
export interface CountRange {
  lowest: number | null;
  highest: number | null;
  count: number;
}

/** How many fitting counts a result lists one by one; beyond it only the range is given. */
export const MAX_LISTED_COUNTS = 1000;

/**
 * The whole counts k in 0…n whose percentage 100·k/n rounds to the reported one, as a range (exact
 * arithmetic). They are always consecutive, so the range is the whole answer, in constant time and
 * memory whatever n (a list of them could not be allocated for n near 2^53).
 * Reference: Brown & Heathers (2017) GRIM, doi:10.1177/1948550616673876 (percentages of counts).
 *
 * @param percent string to keep trailing zeros
 * @param n denominator (whole number ≥ 1)
 * @throws CohortError for a malformed percent or n < 1
 * @example
 * countRangeForPercent("45", 20); // => { lowest: 9, highest: 9, count: 1 }
 * countRangeForPercent("45", 1000000); // => { lowest: 445000, highest: 454999, count: 10000 }
 */
export function countRangeForPercent(percent: string, n: number, rounding: RoundingMode = "up_or_down", threshold = 5): CountRange {
  requireWhole("n", n, 1);
  const interval = roundingInterval(percent, rounding, threshold);
  // 100·k/n ∈ I  ⇔  k ∈ I·n/100
  const range = integersInInterval({ ...interval, den: interval.den * 100 }, n);
  const lowest = Math.max(0, range.first);
  const highest = Math.min(n, range.last);
  return lowest <= highest ? { lowest, highest, count: highest - lowest + 1 } : { lowest: null, highest: null, count: 0 };
}

/**
 * Every whole count k in 0…n whose percentage 100·k/n rounds to the reported one, listed.
 * Why: the reverse question ("how many patients is 45%?") has zero, one or several answers.
 * Reference: Brown & Heathers (2017) GRIM, doi:10.1177/1948550616673876 (percentages of counts).
 *
 * @param percent string to keep trailing zeros
 * @param n denominator (whole number ≥ 1)
 * @param rounding default `up_or_down`
 * @throws CohortError for a malformed percent or n < 1; CohortError (exit code refused) when more than
 *   MAX_LISTED_COUNTS counts fit — use countRangeForPercent then
 * @example
 * countsForPercent("45", 20); // => [9]
 * countsForPercent("33", 10); // => []
 */
export function countsForPercent(percent: string, n: number, rounding: RoundingMode = "up_or_down", threshold = 5): number[] {
  const range = countRangeForPercent(percent, n, rounding, threshold);
  if (range.count > MAX_LISTED_COUNTS) throw new CohortError({ message: msg.tooManyCounts(percent, n, range.count, MAX_LISTED_COUNTS) }, exitCodes.refused);
  return listRange(range);
}

/** The counts of a range, one by one (callers keep ranges of at most MAX_LISTED_COUNTS). */
export function listRange(range: CountRange): number[] {
  if (range.lowest === null || range.highest === null) return [];
  return Array.from({ length: range.count }, (_, i) => (range.lowest as number) + i);
}

/** A range as text: "9", "9, 10, 11" when few, "445000–454999 (10000 counts)" otherwise. */
export function showRange(range: CountRange): string {
  if (range.lowest === null || range.highest === null) return "none";
  if (range.count <= 12) return listRange(range).join(", ");
  return `${range.lowest}–${range.highest} (${range.count} counts)`;
}

/**
 * Bare boolean form for batches: does count/n round to the percentage (or, without a count, does any count)?
 *
 * @example
 * percentConsistent("45", 20, 9); // => true
 */
export function percentConsistent(percent: string, n: number, count?: number, rounding: RoundingMode = "up_or_down", threshold = 5): boolean {
  const interval = roundingInterval(percent, rounding, threshold);
  if (count !== undefined) return count >= 0 && count <= n && fractionInInterval(100 * count, n, interval);
  const range = integersInInterval({ ...interval, den: interval.den * 100 }, n);
  return Math.max(0, range.first) <= Math.min(n, range.last);
}

/**
 * Percent of a count: can the reported percentage come from a whole count of n at its precision,
 * and does a reported count round to it? Lists every fitting count, and the counts under any
 * alternative denominators supplied. `undetermined` when n ≥ 100·10^decimals and no count is
 * given (every percentage is then reachable).
 * Reference: Brown & Heathers (2017), doi:10.1177/1948550616673876; scrutiny `grim(percent = TRUE)`.
 *
 * @param input.percent string to keep trailing zeros
 * @param input.n the denominator
 * @param input.count the reported count (optional)
 * @throws CohortError for a malformed percent, n < 1, or a count outside 0…n
 * @example
 * percent({ percent: "55", n: 20, count: 11 }).status; // => "consistent"
 */
export function percent(input: PercentInput): CheckResult {
  const n = requireWhole("n", input.n, 1);
  const rounding = requireMode(input.rounding);
  const threshold = input.threshold ?? 5;
  const digits = parseDecimal(input.percent, "percent").digits;
  if (input.count !== undefined) {
    requireWhole("count", input.count, 0);
    if (input.count > n) throw new CohortError({ message: msg.countAboveN(input.count, n) });
  }
  const range = countRangeForPercent(input.percent, n, rounding, threshold);
  const inRange = (r: CountRange, k: number) => r.lowest !== null && r.highest !== null && k >= r.lowest && k <= r.highest;
  const tooCoarse = n >= 100 * 10 ** digits;
  const countFits = input.count === undefined ? null : inRange(range, input.count);
  const status = countFits === false ? "inconsistent" : countFits === true ? "consistent" : tooCoarse ? "undetermined" : range.count > 0 ? "consistent" : "inconsistent";
  const alternatives = (input.alternativeDenominators ?? []).map((d) => {
    const r = countRangeForPercent(input.percent, requireWhole("alternative denominator", d, 1), rounding, threshold);
    const fits = input.count === undefined ? r.count > 0 : inRange(r, input.count);
    return { n: d, counts: r.count <= MAX_LISTED_COUNTS ? listRange(r) : null, countRange: r, status: fits ? "consistent" : "inconsistent" };
  });
  const shown = showRange(range);
  const explanation =
    countFits === false
      ? `${input.count}/${n} = ${formatRatio(input.count ?? 0, n)}% does not round to ${input.percent}%; counts that do: ${shown}`
      : countFits === true
        ? `${input.count}/${n} = ${formatRatio(input.count ?? 0, n)}% rounds to ${input.percent}%`
        : tooCoarse
          ? `with n = ${n} every ${digits}-decimal percentage is reachable, so ${input.percent}% cannot be tested (counts that fit: ${shown})`
          : range.count > 0
            ? `${input.percent}% of ${n} fits ${range.count === 1 ? "the count" : "the counts"} ${shown}`
            : `no whole count out of ${n} gives ${input.percent}% at ${digits} decimal${digits === 1 ? "" : "s"}`;
  return {
    check: "percent",
    status,
    inputs: { percent: input.percent, n, ...(input.count !== undefined ? { count: input.count } : {}) },
    assumptions: {
      rounding,
      ...(rounding.includes("from") ? { threshold } : {}),
      denominator: input.denominatorNote ? `${n} (${input.denominatorNote})` : n,
    },
    explanation,
    reference: references.percent,
    // `counts` lists the fitting counts only when there are few (null otherwise); `countRange` always holds them all.
    details: { counts: range.count <= MAX_LISTED_COUNTS ? listRange(range) : null, countRange: range, ...(alternatives.length > 0 ? { alternativeDenominators: alternatives } : {}) },
  };
}

/** 100·k/n to four decimals for explanations (display only; verdicts never use it). */
function formatRatio(k: number, n: number): string {
  return String(Math.round((100 * k * 10000) / n) / 10000);
}
