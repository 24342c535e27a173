import { CohortError } from "../errors.js";
import type { CheckResult } from "../schema/check-result.js";
import { parseDecimal, roundingInterval, type RoundingMode, type ScaledInterval } from "../stats/rounding.js";
import { references } from "./references.js";
import { requireMode } from "./validate.js";

export interface EtaSquaredFInput {
  /** The printed partial eta squared, a string ("0.068"). */
  eta: string;
  /** The printed F, a string ("1.313"). */
  F: string;
  /** F's degrees of freedom (as printed or derived: decimal strings or numbers). */
  df1: number | string;
  df2: number | string;
  rounding?: RoundingMode;
  threshold?: number;
  /** When the df are derived from the design rather than printed: how (recorded in the assumptions). */
  dfDerivedFrom?: string;
}

/** An exact non-negative rational from a decimal string or number. */
function rational(value: number | string, name: string): { num: bigint; den: bigint } {
  const parsed = parseDecimal(typeof value === "number" ? String(value) : value, name);
  if (parsed.negative || parsed.scaled === 0) throw new CohortError({ message: `${name} must be a positive number, received ${String(value)}` });
  return { num: BigInt(parsed.scaled), den: 10n ** BigInt(parsed.digits) };
}

/** ηp² = F·d1 / (F·d1 + d2) at F = f/D, as an exact fraction. */
function etaAt(f: bigint, D: bigint, d1: { num: bigint; den: bigint }, d2: { num: bigint; den: bigint }): { num: bigint; den: bigint } {
  // F·d1 = f·n1/(D·q1); d2 = n2/q2 → η = f·n1·q2 / (f·n1·q2 + n2·D·q1)
  const a = f * d1.num * d2.den;
  return { num: a, den: a + d2.num * D * d1.den };
}

/** Sign of x − lo/den (x a fraction), exact. */
function compare(x: { num: bigint; den: bigint }, scaled: bigint, den: bigint): number {
  const d = x.num * den - scaled * x.den;
  return d > 0n ? 1 : d < 0n ? -1 : 0;
}

/**
 * Partial eta squared against its F: ηp² = F·df1 / (F·df1 + df2), which rises with F, so the F values
 * that round to the printed F give an exact interval of ηp²; the printed ηp² is consistent when its own
 * rounding interval meets it. Exact rational arithmetic throughout. A sphericity correction multiplies
 * both df by ε, which cancels, so the check holds for corrected and uncorrected tests alike; the df2 the
 * printed ηp² implies (df2 = F·df1·(1 − ηp²)/ηp²) is reported, which reveals the analysed n.
 * Reference: Lakens D (2013) Front Psychol 4:863, doi:10.3389/fpsyg.2013.00863.
 *
 * @throws CohortError for malformed numbers or non-positive df
 * @example
 * // Wurz et al. 2023, sit-to-stand: F(2, 40) = 8.261, ηp² = .292. Hand: 16.522 / 56.522 = 0.29231.
 * etaSquaredF({ eta: "0.292", F: "8.261", df1: 2, df2: 40 }).status; // => "consistent"
 */
export function etaSquaredF(input: EtaSquaredFInput): CheckResult {
  const rounding = requireMode(input.rounding);
  const threshold = input.threshold ?? 5;
  const d1 = rational(input.df1, "df1");
  const d2 = rational(input.df2, "df2");
  const f: ScaledInterval = roundingInterval(input.F, rounding, threshold);
  const eta: ScaledInterval = roundingInterval(input.eta, rounding, threshold);
  if (parseDecimal(input.F, "F").negative && f.hi < 0) throw new CohortError({ message: `F cannot be negative, received "${input.F}"` });
  if (parseDecimal(input.eta, "eta").negative || Number(input.eta) > 1) throw new CohortError({ message: `ηp² lies between 0 and 1, received "${input.eta}"` });
  const D = BigInt(f.den);
  const low = etaAt(BigInt(Math.max(0, f.lo)), D, d1, d2);
  const high = etaAt(BigInt(f.hi), D, d1, d2);
  const E = BigInt(eta.den);
  // The attainable ηp² [low, high] (ends in as F's are) meets the printed ηp²'s interval [eta.lo, eta.hi]?
  const belowTop = compare(low, BigInt(eta.hi), E);
  const aboveBottom = compare(high, BigInt(eta.lo), E);
  const fits = (belowTop < 0 || (belowTop === 0 && eta.hiIn && (f.loIn || f.lo <= 0))) && (aboveBottom > 0 || (aboveBottom === 0 && eta.loIn && f.hiIn));
  const range: [number, number] = [Number(low.num) / Number(low.den), Number(high.num) / Number(high.den)];
  const etaValue = Number(input.eta);
  const fValue = Number(input.F);
  const impliedDf2 = etaValue > 0 ? (fValue * (Number(d1.num) / Number(d1.den)) * (1 - etaValue)) / etaValue : null;
  const show = (x: number) => x.toFixed(parseDecimal(input.eta).digits + 2);
  const df = `(${input.df1}, ${input.df2})`;
  return {
    check: "eta-squared-f",
    status: fits ? "consistent" : "inconsistent",
    inputs: { eta: input.eta, F: input.F, df1: input.df1, df2: input.df2 },
    assumptions: {
      rounding,
      ...(rounding.includes("from") ? { threshold } : {}),
      formula: "ηp² = F·df1 / (F·df1 + df2)",
      df: input.dfDerivedFrom ? `derived from the design, not printed: ${input.dfDerivedFrom}` : "as printed",
      sphericity: "a correction multiplies both df by ε, which cancels: ηp² is the same for the corrected test",
    },
    explanation: fits
      ? `ηp² from F${df} = ${input.F} lies in ${show(range[0])}–${show(range[1])}, which fits the printed ${input.eta}`
      : `ηp² from F${df} = ${input.F} lies in ${show(range[0])}–${show(range[1])}, which does not round to the printed ${input.eta}${impliedDf2 !== null ? `; the printed ηp² implies df2 ≈ ${impliedDf2.toFixed(1)}` : ""}`,
    reference: references.etaSquaredF,
    details: { etaRange: range, impliedDf2 },
  };
}
