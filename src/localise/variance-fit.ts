import { floorDiv, ceilDiv, sdFromSums, sumOfSquaresRange } from "../checks/sum-of-squares.js";
import { inputGrain } from "../checks/grain.js";
import { integersInInterval, type ScaledInterval } from "../stats/rounding.js";
import { inSteps, stepValue, type Step } from "../stats/step.js";

/** The sample variance (person-score scale) as an interval of rationals: [loNum, hiNum] / den. */
export interface VarianceInterval {
  loNum: bigint;
  hiNum: bigint;
  den: bigint;
  loIn: boolean;
  hiIn: boolean;
}

export interface VarianceFit {
  /** null when there are more candidate totals than `maxTotals` (not decided). */
  consistent: boolean | null;
  /** Totals tried. */
  totals: number;
  /** The first fitting total, its sum of squares and SD. */
  witness?: { total: number; sumOfSquares: bigint; sd: number };
}

/**
 * Whether n scores (each the sum of `items` item scores, multiples of `itemStep` (default 1), in [min, max]
 * per item when a scale is given) can have a mean in `mean` and a sample variance in `variance`: GRIMMER's question
 * with the variance given as an interval of rationals, so that a ± read as an SE (variance = SE²·n) is
 * tested as exactly as one read as an SD (variance = SD²). With a 0–1 scale and one item it is DEBIT.
 * For each total A that the mean allows, the sums of squares Q with (nQ − A²)/(n(n−1)k²) in the
 * interval form a range; one of parity A (Σa² ≡ Σa mod 2) inside the scale's bounds must exist.
 * Reference: Anaya (2016) GRIMMER, doi:10.7287/peerj.preprints.2400v1; Heathers & Brown (2019) DEBIT.
 *
 * @example
 * // mean 3.44, SD 2.47, n = 18 fails GRIMMER (scrutiny's example); as an SE (SD = 2.47·√18 ≈ 10.48) it fits.
 * varianceFits(roundingInterval("3.44"), sdVariance(roundingInterval("2.47")), 18, 1).consistent; // => false
 */
export function varianceFits(mean: ScaledInterval, variance: VarianceInterval, n: number, items: number, scale?: { min: number; max: number }, maxTotals = 1_000_000, itemStep?: number | string | Step): VarianceFit {
  // In steps (grain.ts): k = score / step is a whole number per person, so the mean and the variance are divided by step and step².
  const grain = inputGrain({ items, itemStep, scale });
  const { step } = grain;
  let { first, last } = integersInInterval(inSteps(mean, step), n);
  const bounded = grain.kMin !== undefined && grain.kMax !== undefined;
  if (bounded) {
    first = Math.max(first, n * grain.kMin!);
    last = Math.min(last, n * grain.kMax!);
  }
  const totals = Math.max(0, last - first + 1);
  if (totals > maxTotals) return { consistent: null, totals };
  const N = BigInt(n);
  const M = N * (N - 1n);
  // variance / step² = variance·den_s² / num_s²
  const vDen = variance.den * BigInt(step.num) * BigInt(step.num);
  const vScale = BigInt(step.den) * BigInt(step.den);
  const vLo = (variance.loNum < 0n ? 0n : variance.loNum) * vScale;
  const vHi = variance.hiNum * vScale;
  for (let total = first; total <= last; total++) {
    const A = BigInt(total);
    // nQ − A² ≥ lo·M/den ⇔ Q ≥ (A²·den + lo·M)/(n·den)
    const loNum = A * A * vDen + vLo * M;
    const hiNum = A * A * vDen + vHi * M;
    const div = N * vDen;
    let qFirst = ceilDiv(loNum, div);
    let qLast = floorDiv(hiNum, div);
    if (!variance.loIn && variance.loNum > 0n && qFirst * div === loNum) qFirst += 1n;
    if (!variance.hiIn && qLast * div === hiNum) qLast -= 1n;
    if (bounded) {
      const bounds = sumOfSquaresRange(total, n, grain.kMin!, grain.kMax!);
      if (bounds.min > qFirst) qFirst = bounds.min;
      if (bounds.max < qLast) qLast = bounds.max;
    }
    if (qFirst > qLast) continue;
    const parity = BigInt(((total % 2) + 2) % 2);
    const q = ((qFirst % 2n) + 2n) % 2n === parity ? qFirst : qFirst + 1n;
    if (q > qLast) continue;
    return { consistent: true, totals, witness: { total, sumOfSquares: q, sd: n >= 2 ? sdFromSums(q, total, n, 1) * stepValue(step) : 0 } };
  }
  return { consistent: false, totals };
}

/**
 * The variance interval of a printed SD: [lo², hi²] over den².
 *
 * @example
 * sdVariance(roundingInterval("2.5")); // => { loNum: 600n, hiNum: 650n… } as (24.5², 25.5²)/100²
 */
export function sdVariance(sd: ScaledInterval): VarianceInterval {
  const lo = BigInt(Math.max(0, sd.lo));
  const hi = BigInt(sd.hi);
  return { loNum: lo * lo, hiNum: hi * hi, den: BigInt(sd.den) * BigInt(sd.den), loIn: sd.lo < 0 ? true : sd.loIn, hiIn: sd.hiIn };
}

/**
 * The variance interval of a printed SE of a mean of n: SD = SE·√n, so variance = SE²·n, exactly.
 *
 * @example
 * seVariance(roundingInterval("1.0"), 4); // => variance in [0.95²·4, 1.05²·4] = [3.61, 4.41]
 */
export function seVariance(se: ScaledInterval, n: number): VarianceInterval {
  const v = sdVariance(se);
  return { ...v, loNum: v.loNum * BigInt(n), hiNum: v.hiNum * BigInt(n) };
}

/**
 * The sample-variance interval of an SD computed with denominator n (the population SD, numpy's
 * `std` default): Σ(x − mean)² = n·s², so the sample variance (denominator n − 1) is s²·n/(n − 1), exactly.
 *
 * @example
 * populationSdVariance(roundingInterval("4.71"), 21); // => sample variance in [4.705²·21/20, 4.715²·21/20]
 */
export function populationSdVariance(sd: ScaledInterval, n: number): VarianceInterval {
  const v = sdVariance(sd);
  return { ...v, loNum: v.loNum * BigInt(n), hiNum: v.hiNum * BigInt(n), den: v.den * BigInt(n - 1) };
}

/**
 * The variance interval of a printed 95% CI half-width h of a mean of n: SD = h·√n / t(0.975, n − 1),
 * so variance = h²·n / t². t² is irrational: it is bounded by rationals a millionth of a millionth
 * either side, which widens the interval (a borderline reading counts as fitting, never the reverse).
 *
 * @param tSquared t(0.975, n − 1)² (or z² = 1.96² when the CI is normal-based)
 */
export function ciVariance(halfWidth: ScaledInterval, n: number, tSquared: number): VarianceInterval {
  const v = sdVariance(halfWidth);
  const scale = 1_000_000_000_000n;
  const tUp = BigInt(Math.ceil(tSquared * 1e12)) + 1n;
  const tDown = BigInt(Math.floor(tSquared * 1e12)) - 1n;
  // lo/den·n·scale/tUp  and  hi/den·n·scale/tDown over a common denominator den·tUp·tDown
  return { loNum: v.loNum * BigInt(n) * scale * tDown, hiNum: v.hiNum * BigInt(n) * scale * tUp, den: v.den * tUp * tDown, loIn: true, hiIn: true };
}
