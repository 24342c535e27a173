import type { ClosureBounds } from "./closure-bounds.js";

/**
 * Work estimate for counting CLOSURE samples by dynamic programming (countClosure), made before the
 * count starts, so that a request whose state space is far too large is refused at once with the
 * estimate, instead of after minutes and gigabytes.
 */

/** Estimated states (summed over the levels) beyond which counting is refused before it starts. */
export const CLOSURE_STATES_BUDGET = 200_000_000;

/** Memory one level of the counting DP may hold (two levels are live at once). */
export const MAX_COUNT_BYTES = 384 * 1024 * 1024;

/**
 * Bytes a DP state takes in a Map of numbers, about: the red team's count reached 1.3 GB at the old cap
 * of 5,000,000 states in a level (issue 15), 260 bytes each. A state of closureFrequencies carries 8
 * bytes more per weight.
 */
export const BYTES_PER_STATE = 260;

/** While counting, more states than this in one level refuse the count (MAX_COUNT_BYTES of BYTES_PER_STATE states). */
export const MAX_COUNT_STATES = Math.floor(MAX_COUNT_BYTES / BYTES_PER_STATE);

/** While counting, more transitions than this refuse the count (time: about 10 s on the benchmark machine). */
export const MAX_COUNT_TRANSITIONS = 50_000_000;

/**
 * An upper estimate of the dynamic-programming states countClosure visits, summed over its levels.
 *
 * After level L (scale values 0…L assigned, shifted) a state is (c items, sum t, sum of squares q).
 * For each c the sum must leave the remaining n − c items (all ≥ L + 1, ≤ top) able to reach the
 * reported sum window: t ≤ sumHigh − (L + 1)(n − c) and t ≥ sumLow − top·(n − c). For given (c, t)
 * the sum of squares lies between that of the most even split (≥ t²/c) and that of the most extreme
 * (≤ t·L), and has the parity of t, so it takes at most (t·L − t²/c)/2 + 1 values; and there are
 * never more states than multisets of c values on L + 1 points, C(c + L, L). The estimate sums
 * min(those two) over c, in closed form over t, so it costs O(levels × n). It ignores the SD window
 * (pruned while counting), so it is above the states really visited; how far above is measured in
 * tests/reconstruct/closure-work.test.ts.
 *
 * @param b CLOSURE bounds (closureBounds)
 * @returns estimated states over all levels (a float)
 * @example
 * estimateClosureStates(closureBounds({ mean: "3.0", sd: "1.2", n: 200, min: 1, max: 5 })); // => about 7,200 (2,682 visited)
 */
export function estimateClosureStates(b: ClosureBounds): number {
  const { n, points } = b;
  const top = points - 1;
  let total = 0;
  for (let level = 0; level < points - 3; level++) {
    for (let c = 0; c <= n; c++) {
      const rest = n - c;
      const tLow = Math.max(0, b.sumLow - top * rest);
      const tHigh = Math.min(level * c, b.sumHigh - (level + 1) * rest);
      if (tHigh < tLow) continue;
      total += Math.min(multisets(c, level), level === 0 || c === 0 ? 1 : squarePairs(c, level, tLow, tHigh));
    }
    if (!Number.isFinite(total) || total > 1e300) return Infinity;
  }
  return total;
}

/**
 * Σ over t in [tLow, tHigh] of the possible sums of squares of c values in 0…level summing to t, in
 * closed form: the most extreme split has q ≤ t·level and the most even q ≥ t²/c, so each t allows
 * at most (t·level − t²/c)/2 + 1 values of q (same parity as t); summed with Σt and Σt².
 */
function squarePairs(c: number, level: number, tLow: number, tHigh: number): number {
  const span = tHigh - tLow + 1;
  const sumT = ((tLow + tHigh) * span) / 2;
  const sumSquares = (x: number) => (x * (x + 1) * (2 * x + 1)) / 6;
  const sumT2 = sumSquares(tHigh) - sumSquares(tLow - 1);
  return (level * sumT - sumT2 / c) / 2 + span;
}

/** C(c + level, level): multisets of c values on level + 1 points (a float; large values lose digits, not size). */
function multisets(c: number, level: number): number {
  const k = Math.min(c, level);
  let value = 1;
  for (let i = 1; i <= k; i++) value = (value * (c + level - k + i)) / i;
  return value;
}
