/**
 * Whole-number vectors z of n exchangeable patients with a fixed sum and "hinge" limits:
 *
 *   lo ≤ z_i ≤ hi,   Σ z_i = sum,   Σ max(0, α − z_i) ≤ rDown,   Σ max(0, z_i − β) ≤ rUp.
 *
 * Why this shape: it is exactly the set of change vectors (after − before) of n patients whose
 * scores lie in one box before and one box after, whose group totals are fixed (S_A before, S_B
 * after), with or without "every patient improved" (a bound on each change). Given the changes d,
 * a before score b_i must lie in [max(lb, la − d_i), min(ub, ua − d_i)], and whole numbers in such
 * intervals reach every total between the sums of their ends, so the totals are reachable iff
 * Σ max(0, (la − lb) − d_i) ≤ S_A − n·lb and Σ max(0, d_i − (ua − ub)) ≤ n·ub − S_A. The last
 * scores of such patients form the same shape (see score-slices.ts).
 *
 * The set is M-convex (Murota 2003, Discrete Convex Analysis, ch. 4 and 6): the after totals and the
 * before totals are M-convex, their difference is (Minkowski sums of M-convex sets are), and a box
 * keeps it so. Its convex hull is then an integral base polyhedron whose rank function, by symmetry,
 * depends only on |X|: g(k) = the largest sum of k entries. Two facts follow, and the tests check
 * both by enumerating every vector of small cases:
 * - the most even split (entries ⌊sum/n⌋ and ⌈sum/n⌉) belongs to the set whenever anything does, and
 *   it has the smallest Σz² (any other vector majorises it);
 * - every vertex is a permutation of v_k = g(k) − g(k−1), so that vector has the largest Σz² (a convex
 *   function is largest at a vertex). g(k) is found by bisection on whole numbers: the best real point
 *   for the top k entries puts x on k of them and y on the rest (averaging keeps it feasible), and
 *   the hull is integral, so the largest whole G = k·x that passes the constraints is g(k).
 * Hand-written: no library optimises over M-convex sets.
 */
export interface HingeLimits {
  n: number;
  lo: number;
  hi: number;
  sum: number;
  /** Σ max(0, alpha − z_i) ≤ rDown; omitted: no such limit. */
  down?: { alpha: number; room: number };
  /** Σ max(0, z_i − beta) ≤ rUp; omitted: no such limit. */
  up?: { beta: number; room: number };
}

/**
 * Whether z belongs to the set the limits describe.
 *
 * @example
 * hingeContains({ n: 2, lo: -3, hi: 3, sum: 0 }, [1, -1]); // => true
 */
export function hingeContains(limits: HingeLimits, z: readonly number[]): boolean {
  if (z.length !== limits.n) return false;
  let total = 0;
  let down = 0;
  let up = 0;
  for (const v of z) {
    if (!Number.isInteger(v) || v < limits.lo || v > limits.hi) return false;
    total += v;
    if (limits.down) down += Math.max(0, limits.down.alpha - v);
    if (limits.up) up += Math.max(0, v - limits.up.beta);
  }
  return total === limits.sum && (!limits.down || down <= limits.down.room) && (!limits.up || up <= limits.up.room);
}

/**
 * The most even split of the sum (⌈sum/n⌉ first, then ⌊sum/n⌋), or null when the set is empty.
 *
 * @example
 * hingeNarrowest({ n: 3, lo: 0, hi: 9, sum: 7 }); // => [3, 2, 2]
 */
export function hingeNarrowest(limits: HingeLimits): number[] | null {
  if (hingeNarrowestSquares(limits) === null) return null;
  const q = Math.floor(limits.sum / limits.n);
  const r = limits.sum - q * limits.n;
  return Array.from({ length: limits.n }, (_, i) => (i < r ? q + 1 : q) + 0);
}

/**
 * Σz² of the most even split, or null when the set is empty; no vector is built (the exact searches
 * visit every pair of group totals and need only this number for most of them).
 *
 * @example
 * hingeNarrowestSquares({ n: 3, lo: 0, hi: 9, sum: 7 }); // => 17
 */
