import { CohortError } from "../errors.js";
import * as msg from "../messages/checks.js";
import { isRoundingMode, type RoundingMode } from "../stats/rounding.js";

/** Throws a CohortError unless `value` is a whole number ≥ min. Shared input guard of the checks. */
export function requireWhole(name: string, value: unknown, min: number): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min) throw new CohortError({ message: msg.notAWholeNumber(name, value, min) });
  return value;
}

/** Throws a CohortError unless `value` is a finite number. */
export function requireFinite(name: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value)) throw new CohortError({ message: msg.notAFiniteNumber(name, value) });
  return value;
}

/** Parses a rounding mode or throws a CohortError naming the value received. */
export function requireMode(value: unknown): RoundingMode {
  const mode = value ?? "up_or_down";
  if (!isRoundingMode(mode)) throw new CohortError({ message: msg.unknownRoundingMode(value) });
  return mode;
}

/**
 * Most whole-number totals a check tries one by one (GRIMMER, DEBIT, SD bounds), about a second of
 * BigInt work. The totals that fit a mean number about n·items/10^decimals, so a larger count means
 * n·items ≥ 10^decimals, where GRIM cannot test the mean either: such checks answer `undetermined`.
 */
export const MAX_TOTALS = 1_000_000;

/**
 * Most items per score a check accepts. Why: the work of GRIMMER and of the percent-change grid grows
 * with n × items, and the longest questionnaires in use have a few hundred items (MMPI-2: 567).
 */
export const MAX_ITEMS = 10_000;

/** Throws a CohortError unless `value` is a whole number of items from 1 to MAX_ITEMS. */
export function requireItems(value: unknown): number {
  const items = requireWhole("items", value, 1);
  if (items > MAX_ITEMS) throw new CohortError({ message: msg.tooManyItems(items, MAX_ITEMS) });
  return items;
}

/**
 * Throws a CohortError unless a scale has finite bounds with min below max (whole numbers when `whole`).
 * Why: an infinite bound or a one-point scale leaves no range to test against (BigInt(Infinity) throws,
 * a zero range divides by zero).
 */
export function requireScale(scale: { min: unknown; max: unknown }, whole = false): { min: number; max: number } {
  const check = whole ? (name: string, v: unknown) => requireSafeInteger(name, v) : requireFinite;
  const min = check("scale min", scale.min);
  const max = check("scale max", scale.max);
  if (min >= max) throw new CohortError({ message: msg.minAboveMax(min, max) });
  requireFinite("scale range (max − min)", max - min);
  return { min, max };
}

function requireSafeInteger(name: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value)) throw new CohortError({ message: msg.notAnInteger(name, value) });
  return value;
}
