import { CohortError } from "../errors.js";
import * as msg from "../messages/checks.js";
import { formatScaled } from "../stats/rounding.js";
import { pSet, rangeMeetsPSet, type ReportedP } from "../stats/reported-p.js";

/** What a significance decision at α says: significant, not significant, or (over a range) either. */
export type Significance = "significant" | "not significant" | "either";

/** A range of attainable p-values compared with a printed p. */
export interface PComparison {
  /** Whether some attainable p is admitted by the printed p (its relation and rounding). */
  fits: boolean;
  /** Smallest and largest attainable p. */
  attainable: [number, number];
  /** What the printed p claims at α; null when it claims nothing (e.g. "p < .10" at α = .05). */
  reported: Exclude<Significance, "either"> | null;
  /** What the attainable p-values say at α: "either" when they straddle it. */
  computed: Significance;
  /**
   * statcheck's decision error: the printed p is inconsistent and its significance decision at α is the
   * opposite of that of every attainable p (a range that straddles α is never a decision error).
   */
  decisionError: boolean;
  /** The printed values at the printed precision that the attainable range would round to (when the printed p is "="). */
  consistentValues: { lowest: string; highest: string } | null;
}

/** Options of the significance decision (statcheck's alpha and pEqualAlphaSig). */
export interface SignificanceOptions {
  /** Significance level, default .05. */
  alpha?: number;
  /** Whether p = α counts as significant (statcheck's default, TRUE). */
  pEqualAlphaSignificant?: boolean;
}

export function requireAlpha(alpha: unknown): number {
  if (typeof alpha !== "number" || !(alpha > 0 && alpha < 1)) throw new CohortError({ message: msg.badAlpha(alpha) });
  return alpha;
}

/**
 * Compares the attainable range [low, high] of a recomputed p with a printed p, and flags a decision error
 * as statcheck does (Nuijten et al. 2016, doi:10.3758/s13428-015-0664-2): only an inconsistent p can be
 * one, and only when its claimed significance is the opposite of the recomputed one.
 *
 * @example
 * compareP(0.0358, 0.0366, parseReportedP("p = .06")).decisionError; // => true
 */
export function compareP(low: number, high: number, p: ReportedP, options: SignificanceOptions = {}): PComparison {
  const alpha = requireAlpha(options.alpha ?? 0.05);
  const equalIsSignificant = options.pEqualAlphaSignificant ?? true;
  const significant = (value: number) => (equalIsSignificant ? value <= alpha : value < alpha);
  const fits = rangeMeetsPSet(low, high, pSet(p));
  const v = p.number.value;
  let reported: PComparison["reported"] = null;
  if (p.relation === "=") reported = significant(v) ? "significant" : "not significant";
  else if ((p.relation === "<" && v <= alpha) || (p.relation === "≤" && significant(v))) reported = "significant";
  else if ((p.relation === ">" && v >= alpha) || (p.relation === "≥" && !significant(v) )) reported = "not significant";
  const computed: Significance = significant(high) ? "significant" : !significant(low) ? "not significant" : "either";
  const decisionError = !fits && reported !== null && computed !== "either" && reported !== computed;
  return { fits, attainable: [low, high], reported, computed, decisionError, consistentValues: p.relation === "=" ? printedRange(low, high, p.number.digits) : null };
}

/** The lowest and highest p printed at `digits` decimals (rounded half up or down) that a true p in [low, high] gives. */
function printedRange(low: number, high: number, digits: number): { lowest: string; highest: string } {
  const scale = 10 ** digits;
  return { lowest: formatScaled(Math.max(0, Math.round(low * scale)), digits), highest: formatScaled(Math.min(scale, Math.round(high * scale)), digits) };
}

/** A p-value for explanations: four significant digits, or "< 0.0001". */
export function showP(p: number): string {
  if (p === 0) return "0";
  if (p < 0.0001) return p.toExponential(2);
  return String(Number(p.toPrecision(3)));
}

/** An attainable range of p for explanations: "0.0358–0.0366", or one value when both ends print alike. */
export function showPRange(low: number, high: number): string {
  const a = showP(low);
  const b = showP(high);
  return a === b ? a : `${a}–${b}`;
}
