import { CohortError } from "../errors.js";
import * as message from "../messages/inference.js";
import { MAX_NONCENTRALITY, noncentralTCdf, tQuantile } from "./distributions.js";
import { tDesignShape, type SampleSizes, type TDesign } from "./t-design.js";
import { requireAlpha, requireEffect, requireFiniteResult } from "./validate.js";

/** Power of a two-sided t-test, with the quantities that produced it. */
export interface PowerResult {
  design: TDesign;
  n: number[];
  effect: number;
  alpha: number;
  df: number;
  ncp: number;
  criticalT: number;
  power: number;
}

/**
 * Power of a two-sided t-test for a standardised effect, from the noncentral t distribution.
 *
 * Why: a pilot's "not significant" means little if the test could barely detect anything; power
 * for a plausible effect says how likely the study was to find one. Both rejection tails are counted,
 * P(T > t_crit) + P(T < −t_crit) with T ~ t(df, ncp), as G*Power and R's pwr do for two-sided tests
 * (R's power.t.test counts only the upper tail unless strict = TRUE).
 *
 * Reference: Cohen J (1988) Statistical Power Analysis for the Behavioral Sciences, 2nd ed., ch. 2;
 * Faul F et al. (2007) G*Power 3, Behav Res Methods 39:175–191, doi:10.3758/BF03193146.
 *
 * @param design "two-group" (Cohen's d), "paired" (dz = mean change / SD of changes) or "one-sample" (d)
 * @param n per-group size or [n1, n2] (two-group); number of pairs (paired); n (one-sample); each ≥ 2
 * @param effect standardised effect size (sign ignored for a two-sided test)
 * @param alpha two-sided significance level, default 0.05
 * @throws {CohortError} on bad sizes, alpha ∉ [1e-12, 1), a non-finite effect, noncentrality beyond 37, or a
 *   critical t or power that is not finite in double precision
 * @example
 * power("two-group", [5, 5], 1).power; // => 0.2859...
 */
export function power(design: TDesign, n: SampleSizes, effect: number, alpha = 0.05): PowerResult {
  requireEffect(effect);
  requireAlpha(alpha);
  const shape = tDesignShape(design, n);
  const ncp = Math.abs(effect) * shape.ncpPerEffect;
  if (ncp > MAX_NONCENTRALITY) throw new CohortError({ message: message.noncentralityTooLarge(ncp) });
  const criticalT = tQuantile(1 - alpha / 2, shape.df);
  const result = twoSidedPower(criticalT, shape.df, ncp);
  requireFiniteResult([criticalT, result], () => message.powerNotComputable("power", design, `n ${shape.n.join(",")}, effect ${effect}, alpha ${alpha}`));
  return { design, n: shape.n, effect, alpha, df: shape.df, ncp, criticalT, power: result };
}

/** P(|T| > t_crit) for T ~ t(df, ncp), ncp ≥ 0. */
export function twoSidedPower(criticalT: number, df: number, ncp: number): number {
  const upper = 1 - noncentralTCdf(criticalT, df, ncp);
  const lower = noncentralTCdf(-criticalT, df, ncp);
  const total = upper + lower;
  // Math.min/max would turn NaN into NaN silently and ±Infinity into 0 or 1; callers guard NaN.
  return Number.isNaN(total) ? NaN : Math.min(1, Math.max(0, total));
}
