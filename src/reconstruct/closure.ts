import type { Step } from "../stats/step.js";
import { closureBounds, valueAt, type ClosureBounds, type ClosureInput } from "./closure-bounds.js";
import { spreadImpossible } from "./closure-prune.js";

/**
 * A pull cursor over every CLOSURE sample, as frequency vectors (index 0 = scale minimum), in
 * lexicographic order of the sorted samples (the order a depth-first search over non-decreasing
 * sequences visits them). Memory is O(scale points), whatever n and the number of samples.
 *
 * Why frequencies: a multiset of n values on k points is a vector of k counts, so the search has k − 2
 * levels instead of n, and the last two counts follow from the sum in closed form. Each level's
 * count range comes from the sum bounds in closed form; spread (M2) bounds prune the rest.
 */
export class ClosureCursor {
  /** Counts of the current sample; valid after `next()` returned true, overwritten by the next call. */
  readonly frequencies: Int32Array;
  readonly bounds: ClosureBounds;
  private readonly levels: number;
  private readonly current: Int32Array;
  private readonly low: Int32Array;
  private readonly prefixCount: Float64Array;
  private readonly prefixSum: Float64Array;
  private readonly prefixSquares: Float64Array;
  private readonly suffixLower: Int32Array;
  private depth = -1;
  private leafX = 0;
  private leafEnd = -1;
  private leafActive = false;
  private started = false;
  private done = false;
  private steps = 0;
  private readonly stop: (() => boolean) | undefined;
  /** True when `stop` ended the walk early (next() then returned false before the last sample). */
  stopped = false;

  /**
   * @param input the request, or its bounds
   * @param stop asked every 65,536 steps of the walk whether to stop (a caller's time budget): so a
   *   sparse space with few samples cannot run on unchecked between two samples
   */
  constructor(input: ClosureInput | ClosureBounds, stop?: () => boolean) {
    this.stop = stop;
    this.bounds = "counts" in input && "sumLow" in input ? input : closureBounds(input as ClosureInput);
    const points = this.bounds.points;
    this.frequencies = new Int32Array(points);
    this.levels = Math.max(0, points - 2);
    this.current = new Int32Array(this.levels + 1);
    this.low = new Int32Array(this.levels + 1);
    this.prefixCount = new Float64Array(this.levels + 1);
    this.prefixSum = new Float64Array(this.levels + 1);
    this.prefixSquares = new Float64Array(this.levels + 1);
    this.suffixLower = new Int32Array(points + 1);
    for (let value = points - 1; value >= 0; value--) this.suffixLower[value] = (this.suffixLower[value + 1] as number) + (this.bounds.counts.lower[value] as number);
  }

  /** Advances to the next sample; false when there are no more. */
  next(): boolean {
    if (this.done) return false;
    const b = this.bounds;
    if (!this.started) {
      this.started = true;
      if (b.points === 1) {
        this.done = true;
        this.frequencies[0] = b.n;
        return b.sumLow <= 0 && b.spreadLow <= 0 && (b.counts.upper[0] as number) >= b.n;
      }
      if (this.levels === 0) this.startLeaf();
      else {
        this.depth = 0;
        this.setupLevel(0);
      }
    }
    const { n, points } = b;
    for (;;) {
      if (this.stop && (++this.steps & 0xffff) === 0 && this.stop()) {
        this.stopped = true;
        this.done = true;
        return false;
      }
      if (this.leafActive) {
        if (this.stepLeaf()) return true;
        this.leafActive = false;
        this.depth = this.levels - 1;
      }
      const level = this.depth;
      if (level < 0) {
        this.done = true;
        return false;
      }
      const count = --(this.current[level] as number);
      this.current[level] = count;
      if (count < (this.low[level] as number)) {
        this.depth--;
        continue;
      }
      const c = (this.prefixCount[level] as number) + count;
      const t = (this.prefixSum[level] as number) + level * count;
      const q = (this.prefixSquares[level] as number) + level * level * count;
      if (c > 0 && c < n && spreadImpossible(this.bounds, level, c, t, q)) continue;
      this.prefixCount[level + 1] = c;
      this.prefixSum[level + 1] = t;
      this.prefixSquares[level + 1] = q;
      this.frequencies[level] = count;
      if (level === this.levels - 1) this.startLeaf();
      else {
        this.depth = level + 1;
        this.setupLevel(level + 1);
      }
    }
  }

