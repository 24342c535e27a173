import type { CheckResult } from "../schema/check-result.js";
import { nonNegativeRange, reportedNumber, type ReportedNumber, type RoundingAssumption } from "../stats/reported-number.js";
import { references } from "./references.js";
import type { Range } from "./summary-t-range.js";
import { requireMode } from "./validate.js";

/** Two timepoints' SDs and the SD of the changes (and, when printed, their correlation), parsed once. */
export interface ChangeSdParsed {
  sd1: ReportedNumber;
  sd2: ReportedNumber;
  sdChange: ReportedNumber;
  correlation?: ReportedNumber;
}

export interface ChangeSdInput extends Partial<RoundingAssumption> {
  sd1: string;
  sd2: string;
  sdChange: string;
  correlation?: string;
}

/** r = (s₁² + s₂² − s_c²)/(2·s₁·s₂), the pre–post correlation a change SD implies. */
export function impliedCorrelation(sd1: number, sd2: number, sdChange: number): number {
  return (sd1 ** 2 + sd2 ** 2 - sdChange ** 2) / (2 * sd1 * sd2);
}

/**
 * The least and greatest implied correlation over the box of the three SDs. r falls as s_c grows; along
 * s₁ (s₂ likewise) it is smallest at s₁ = √(s₂² − s_c²) and grows towards both ends, so its greatest value
 * is at a corner (with the least s_c) and its least at a corner or at that point of an edge (with the
 * greatest s_c): exact.
 */
export function correlationRange(sd1: Range, sd2: Range, sdChange: Range): Range {
  const at = (a: number, b: number, c: number) => (a > 0 && b > 0 ? impliedCorrelation(a, b, c) : c === 0 ? 1 : -Infinity);
  const clamp = (x: number, range: Range) => Math.min(range[1], Math.max(range[0], x));
  let high = -Infinity;
  for (const a of sd1) for (const b of sd2) high = Math.max(high, at(a, b, sdChange[0]));
  const c = sdChange[1];
  const candidates: number[] = [];
  for (const a of sd1) for (const b of sd2) candidates.push(at(a, b, c));
  for (const b of sd2) candidates.push(at(clamp(Math.sqrt(Math.max(0, b * b - c * c)), sd1), b, c));
  for (const a of sd1) candidates.push(at(a, clamp(Math.sqrt(Math.max(0, a * a - c * c)), sd2), c));
  return [Math.min(...candidates), high];
}

function show(x: number): string {
  return String(Number(x.toFixed(3)));
}

/**
 * Change-score feasibility: the SD of within-person changes must lie between |SD₁ − SD₂| and SD₁ + SD₂
 * (the correlation of the two timepoints is between −1 and 1), after rounding each of the three SDs; the
 * implied correlation r = (SD₁² + SD₂² − SD_c²)/(2·SD₁·SD₂) is reported as a range (and compared with a
 * printed r when given). Why: a change SD outside these bounds cannot come from any data, and the
 * implied r says whether a plausible pre–post correlation (usually 0.3–0.9) underlies it.
 * Reference: variance of a difference; Cochrane Handbook §6.5.2.8 (change-from-baseline SDs from a correlation).
 *
 * @example
 * changeSd({ sd1: "3.0", sd2: "4.0", sdChange: "5.0" }).status; // => "consistent" (r = 0 at exactly 3, 4, 5; an interval around 0 within rounding)
 */
export function changeSdParsed(input: ChangeSdParsed): CheckResult {
  const s1 = nonNegativeRange(input.sd1, "an SD");
  const s2 = nonNegativeRange(input.sd2, "an SD");
  const sc = nonNegativeRange(input.sdChange, "a change SD");
  // |s₁ − s₂| ≤ s_c ≤ s₁ + s₂ for some values within rounding.
  const leastGap = s1[0] > s2[1] ? s1[0] - s2[1] : s2[0] > s1[1] ? s2[0] - s1[1] : 0;
  const greatestSum = s1[1] + s2[1];
  const feasible = sc[1] >= leastGap && sc[0] <= greatestSum;
  const raw = correlationRange(s1, s2, sc);
  const implied: Range | null = feasible ? [Math.max(-1, raw[0]), Math.min(1, raw[1])] : null;
  const printedR = input.correlation ? ([input.correlation.lower, input.correlation.upper] as Range) : null;
  const rFits = printedR && implied ? printedR[0] <= implied[1] && implied[0] <= printedR[1] : printedR ? false : null;
  const status = !feasible || rFits === false ? "inconsistent" : "consistent";
  const bounds = `${show(leastGap)} to ${show(greatestSum)}`;
  const explanation = !feasible
    ? `change SD ${input.sdChange.text} is outside ${bounds}, the range SDs ${input.sd1.text} and ${input.sd2.text} allow (it would need a correlation ${raw[0] > 1 ? "above 1" : "below −1"})`
    : rFits === false
      ? `change SD ${input.sdChange.text} implies a pre–post correlation of ${show((implied as Range)[0])} to ${show((implied as Range)[1])}, not the printed ${input.correlation?.text}`
      : `change SD ${input.sdChange.text} lies within ${bounds} and implies a pre–post correlation of ${show((implied as Range)[0])} to ${show((implied as Range)[1])}`;
  return {
    check: "change-sd",
    status,
    inputs: { sd1: input.sd1.text, sd2: input.sd2.text, sdChange: input.sdChange.text, ...(input.correlation ? { correlation: input.correlation.text } : {}) },
    assumptions: { rounding: input.sd1.rounding, sd: "sample SDs of the same people at both timepoints, the change SD of their differences" },
    explanation,
    reference: references.changeSd,
    details: { feasibleRange: [leastGap, greatestSum], correlationRange: implied, ...(printedR ? { correlationFits: rFits } : {}) },
  };
}

/**
 * Change-score feasibility as printed: parses the SDs once, then runs changeSdParsed.
 *
 * @example
 * changeSd({ sd1: "10", sd2: "2", sdChange: "5" }).status; // => "inconsistent" (|10 − 2| = 8 > 5 even within rounding: 7.5 > 5.5)
 */
export function changeSd(input: ChangeSdInput): CheckResult {
  const a = { rounding: requireMode(input.rounding), threshold: input.threshold ?? 5 };
  return changeSdParsed({
    sd1: reportedNumber(input.sd1, a, "sd1"),
    sd2: reportedNumber(input.sd2, a, "sd2"),
    sdChange: reportedNumber(input.sdChange, a, "change SD"),
    ...(input.correlation !== undefined ? { correlation: reportedNumber(input.correlation, a, "correlation") } : {}),
  });
}
