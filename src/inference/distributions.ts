import betaincStdlib from "@stdlib/math-base-special-betainc";
import gammaincStdlib from "@stdlib/math-base-special-gammainc";
import betaQuantileStdlib from "@stdlib/stats-base-dists-beta-quantile";
import normalCdfStdlib from "@stdlib/stats-base-dists-normal-cdf";
import normalQuantileStdlib from "@stdlib/stats-base-dists-normal-quantile";
import tCdfStdlib from "@stdlib/stats-base-dists-t-cdf";
import tQuantileStdlib from "@stdlib/stats-base-dists-t-quantile";
import jStatModule from "jstat";
import { remembered } from "../stats/remembered.js";

/**
 * Thin, typed wrappers over maintained distribution code, so the rest of src/inference never talks
 * to a library directly. @stdlib for the central t, normal and beta (Boost ports); jStat for the
 * noncentral t, which @stdlib does not have (METHODS.md §8).
 */

// jstat's CommonJS default export is the jStat object; it also carries itself as `.jStat`.
const jStat = jStatModule.jStat ?? jStatModule;

/** Largest noncentrality the jStat series evaluates: it starts from exp(−ncp²/2), which underflows past ~37.6. */
export const MAX_NONCENTRALITY = 37;

/** Student t cumulative distribution function P(T ≤ x) with `df` degrees of freedom (df may be fractional). */
export function tCdf(x: number, df: number): number {
  return tCdfStdlib(x, df);
}

/**
 * Student t quantile: the x with P(T ≤ x) = p. Remembered: an inversion of the incomplete beta
 * (tens of µs), asked with the same (p, df) by every t-test's interval on data sets of one size.
 */
export const tQuantile: (p: number, df: number) => number = remembered(1024, (p, df) => `${p}|${df}`, (p, df) => tQuantileStdlib(p, df));

/** Standard normal quantile. */
export function normalQuantile(p: number): number {
  return normalQuantileStdlib(p, 0, 1);
}

/** Beta(a, b) quantile. */
export function betaQuantile(p: number, a: number, b: number): number {
  return betaQuantileStdlib(p, a, b);
}

/**
 * Noncentral t cumulative distribution function P(T ≤ x) (jStat's series after Lenth 1989, AS 243).
 * Callers keep |ncp| ≤ MAX_NONCENTRALITY.
 */
export function noncentralTCdf(x: number, df: number, ncp: number): number {
  return jStat.noncentralt.cdf(x, df, ncp);
}

/** Standard normal cumulative distribution function Φ(x). */
export function normalCdf(x: number): number {
  return normalCdfStdlib(x, 0, 1);
}

/**
 * Upper tail P(F > f) of the F(d1, d2) distribution, through the regularized incomplete beta function:
 * P(F > f) = 1 − I_x(d1/2, d2/2) with x = d1·f/(d1·f + d2) (Abramowitz & Stegun 26.6.2), evaluated by
 * @stdlib in its upper form so small p-values keep their digits (1 − cdf would cancel them).
 */
export function fUpperTail(f: number, d1: number, d2: number): number {
  if (f <= 0) return 1;
  return betaincStdlib((d1 * f) / (d1 * f + d2), d1 / 2, d2 / 2, true, true);
}

/**
 * Upper tail P(X > x) of the χ²(df) distribution: the regularized upper incomplete gamma Q(df/2, x/2)
 * (Abramowitz & Stegun 26.4.19).
 */
export function chiSquareUpperTail(x: number, df: number): number {
  if (x <= 0) return 1;
  return gammaincStdlib(x / 2, df / 2, true, true);
}
