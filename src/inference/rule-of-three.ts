import { CohortError } from "../errors.js";
import * as message from "../messages/inference.js";
import type { ProportionInterval } from "./proportion-interval.js";
import { requireCount } from "./validate.js";

/** The rule of three's bound plus the exact one-sided bound it approximates. */
export interface RuleOfThree extends ProportionInterval {
  /** Exact one-sided 95% bound: 1 − 0.05^(1/n) for 0/n (mirrored for n/n); 3/n approximates it. */
  exactBound: number;
}

/**
 * The rule of three: after 0 events in n trials, 3/n is an approximate one-sided 95% upper bound for
 * the event rate (and after n/n, 1 − 3/n is the lower bound for the success rate).
 *
 * Why: "improved in all patients" (20/20) invites the reading "always works"; the rule says how low
 * the true rate could still plausibly be. It comes from solving (1 − p)^n = 0.05, i.e. −ln 0.05 ≈ 3;
 * the exact bound is returned alongside. Reasonable for n ≳ 30; for smaller n it is conservative.
 *
 * Reference: Hanley JA, Lippman-Hand A (1983) If nothing goes wrong, is everything all right?
 * Interpreting zero numerators. JAMA 249:1743–1745, doi:10.1001/jama.1983.03330370053031.
 *
 * @param n number of trials (whole number ≥ 1)
 * @param count 0 (default) or n
 * @throws {CohortError} if n is not a whole number ≥ 1 or count is neither 0 nor n
 * @example
 * ruleOfThree(20, 20).interval; // => [0.85, 1]
 */
export function ruleOfThree(n: number, count = 0): RuleOfThree {
  requireCount(count, n);
  if (count !== 0 && count !== n) throw new CohortError({ message: message.ruleOfThreeNotApplicable(count, n) });
  const bound = Math.min(1, 3 / n);
  const exact = 1 - Math.pow(0.05, 1 / n);
  const allEvents = count === n;
  return {
    method: "rule-of-three",
    count,
    n,
    level: 0.95,
    estimate: count / n,
    interval: allEvents ? [1 - bound, 1] : [0, bound],
    exactBound: allEvents ? 1 - exact : exact,
    sides: 1,
    note: `approximate one-sided 95% ${allEvents ? "lower" : "upper"} bound (3/n); exact bound solves ${allEvents ? "p^n" : "(1 − p)^n"} = 0.05`,
    reference: {
      citation: "Hanley JA, Lippman-Hand A (1983) If nothing goes wrong, is everything all right? Interpreting zero numerators. JAMA 249:1743–1745",
      doi: "10.1001/jama.1983.03330370053031",
    },
  };
}
