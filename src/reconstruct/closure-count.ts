import { CohortError, exitCodes } from "../errors.js";
import * as message from "../messages/reconstruct.js";
import { closureBounds, type ClosureBounds, type ClosureInput } from "./closure-bounds.js";
import { ClosureCursor } from "./closure.js";
import { spreadImpossible } from "./closure-prune.js";
import { CLOSURE_STATES_BUDGET, estimateClosureStates, MAX_COUNT_STATES, MAX_COUNT_TRANSITIONS } from "./closure-work.js";

export { MAX_COUNT_STATES } from "./closure-work.js";

/** Limits of one count, and where it reports what it used (for tests and benchmarks). */
export interface CountClosureOptions {
  /** Most estimated states (summed over levels) to start on. __Default:__ CLOSURE_STATES_BUDGET. */
  maxEstimatedStates?: number;
  /** Most states in one level while counting. __Default:__ MAX_COUNT_STATES. */
  maxStates?: number;
  /** Most transitions while counting. __Default:__ MAX_COUNT_TRANSITIONS. */
  maxTransitions?: number;
  /** Filled in with the states kept and the transitions tried. */
  stats?: { states: number; transitions: number; estimate: number };
}

/**
 * Counts the CLOSURE samples without materialising any, by dynamic programming.
 *
 * Why: the count alone answers "how many datasets fit?" and sizes an enumeration before it runs
 * (closure-core's `closure_count`, `src/count.rs`). States are (items so far, sum, sum of squares)
 * over all scale values but the last three, merged when equal; for each state the last three counts
 * are solved in closed form from (count, sum, sum of squares): with u = sum and w = sum of squares of
 * the offsets 0/1/2 from the third-last value, f₂ = (w − u)/2 and f₁ = u − 2f₂, so for each admissible
 * u the admissible f₂ form one interval. Exact: counts switch to BigInt if they pass 2^53.
 * The states are estimated before starting (estimateClosureStates) and the count refused (exit 3,
 * with the estimate) past the budget; while it runs, more than MAX_COUNT_STATES states in a level or
 * MAX_COUNT_TRANSITIONS transitions also refuse it, so time and memory stay bounded.
 * Reference: closure-core `src/count.rs` (Jung, https://github.com/lhdjung/closure-core).
 * @param input reported mean and SD as strings, n, scale min/max, optional rounding errors and restrictions
 * @param options the estimate budget, and a place to report the work done
 * @returns the exact number of samples
 * @throws {CohortError} on impossible arguments; `refused` when the state space is too large
 * @example
 * countClosure({ mean: "3.0", sd: "1.2", n: 200, min: 1, max: 5, meanError: 0.05, sdError: 0.05 }); // => 661948n
 */
export function countClosure(input: ClosureInput | ClosureBounds, options: CountClosureOptions = {}): bigint {
  const bounds = "counts" in input && "sumLow" in input ? input : closureBounds(input as ClosureInput);
  if (bounds.points < 3) {
    const cursor = new ClosureCursor(bounds);
    let count = 0n;
    while (cursor.next()) count++;
    return count;
  }
  const { n, points } = bounds;
  if ((n + 1) * (n * (points - 1) + 1) * (n * (points - 1) * (points - 1) + 1) > Number.MAX_SAFE_INTEGER) throw new CohortError({ message: message.keySpaceTooLarge(n, points) }, exitCodes.refused);
  const estimate = estimateClosureStates(bounds);
  const budget = options.maxEstimatedStates ?? CLOSURE_STATES_BUDGET;
  if (estimate > budget) throw new CohortError({ message: message.countingTooMuchWork(estimate, budget) }, exitCodes.refused);
  const stats = options.stats ?? { states: 0, transitions: 0, estimate };
  stats.estimate = estimate;
  const limits = { states: options.maxStates ?? MAX_COUNT_STATES, transitions: options.maxTransitions ?? MAX_COUNT_TRANSITIONS };
  const fast = countWith<number>(bounds, stats, limits, 0, (a, b) => a + b, (a, times) => a * times, (triples) => triples);
  if (Number.isSafeInteger(fast)) return BigInt(fast);
  return countWith<bigint>(bounds, stats, limits, 0n, (a, b) => a + b, (a, times) => a * BigInt(times), (triples) => BigInt(triples));
}

