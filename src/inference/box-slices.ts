/**
 * Whole-number vectors whose entries lie in per-patient boxes, with no other link between patients
 * than their sum: patients come in classes of equal boxes (e.g. each substance's own cut-off). For
 * every reachable sum, the smallest and the largest Σz² and a vector attaining each, by dynamic
 * programming over the classes.
 *
 * Why exact: with the class sums fixed, Σz² splits over classes; inside one class (a box and a sum)
 * the most even split has the smallest Σz² and the split with every entry but one at a bound the
 * largest (a convex symmetric function over a box cut by a hyperplane: majorisation). Trying every
 * split of the sum over the classes then gives both extremes exactly.
 * Hand-written: a few lines of knapsack-style DP that no library offers in this form.
 */
export interface BoxClass {
  count: number;
  lo: number;
  hi: number;
}

export interface BoxSums {
  /** Smallest reachable sum; index i of the arrays is sum = offset + i. */
  offset: number;
  qMin: number[];
  qMax: number[];
  /** Class sums behind qMin[i] and qMax[i]. */
  minSplit: number[][];
  maxSplit: number[][];
}

/**
 * Extremes of Σz² for every sum the boxes reach.
 *
 * @param classes patients in classes of equal boxes, in row order
 * @example
 * boxSums([{ count: 2, lo: 0, hi: 3 }]).qMax; // => [0, 1, 4, 9, 10, 13, 18] (sums 0…6)
 */
export function boxSums(classes: readonly BoxClass[]): BoxSums {
  let offset = 0;
  let qMin: number[] = [0];
  let qMax: number[] = [0];
  let minSplit: number[][] = [[]];
  let maxSplit: number[][] = [[]];
  for (const c of classes) {
    const lo = c.count * c.lo;
    const width = c.count * (c.hi - c.lo);
    const size = qMin.length + width;
    const nextMin = new Array<number>(size).fill(Infinity);
    const nextMax = new Array<number>(size).fill(-Infinity);
    const nextMinSplit: number[][] = new Array(size);
    const nextMaxSplit: number[][] = new Array(size);
    for (let s = 0; s <= width; s++) {
      const own = lo + s;
      const low = sumOfSquares(evenSplit(c, own));
      const high = sumOfSquares(boundSplit(c, own));
      for (let i = 0; i < qMin.length; i++) {
        if (qMin[i]! + low < nextMin[i + s]!) {
          nextMin[i + s] = qMin[i]! + low;
          nextMinSplit[i + s] = [...minSplit[i]!, own];
        }
        if (qMax[i]! + high > nextMax[i + s]!) {
          nextMax[i + s] = qMax[i]! + high;
          nextMaxSplit[i + s] = [...maxSplit[i]!, own];
        }
      }
    }
    offset += lo;
    qMin = nextMin;
    qMax = nextMax;
    minSplit = nextMinSplit;
    maxSplit = nextMaxSplit;
  }
  return { offset, qMin, qMax, minSplit, maxSplit };
}

/**
 * A vector with the given class sums: each class split as evenly as possible ("even") or with every
 * entry but one at a bound ("bounds"), classes in row order.
 *
 * @example
 * vectorOfSplit([{ count: 2, lo: 0, hi: 3 }], [4], "bounds"); // => [3, 1]
 */
export function vectorOfSplit(classes: readonly BoxClass[], split: readonly number[], how: "even" | "bounds"): number[] {
  return classes.flatMap((c, i) => (how === "even" ? evenSplit(c, split[i]!) : boundSplit(c, split[i]!)));
}

/** Entries ⌈s/m⌉ then ⌊s/m⌋ (within the box when s is reachable). */
function evenSplit(c: BoxClass, s: number): number[] {
  const q = Math.floor(s / c.count);
  const r = s - q * c.count;
  return Array.from({ length: c.count }, (_, i) => (i < r ? q + 1 : q));
}

/** As many entries as possible at hi, one in between, the rest at lo. */
function boundSplit(c: BoxClass, s: number): number[] {
  const width = c.hi - c.lo;
  if (width === 0) return new Array<number>(c.count).fill(c.lo);
  const extra = s - c.count * c.lo;
  const full = Math.floor(extra / width);
  const rest = extra - full * width;
  return Array.from({ length: c.count }, (_, i) => (i < full ? c.hi : i === full ? c.lo + rest : c.lo));
}

function sumOfSquares(z: readonly number[]): number {
  let q = 0;
  for (const v of z) q += v * v;
  return q;
}
