import { mean, sampleVariance } from "simple-statistics";

/**
 * Mean and sample (n − 1) variance, from simple-statistics: `mean` sums with Neumaier's compensated
 * summation, `sampleVariance` is two-pass with Bessel's correction. Only these two are taken from it:
 * its `tTest` divides by the population SD (STYLE.md §1) and is never used.
 *
 * @param values at least two numbers (callers check)
 * @example
 * sampleMoments([1, 2, 3, 4, 5]); // => { n: 5, mean: 3, variance: 2.5 }
 */
export function sampleMoments(values: ReadonlyArray<number>): { n: number; mean: number; variance: number } {
  const data = values as number[];
  return { n: values.length, mean: mean(data), variance: sampleVariance(data) };
}
