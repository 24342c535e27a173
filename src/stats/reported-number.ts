import { CohortError } from "../errors.js";
import * as msg from "../messages/checks.js";
import { isRoundingMode, parseDecimal, roundingInterval, type ParsedDecimal, type RoundingMode, type ScaledInterval } from "./rounding.js";

/** How the source is assumed to have rounded: scrutiny's mode and, for the `*_from` modes, the threshold digit. */
export interface RoundingAssumption {
  rounding: RoundingMode;
  threshold: number;
}

/**
 * A number as a paper printed it, parsed once where it enters: the text, its value, its decimals and the
 * interval of true values that round to it under a rounding assumption. Checks take this, never a bare
 * float, so every check respects the rounding of every input (a reported "2.20" stands for [2.195, 2.205]
 * under up_or_down).
 */
export interface ReportedNumber {
  /** As printed, trailing zeros kept ("2.20"). */
  text: string;
  /** The printed value as a number (2.2). */
  value: number;
  /** Decimal places as printed. */
  digits: number;
  decimal: ParsedDecimal;
  /** The exact interval (integers over 10^(digits+1)) of true values that round to `text`. */
  interval: ScaledInterval;
  /** The same interval as floats, for continuous computations (p-values, t statistics). */
  lower: number;
  upper: number;
  lowerInclusive: boolean;
  upperInclusive: boolean;
  rounding: RoundingMode;
  threshold: number;
}

/**
 * Parses a reported number once: its value, decimals and rounding interval.
 *
 * @param text the number as printed, a string to keep trailing zeros ("2.20")
 * @param assumption rounding mode (default up_or_down) and threshold (default 5)
 * @param name what the number is, for error messages
 * @throws CohortError for a malformed number, an unknown mode or a bad threshold
 * @example
 * reportedNumber("2.20").lower; // => 2.195
 * reportedNumber("2.20", { rounding: "trunc" }).upper; // => 2.21
 */
export function reportedNumber(text: string, assumption: Partial<RoundingAssumption> = {}, name = "value"): ReportedNumber {
  if (typeof text !== "string") throw new CohortError({ message: msg.notADecimalString(name, text) });
  const rounding = assumption.rounding ?? "up_or_down";
  if (!isRoundingMode(rounding)) throw new CohortError({ message: msg.unknownRoundingMode(rounding) });
  const threshold = assumption.threshold ?? 5;
  const decimal = parseDecimal(text, name);
  const interval = roundingInterval(text.trim(), rounding, threshold);
  const value = (decimal.negative ? -1 : 1) * (decimal.scaled / 10 ** decimal.digits) + 0;
  return {
    text: text.trim(),
    value,
    digits: decimal.digits,
    decimal,
    interval,
    lower: interval.lo / interval.den + 0,
    upper: interval.hi / interval.den + 0,
    lowerInclusive: interval.loIn,
    upperInclusive: interval.hiIn,
    rounding,
    threshold,
  };
}

/** The closed float range [lower, upper] of a reported number (endpoints kept: continuous checks cannot tell them apart). */
export function closedRange(reported: ReportedNumber): [number, number] {
  return [reported.lower, reported.upper];
}

/**
 * A reported number that must not be negative (an SD, a count-like statistic): its range clipped at 0.
 *
 * @throws CohortError when the printed value itself is negative
 */
export function nonNegativeRange(reported: ReportedNumber, name: string): [number, number] {
  if (reported.value < 0) throw new CohortError({ message: msg.negativeValue(name, reported.text) });
  return [Math.max(0, reported.lower), reported.upper];
}
