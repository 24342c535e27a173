import type { ClosureBounds } from "./closure-bounds.js";

/**
 * True when no completion of a prefix (c items, shifted sum t, sum of squares q, all ≤ level) can
 * reach the SD bounds. Uses M2 = M2a + M2b + (c·m/n)(μb − μa)² for the union of prefix a and the m
 * later items b (all ≥ level + 1), the Bhatia–Davis bound M2b ≤ m(μb − lo)(hi − μb), and the sum
 * bounds on μb. Shared by enumeration (ClosureCursor) and counting, so both prune identically.
 */
export function spreadImpossible(b: ClosureBounds, level: number, c: number, t: number, q: number): boolean {
  const n = b.n;
  const m = n - c;
  const lo = level + 1;
  const hi = b.points - 1;
  const meanA = t / c;
  const m2a = q - (t * t) / c;
  const muLow = Math.max(lo, (b.sumLow - t) / m);
  const muHigh = Math.min(hi, (b.sumHigh - t) / m);
  if (muLow > muHigh + 1e-9) return true;
  const weight = (c * m) / n;
  const slack = 1e-7;
  if (m2a + weight * (muLow - meanA) ** 2 > b.spreadHigh / n + slack) return true;
  let mu = (m * (hi + lo) - 2 * weight * meanA) / (2 * (m - weight));
  if (mu < muLow) mu = muLow;
  else if (mu > muHigh) mu = muHigh;
  return m2a + m * (mu - lo) * (hi - mu) + weight * (mu - meanA) ** 2 < b.spreadLow / n - slack;
}