function countWith<M extends number | bigint>(
  b: ClosureBounds,
  stats: { states: number; transitions: number; estimate: number },
  limits: { states: number; transitions: number },
  zero: M,
  add: (a: M, c: M) => M,
  times: (a: M, by: number) => M,
  lift: (value: number) => M,
): M {
  const { n, points } = b;
  const prefixLevels = points - 3;
  const sumRange = n * (points - 1) + 1;
  const squareRange = n * (points - 1) * (points - 1) + 1;
  stats.states = 0;
  stats.transitions = 0;
  const key = (c: number, t: number, q: number) => (c * sumRange + t) * squareRange + q;
  let states = new Map<number, M>([[0, lift(1)]]);
  const top = points - 1;
  let suffixLower = 0;
  for (let value = points - 1; value >= 0; value--) suffixLower += b.counts.lower[value] as number;
  for (let level = 0; level < prefixLevels; level++) {
    suffixLower -= b.counts.lower[level] as number;
    const next = new Map<number, M>();
    for (const [state, multiplicity] of states) {
      const q = state % squareRange;
      const rest = (state - q) / squareRange;
      const t = rest % sumRange;
      const c = (rest - t) / sumRange;
      const remaining = n - c;
      const low = Math.max(0, t + (level + 1) * remaining - b.sumHigh, b.counts.lower[level] as number);
      const high = Math.min(remaining - suffixLower, Math.floor((t + top * remaining - b.sumLow) / (top - level)), b.counts.upper[level] as number);
      stats.transitions += Math.max(0, high - low + 1);
      if (stats.transitions > limits.transitions) throw new CohortError({ message: message.countingTooLarge(stats.estimate, `${stats.transitions} transitions`) }, exitCodes.refused);
      for (let f = low; f <= high; f++) {
        const c2 = c + f;
        const t2 = t + level * f;
        const q2 = q + level * level * f;
        if (c2 > 0 && c2 < n && spreadImpossible(b, level, c2, t2, q2)) continue;
        const k = key(c2, t2, q2);
        const seen = next.get(k);
        if (seen === undefined) {
          if (next.size >= limits.states) throw new CohortError({ message: message.countingTooLarge(stats.estimate, `${next.size} states in one level`) }, exitCodes.refused);
          next.set(k, multiplicity);
        } else next.set(k, add(seen, multiplicity));
      }
    }
    states = next;
    stats.states += states.size;
  }
  let total = zero;
  for (const [state, multiplicity] of states) {
    const q = state % squareRange;
    const rest = (state - q) / squareRange;
    const t = rest % sumRange;
    const c = (rest - t) / sumRange;
    const triples = countLastThree(b, c, t, q);
    if (triples > 0) total = add(total, times(multiplicity, triples));
  }
  return total;
}

/** Number of (f₀, f₁, f₂) on the last three scale values completing the prefix (c, t, q). */
function countLastThree(b: ClosureBounds, c: number, t: number, q: number): number {
  const { n } = b;
  const a = b.points - 3;
  const m = n - c;
  const [lowA, lowB, lowC] = [b.counts.lower[a] as number, b.counts.lower[a + 1] as number, b.counts.lower[a + 2] as number];
  const [upA, upB, upC] = [b.counts.upper[a] as number, b.counts.upper[a + 1] as number, b.counts.upper[a + 2] as number];
  const base = t + a * m;
  const uLow = Math.max(0, b.sumLow - base);
  const uHigh = Math.min(2 * m, b.sumHigh - base);
  let total = 0;
  for (let u = uLow; u <= uHigh; u++) {
    const s = base + u;
    // Σ squares = q + a²m + 2a·u + (f₁ + 4f₂) with f₁ + 4f₂ = u + 2f₂, so n·Q − S² = spread0 + 2n·f₂.
    const spread0 = n * (q + a * a * m + 2 * a * u + u) - s * s;
    const low = Math.max(0, u - m, Math.ceil((b.spreadLow - spread0) / (2 * n)), lowC, lowA - m + u, Math.ceil((u - upB) / 2));
    const high = Math.min(Math.floor(u / 2), Math.floor((b.spreadHigh - spread0) / (2 * n)), upC, upA - m + u, Math.floor((u - lowB) / 2));
    if (high >= low) total += high - low + 1;
  }
  return total;
}
