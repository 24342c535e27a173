/**
 * User-facing messages of the exact extremes (src/inference/*-extremes.ts, exact-extremes.ts,
 * p-sensitivity.ts). Functions of their inputs so tests compare against the same text.
 */

export function overBudget(test: string, estimate: number, budget: number): string {
  return `the exact search for ${test} would take about ${estimate.toExponential(1)} steps, over the budget of ${budget.toExponential(1)}; refused (raise the budget to run it)`;
}

export function badBudget(budget: number): string {
  return `budget must be a positive whole number of steps, received ${budget}`;
}

/** How an exact search over the slices bounds an extreme. */
export const BY_EXACT_SEARCH = "exact search: every pair of group totals the report allows, with the most even and the widest change vectors each allows (M-convex sets, checked against enumeration)";

export const BY_WELCH_DF = "proof: no dataset has a larger |t| (exact search) and Welch's df is at most n₁ + n₂ − 2, and p falls as |t| or df grows";
export const BY_WELCH_DF_MAX = "proof: no dataset has a smaller |t| (exact search) and Welch's df is at least min(n₁, n₂) − 1, and p rises as |t| or df falls";
export const BY_SIGNED_RANK_FLOOR = "proof: the exact two-sided p is at least 2/2^m with m non-zero changes, m ≤ n";
export const BY_RANK_SUM_FLOOR = "proof: the exact two-sided p is at least 2/C(n₁ + n₂, n₁)";
export const BY_FORCED_SIGN = "proof: every change is non-zero and of one sign in every dataset (the reading), so the statistic is at its end and p = 2/2^n in all of them";
export const BY_SUMMARY_CORNERS = "exact: at a corner of the box of correlations (−1 to 1), printed means and SDs (p falls as |t| grows, df = n − 1 fixed)";
export const BY_SUMMARY_LIMIT = "a limit, not attained: as r → 1 with equal SDs the SD of the changes → 0 and p → 0, but with no spread of changes t is undefined";
export const BY_P_CEILING = "p is at most 1; no tighter bound is proven";
export const BY_RANGE = "the statistic's range";

export function relaxedBound(what: string[]): string {
  return `bound: the search ran with ${what.join(" and ")} not imposed, a larger set of datasets`;
}
