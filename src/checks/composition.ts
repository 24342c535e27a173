import { CohortError } from "../errors.js";
import * as msg from "../messages/checks.js";
import type { CheckResult } from "../schema/check-result.js";
import { formatScaled, parseDecimal, roundingInterval, type RoundingMode } from "../stats/rounding.js";
import { countRangeForPercent, listRange, MAX_LISTED_COUNTS, type CountRange } from "./percent.js";
import { references } from "./references.js";
import { requireMode, requireWhole } from "./validate.js";

export interface CompositionCategory {
  id: string;
  label?: string;
  count?: number;
  /** string to keep trailing zeros */
  percent?: string;
}

export interface CompositionInput {
  /** The denominator of every category (the group the categories split). */
  n: number;
  categories: CompositionCategory[];
  /** A person may be in more than one category (e.g. several substances misused): sums are then not checked. */
  overlapping?: boolean;
  /**
   * The categories listed are only some of the variable's ("2788 women" of 4575, men not given): their
   * counts may add up to less than n and their percentages to less than 100, never more. Default true.
   */
  allCategoriesListed?: boolean;
  rounding?: RoundingMode;
  threshold?: number;
}

interface CategoryFinding {
  id: string;
  count?: number;
  percent?: string;
  /** Counts this category can have given what is reported for it, listed when at most MAX_LISTED_COUNTS (else null). */
  counts: number[] | null;
  /** The same counts as a range (they are always consecutive). */
  countRange: CountRange;
  status: "consistent" | "inconsistent" | "undetermined";
}

/**
 * Composition of a group: every category's count and percentage agree, the counts sum to n and the
 * rounded percentages sum to 100 within rounding. Goes beyond the sum of percentages: it asks
 * whether whole counts exist, one per category, that fit every reported number and add up to n.
 * Overlapping categories are reported as such (their sums are not expected to be n or 100).
 * Reference: Brown & Heathers (2017) GRIM, doi:10.1177/1948550616673876 (each percentage is a GRIM test).
 *
 * @param input.n the group size every percentage is of
 * @param input.categories id plus a count and/or a percentage (string)
 * @throws CohortError for no categories, n < 1, a bad count or percentage
 * @example
 * composition({ n: 20, categories: [{ id: "male", count: 11, percent: "55" }, { id: "female", count: 9, percent: "45" }] }).status; // => "consistent"
 */
export function composition(input: CompositionInput): CheckResult {
  const n = requireWhole("n", input.n, 1);
  const rounding = requireMode(input.rounding);
  const threshold = input.threshold ?? 5;
  if (input.categories.length === 0) throw new CohortError({ message: msg.emptyCategories() });
  const overlapping = input.overlapping ?? false;
  const partial = !overlapping && input.allCategoriesListed === false;

  const findings: CategoryFinding[] = input.categories.map((c) => {
    if (c.count !== undefined) {
      requireWhole(`count of ${c.id}`, c.count, 0);
      if (c.count > n) throw new CohortError({ message: msg.countAboveN(c.count, n) });
    }
    const fromPercent = c.percent === undefined ? null : countRangeForPercent(c.percent, n, rounding, threshold);
    const countRange: CountRange =
      c.count !== undefined
        ? fromPercent === null || (fromPercent.count > 0 && c.count >= fromPercent.lowest! && c.count <= fromPercent.highest!)
          ? { lowest: c.count, highest: c.count, count: 1 }
          : { lowest: null, highest: null, count: 0 }
        : (fromPercent ?? { lowest: 0, highest: n, count: n + 1 });
    const fits = countRange.count > 0;
    const status = c.count !== undefined && fromPercent !== null ? (fits ? "consistent" : "inconsistent") : c.percent !== undefined ? (fits ? "consistent" : "inconsistent") : "undetermined";
    const counts = countRange.count <= MAX_LISTED_COUNTS ? listRange(countRange) : null;
    return { id: c.id, ...(c.count !== undefined ? { count: c.count } : {}), ...(c.percent !== undefined ? { percent: c.percent } : {}), counts, countRange, status };
  });

  const allCounts = input.categories.every((c) => c.count !== undefined);
  const countSum = allCounts ? input.categories.reduce((s, c) => s + (c.count ?? 0), 0) : null;
  const percents = input.categories.map((c) => c.percent);
  const allPercents = percents.every((p) => p !== undefined);
  const percentSum = allPercents ? sumPercents(percents as string[], rounding, threshold) : null;
  const example = overlapping ? null : partial ? countsWithin(findings.map((f) => f.countRange), n) : countsSummingTo(findings.map((f) => f.countRange), n);

  const categoryProblems = findings.filter((f) => f.status === "inconsistent").map((f) => f.id);
  const problems: string[] = [];
  if (categoryProblems.length > 0) problems.push(`${categoryProblems.join(", ")}: percentage not reachable${findings.some((f) => f.count !== undefined) ? " or not matching its count" : ""}`);
  if (partial) {
    if (countSum !== null && countSum > n) problems.push(`counts sum to ${countSum}, more than n = ${n}`);
    if (percentSum !== null && !percentSum.reaches100OrLess) problems.push(`percentages sum to ${percentSum.reported}, and even their lowest admissible sum ${percentSum.lower} is above 100`);
    if (problems.length === 0 && example === null) problems.push(`no whole counts fitting every category stay within n = ${n}`);
  } else if (!overlapping) {
    if (countSum !== null && countSum !== n) problems.push(`counts sum to ${countSum}, not n = ${n}`);
    if (percentSum !== null && !percentSum.contains100) problems.push(`percentages sum to ${percentSum.reported}, outside the admissible range ${percentSum.lower}–${percentSum.upper} for percentages of one whole`);
    if (problems.length === 0 && example === null) problems.push(`no whole counts fitting every category add up to n = ${n}`);
  }

  const nothingTestable = findings.every((f) => f.status === "undetermined") && (overlapping || partial || countSum === null);
  const status = problems.length > 0 ? "inconsistent" : nothingTestable ? "undetermined" : "consistent";
  const explanation =
    problems.length > 0
      ? problems.join("; ")
      : overlapping
        ? `categories overlap (one person can be in several), so counts need not sum to ${n} nor percentages to 100; each category's own numbers ${nothingTestable ? "could not be tested" : "agree"}`
        : partial
          ? `${findings.length === 1 ? "the one category listed" : `the ${findings.length} categories listed`} (not all of the variable's) ${nothingTestable ? "could not be tested" : `${findings.length === 1 ? "has a count and percentage that agree" : "have counts and percentages that agree"}, within n = ${n}${example ? ` (e.g. ${example.join(" + ")})` : ""}`}`
          : `counts and percentages of the ${findings.length} categories agree and add up to n = ${n}${example ? ` (e.g. ${example.join(" + ")})` : ""}`;
  return {
    check: "composition",
    status,
    inputs: { n, categories: input.categories, ...(overlapping ? { overlapping } : {}), ...(partial ? { allCategoriesListed: false } : {}) },
    assumptions: {
      rounding,
      denominator: n,
      categories: overlapping ? "overlapping: a person may be counted in more than one category" : partial ? "mutually exclusive; only some categories are listed, so their sums may fall short of n and 100%" : "mutually exclusive and exhaustive",
    },
    explanation,
    reference: references.composition,
    details: {
      categories: findings,
      ...(countSum !== null ? { countSum } : {}),
      ...(percentSum !== null ? { percentSum } : {}),
      ...(overlapping ? {} : { fittingCounts: example }),
    },
  };
}

