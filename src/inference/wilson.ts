import { normalQuantile } from "./distributions.js";
import type { ProportionInterval } from "./proportion-interval.js";
import * as message from "../messages/inference.js";
import { requireCount, requireFiniteResult, requireLevel } from "./validate.js";

/**
 * Wilson score confidence interval for a binomial proportion.
 *
 * Why: for small n and proportions near 0 or 1 it keeps close to nominal coverage where the Wald
 * interval fails; Newcombe (1998) recommends it (his method 3). Hand-written because no maintained
 * JS package has it (@stdlib and jStat offer only exact/Wald intervals; METHODS.md §8).
 *
 * Reference: Wilson EB (1927) JASA 22:209–212, doi:10.1080/01621459.1927.10502953; Newcombe RG (1998)
 * Stat Med 17:857–872, doi:10.1002/(SICI)1097-0258(19980430)17:8<857::AID-SIM777>3.0.CO;2-E.
 *
 * @param count number of events (whole number, 0 ≤ count ≤ n)
 * @param n number of trials (whole number ≥ 1)
 * @param level two-sided confidence level, default 0.95
 * @throws {CohortError} if count or n are not whole numbers with 0 ≤ count ≤ n, level ∉ [1e-12, 1 − 1e-12], or a bound is not finite
 * @example
 * wilson(14, 20).interval; // => [0.4810..., 0.8545...]
 */
export function wilson(count: number, n: number, level = 0.95): ProportionInterval {
  requireCount(count, n);
  requireLevel(level);
  const z = normalQuantile(1 - (1 - level) / 2);
  const p = count / n;
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const halfWidth = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + z2n);
  // At 0/n and n/n the formula's bound is exactly 0 or 1; rounding could leave 1e-17 instead.
  const low = count === 0 ? 0 : Math.max(0, centre - halfWidth);
  const high = count === n ? 1 : Math.min(1, centre + halfWidth);
  requireFiniteResult([low, high], () => message.intervalNotComputable("Wilson", count, n, level));
  return {
    method: "wilson",
    count,
    n,
    level,
    estimate: p,
    interval: [low, high],
    sides: 2,
    reference: {
      citation: "Wilson EB (1927) Probable inference, the law of succession, and statistical inference. JASA 22:209–212; recommended by Newcombe RG (1998) Stat Med 17:857–872 (method 3)",
      doi: "10.1080/01621459.1927.10502953",
    },
  };
}
