import { CohortError } from "../errors.js";
import * as message from "../messages/inference.js";
import { midranks, tieKey } from "./midranks.js";
import { twoSidedExactP, type RankTestResult } from "./rank-test-result.js";
import { requireValues } from "./validate.js";
import { remembered } from "../stats/remembered.js";

/** Largest number of non-zero differences the exact distribution is computed for. */
export const SIGNED_RANK_EXACT_LIMIT = 500;

export interface SignedRankOptions {
  /**
   * "wilcox" (default; R, SciPy and @stdlib's default): drop zero differences, then rank.
   * "pratt": rank |d| with the zeros included, then leave the zeros out of the statistic and of the
   * permutation (Pratt 1959), so zeros still push the other ranks up.
   */
  zeroMethod?: "wilcox" | "pratt";
}

/**
 * Wilcoxon signed-rank test on after − before with an EXACT two-sided p-value, ties and zeros included.
 *
 * Why: with n = 20 pre/post scores on bounded scales, a rank test is what a careful author would have
 * run next to the paired t; reconstructions give many tied changes, where R falls back to a normal
 * approximation ("cannot compute exact p-value with ties"). Here the p-value comes from all 2^m sign
 * assignments of the m non-zero midranks (conditional permutation distribution), counted by dynamic
 * programming over doubled ranks (integers, so ties compare exactly). V = sum of ranks of positive
 * changes (R's V). Effect size: matched-pairs rank-biserial r = (2V − T)/T, T = sum of the ranks used
 * (Kerby 2014).
 *
 * Reference: Wilcoxon F (1945) Biometrics Bulletin 1:80–83, doi:10.2307/3001968; Pratt JW (1959) JASA
 * 54:655–667, doi:10.1080/01621459.1959.10501526; Kerby DS (2014) Comprehensive Psychology 3:11.IT.3.1,
 * doi:10.2466/11.IT.3.1.
 *
 * @param before first measurement of each participant
 * @param after second measurement, same order and length
 * @param options zeroMethod "wilcox" (default) or "pratt"
 * @throws {CohortError} on unequal lengths, fewer than 1 pair, non-finite values, all changes zero,
 *   or more than 500 non-zero changes (exit code refused)
 * @example
 * wilcoxonSignedRank([1, 2, 3, 4, 5], [2, 4, 6, 8, 10]).p; // => 0.0625
 */
export function wilcoxonSignedRank(before: ReadonlyArray<number>, after: ReadonlyArray<number>, options: SignedRankOptions = {}): RankTestResult {
  const zeroMethod = options.zeroMethod ?? "wilcox";
  requireValues("before", before, 1);
  requireValues("after", after, 1);
  if (before.length !== after.length) throw new CohortError({ message: message.lengthMismatch(before.length, after.length) });
  const differences = after.map((value, index) => tieKey(value - (before[index] as number)));
  const zeros = differences.filter((difference) => difference === 0).length;
  if (zeros === differences.length) throw new CohortError({ message: message.allDifferencesZero() });
  const ranked = zeroMethod === "wilcox" ? differences.filter((difference) => difference !== 0) : differences;
  const allRanks = midranks(ranked.map(Math.abs));
  const used = ranked.map((difference, index) => ({ difference, rank: allRanks[index] as number })).filter((item) => item.difference !== 0);
  if (used.length > SIGNED_RANK_EXACT_LIMIT) throw new CohortError({ message: message.exactTooLarge("signed-rank test", used.length, SIGNED_RANK_EXACT_LIMIT) }, 3);

  // Doubled midranks are whole numbers, so sums of them can index an array exactly.
  const doubled = used.map((item) => Math.round(item.rank * 2));
  const total = doubled.reduce((sum, rank) => sum + rank, 0);
  const distribution = signedRankDistribution(doubled, total);
  const observedDoubled = used.reduce((sum, item, index) => (item.difference > 0 ? sum + (doubled[index] as number) : sum), 0);
  const v = observedDoubled / 2;
  const rankTotal = total / 2;
  return {
    test: "wilcoxon-signed-rank",
    n: [before.length],
    statistic: { name: "V", value: v },
    p: twoSidedExactP(distribution, observedDoubled),
    exact: true,
    ties: new Set(allRanks).size !== allRanks.length,
    zeroMethod,
    zeros,
    effectSize: { name: "rank-biserial", value: (2 * v - rankTotal) / rankTotal, definition: "(sum of positive ranks − sum of negative ranks) / sum of ranks" },
  };
}

/** Up to this many ranks every probability is a count below 2^53 over 2^m: exact in a double. */
const EXACT_RANKS = 50;

/**
 * P(sum of the doubled ranks given a + sign = s) for s = 0…total, all 2^m sign assignments equally
 * likely. Why remembered: rebuilt datasets share tie structures, and up to EXACT_RANKS ranks each
 * probability is exact, so the same multiset of ranks gives the same array whatever their order.
 */
const signedRankDistribution = remembered(
  4096,
  (doubled: readonly number[], _total: number) => (doubled.length <= EXACT_RANKS ? [...doubled].sort((a, b) => a - b).join(",") : undefined),
  (doubled: readonly number[], total: number): Float64Array => {
    const distribution = new Float64Array(total + 1);
    distribution[0] = 1;
    let reach = 0;
    for (const rank of doubled) {
      // In place, from the top down, so each P(sum − rank) read is still the previous step's:
      // P'(s) = P(s − rank)/2 + P(s)/2, the same sums (addition commutes exactly) with no new array per rank.
      reach += rank;
      for (let sum = reach; sum >= 0; sum -= 1) {
        const stay = (distribution[sum] as number) / 2;
        distribution[sum] = sum >= rank ? (distribution[sum - rank] as number) / 2 + stay : stay;
      }
    }
    return distribution;
  },
);
