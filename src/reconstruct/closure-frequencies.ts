import { CohortError, exitCodes } from "../errors.js";
import * as message from "../messages/reconstruct.js";
import { closureBounds, type ClosureBounds, type ClosureInput } from "./closure-bounds.js";
import { ClosureCursor } from "./closure.js";
import { BYTES_PER_STATE, CLOSURE_STATES_BUDGET, estimateClosureStates, MAX_COUNT_BYTES, MAX_COUNT_TRANSITIONS } from "./closure-work.js";
import { spreadImpossible } from "./closure-prune.js";

/** What the dynamic program says about all CLOSURE samples at once, without listing one. */
export interface ClosureFrequencies {
  /** Number of samples (exact). */
  count: bigint;
  /** For each scale value, how many times it occurs across all samples (exact), and its share of all values. */
  frequency: Array<{ value: number; count: bigint; share: number }>;
  /** Horns index over all samples: smallest, largest (exact: from the samples' sums and sums of squares) and mean; null without samples. */
  horns: { min: number; max: number; mean: number } | null;
}

/** Arithmetic the DP runs in: plain numbers while they stay exact, BigInt otherwise (as countClosure). */
interface Ring<M> {
  zero: M;
  add(a: M, b: M): M;
  times(a: M, by: number): M;
  lift(value: number): M;
  toBig(value: M): bigint;
  toNumber(value: M): number;
}

const numbers: Ring<number> = { zero: 0, add: (a, b) => a + b, times: (a, by) => a * by, lift: (v) => v, toBig: (v) => BigInt(v), toNumber: (v) => v };
const bigints: Ring<bigint> = { zero: 0n, add: (a, b) => a + b, times: (a, by) => a * BigInt(by), lift: (v) => BigInt(v), toBig: (v) => v, toNumber: (v) => Number(v) };

/** The horns index from a sample's sum and sum of squares of offsets (as hornsIndex computes it from counts). */
function hornsFromSums(sum: number, squares: number, n: number, points: number): number {
  if (points === 1) return 0;
  const mean = sum / n;
  return Math.max(0, squares / n - mean * mean) / ((points - 1) ** 2 / 4);
}

/**
 * Per-value frequencies and the horns range of every CLOSURE sample, by dynamic programming: the same
 * walk as countClosure, with each state carrying, besides how many partial samples reach it, how often
 * each fixed value occurs in them; the last three values are summed in closed form (for each sum u of
 * their offsets the admissible counts f₂ of the top value form an interval, so Σf₂, Σf₁ = Σ(u − 2f₂)
 * and Σf₀ = Σ(m − u + f₂) are arithmetic series). The horns index depends only on a sample's sum and
 * sum of squares, which is linear in f₂ on each interval, so its smallest and largest values sit at the
 * interval ends and its mean is exact up to floating point.
 * Why: unsum's frequency table and horns range for spaces too large to list (closure-core counts only).
 * Reference: closure-core `src/count.rs` (Jung, https://github.com/lhdjung/closure-core); unsum `closure_horns`.
 *
 * @param input reported mean and SD as strings, n, scale min/max, optional rounding errors and restrictions
 * @throws {CohortError} on impossible arguments; `refused` past the same state budget as countClosure
 * @example
 * closureFrequencies({ mean: "3.0", sd: "1.2", n: 200, min: 1, max: 5 }).count; // => 661948n
 */
export function closureFrequencies(input: ClosureInput | ClosureBounds): ClosureFrequencies {
  const bounds = "counts" in input && "sumLow" in input ? input : closureBounds(input as ClosureInput);
  if (bounds.points < 3) return byEnumeration(bounds);
  const fast = frequenciesWith(bounds, numbers);
  const exact = fast.totals.every((total) => Number.isSafeInteger(total)) && Number.isSafeInteger(fast.count) && fast.largest <= Number.MAX_SAFE_INTEGER;
  return exact ? describe(bounds, fast) : describe(bounds, frequenciesWith(bounds, bigints));
}

interface Raw<M> {
  count: M;
  totals: M[];
  largest: number;
  hornsMin: number;
  hornsMax: number;
  hornsWeighted: number;
  ring: Ring<M>;
}

