import { CohortError } from "../errors.js";
import * as message from "../messages/inference.js";
import { midranks } from "./midranks.js";
import { twoSidedExactP, type RankTestResult } from "./rank-test-result.js";
import { requireValues } from "./validate.js";

/** Largest pooled sample the exact distribution is computed for. */
export const MANN_WHITNEY_EXACT_LIMIT = 100;

/**
 * Mann–Whitney U (Wilcoxon rank-sum) test of x against y with an EXACT two-sided p-value, ties included.
 *
 * Why: between two arms of 5 (study B) a t-test leans hard on normality; the rank-sum test does not,
 * and its exact p-value is cheap at this size. With ties, the p-value comes from the permutation
 * distribution of the midrank sum over all C(n_x + n_y, n_x) splits (conditional exact test), counted
 * by dynamic programming over doubled midranks. W = sum of x's ranks − n_x(n_x + 1)/2 (R's W, equal to
 * U for x). Effect size: rank-biserial r = 2·W/(n_x·n_y) − 1 (Kerby 2014).
 *
 * Reference: Mann HB, Whitney DR (1947) Ann Math Stat 18:50–60, doi:10.1214/aoms/1177730491;
 * Wilcoxon F (1945) Biometrics Bulletin 1:80–83.
 *
 * @param x first group (at least 1 finite value)
 * @param y second group (at least 1 finite value)
 * @throws {CohortError} on empty groups, non-finite values, or more than 100 values in all (exit code refused)
 * @example
 * mannWhitney([1, 2, 3], [4, 5, 6]).p; // => 0.1
 */
export function mannWhitney(x: ReadonlyArray<number>, y: ReadonlyArray<number>): RankTestResult {
  requireValues("x", x, 1);
  requireValues("y", y, 1);
  const size = x.length + y.length;
  if (size > MANN_WHITNEY_EXACT_LIMIT) throw new CohortError({ message: message.exactTooLarge("Mann–Whitney test", size, MANN_WHITNEY_EXACT_LIMIT) }, 3);
  const ranks = midranks([...x, ...y]);
  const doubled = ranks.map((rank) => Math.round(rank * 2));
  const total = doubled.reduce((sum, rank) => sum + rank, 0);
  const take = x.length;

  // ways[k][s]: number of k-subsets of the items seen so far whose doubled ranks sum to s. Updated in
  // place with k descending (0/1 knapsack), so each item is used at most once without copying rows.
  const ways: Float64Array[] = Array.from({ length: take + 1 }, () => new Float64Array(total + 1));
  (ways[0] as Float64Array)[0] = 1;
  let reach = 0;
  doubled.forEach((rank, seen) => {
    for (let k = Math.min(take, seen + 1); k >= 1; k -= 1) {
      const from = ways[k - 1] as Float64Array;
      const to = ways[k] as Float64Array;
      for (let sum = reach; sum >= 0; sum -= 1) if ((from[sum] as number) !== 0) to[sum + rank] = (to[sum + rank] as number) + (from[sum] as number);
    }
    reach += rank;
  });
  const counts = ways[take] as Float64Array;
  const all = counts.reduce((sum, count) => sum + count, 0);
  const probabilities = Array.from(counts, (count) => count / all);
  const observedDoubled = doubled.slice(0, take).reduce((sum, rank) => sum + rank, 0);
  const w = observedDoubled / 2 - (take * (take + 1)) / 2;
  return {
    test: "mann-whitney",
    n: [x.length, y.length],
    statistic: { name: "W", value: w },
    p: twoSidedExactP(probabilities, observedDoubled),
    exact: true,
    ties: new Set(ranks).size !== ranks.length,
    effectSize: { name: "rank-biserial", value: (2 * w) / (x.length * y.length) - 1, definition: "2·W/(n_x·n_y) − 1: P(x > y) − P(x < y), ties counting half" },
  };
}