  /** The range of counts for `level` from the sum bounds, the restrictions and what later values need; iterated from high to low. */
  private setupLevel(level: number): void {
    const b = this.bounds;
    const remaining = b.n - (this.prefixCount[level] as number);
    const sum = this.prefixSum[level] as number;
    const top = b.points - 1;
    // With f items at `level` and the rest at level+1 the sum is smallest; with the rest at the top it is largest.
    const low = Math.max(0, sum + (level + 1) * remaining - b.sumHigh, b.counts.lower[level] as number);
    const high = Math.min(
      remaining - (this.suffixLower[level + 1] as number),
      Math.floor((sum + top * remaining - b.sumLow) / (top - level)),
      b.counts.upper[level] as number,
    );
    this.low[level] = low;
    this.current[level] = Math.max(high, low - 1) + 1;
  }


  /** The last two scale values: with x items at the top the sum and sum of squares are linear in x. */
  private startLeaf(): void {
    const b = this.bounds;
    const at = this.levels;
    const p = b.points - 2;
    const m = b.n - (this.prefixCount[at] as number);
    const t = this.prefixSum[at] as number;
    this.leafX = Math.max(0, b.sumLow - t - p * m, b.counts.lower[p + 1] as number, m - (b.counts.upper[p] as number)) - 1;
    this.leafEnd = Math.min(m, b.sumHigh - t - p * m, b.counts.upper[p + 1] as number, m - (b.counts.lower[p] as number));
    this.leafActive = true;
  }

  private stepLeaf(): boolean {
    const b = this.bounds;
    const at = this.levels;
    const p = b.points - 2;
    const m = b.n - (this.prefixCount[at] as number);
    const base = (this.prefixSum[at] as number) + p * m;
    const squares = (this.prefixSquares[at] as number) + p * p * m;
    while (++this.leafX <= this.leafEnd) {
      const x = this.leafX;
      const s = base + x;
      const spread = b.n * (squares + (2 * p + 1) * x) - s * s;
      if (spread >= b.spreadLow && spread <= b.spreadHigh) {
        this.frequencies[p] = m - x;
        this.frequencies[p + 1] = x;
        return true;
      }
    }
    return false;
  }
}

/**
 * Visits every CLOSURE sample as a frequency vector, in constant memory.
 *
 * CLOSURE (complete listing of original samples of underlying raw evidence) lists every multiset of
 * n integers on [min, max] whose mean and sample SD round to the reported values; it shows what
 * data could lie behind a mean and SD. Bounds are inclusive, as in closure-core.
 * Reference: Heathers (2024), CLOSURE; unsum (Jung) https://github.com/lhdjung/unsum ; closure-core https://github.com/lhdjung/closure-core
 * @param input reported mean and SD as strings, n, scale min/max, optional rounding errors and restrictions
 * @param visit called with the counts of each sample (index 0 = scale min; the array is reused, copy it to keep it); return false to stop
 * @returns the number of samples visited
 * @throws {CohortError} on impossible arguments (n < 2, min > max, malformed mean/SD)
 * @example
 * forEachClosureSample({ mean: "2.9", sd: "0.5", n: 25, min: 1, max: 5, meanError: 0.05, sdError: 0.05 }, () => {}); // => 4
 */
export function forEachClosureSample(input: ClosureInput | ClosureBounds, visit: (frequencies: Int32Array) => boolean | void): number {
  const cursor = new ClosureCursor(input);
  let visited = 0;
  while (cursor.next()) {
    visited++;
    if (visit(cursor.frequencies) === false) break;
  }
  return visited;
}

/**
 * Every CLOSURE sample as a sorted array of values, lazily (a generator: constant memory).
 *
 * Reference: Heathers (2024), CLOSURE; closure-core https://github.com/lhdjung/closure-core
 * @param input reported mean and SD as strings, n, scale min/max, optional rounding errors and restrictions
 * @throws {CohortError} on impossible arguments
 * @example
 * [...closureSamples({ mean: "2.0", sd: "1.0", n: 3, min: 1, max: 3 })]; // => [[1, 2, 3]]
 */
export function* closureSamples(input: ClosureInput | ClosureBounds): Generator<number[]> {
  const cursor = new ClosureCursor(input);
  while (cursor.next()) yield expandFrequencies(cursor.frequencies, cursor.bounds.min, cursor.bounds.step);
}

/**
 * The sorted values of a sample given by its counts.
 *
 * @param frequencies count of each scale value, index 0 = `min`
 * @param min scale minimum (in steps when a step is given)
 * @param step step between values (default 1)
 * @example
 * expandFrequencies([2, 0, 1], 1); // => [1, 1, 3]
 * expandFrequencies([2, 0, 1], 0, { num: 25, den: 1 }); // => [0, 0, 50]
 */
export function expandFrequencies(frequencies: ArrayLike<number>, min: number, step: Step = { num: 1, den: 1 }): number[] {
  const values: number[] = [];
  for (let index = 0; index < frequencies.length; index++) {
    const value = valueAt({ min, step }, index);
    for (let times = frequencies[index] as number; times > 0; times--) values.push(value);
  }
  return values;
}
