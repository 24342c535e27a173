import type { ScaledInterval } from "../stats/rounding.js";

/**
 * Exact helpers for checks on SDs of whole-number data. A sample of n whole numbers a_i (item sums
 * when a person's score is the mean of k items) is summarised by its total A = Σa_i and its sum of
 * squares Q = Σa_i²; its sample variance on the person-score scale is (nQ − A²) / (n(n−1)k²).
 * BigInt throughout: these products leave the safe-integer range quickly.
 */

/** Least and greatest Q of n whole numbers in [lo, hi] summing to A (as equal as possible / as extreme as possible). */
export function sumOfSquaresRange(total: number, n: number, lo: number, hi: number): { min: bigint; max: bigint } {
  const A = BigInt(total);
  const N = BigInt(n);
  const L = BigInt(lo);
  const H = BigInt(hi);
  // Minimum: r values at q+1 and n−r at q, where q = floor(A/n).
  const q = floorDiv(A, N);
  const r = A - q * N;
  const min = (N - r) * q * q + r * (q + 1n) * (q + 1n);
  // Maximum: as many values as possible at hi, the rest at lo, one value in between (tides/rsprite2 boundary).
  if (H === L) return { min, max: min };
  let m = floorDiv(A - N * L, H - L);
  if (m >= N) m = N;
  if (m === N) return { min, max: N * H * H };
  const mid = A - m * H - (N - m - 1n) * L;
  const max = m * H * H + mid * mid + (N - m - 1n) * L * L;
  return { min, max };
}

/** Sign of (nQ − A²)/M − (s/den)², i.e. of variance minus a squared SD bound, exactly. */
export function compareVariance(q: bigint, total: number, n: number, items: number, sdScaled: number, den: number): number {
  const N = BigInt(n);
  const A = BigInt(total);
  const M = N * (N - 1n) * BigInt(items) * BigInt(items);
  const D = BigInt(den);
  const S = BigInt(sdScaled);
  const diff = (N * q - A * A) * D * D - S * S * M;
  return diff > 0n ? 1 : diff < 0n ? -1 : 0;
}

/** Whole Q whose variance lies in the squared SD interval (SD bounds clipped at 0), as an inclusive range. */
export function sumOfSquaresForSd(total: number, n: number, items: number, sd: ScaledInterval): { first: bigint; last: bigint } {
  const N = BigInt(n);
  const A = BigInt(total);
  const M = N * (N - 1n) * BigInt(items) * BigInt(items);
  const D2 = BigInt(sd.den) * BigInt(sd.den);
  const lo = sd.lo < 0 ? 0 : sd.lo;
  const loIn = sd.lo < 0 ? true : sd.loIn;
  const L = BigInt(lo);
  const H = BigInt(sd.hi);
  // nQ − A² ≥ lo²·M/den²  ⇔  Q ≥ (A²·den² + lo²·M) / (n·den²)
  const loNum = A * A * D2 + L * L * M;
  const hiNum = A * A * D2 + H * H * M;
  const div = N * D2;
  let first = ceilDiv(loNum, div);
  let last = floorDiv(hiNum, div);
  if (!loIn && first * div === loNum) first += 1n;
  if (!sd.hiIn && last * div === hiNum) last -= 1n;
  return { first, last };
}

/** A sample SD from whole-number A and Q, as a float for display only. */
export function sdFromSums(q: bigint, total: number, n: number, items: number): number {
  const v = Number(BigInt(n) * q - BigInt(total) * BigInt(total)) / (n * (n - 1) * items * items);
  return Math.sqrt(Math.max(0, v));
}

export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && (a < 0n) !== (b < 0n) ? q - 1n : q;
}

export function ceilDiv(a: bigint, b: bigint): bigint {
  return -floorDiv(-a, b);
}
