import { CohortError } from "../errors.js";
import * as message from "../messages/inference.js";

/** Shared argument checks for src/inference: each throws a CohortError naming the bad value. */

export function requireCount(count: number, n: number): void {
  requireSize("n", n, 1);
  if (!Number.isInteger(count) || count < 0 || count > n) throw new CohortError({ message: message.countOutOfRange(count, n) });
}

export function requireSize(name: string, value: number, minimum: number): void {
  if (!Number.isInteger(value) || value < minimum) throw new CohortError({ message: message.sizeTooSmall(name, value, minimum) });
}

/**
 * Closest a level or alpha may come to 0 or 1. Nearer than this, 1 − level (or α/2) loses all but a
 * few significant digits to rounding and the quantile functions return ±Infinity or NaN
 * (e.g. level 0.9999999999999999 gave a NaN interval; α = 1e-200 a critical t of Infinity).
 */
export const PROBABILITY_MARGIN = 1e-12;

export function requireLevel(level: number): void {
  if (!(level >= PROBABILITY_MARGIN && level <= 1 - PROBABILITY_MARGIN)) throw new CohortError({ message: message.levelOutOfRange(level) });
}

export function requireAlpha(alpha: number): void {
  if (!(alpha >= PROBABILITY_MARGIN && alpha < 1)) throw new CohortError({ message: message.alphaOutOfRange(alpha) });
}

/**
 * Last line of defence against garbage: a result the distributions could not compute in double
 * precision (±Infinity, NaN) becomes a CohortError naming the inputs instead of reaching a report.
 */
export function requireFiniteResult(values: ReadonlyArray<number>, describe: () => string): void {
  if (!values.every((value) => Number.isFinite(value))) throw new CohortError({ message: describe() });
}

export function requirePower(power: number, alpha: number): void {
  if (!(power > alpha && power < 1)) throw new CohortError({ message: message.powerOutOfRange(power, alpha) });
}

export function requireEffect(effect: number): void {
  if (!Number.isFinite(effect)) throw new CohortError({ message: message.effectInvalid(effect) });
}

/** Every value finite and at least `minimum` of them. */
export function requireValues(name: string, values: ReadonlyArray<number>, minimum: number): void {
  if (values.length < minimum) throw new CohortError({ message: message.valuesTooFew(name, values.length, minimum) });
  values.forEach((value, index) => {
    if (!Number.isFinite(value)) throw new CohortError({ message: message.valueNotFinite(name, index, value) });
  });
}
