import { CohortError } from "../errors.js";
import { tQuantile } from "../inference/distributions.js";
import * as msg from "../messages/checks.js";
import type { CheckResult } from "../schema/check-result.js";
import { reportedNumber, type ReportedNumber, type RoundingAssumption } from "../stats/reported-number.js";
import { parseReportedP, type ReportedP } from "../stats/reported-p.js";
import { integersInInterval, type ScaledInterval } from "../stats/rounding.js";
import { inSteps, parseStep, stepText, type Step } from "../stats/step.js";
import { inputGrain } from "./grain.js";
import { grimmerOnTotals } from "./grimmer.js";
import { compareP, showPRange, type SignificanceOptions } from "./p-verdict.js";
import { references } from "./references.js";
import { sdBounds } from "./sd-bounds.js";
import { absDifferenceRange, studentTRange, welchTRange, type Range } from "./summary-t-range.js";
import { requireItems, requireMode, requireScale, requireWhole } from "./validate.js";

/** What a ± value is: an SD, an SE, a 95% CI half-width, or not said. */
export type Dispersion = "sd" | "se" | "ci95" | "unstated";
/** The readings a ± value is tested under. */
export type Reading = Exclude<Dispersion, "unstated">;
export const READINGS: readonly Reading[] = ["sd", "se", "ci95"];

/** A "mean ± x" with its n, parsed once. */
export interface PlusMinusParsed {
  mean: ReportedNumber;
  /** The ± value. */
  spread: ReportedNumber;
  n: number;
  dispersion: Dispersion;
}

/** A ± value and what it can be tested against, parsed once. */
export interface SdOrSeParsed extends SignificanceOptions {
  row: PlusMinusParsed;
  /** Item score range, when the scale is bounded. */
  scale?: { min: number; max: number };
  /** Scores are means of `items` whole-number items (granular: SD bounds and GRIMMER are exact). */
  granular?: boolean;
  items?: number;
  /** The step between an item's possible values (default 1), for granular scores. */
  itemStep?: number | string | Step;
  /** A between-group test printed for this row against another: its p, and the design when stated. */
  comparison?: { other: PlusMinusParsed; p: ReportedP; design?: "student" | "welch" };
}

export interface PlusMinusInput {
  mean: string;
  spread: string;
  n: number;
  dispersion?: Dispersion;
}

export interface SdOrSeInput extends SignificanceOptions, Partial<RoundingAssumption> {
  row: PlusMinusInput;
  scale?: { min: number; max: number };
  granular?: boolean;
  items?: number;
  itemStep?: number | string | Step;
  comparison?: { other: PlusMinusInput; p: string; design?: "student" | "welch" };
}

/** How one reading fared: each test that applied, and whether all passed. */
export interface ReadingOutcome {
  reading: Reading;
  /** The SD this reading implies, as a range. */
  sd: Range;
  bounds: boolean | null;
  grimmer: boolean | null;
  test: boolean | null;
  fits: boolean;
}

const READING_NAMES: Record<Reading, string> = { sd: "SD", se: "SE", ci95: "95% CI half-width" };

/**
 * The SD range a ± value implies under a reading: the value itself (SD), times √n (SE), or times
 * √n / t₀.₉₇₅,ₙ₋₁ (half-width of a t-based 95% CI of the mean).
 *
 * @example
 * impliedSd(reportedNumber("0.50"), 16, "se"); // => [1.98, 2.02]
 */
export function impliedSd(spread: ReportedNumber, n: number, reading: Reading): Range {
  const lo = Math.max(0, spread.lower);
  const factor = reading === "sd" ? 1 : reading === "se" ? Math.sqrt(n) : Math.sqrt(n) / tQuantile(0.975, n - 1);
  return [lo * factor, spread.upper * factor];
}

/** An SD range as an exact interval for GRIMMER, widened outward to 10^−9 so it never loses a feasible SD. */
function outwardInterval(sd: Range): ScaledInterval {
  const den = 1e9;
  return { den, lo: Math.floor(sd[0] * den), hi: Math.ceil(sd[1] * den), loIn: true, hiIn: true };
}

