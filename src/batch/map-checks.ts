import { debit } from "../checks/debit.js";
import { grimmer } from "../checks/grimmer.js";
import { percent } from "../checks/percent.js";
import { requireItems, requireWhole } from "../checks/validate.js";
import type { CheckStatus } from "../schema/check-result.js";
import { integersInInterval, parseDecimal, roundingInterval, type RoundingMode } from "../stats/rounding.js";

/** The values of one table row a check reads, by role: reported decimals as strings, counts as whole numbers. */
export interface MapValues {
  decimals: Record<string, string>;
  counts: Record<string, number>;
}

/** What one row gets: the verdict, and for GRIM scrutiny's rounding-free probability of an inconsistency. */
export interface MapVerdict {
  consistency: CheckStatus;
  ratio?: number;
}

/**
 * One check as batch mode runs it: the columns it reads (each role with the column names that stand
 * for it, scrutiny's first) and the row function. Decimal roles must arrive as strings (trailing zeros
 * matter); count roles are whole numbers. A row function throws a CohortError for a bad row.
 */
export interface MapCheck {
  description: string;
  decimals: Record<string, readonly string[]>;
  counts: Record<string, readonly string[]>;
  /** Roles a row may leave out (their column may be absent or the cell empty). */
  optional: readonly string[];
  run(values: MapValues, rounding: RoundingMode): MapVerdict;
}

/**
 * GRIM's verdict, as `grim()` gives it, without building the explanation: `undetermined` when
 * n·items ≥ 10^decimals (every value is then reachable). About 20 times faster than grim(), which also
 * finds the nearest consistent values; tests/batch/map-rows.test.ts checks the two agree row by row.
 */
function grimVerdict(values: MapValues, rounding: RoundingMode): MapVerdict {
  const n = requireWhole("n", values.counts.n, 1);
  const items = requireItems(values.counts.items ?? 1);
  // One parse per row: the interval's denominator is 10^(decimals + 1).
  let interval;
  try {
    interval = roundingInterval(values.decimals.x!, rounding);
  } catch (error) {
    parseDecimal(values.decimals.x!, "mean"); // a malformed mean: grim()'s own message, which names it
    throw error;
  }
  const total = n * items;
  const p10 = interval.den / 10;
  const ratio = Math.max(0, (p10 - total) / p10);
  if (total >= p10) return { consistency: "undetermined", ratio };
  const sums = integersInInterval(interval, total);
  return { consistency: sums.first <= sums.last ? "consistent" : "inconsistent", ratio };
}

/**
 * The checks `cohort map` runs, by name. A new check is one entry: its columns and a row function
 * returning the check's status (e.g. `(v, rounding) => ({ consistency: myCheck({ … }).status })`).
 */
export const mapChecks: Readonly<Record<string, MapCheck>> = {
  grim: {
    description: "GRIM on a mean of whole-number scores (x, n, items)",
    decimals: { x: ["x", "mean"] },
    counts: { n: ["n"], items: ["items"] },
    optional: ["items"],
    run: grimVerdict,
  },
  grimmer: {
    description: "GRIMMER on a mean and SD of whole-number scores (x, sd, n, items)",
    decimals: { x: ["x", "mean"], sd: ["sd"] },
    counts: { n: ["n"], items: ["items"] },
    optional: ["items"],
    run: (v, rounding) => ({ consistency: grimmer({ mean: v.decimals.x!, sd: v.decimals.sd!, n: v.counts.n!, items: v.counts.items ?? 1, rounding }).status }),
  },
  debit: {
    description: "DEBIT on the mean and SD of binary (0/1) data (x, sd, n)",
    decimals: { x: ["x", "mean"], sd: ["sd"] },
    counts: { n: ["n"] },
    optional: [],
    run: (v, rounding) => ({ consistency: debit({ mean: v.decimals.x!, sd: v.decimals.sd!, n: v.counts.n!, rounding }).status }),
  },
  percent: {
    description: "a percentage of n, and the count when given (percent, n, count)",
    decimals: { percent: ["percent", "x"] },
    counts: { n: ["n"], count: ["count"] },
    optional: ["count"],
    run: (v, rounding) => ({ consistency: percent({ percent: v.decimals.percent!, n: v.counts.n!, ...(v.counts.count !== undefined ? { count: v.counts.count } : {}), rounding }).status }),
  },
};

/** The names of the checks batch mode knows, in table order. */
export const mapCheckNames: readonly string[] = Object.keys(mapChecks);
