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
  const s = direction === "increase" ? 1 : -1;
  const ps = [interval.lo / interval.den / 100, interval.hi / interval.den / 100];
  const k = Number(known.j);
  const dk = Number(known.den);
  const dOther = Number(otherDen);
  const r = range === null ? 0 : Number(range.num) / Number(range.den);
  const values = ps.map((p) => {
    if (computation === "percentage-points") {
      const delta = s * p * r;
      return inverse ? dOther * (k / dk - delta) : dOther * (k / dk + delta);
    }
    // ratio later/earlier
    const ratio = computation === "percent-of-earlier" ? 1 + s * p : 1 / (1 - s * p);
    return inverse ? (k / dk) * dOther / ratio : (k / dk) * dOther * ratio;
  });
  // A ratio of 1/(1 − p) with p ≥ 100% has no finite bound: let the grid's own range bound it.
  if (values.some((v) => !Number.isFinite(v) || v < 0)) return [-Infinity, Infinity];
  return [Math.floor(Math.min(...values)) - 1, Math.ceil(Math.max(...values)) + 1];
}