/** The greatest sample SD of n values in [min, max] with a mean in the given range (Bhatia–Davis, n/(n−1) for the sample SD). */
function continuousMaxSd(mean: Range, n: number, min: number, max: number): number {
  const centre = Math.min(mean[1], Math.max(mean[0], (min + max) / 2));
  return Math.sqrt(Math.max(0, ((max - centre) * (centre - min) * n) / (n - 1)));
}

function outcome(input: SdOrSeParsed, reading: Reading): ReadingOutcome {
  const { row } = input;
  const sd = reading === "sd" ? ([Math.max(0, row.spread.lower), row.spread.upper] as Range) : impliedSd(row.spread, row.n, reading);
  let bounds: boolean | null = null;
  let grimmer: boolean | null = null;
  if (input.scale) {
    const items = input.items ?? 1;
    if (input.granular) {
      // In steps: k = score / step is a whole number per person, kMin…kMax (see grain.ts).
      const grain = inputGrain({ items, itemStep: input.itemStep, scale: input.scale });
      const b = sdBounds({ mean: row.mean.text, n: row.n, min: input.scale.min, max: input.scale.max, items, ...(input.itemStep !== undefined ? { itemStep: input.itemStep } : {}), rounding: row.mean.rounding, threshold: row.mean.threshold });
      bounds = b === null ? null : sd[0] <= b.maxSd && b.minSd <= sd[1];
      const totals = integersInInterval(inSteps(row.mean.interval, grain.step), row.n);
      const first = Math.max(totals.first, row.n * grain.kMin!);
      const last = Math.min(totals.last, row.n * grain.kMax!);
      if (first <= last) {
        const interval = inSteps(reading === "sd" ? row.spread.interval : outwardInterval(sd), grain.step);
        const result = grimmerOnTotals(first, last, row.n, 1, interval, { lo: grain.kMin!, hi: grain.kMax! }, 1);
        grimmer = result.consistent;
      }
    } else {
      const scaleRange = requireScale(input.scale, false);
      bounds = sd[0] <= continuousMaxSd([row.mean.lower, row.mean.upper], row.n, scaleRange.min, scaleRange.max);
    }
  }
  let test: boolean | null = null;
  if (input.comparison) {
    const other = input.comparison.other;
    const otherSd = reading === "sd" ? ([Math.max(0, other.spread.lower), other.spread.upper] as Range) : impliedSd(other.spread, other.n, reading);
    const difference = absDifferenceRange([row.mean.lower, row.mean.upper], [other.mean.lower, other.mean.upper]);
    const designs = input.comparison.design ? [input.comparison.design] : (["student", "welch"] as const);
    test = designs.some((design) => {
      const range = design === "student" ? studentTRange(difference, sd, otherSd, row.n, other.n) : welchTRange(difference, sd, otherSd, row.n, other.n);
      return compareP(range.p[0], range.p[1], input.comparison?.p as ReportedP, input).fits;
    });
  }
  return { reading, sd, bounds, grimmer, test, fits: bounds !== false && grimmer !== false && test !== false };
}

function showSd(range: Range): string {
  const a = Number(range[0].toPrecision(3));
  const b = Number(range[1].toPrecision(3));
  return a === b ? String(a) : `${a}–${b}`;
}

/**
 * SD or SE: which readings of a "mean ± x" with n fit — x as the SD, as the SE (SD = x·√n), or as the
 * half-width of a 95% CI (SD = x·√n / t₀.₉₇₅,ₙ₋₁) — tested against the greatest SD a bounded scale allows
 * (exact SD bounds when scores are granular, Bhatia–Davis otherwise), GRIMMER when granular, and a printed
 * between-group p (Student's or Welch's t over the rounding intervals, as summaryT). A stated kind is
 * tested as stated (inconsistent when it fails, naming the readings that fit); an unstated one is tested
 * every way, with a clear finding when only one reading fits. `undetermined` when nothing can test it.
 * Reference: Altman DG, Bland JM (2005) Standard deviations and standard errors, BMJ 331:903,
 * doi:10.1136/bmj.331.7521.903.
 *
 * @throws CohortError for n < 2, a negative ± value, a bad scale or an unknown kind
 * @example
 * sdOrSe({ row: { mean: "3.0", spread: "0.8", n: 25 }, scale: { min: 1, max: 5 } }).details.fitting; // => ["sd", "ci95"] (as SE, SD = 4.0 > 2.04)
 */
