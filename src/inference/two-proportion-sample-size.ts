import { CohortError } from "../errors.js";
import * as message from "../messages/inference.js";
import { normalQuantile } from "./distributions.js";
import { requireAlpha, requirePower } from "./validate.js";

/** Sample size per group for comparing two proportions. */
export interface TwoProportionSampleSize {
  p1: number;
  p2: number;
  alpha: number;
  power: number;
  /** Whole n per group: the continuous solution rounded up. */
  n: number;
  nExact: number;
}

/**
 * Sample size per group for a two-sided comparison of two proportions, by the normal approximation
 * n = (z₁₋α/₂ + z_power)² · [p₁(1 − p₁) + p₂(1 − p₂)] / (p₁ − p₂)². GRADE's optimal information size
 * for a counted outcome is this n for both groups, with p₂ a 25% relative reduction of the control
 * group's p₁ (Guyatt et al. 2011, J Clin Epidemiol 64:1283, doi:10.1016/j.jclinepi.2011.01.012).
 * Written here because the t-based sampleSizeFor does not cover proportions and the formula is one line.
 *
 * Reference: Fleiss JL, Levin B, Paik MC (2003) Statistical Methods for Rates and Proportions, 3rd ed.,
 * §4.2 (the formula without continuity correction).
 *
 * @param p1 proportion in one group, in (0, 1)
 * @param p2 proportion in the other, in (0, 1), not equal to p1
 * @param targetPower default 0.80
 * @param alpha two-sided, default 0.05
 * @throws {CohortError} on proportions outside (0, 1) or equal, or bad alpha or power
 * @example
 * twoProportionSampleSize(0.2, 0.15).n; // => 903 (7.849 × 0.2875 / 0.0025 = 902.6)
 */
export function twoProportionSampleSize(p1: number, p2: number, targetPower = 0.8, alpha = 0.05): TwoProportionSampleSize {
  if (!(p1 > 0 && p1 < 1 && p2 > 0 && p2 < 1) || p1 === p2) throw new CohortError({ message: message.proportionsInvalid(p1, p2) });
  requireAlpha(alpha);
  requirePower(targetPower, alpha);
  const z = normalQuantile(1 - alpha / 2) + normalQuantile(targetPower);
  const nExact = (z * z * (p1 * (1 - p1) + p2 * (1 - p2))) / (p1 - p2) ** 2;
  return { p1, p2, alpha, power: targetPower, n: Math.ceil(nExact - 1e-9), nExact };
}