/**
 * The admissible range of the sum of the rounded percentages: the true percentages sum to 100,
 * so 100 must lie between the sum of the lower and the sum of the upper rounding bounds.
 */
function sumPercents(percents: string[], rounding: RoundingMode, threshold: number) {
  const digits = Math.max(...percents.map((p) => parseDecimal(p).digits));
  const den = 10 ** (digits + 1);
  let lo = 0;
  let hi = 0;
  let loIn = true;
  let hiIn = true;
  let reported = 0;
  for (const p of percents) {
    const i = roundingInterval(p, rounding, threshold);
    const k = den / i.den;
    lo += i.lo * k;
    hi += i.hi * k;
    loIn &&= i.loIn;
    hiIn &&= i.hiIn;
    const parsed = parseDecimal(p);
    reported += (parsed.negative ? -1 : 1) * parsed.scaled * 10 ** (digits - parsed.digits);
  }
  const hundred = 100 * den;
  const contains100 = (lo < hundred || (lo === hundred && loIn)) && (hi > hundred || (hi === hundred && hiIn));
  const reaches100OrLess = lo < hundred || (lo === hundred && loIn);
  return {
    reported: formatScaled(reported, digits),
    lower: formatScaled(lo, digits + 1),
    upper: formatScaled(hi, digits + 1),
    lowerInclusive: loIn,
    upperInclusive: hiIn,
    contains100,
    reaches100OrLess,
  };
}

/** One choice of count per category (each from its range) whose sum is at most n: every lowest count, or null. */
function countsWithin(ranges: CountRange[], n: number): number[] | null {
  if (ranges.some((r) => r.lowest === null)) return null;
  const lows = ranges.map((r) => r.lowest as number);
  return lows.reduce((s, x) => s + x, 0) <= n ? lows : null;
}

/**
 * One choice of count per category (each from its consecutive range) summing to n, or null.
 * Sums of consecutive ranges are consecutive, so one exists iff Σlowest ≤ n ≤ Σhighest; it is built
 * by starting every category at its lowest and filling the rest in category order. Constant memory
 * whatever n (a subset-sum table over 0…n could not be allocated for a huge n).
 */
function countsSummingTo(ranges: CountRange[], n: number): number[] | null {
  if (ranges.some((r) => r.lowest === null || r.highest === null)) return null;
  const lows = ranges.map((r) => r.lowest as number);
  let rest = n - lows.reduce((s, x) => s + x, 0);
  if (rest < 0) return null;
  const out = lows.map((low, i) => {
    const take = Math.min(rest, (ranges[i]!.highest as number) - low);
    rest -= take;
    return low + take;
  });
  return rest === 0 ? out : null;
}