export function hingeNarrowestSquares(limits: HingeLimits): number | null {
  const { n, lo, hi, sum } = limits;
  const q = Math.floor(sum / n);
  const r = sum - q * n;
  if (q < lo || (r > 0 ? q + 1 : q) > hi) return null;
  // Written out (no closures): the searches call this once per pair of group totals.
  if (limits.down) {
    const { alpha, room } = limits.down;
    if (r * Math.max(0, alpha - q - 1) + (n - r) * Math.max(0, alpha - q) > room) return null;
  }
  if (limits.up) {
    const { beta, room } = limits.up;
    if (r * Math.max(0, q + 1 - beta) + (n - r) * Math.max(0, q - beta) > room) return null;
  }
  return r * (q + 1) * (q + 1) + (n - r) * q * q;
}

/**
 * The largest Σz² of n entries in [lo, hi] with the given sum, ignoring the hinge limits: as many
 * entries at hi as fit, one in between, the rest at lo. A ceiling for the slice, cheap enough to prune with.
 *
 * @example
 * boxCeiling(3, 0, 9, 10); // => 82 (9, 1, 0)
 */
export function boxCeiling(n: number, lo: number, hi: number, sum: number): number {
  if (hi === lo) return n * lo * lo;
  const extra = sum - n * lo;
  const full = Math.min(n, Math.floor(extra / (hi - lo)));
  const rest = extra - full * (hi - lo);
  const middle = full < n ? lo + rest : 0;
  return full * hi * hi + (full < n ? middle * middle + (n - full - 1) * lo * lo : 0);
}

/**
 * When the most even split is constant (every entry k), the closest vector that is not — (k+1, k−1,
 * k, …), Σz² two more — or null when the constant vector is the only member. Why this suffices: if
 * the set holds the constant vector c and any other vector, M-convex exchange gives c + e_i − e_j in
 * the set, and by symmetry that is this vector.
 *
 * @example
 * hingeNextToConstant({ n: 3, lo: -5, hi: 5, sum: -6 }); // => [-1, -3, -2]
 */
export function hingeNextToConstant(limits: HingeLimits): number[] | null {
  if (limits.sum % limits.n !== 0 || limits.n < 2) return null;
  const k = limits.sum / limits.n;
  const z = Array.from({ length: limits.n }, (_, i) => (i === 0 ? k + 1 : i === 1 ? k - 1 : k) + 0);
  return hingeContains(limits, z) ? z : null;
}

/**
 * The vertex with the largest Σz² (entries from largest to smallest), or null when the set is empty.
 *
 * @example
 * hingeWidest({ n: 3, lo: 0, hi: 9, sum: 10 }); // => [9, 1, 0]
 */
export function hingeWidest(limits: HingeLimits): number[] | null {
  if (hingeNarrowest(limits) === null) return null;
  const { n, sum } = limits;
  const g = [0];
  for (let k = 1; k < n; k++) g.push(topSum(limits, k));
  g.push(sum);
  // + 0 turns a −0 (from Math.ceil of a small negative) into 0.
  return Array.from({ length: n }, (_, i) => g[i + 1]! - g[i]! + 0);
}

/** g(k): the largest whole G such that k entries of G/k and n − k entries of (sum − G)/(n − k) pass the limits. */
function topSum(limits: HingeLimits, k: number): number {
  const { n, sum } = limits;
  let a = Math.ceil((k * sum) / n);
  let b = k * limits.hi;
  if (!pointFits(limits, k, a)) return a; // cannot happen when the set is not empty (the balanced point fits)
  while (a < b) {
    const mid = a + Math.ceil((b - a) / 2);
    if (pointFits(limits, k, mid)) a = mid;
    else b = mid - 1;
  }
  return a;
}

/** Whether x = G/k on k entries and y = (sum − G)/(n − k) on the others pass every limit, in whole-number arithmetic. */
function pointFits(limits: HingeLimits, k: number, G: number): boolean {
  const { n, lo, hi, sum } = limits;
  const rest = sum - G;
  const m = n - k;
  if (G > k * hi || G < k * lo || rest > m * hi || rest < m * lo) return false;
  if (limits.down) {
    const { alpha, room } = limits.down;
    if (Math.max(0, k * alpha - G) + Math.max(0, m * alpha - rest) > room) return false;
  }
  if (limits.up) {
    const { beta, room } = limits.up;
    if (Math.max(0, G - k * beta) + Math.max(0, rest - m * beta) > room) return false;
  }
  return true;
}

/** Σz². */
export function sumOfSquares(z: readonly number[]): number {
  let q = 0;
  for (const v of z) q += v * v;
  return q;
}