export function sdOrSeParsed(input: SdOrSeParsed): CheckResult {
  const { row } = input;
  requireWhole("n", row.n, 2);
  if (input.items !== undefined) requireItems(input.items);
  if (!["sd", "se", "ci95", "unstated"].includes(row.dispersion)) throw new CohortError({ message: msg.unknownDispersion(row.dispersion) });
  if (row.spread.value < 0) throw new CohortError({ message: msg.negativeValue("a ± value", row.spread.text) });
  const outcomes = READINGS.map((reading) => outcome(input, reading));
  const tested = outcomes.some((o) => o.bounds !== null || o.grimmer !== null || o.test !== null);
  const fitting = outcomes.filter((o) => o.fits).map((o) => o.reading);
  const stated = row.dispersion === "unstated" ? null : row.dispersion;
  const printed = `${row.mean.text} ± ${row.spread.text} (n = ${row.n})`;
  const names = (list: Reading[]) => list.map((r) => READING_NAMES[r]).join(", ");
  let status: CheckResult["status"];
  let explanation: string;
  if (!tested) {
    status = "undetermined";
    explanation = `${printed}: nothing to test the ± against (give the scale's range or a between-group p)`;
  } else if (stated) {
    status = fitting.includes(stated) ? "consistent" : "inconsistent";
    explanation = fitting.includes(stated)
      ? `${printed}: read as ${READING_NAMES[stated]} (SD ${showSd(outcomes.find((o) => o.reading === stated)?.sd ?? [0, 0])}) it passes every test that applies`
      : `${printed}: read as ${READING_NAMES[stated]}, as stated, it fails ${failedTests(outcomes.find((o) => o.reading === stated))}${fitting.length > 0 ? `; read as ${names(fitting)} it fits` : "; no reading fits"}`;
  } else {
    status = fitting.length > 0 ? "consistent" : "inconsistent";
    explanation =
      fitting.length === 0
        ? `${printed}: no reading of the ± fits (SD, SE and 95% CI half-width all fail)`
        : fitting.length === 1
          ? `${printed}: only the ${READING_NAMES[fitting[0] as Reading]} reading fits (${names(READINGS.filter((r) => !fitting.includes(r)))} fail${READINGS.length - fitting.length === 1 ? "s" : ""})`
          : `${printed}: the ± fits as ${names(fitting)}${fitting.length < 3 ? `, not as ${names(READINGS.filter((r) => !fitting.includes(r)))}` : ""}`;
  }
  return {
    check: "sd-or-se",
    status,
    inputs: {
      mean: row.mean.text,
      spread: row.spread.text,
      n: row.n,
      dispersion: row.dispersion,
      ...(input.scale ? { scale: input.scale } : {}),
      ...(input.comparison ? { comparison: { mean: input.comparison.other.mean.text, spread: input.comparison.other.spread.text, n: input.comparison.other.n, p: input.comparison.p.text } } : {}),
    },
    assumptions: {
      rounding: row.mean.rounding,
      readings: "SD = x; SE: SD = x·√n; 95% CI half-width: SD = x·√n / t(0.975, n − 1)",
      ...(input.scale ? { scale: `${input.scale.min}–${input.scale.max}${input.granular ? ` per item, ${input.itemStep === undefined ? "whole-number items" : `items in steps of ${stepText(parseStep(input.itemStep, "itemStep"))}`} (${input.items ?? 1} per score)` : ", continuous"}` } : {}),
      ...(input.comparison ? { test: input.comparison.design ? `${input.comparison.design === "student" ? "Student's" : "Welch's"} t-test` : "Student's or Welch's t-test", comparison: "the other group's ± read the same way" } : {}),
    },
    explanation,
    reference: references.sdOrSe,
    details: { fitting, readings: outcomes },
  };
}

