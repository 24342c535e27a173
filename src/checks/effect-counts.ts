import { CohortError } from "../errors.js";
import type { CheckResult } from "../schema/check-result.js";
import { roundingInterval, type RoundingMode } from "../stats/rounding.js";
import { references } from "./references.js";
import { requireMode, requireWhole } from "./validate.js";

/** The effects a 2×2 table gives directly. */
export type CountEffect = "odds-ratio" | "risk-ratio" | "risk-difference";

export interface EffectCountsInput {
  measure: CountEffect;
  /** The printed estimate, a string ("0.71", "-3.2"). */
  estimate: string;
  /** Events and group sizes, first group first: the effect is first over (or minus) second. */
  events: [number, number];
  totals: [number, number];
  /** For a risk difference: printed in percentage points ("-3.2") or as a proportion ("-0.032"); inferred from its size when absent. */
  unit?: "proportion" | "percentage-points";
  rounding?: RoundingMode;
  threshold?: number;
}

const NAMES: Record<CountEffect, string> = { "odds-ratio": "odds ratio", "risk-ratio": "risk ratio", "risk-difference": "risk difference" };

/**
 * An effect estimate recomputed from the counts it is computed from: the crude odds ratio a·d/(b·c),
 * risk ratio (a/n₁)/(c/n₂) or risk difference a/n₁ − c/n₂ of the 2×2 table, as an exact fraction,
 * compared with the printed estimate's rounding interval. Counts are exact, so the only slack is the
 * estimate's own rounding. An adjusted, marginal or model-based estimate need not equal the crude one:
 * an inconsistent result says the printed effect is not the crude effect of these counts and group sizes.
 * Reference: Altman DG (1991) Practical Statistics for Medical Research, ch. 10; Cochrane Handbook §6.4.1.
 *
 * @throws CohortError for counts outside 0…total or a malformed estimate
 * @example
 * // 163 of 2371 vs 239 of 2276: OR = 163·2037 / (2208·239) = 0.6292, not the printed 0.71.
 * effectCounts({ measure: "odds-ratio", estimate: "0.71", events: [163, 239], totals: [2371, 2276] }).status; // => "inconsistent"
 */
export function effectCounts(input: EffectCountsInput): CheckResult {
  const rounding = requireMode(input.rounding);
  const threshold = input.threshold ?? 5;
  const [a, c] = input.events.map((x, i) => requireWhole(`events ${i + 1}`, x, 0)) as [number, number];
  const [n1, n2] = input.totals.map((x, i) => requireWhole(`total ${i + 1}`, x, 1)) as [number, number];
  if (a > n1 || c > n2) throw new CohortError({ message: `events (${a}, ${c}) cannot exceed their group sizes (${n1}, ${n2})` });
  const b = n1 - a;
  const d = n2 - c;
  const unit = input.measure === "risk-difference" ? (input.unit ?? (Math.abs(Number(input.estimate)) > 1 ? "percentage-points" : "proportion")) : undefined;
  // The effect as an exact fraction num/den (den > 0), or null when a zero cell leaves it undefined.
  const [num, den]: [bigint, bigint] | [null, null] =
    input.measure === "odds-ratio"
      ? b * c === 0 ? [null, null] : [BigInt(a) * BigInt(d), BigInt(b) * BigInt(c)]
      : input.measure === "risk-ratio"
        ? c === 0 ? [null, null] : [BigInt(a) * BigInt(n2), BigInt(c) * BigInt(n1)]
        : [(BigInt(a) * BigInt(n2) - BigInt(c) * BigInt(n1)) * (unit === "percentage-points" ? 100n : 1n), BigInt(n1) * BigInt(n2)];
  const base = {
    check: "effect-counts",
    inputs: { measure: input.measure, estimate: input.estimate, events: input.events, totals: input.totals, ...(unit ? { unit } : {}) },
    assumptions: {
      rounding,
      ...(rounding.includes("from") ? { threshold } : {}),
      effect: `the crude ${NAMES[input.measure]} of the 2×2 table (first group ${input.measure === "risk-difference" ? "minus" : "over"} second), not adjusted or model-based`,
      denominators: `${n1} and ${n2}`,
      ...(unit ? { unit: input.unit ? unit : `${unit} (inferred from the size of the printed estimate)` } : {}),
    },
    reference: references.effectCounts,
  };
  if (num === null || den === null) {
    return { ...base, status: "undetermined", explanation: `the ${NAMES[input.measure]} of ${a}/${n1} vs ${c}/${n2} is undefined (a zero cell)`, details: { value: null } };
  }
  const interval = roundingInterval(input.estimate, rounding, threshold);
  const left = num * BigInt(interval.den);
  const lo = BigInt(interval.lo) * den;
  const hi = BigInt(interval.hi) * den;
  const fits = (left > lo || (left === lo && interval.loIn)) && (left < hi || (left === hi && interval.hiIn));
  const value = Number(num) / Number(den);
  const shown = value.toFixed(4);
  const printedUnit = unit === "percentage-points" ? " percentage points" : "";
  return {
    ...base,
    status: fits ? "consistent" : "inconsistent",
    explanation: fits
      ? `${a}/${n1} vs ${c}/${n2} give ${input.measure === "odds-ratio" ? "an" : "a"} ${NAMES[input.measure]} of ${shown}${printedUnit}, which rounds to the printed ${input.estimate}`
      : `${a}/${n1} vs ${c}/${n2} give ${input.measure === "odds-ratio" ? "an" : "a"} ${NAMES[input.measure]} of ${shown}${printedUnit}, not the printed ${input.estimate}: the printed effect is not the crude effect of these counts and group sizes (another denominator, or an adjusted or model-based estimate)`,
    details: { value, risks: [a / n1, c / n2] },
  };
}
