import { CohortError } from "../errors.js";
import * as msg from "../messages/checks.js";
import type { ScaledInterval } from "../stats/rounding.js";

/**
 * How a reported percent change may have been computed from two group means. `percent-of-earlier`
 * is the usual 100·(later − earlier)/earlier; the others are the common alternatives a checker must
 * try before calling a chain impossible.
 */
export type ChangeComputation = "percent-of-earlier" | "percent-of-later" | "percentage-points";

export type Direction = "increase" | "decrease";

export const computationLabels: Record<ChangeComputation, string> = {
  "percent-of-earlier": "100 × (later − earlier) / earlier (the usual percent change)",
  "percent-of-later": "100 × (later − earlier) / later (change relative to the later value)",
  "percentage-points": "100 × (later − earlier) / scale range (percentage points of the scale, not percent)",
};

/** A group mean on a grid: mean = unit · j / den, j a whole number. */
export interface GridPoint {
  j: bigint;
  den: bigint;
}

/** The scale range divided by the grid unit, as a fraction, for the percentage-points computation. */
export interface RangeInUnits {
  num: bigint;
  den: bigint;
}

export function parseDirection(value: unknown): Direction {
  if (value === "increase" || value === "decrease") return value;
  throw new CohortError({ message: msg.badDirection(value) });
}

/**
 * The reported change as an exact fraction num/den (den > 0) in percent, or null when undefined
 * (a zero denominator): the value the source would have rounded to the reported percent.
 */
export function changeValue(from: GridPoint, to: GridPoint, direction: Direction, computation: ChangeComputation, range: RangeInUnits | null): { num: bigint; den: bigint } | null {
  const s = direction === "increase" ? 1n : -1n;
  // later − earlier, over a common denominator: (j_to·den_from − j_from·den_to) / (den_from·den_to)
  const diff = to.j * from.den - from.j * to.den;
  switch (computation) {
    case "percent-of-earlier":
      if (from.j <= 0n) return null;
      return { num: 100n * s * diff, den: from.j * to.den };
    case "percent-of-later":
      if (to.j <= 0n) return null;
      return { num: 100n * s * diff, den: to.j * from.den };
    case "percentage-points":
      if (range === null || range.num <= 0n) return null;
      return { num: 100n * s * diff * range.den, den: from.den * to.den * range.num };
  }
}

/** Whether num/den (den > 0) lies in the reported percent's rounding interval, exactly. */
export function inInterval(value: { num: bigint; den: bigint }, interval: ScaledInterval): boolean {
  const left = value.num * BigInt(interval.den);
  const lo = BigInt(interval.lo) * value.den;
  const hi = BigInt(interval.hi) * value.den;
  if (left < lo || (left === lo && !interval.loIn)) return false;
  return left < hi || (left === hi && interval.hiIn);
}

/**
 * A float range of the whole numbers j_to (or j_from when `inverse`) that can satisfy a change,
 * widened by one on each side; the exact test `inInterval(changeValue(…))` filters it afterwards.
 */
export function candidateRange(
  known: GridPoint,
  otherDen: bigint,
  interval: ScaledInterval,
  direction: Direction,
  computation: ChangeComputation,
  range: RangeInUnits | null,
  inverse: boolean,
): [number, number] {
  return compileCandidateRange(Number(known.den), Number(otherDen), interval, direction, computation, range, inverse)(Number(known.j));
}

/**
 * `candidateRange` for a known point whose grid is fixed, as a function of its whole number k:
 * everything that does not depend on k is worked out once, so an enumeration pays only the
 * per-point arithmetic. The float expressions are the same, in the same order, so the range is
 * bit-for-bit the one candidateRange gives.
 *
 * @param knownDen the den of the known point's grid (mean = unit · k / knownDen)
 * @param otherDen the den of the grid whose whole numbers are sought
 * @param inverse true when the known point is the later one (the sought one is j_from)
 * @example
 * compileCandidateRange(20, 20, roundingInterval("21.88"), "decrease", "percent-of-earlier", null, false)(64); // => [48, 51]
 * // A later mean of 0 is −100% of every positive earlier mean: nothing but the grid bounds them.
 * compileCandidateRange(10, 10, roundingInterval("100.00"), "decrease", "percent-of-earlier", null, true)(0); // => [-Infinity, Infinity]
 */
export function compileCandidateRange(
  knownDen: number,
  otherDen: number,
  interval: ScaledInterval,
  direction: Direction,
  computation: ChangeComputation,
  range: RangeInUnits | null,
  inverse: boolean,
): (k: number) => [number, number] {
  const s = direction === "increase" ? 1 : -1;
  const p0 = interval.lo / interval.den / 100;
  const p1 = interval.hi / interval.den / 100;
  const bounds = (v0: number, v1: number): [number, number] => {
    // A ratio of 1/(1 − p) with p ≥ 100% has no finite bound: let the grid's own range bound it.
    if (!Number.isFinite(v0) || v0 < 0 || !Number.isFinite(v1) || v1 < 0) return [-Infinity, Infinity];
    return [Math.floor(Math.min(v0, v1)) - 1, Math.ceil(Math.max(v0, v1)) + 1];
  };
  if (computation === "percentage-points") {
    const r = range === null ? 0 : Number(range.num) / Number(range.den);
    const delta0 = s * p0 * r;
    const delta1 = s * p1 * r;
    return inverse
      ? (k) => bounds(otherDen * (k / knownDen - delta0), otherDen * (k / knownDen - delta1))
      : (k) => bounds(otherDen * (k / knownDen + delta0), otherDen * (k / knownDen + delta1));
  }
  // ratio later/earlier
  const ratio = (p: number): number => (computation === "percent-of-earlier" ? 1 + s * p : 1 / (1 - s * p));
  const ratio0 = ratio(p0);
  const ratio1 = ratio(p1);
  // The sought mean is k·ratio (forward) or k/ratio (inverse), unbounded where the ratio passes a pole
  // (forward) or 0 (inverse). For k ≠ 0 such a range has an end that is negative or not finite, and
  // `bounds` opens it; for k = 0 both ends come out ±0 and would close it to [−1, 1], yet a mean of 0
  // makes exactly 100% with every positive mean (−100% of the earlier one, +100% relative to the later
  // one). So k = 0 opens it unless both ratio ends are finite and of one sign: wider than needed only
  // where the known mean is the base of the change, and a base of 0 fits nothing anyway.
  const oneSign = Number.isFinite(ratio0) && Number.isFinite(ratio1) && ((ratio0 > 0 && ratio1 > 0) || (ratio0 < 0 && ratio1 < 0));
  return inverse
    ? (k) => (k === 0 && !oneSign ? [-Infinity, Infinity] : bounds(((k / knownDen) * otherDen) / ratio0, ((k / knownDen) * otherDen) / ratio1))
    : (k) => (k === 0 && !oneSign ? [-Infinity, Infinity] : bounds((k / knownDen) * otherDen * ratio0, (k / knownDen) * otherDen * ratio1));
}