function failedTests(o: ReadingOutcome | undefined): string {
  if (!o) return "";
  const failed = [o.bounds === false ? "the SD bound of the scale" : null, o.grimmer === false ? "GRIMMER" : null, o.test === false ? "the printed test" : null].filter(Boolean);
  return `${failed.join(" and ")} (implied SD ${showSd(o.sd)})`;
}

function parsePlusMinus(row: PlusMinusInput, a: RoundingAssumption): PlusMinusParsed {
  return { mean: reportedNumber(row.mean, a, "mean"), spread: reportedNumber(row.spread, a, "± value"), n: requireWhole("n", row.n, 2), dispersion: row.dispersion ?? "unstated" };
}

/**
 * SD or SE as printed: parses every number once, then runs sdOrSeParsed.
 *
 * @example
 * sdOrSe({ row: { mean: "10.0", spread: "1.0", n: 20 }, comparison: { other: { mean: "11.0", spread: "1.0", n: 20 }, p: "p = .48" } }).explanation;
 * // => "10.0 ± 1.0 (n = 20): only the SE reading fits (SD, 95% CI half-width fail)"
 */
export function sdOrSe(input: SdOrSeInput): CheckResult {
  const a = { rounding: requireMode(input.rounding), threshold: input.threshold ?? 5 };
  return sdOrSeParsed({
    row: parsePlusMinus(input.row, a),
    ...(input.scale ? { scale: input.scale } : {}),
    ...(input.granular !== undefined ? { granular: input.granular } : {}),
    ...(input.items !== undefined ? { items: input.items } : {}),
    ...(input.itemStep !== undefined ? { itemStep: input.itemStep } : {}),
    ...(input.comparison ? { comparison: { other: parsePlusMinus(input.comparison.other, a), p: parseReportedP(input.comparison.p, a), ...(input.comparison.design ? { design: input.comparison.design } : {}) } } : {}),
    ...(input.alpha !== undefined ? { alpha: input.alpha } : {}),
  });
}

/**
 * A table's ± values read together: runs sdOrSe on every row and asks which readings fit every row.
 * When none does although each row fits some reading, the table mixes SD and SE (or one row is in
 * error): an `inconsistent` finding naming which rows fit which readings.
 *
 * @example
 * sdOrSeTable([rowA, rowB]).explanation; // => "no single reading fits every row: row 1 fits SD; row 2 fits SE — the table mixes SD and SE, or a row is in error"
 */
export function sdOrSeTable(rows: SdOrSeInput[], labels: string[] = rows.map((_, i) => `row ${i + 1}`)): CheckResult {
  const results = rows.map((row) => sdOrSe(row));
  const fits = results.map((r) => (r.status === "undetermined" ? [...READINGS] : ((r.details as { fitting: Reading[] }).fitting)));
  const common = READINGS.filter((reading) => fits.every((list) => list.includes(reading)));
  const informative = results.some((r) => r.status !== "undetermined");
  const each = fits.map((list, i) => `${labels[i]} fits ${list.length > 0 ? list.map((r) => READING_NAMES[r]).join(" or ") : "no reading"}`).join("; ");
  const status = !informative ? "undetermined" : common.length > 0 ? "consistent" : "inconsistent";
  const explanation =
    status === "undetermined"
      ? "no row of the table can be tested (no scale range or between-group p)"
      : common.length > 0
        ? `one reading fits every row: ${common.map((r) => READING_NAMES[r]).join(" or ")}`
        : `no single reading fits every row: ${each} — the table mixes SD and SE, or a row is in error`;
  return {
    check: "sd-or-se-table",
    status,
    inputs: { rows: rows.map((r, i) => ({ label: labels[i], mean: r.row.mean, spread: r.row.spread, n: r.row.n, dispersion: r.row.dispersion ?? "unstated" })) },
    assumptions: { readings: "every ± in a table is of one kind unless the table says otherwise" },
    explanation,
    reference: references.sdOrSe,
    details: { common, rows: results.map((r, i) => ({ label: labels[i], status: r.status, fitting: fits[i], explanation: r.explanation })) },
  };
}
