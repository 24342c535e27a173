import betaQuantileStdlib from "@stdlib/stats-base-dists-beta-quantile";
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
