import type { CheckResult } from "../schema/check-result.js";
import type { ReportedNumber } from "../stats/reported-number.js";
import type { ReportedP } from "../stats/reported-p.js";
import type { SignificanceOptions } from "./p-verdict.js";
import { impliedSd, type Dispersion, type Reading } from "./sd-or-se.js";
import { summaryTParsed, type GroupParsed, type SummaryTDesign } from "./summary-t.js";

/** A mean with its ± (of a stated or unstated kind) and n, parsed once. */
export interface SpreadParsed {
  mean: ReportedNumber;
  spread: ReportedNumber;
  n: number;
  dispersion: Dispersion;
}

const READING_NAMES: Record<Reading, string> = { sd: "SD", se: "SE", ci95: "95% CI half-width" };

/** The readings a ± of this kind is tested under: as stated, or every one when unstated. */
export function readingsOf(dispersion: Dispersion): Reading[] {
  return dispersion === "unstated" ? ["sd", "se", "ci95"] : [dispersion];
}

/**
 * The SD a ± implies under a reading, as a reported number: its interval is the printed interval times 1
 * (SD), √n (SE) or √n / t₀.₉₇₅,ₙ₋₁ (95% CI half-width), and its text says so.
 */
export function asSd(spread: ReportedNumber, n: number, reading: Reading): ReportedNumber {
  if (reading === "sd") return spread;
  const [lower, upper] = impliedSd(spread, n, reading);
  const factor = spread.upper > 0 ? upper / spread.upper : 0;
  return { ...spread, text: `${spread.text} (as ${READING_NAMES[reading]})`, value: spread.value * factor, lower, upper };
}

/** What the summary t-test on the summaries a test is about is compared with. */
export interface SummaryTReadingsInput extends SignificanceOptions {
  design: SummaryTDesign;
  /** Two groups (Student, Welch); or, for a paired test, the mean change with its ± and n. */
  groups?: [SpreadParsed, SpreadParsed];
  change?: SpreadParsed;
  p?: ReportedP;
  t?: ReportedNumber;
  df?: ReportedNumber;
}

/**
 * A t-test from summaries whose ± is not a labelled SD: the test is recomputed under every reading the ±
 * admits (an SE: SD = SE·√n; a 95% CI half-width: SD = x·√n / t₀.₉₇₅,ₙ₋₁; an unstated ±: SD, SE and CI
 * half-width in turn, both groups read alike), as sdOrSe does. Consistent when one admissible reading fits
 * what is printed; the details give every reading's ranges.
 * Reference: Altman DG, Bland JM (2005) BMJ 331:903, doi:10.1136/bmj.331.7521.903; Student (1908); Welch (1947).
 *
 * @example
 * // 10.0 ± 1.0 vs 11.0 ± 1.0, n = 20 each, p = .48: only the SE reading (SDs 4.47) gives p ≈ .48.
 * summaryTReadings({ design: "student", groups: [a, b], p }).explanation; // => "… fits read as SE …"
 */
export function summaryTReadings(input: SummaryTReadingsInput): CheckResult {
  const kind = input.change?.dispersion ?? input.groups![0].dispersion;
  const readings = readingsOf(kind);
  const outcomes = readings.map((reading) => {
    const group = (g: SpreadParsed): GroupParsed => ({ mean: g.mean, sd: asSd(g.spread, g.n, reading), n: g.n });
    const result = summaryTParsed({
      design: input.design,
      ...(input.groups ? { groups: [group(input.groups[0]), group(input.groups[1])] as [GroupParsed, GroupParsed] } : {}),
      ...(input.change ? { meanChange: input.change.mean, sdChange: asSd(input.change.spread, input.change.n, reading), n: input.change.n } : {}),
      ...(input.p ? { p: input.p } : {}),
      ...(input.t ? { t: input.t } : {}),
      ...(input.df ? { df: input.df } : {}),
      ...(input.alpha !== undefined ? { alpha: input.alpha } : {}),
      ...(input.pEqualAlphaSignificant !== undefined ? { pEqualAlphaSignificant: input.pEqualAlphaSignificant } : {}),
    });
    return { reading, result };
  });
  const fitting = outcomes.filter((o) => o.result.status === "consistent").map((o) => o.reading);
  const decided = outcomes.some((o) => o.result.status !== "undetermined");
  const status = !decided ? "undetermined" : fitting.length > 0 ? "consistent" : "inconsistent";
  const first = outcomes[0]!.result;
  const names = (list: Reading[]) => list.map((r) => READING_NAMES[r]).join(", ");
  const explanation =
    status === "undetermined"
      ? first.explanation
      : kind !== "unstated"
        ? `read as ${READING_NAMES[kind]} (as labelled): ${first.explanation}`
        : fitting.length > 0
          ? `the ± is not labelled; the test fits read as ${names(fitting)}${fitting.length < readings.length ? ` (not as ${names(readings.filter((r) => !fitting.includes(r)))})` : ""}`
          : `the ± is not labelled, and the test fits none of its readings (${names(readings)}): ${first.explanation}`;
  return {
    ...first,
    status,
    explanation,
    assumptions: { ...first.assumptions, readings: kind === "unstated" ? "the ± read as SD, SE (SD = x·√n) and 95% CI half-width (SD = x·√n / t(0.975, n − 1)), both groups alike" : `the ± read as labelled (${READING_NAMES[kind]})` },
    details: { fitting, readings: outcomes.map((o) => ({ reading: o.reading, status: o.result.status, explanation: o.result.explanation, details: o.result.details })) },
  };
}
