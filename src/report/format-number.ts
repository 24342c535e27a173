import { CohortError } from "../errors.js";
import * as msg from "../messages/reports.js";

/**
 * A number written with a fixed number of decimals, the same on every machine and locale.
 * Why: reports are compared byte for byte, so `toLocaleString` (locale- and ICU-dependent) is never
 * used, and a negative zero ("-0.0") is written as "0.0".
 *
 * @param value the number
 * @param decimals digits after the point (0–12)
 * @throws CohortError for NaN or ±Infinity, or a bad number of decimals
 * @example
 * formatNumber(0.55, 3); // => "0.550"
 */
export function formatNumber(value: number, decimals: number): string {
  if (!Number.isFinite(value)) throw new CohortError({ message: msg.notFinite("value", value) });
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 12) throw new CohortError({ message: msg.badDecimals(decimals) });
  const text = value.toFixed(decimals);
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
}

/**
 * A proportion (0–1) written as a percentage with fixed decimals, without the % sign.
 *
 * @param proportion 0–1
 * @param decimals digits after the point (default 1)
 * @example
 * formatPercent(0.3153, 1); // => "31.5"
 */
export function formatPercent(proportion: number, decimals = 1): string {
  return formatNumber(proportion * 100, decimals);
}

/**
 * An interval of proportions written as a percentage range "[low, high]".
 *
 * @example
 * formatPercentInterval([0.342, 0.742], 1); // => "34.2–74.2"
 */
export function formatPercentInterval(interval: readonly [number, number], decimals = 1): string {
  return `${formatPercent(interval[0], decimals)}–${formatPercent(interval[1], decimals)}`;
}