function describe<M>(bounds: ClosureBounds, raw: Raw<M>): ClosureFrequencies {
  const count = raw.ring.toBig(raw.count);
  const values = Number(count) * bounds.n;
  return {
    count,
    frequency: raw.totals.map((total, index) => ({ value: bounds.min + index, count: raw.ring.toBig(total), share: values > 0 ? raw.ring.toNumber(total) / values : 0 })),
    horns: count === 0n ? null : { min: raw.hornsMin, max: raw.hornsMax, mean: raw.hornsWeighted / Number(count) },
  };
}

function frequenciesWith<M>(b: ClosureBounds, ring: Ring<M>): Raw<M> {
  const { n, points } = b;
  const prefixLevels = points - 3;
  const sumRange = n * (points - 1) + 1;
  const squareRange = n * (points - 1) * (points - 1) + 1;
  if ((n + 1) * sumRange * squareRange > Number.MAX_SAFE_INTEGER) throw new CohortError({ message: message.keySpaceTooLarge(n, points) }, exitCodes.refused);
  // countClosure's states, each carrying a weight per fixed value: estimated and capped the same way, times that width.
  const width = prefixLevels + 1;
  const estimate = estimateClosureStates(b) * width;
  if (estimate > CLOSURE_STATES_BUDGET) throw new CohortError({ message: message.countingTooMuchWork(estimate, CLOSURE_STATES_BUDGET) }, exitCodes.refused);
  let transitions = 0;
  const key = (c: number, t: number, q: number) => (c * sumRange + t) * squareRange + q;
  // A state's weight: [partial samples reaching it, then Σ f_v over them for each fixed value v].
  let states = new Map<number, M[]>([[0, [ring.lift(1), ...new Array<M>(prefixLevels).fill(ring.zero)]]]);
  let largest = 0;
  const top = points - 1;
  let suffixLower = 0;
  for (let value = points - 1; value >= 0; value--) suffixLower += b.counts.lower[value] as number;
  for (let level = 0; level < prefixLevels; level++) {
    suffixLower -= b.counts.lower[level] as number;
    const next = new Map<number, M[]>();
    for (const [state, weight] of states) {
      const q = state % squareRange;
      const rest = (state - q) / squareRange;
      const t = rest % sumRange;
      const c = (rest - t) / sumRange;
      const remaining = n - c;
      const low = Math.max(0, t + (level + 1) * remaining - b.sumHigh, b.counts.lower[level] as number);
      const high = Math.min(remaining - suffixLower, Math.floor((t + top * remaining - b.sumLow) / (top - level)), b.counts.upper[level] as number);
      transitions += Math.max(0, high - low + 1) * width;
      // A weighted transition (one weight added) costs about a tenth of a counting transition (measured: 5·10⁷ take 0.3–1 s).
      if (transitions > 10 * MAX_COUNT_TRANSITIONS) throw new CohortError({ message: message.countingTooLarge(estimate, `${transitions} weighted transitions`) }, exitCodes.refused);
      for (let f = low; f <= high; f++) {
        const c2 = c + f;
        const t2 = t + level * f;
        const q2 = q + level * level * f;
        if (c2 > 0 && c2 < n && spreadImpossible(b, level, c2, t2, q2)) continue;
        const k = key(c2, t2, q2);
        let target = next.get(k);
        if (target === undefined) {
          if (next.size * (BYTES_PER_STATE + 8 * width) >= MAX_COUNT_BYTES) throw new CohortError({ message: message.countingTooLarge(estimate, `${next.size} states of ${width} weights in one level`) }, exitCodes.refused);
          target = new Array<M>(prefixLevels + 1).fill(ring.zero);
          next.set(k, target);
        }
        for (let i = 0; i <= prefixLevels; i++) target[i] = ring.add(target[i]!, weight[i]!);
        // This level's value occurs f times in each partial sample through this choice.
        target[level + 1] = ring.add(target[level + 1]!, ring.times(weight[0]!, f));
        largest = Math.max(largest, ring.toNumber(target[0]!), ring.toNumber(target[level + 1]!));
      }
    }
    states = next;
  }
  const totals = new Array<M>(points).fill(ring.zero);
  let count = ring.zero;
  let hornsMin = Infinity;
  let hornsMax = -Infinity;
  let hornsWeighted = 0;
  const a = points - 3;
  const [lowA, lowB, lowC] = [b.counts.lower[a] as number, b.counts.lower[a + 1] as number, b.counts.lower[a + 2] as number];
  const [upA, upB, upC] = [b.counts.upper[a] as number, b.counts.upper[a + 1] as number, b.counts.upper[a + 2] as number];
  for (const [state, weight] of states) {
    const q = state % squareRange;
    const rest = (state - q) / squareRange;
    const t = rest % sumRange;
    const c = (rest - t) / sumRange;
    const m = n - c;
    const base = t + a * m;
    const uLow = Math.max(0, b.sumLow - base);
    const uHigh = Math.min(2 * m, b.sumHigh - base);
    let triples = 0;
    let sumF0 = 0;
    let sumF1 = 0;
    let sumF2 = 0;
    for (let u = uLow; u <= uHigh; u++) {
      const s = base + u;
      // Σ squares = q + a²m + 2a·u + (f₁ + 4f₂) with f₁ + 4f₂ = u + 2f₂, so n·Q − S² = spread0 + 2n·f₂ (as countClosure).
      const squares0 = q + a * a * m + 2 * a * u + u;
      const spread0 = n * squares0 - s * s;
      const low = Math.max(0, u - m, Math.ceil((b.spreadLow - spread0) / (2 * n)), lowC, lowA - m + u, Math.ceil((u - upB) / 2));
      const high = Math.min(Math.floor(u / 2), Math.floor((b.spreadHigh - spread0) / (2 * n)), upC, upA - m + u, Math.floor((u - lowB) / 2));
      if (high < low) continue;
      const size = high - low + 1;
      const f2 = ((low + high) * size) / 2;
      triples += size;
      sumF2 += f2;
      sumF1 += u * size - 2 * f2;
      sumF0 += (m - u) * size + f2;
      const multiplicity = ring.toNumber(weight[0]!);
      const hornsLow = hornsFromSums(s, squares0 + 2 * low, n, points);
      const hornsHigh = hornsFromSums(s, squares0 + 2 * high, n, points);
      hornsMin = Math.min(hornsMin, hornsLow);
      hornsMax = Math.max(hornsMax, hornsHigh);
      // Linear in f₂ on the interval: the mean of its ends is the mean over it.
      hornsWeighted += multiplicity * size * ((hornsLow + hornsHigh) / 2);
    }
    if (triples === 0) continue;
    count = ring.add(count, ring.times(weight[0]!, triples));
    for (let v = 0; v < a; v++) totals[v] = ring.add(totals[v]!, ring.times(weight[v + 1]!, triples));
    totals[a] = ring.add(totals[a]!, ring.times(weight[0]!, sumF0));
    totals[a + 1] = ring.add(totals[a + 1]!, ring.times(weight[0]!, sumF1));
    totals[a + 2] = ring.add(totals[a + 2]!, ring.times(weight[0]!, sumF2));
    largest = Math.max(largest, ring.toNumber(count), ...totals.map((total) => ring.toNumber(total)));
  }
  return { count, totals, largest, hornsMin, hornsMax, hornsWeighted, ring };
}

/** Scales of one or two points: few samples, listed. */
function byEnumeration(bounds: ClosureBounds): ClosureFrequencies {
  const cursor = new ClosureCursor(bounds);
  const totals = new Array<bigint>(bounds.points).fill(0n);
  let count = 0n;
  let hornsMin = Infinity;
  let hornsMax = -Infinity;
  let hornsSum = 0;
  while (cursor.next()) {
    count++;
    let sum = 0;
    let squares = 0;
    cursor.frequencies.forEach((times, index) => {
      totals[index] = totals[index]! + BigInt(times);
      sum += times * index;
      squares += times * index * index;
    });
    const horns = hornsFromSums(sum, squares, bounds.n, bounds.points);
    hornsMin = Math.min(hornsMin, horns);
    hornsMax = Math.max(hornsMax, horns);
    hornsSum += horns;
  }
  const raw: Raw<bigint> = { count, totals, largest: 0, hornsMin, hornsMax, hornsWeighted: hornsSum, ring: bigints };
  return describe(bounds, raw);
}
