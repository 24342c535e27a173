import { CohortError } from "../errors.js";
import * as msg from "../messages/checks.js";
import { RoundingMode } from "../stats/rounding.js";

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
  const parsed = RoundingMode.safeParse(value ?? "up_or_down");
  if (!parsed.success) throw new CohortError({ message: msg.unknownRoundingMode(value) });
  return parsed.data;
}