/** Whether two whole numbers on two grids satisfy one change: jFrom/denFrom → jTo/denTo. */
export type ChangeTest = (jFrom: number, jTo: number) => boolean;

/**
 * The exact test `v = changeValue(…); v !== null && inInterval(v, interval)` for one change between
 * two fixed grids, as a function of the two whole numbers. Why: the enumeration runs it on every
 * candidate pair, and BigInt arithmetic was most of its time. Each product is taken in plain
 * numbers; a float product or difference of whole numbers that is a safe integer is exact (a true
 * value of 2^53 or more rounds to 2^53 or more), so when all of them are safe the answer is the
 * exact one, and otherwise that pair is decided in BigInt by changeValue and inInterval themselves.
 *
 * @param denFrom the den of the earlier point's grid (mean = unit · jFrom / denFrom)
 * @param denTo the den of the later point's grid
 * @example
 * compileChangeTest(20, 20, roundingInterval("21.88"), "decrease", "percent-of-earlier", null)(64, 50); // => true (3.20 → 2.50)
 */
export function compileChangeTest(denFrom: number, denTo: number, interval: ScaledInterval, direction: Direction, computation: ChangeComputation, range: RangeInUnits | null): ChangeTest {
  const inBigInt: ChangeTest = (jFrom, jTo) => {
    const v = changeValue({ j: BigInt(jFrom), den: BigInt(denFrom) }, { j: BigInt(jTo), den: BigInt(denTo) }, direction, computation, range);
    return v !== null && inInterval(v, interval);
  };
  const s100 = direction === "increase" ? 100 : -100;
  const { den: iDen, lo: iLo, hi: iHi, loIn, hiIn } = interval;
  const safe = Number.isSafeInteger;
  switch (computation) {
    case "percent-of-earlier":
    case "percent-of-later": {
      // The fraction is 100·s·(a − b) over b (the earlier mean) or over a (the later), with
      // a = j_to·den_from and b = j_from·den_to.
      const ofLater = computation === "percent-of-later";
      return (jFrom, jTo) => {
        if ((ofLater ? jTo : jFrom) <= 0) return false;
        const a = jTo * denFrom;
        const b = jFrom * denTo;
        const base = ofLater ? a : b;
        const diff = a - b;
        const num = s100 * diff;
        const left = num * iDen;
        const lo = iLo * base;
        const hi = iHi * base;
        if (safe(a) && safe(b) && safe(diff) && safe(num) && safe(left) && safe(lo) && safe(hi)) return between(left, lo, hi, loIn, hiIn);
        return inBigInt(jFrom, jTo);
      };
    }
    case "percentage-points": {
      if (range === null || range.num <= 0n) return () => false;
      // The range is stored in millionths (10/1 as 10000000/1000000): reduced, the same fraction
      // keeps the products small enough to stay in plain numbers on 3-decimal grids.
      const g = gcd(range.num, range.den);
      const rNum = range.num / g;
      const rDen = range.den / g;
      const den = denFrom * denTo * Number(rNum);
      const lo = iLo * den;
      const hi = iHi * den;
      const fits = (x: bigint): boolean => x <= BigInt(Number.MAX_SAFE_INTEGER) && x >= -BigInt(Number.MAX_SAFE_INTEGER);
      if (!fits(rNum) || !fits(rDen) || !safe(denFrom * denTo) || !safe(den) || !safe(lo) || !safe(hi)) return inBigInt;
      const rangeDen = Number(rDen);
      return (jFrom, jTo) => {
        // The fraction is 100·s·(a − b)·rangeDen / (den_from·den_to·rangeNum), the denominator fixed.
        const a = jTo * denFrom;
        const b = jFrom * denTo;
        const diff = a - b;
        const scaled = s100 * diff;
        const num = scaled * rangeDen;
        const left = num * iDen;
        if (safe(a) && safe(b) && safe(diff) && safe(scaled) && safe(num) && safe(left)) return between(left, lo, hi, loIn, hiIn);
        return inBigInt(jFrom, jTo);
      };
    }
  }
}

/** inInterval's comparison, once num·den_interval and the bounds times den are in hand. */
function between(left: number, lo: number, hi: number, loIn: boolean, hiIn: boolean): boolean {
  if (left < lo || (left === lo && !loIn)) return false;
  return left < hi || (left === hi && hiIn);
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}
