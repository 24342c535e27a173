import { betaQuantile } from "./distributions.js";
import type { ProportionInterval } from "./proportion-interval.js";
import * as message from "../messages/inference.js";
import { requireCount, requireFiniteResult, requireLevel } from "./validate.js";

/**
 * Clopper–Pearson ("exact") confidence interval for a binomial proportion.
 *
 * Why: it inverts two one-sided binomial tests, so its coverage is never below the nominal level;
 * the conservative choice when a reader must not be misled by a small n. Bounds are beta quantiles:
 * low = B(α/2; x, n−x+1), high = B(1−α/2; x+1, n−x), with low = 0 at x = 0 and high = 1 at x = n.
 *
 * Reference: Clopper CJ, Pearson ES (1934) Biometrika 26:404–413, doi:10.1093/biomet/26.4.404.
 *
 * @param count number of events (whole number, 0 ≤ count ≤ n)
 * @param n number of trials (whole number ≥ 1)
 * @param level two-sided confidence level, default 0.95
 * @throws {CohortError} if count or n are not whole numbers with 0 ≤ count ≤ n, level ∉ [1e-12, 1 − 1e-12], or a bound is not finite
 * @example
 * clopperPearson(14, 20).interval; // => [0.4572..., 0.8811...]
 */
export function clopperPearson(count: number, n: number, level = 0.95): ProportionInterval {
  requireCount(count, n);
  requireLevel(level);
  const alpha = 1 - level;
  const low = count === 0 ? 0 : betaQuantile(alpha / 2, count, n - count + 1);
  const high = count === n ? 1 : betaQuantile(1 - alpha / 2, count + 1, n - count);
  requireFiniteResult([low, high], () => message.intervalNotComputable("Clopper–Pearson", count, n, level));
  return {
    method: "clopper-pearson",
    count,
    n,
    level,
    estimate: count / n,
    interval: [low, high],
    sides: 2,
    reference: {
      citation: "Clopper CJ, Pearson ES (1934) The use of confidence or fiducial limits illustrated in the case of the binomial. Biometrika 26:404–413",
      doi: "10.1093/biomet/26.4.404",
    },
  };
}
