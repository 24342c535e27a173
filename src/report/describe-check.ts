import type { CheckResult } from "../schema/check-result.js";

/**
 * A check result's assumptions as one line, keys sorted ("computation: …; rounding: up_or_down").
 * Objects are written as compact JSON so nothing the verdict depends on is dropped.
 *
 * @example
 * describeAssumptions({ assumptions: { rounding: "up_or_down", a: 1 } } as never); // => "a: 1; rounding: up_or_down"
 */
export function describeAssumptions(result: Pick<CheckResult, "assumptions">): string {
  return Object.keys(result.assumptions)
    .sort()
    .map((key) => {
      const value = result.assumptions[key];
      return `${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`;
    })
    .join("; ");
}

/**
 * The range of numbers as "a–b" (or "a" when equal) with fixed decimals; "none" when empty.
 *
 * @example
 * describeRange([2.95, 5.9, 8.85], 2); // => "2.95–8.85 (3 values)"
 */
export function describeRange(values: readonly number[], decimals: number): string {
  if (values.length === 0) return "none";
  const low = Math.min(...values);
  const high = Math.max(...values);
  const count = values.length === 1 ? "" : ` (${values.length} values)`;
  return low === high ? low.toFixed(decimals) : `${low.toFixed(decimals)}–${high.toFixed(decimals)}${count}`;
}
