import { CohortError } from "../errors.js";
import * as msg from "../messages/checks.js";
import type { CheckResult } from "../schema/check-result.js";
import { nonNegativeRange, reportedNumber, type ReportedNumber, type RoundingAssumption } from "../stats/reported-number.js";
import { parseReportedP, type ReportedP } from "../stats/reported-p.js";
import { compareP, showPRange, type PComparison, type SignificanceOptions } from "./p-verdict.js";
import { references } from "./references.js";
import { absDifferenceRange, absRange, changeSdRange, pairedTRange, studentTRange, welchTRange, type Range, type TRange } from "./summary-t-range.js";
import { requireMode, requireWhole } from "./validate.js";

export type SummaryTDesign = "student" | "welch" | "paired";

/** A group summary as parsed: mean and SD with their rounding intervals, and n. */
export interface GroupParsed {
  mean: ReportedNumber;
  sd: ReportedNumber;
  n: number;
}

/** The summary statistics of a t-test and what the paper printed for it, parsed once. */
export interface SummaryTParsed extends SignificanceOptions {
  design: SummaryTDesign;
  /** Two groups (Student, Welch); for a paired test, before and after (their means give the change when meanChange is absent). */
  groups?: [GroupParsed, GroupParsed];
  /** Paired: the mean of the changes, when printed. */
  meanChange?: ReportedNumber;
  /** Paired: the SD of the changes, when printed. */
  sdChange?: ReportedNumber;
  /** Paired: the correlation of before and after, when the change SD is not printed. */
  correlation?: ReportedNumber;
  /** Paired: number of pairs (defaults to the groups' n). */
  n?: number;
  p?: ReportedP;
  /** The printed t (its sign is ignored: papers order the groups either way). */
  t?: ReportedNumber;
  /** The printed degrees of freedom. */
  df?: ReportedNumber;
}

/** The same as printed. */
export interface SummaryTInput extends SignificanceOptions, Partial<RoundingAssumption> {
  design: SummaryTDesign;
  groups?: [{ mean: string; sd: string; n: number }, { mean: string; sd: string; n: number }];
  meanChange?: string;
  sdChange?: string;
  correlation?: string;
  n?: number;
  p?: string;
  t?: string;
  df?: string;
}

const DESIGN_NAMES: Record<SummaryTDesign, string> = { student: "Student's t-test", welch: "Welch's t-test", paired: "paired t-test" };

function groupRanges(groups: [GroupParsed, GroupParsed]): { difference: Range; sd1: Range; sd2: Range; n1: number; n2: number } {
  const [a, b] = groups;
  return {
    difference: absDifferenceRange([a.mean.lower, a.mean.upper], [b.mean.lower, b.mean.upper]),
    sd1: nonNegativeRange(a.sd, "an SD"),
    sd2: nonNegativeRange(b.sd, "an SD"),
    n1: requireWhole("n", a.n, 2),
    n2: requireWhole("n", b.n, 2),
  };
}

/** The attainable |t|, df and p of a design over the rounding intervals of its inputs. */
export function summaryTRange(input: SummaryTParsed, design: SummaryTDesign = input.design): TRange {
  if (design === "paired") {
    const n = requireWhole("n", input.n ?? input.groups?.[0].n, 2);
    let meanChange: Range;
    if (input.meanChange) meanChange = absRange([input.meanChange.lower, input.meanChange.upper]);
    else if (input.groups) meanChange = absDifferenceRange([input.groups[1].mean.lower, input.groups[1].mean.upper], [input.groups[0].mean.lower, input.groups[0].mean.upper]);
    else throw new CohortError({ message: msg.pairedNeedsSpread() });
    let sdChange: Range;
    if (input.sdChange) sdChange = nonNegativeRange(input.sdChange, "an SD");
    else if (input.groups && input.correlation) {
      if (Math.abs(input.correlation.value) > 1) throw new CohortError({ message: msg.correlationOutOfRange(input.correlation.text) });
      sdChange = changeSdRange(nonNegativeRange(input.groups[0].sd, "an SD"), nonNegativeRange(input.groups[1].sd, "an SD"), [input.correlation.lower, input.correlation.upper]);
    } else throw new CohortError({ message: msg.pairedNeedsSpread() });
    return pairedTRange(meanChange, sdChange, n);
  }
  if (!input.groups) throw new CohortError({ message: msg.missingDf(DESIGN_NAMES[design], "two groups' means, SDs and n") });
  const g = groupRanges(input.groups);
  return design === "student" ? studentTRange(g.difference, g.sd1, g.sd2, g.n1, g.n2) : welchTRange(g.difference, g.sd1, g.sd2, g.n1, g.n2);
}

function overlaps(a: Range, b: Range): boolean {
  return a[0] <= b[1] && b[0] <= a[1];
}

function show(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(4))) : "∞";
}

function showRange(range: Range): string {
  return show(range[0]) === show(range[1]) ? show(range[0]) : `${show(range[0])}–${show(range[1])}`;
}

/**
 * t-test from summary statistics: recomputes Student's, Welch's or a paired t-test from the printed means,
 * SDs and n (paired: the mean and SD of the changes, or both SDs and their correlation), over the rounding
 * interval of every printed number, and asks whether the printed p (with its relation and rounding), t and
 * df fall in the attainable ranges. Student and paired: exact (|t| is monotone in every input, df fixed).
 * Welch: |t| exact; p and df searched (see welchTRange). The other two-group design is tried alongside and
 * reported in the details (a paper that says "t-test" may have run either).
 * Reference: Student (1908), doi:10.1093/biomet/6.1.1; Welch (1947), doi:10.1093/biomet/34.1-2.28.
 *
 * @throws CohortError for n < 2, a negative SD, a correlation outside −1…1, or missing inputs
 * @example
 * summaryT({ design: "student", groups: [{ mean: "0.75", sd: "1.79", n: 10 }, { mean: "2.33", sd: "2.00", n: 10 }], p: "p = .079" }).status; // => "consistent" (R: sleep data)
 */
export function summaryTParsed(input: SummaryTParsed): CheckResult {
  const range = summaryTRange(input);
  const p: PComparison | null = input.p ? compareP(range.p[0], range.p[1], input.p, input) : null;
  const tFits = input.t ? overlaps(range.t, absRange([input.t.lower, input.t.upper])) : null;
  const dfFits = input.df ? overlaps(range.df, [input.df.lower, input.df.upper]) : null;
  const failures = [p && !p.fits ? `p ${showPRange(range.p[0], range.p[1])} does not fit ${input.p?.text}` : null, tFits === false ? `|t| ${showRange(range.t)} does not fit t = ${input.t?.text}` : null, dfFits === false ? `df ${showRange(range.df)} does not fit df = ${input.df?.text}` : null].filter(
    (x): x is string => x !== null,
  );
  const other: SummaryTDesign | null = input.design === "student" ? "welch" : input.design === "welch" ? "student" : null;
  const otherRange = other ? summaryTRange(input, other) : null;
  const otherFits =
    other && otherRange
      ? (!input.p || compareP(otherRange.p[0], otherRange.p[1], input.p, input).fits) && (!input.t || overlaps(otherRange.t, absRange([input.t.lower, input.t.upper]))) && (!input.df || overlaps(otherRange.df, [input.df.lower, input.df.upper]))
      : null;
  const status = failures.length > 0 ? "inconsistent" : p || tFits !== null || dfFits !== null ? "consistent" : "undetermined";
  const name = DESIGN_NAMES[input.design];
  const explanation =
    status === "undetermined"
      ? `${name}: no p, t or df printed to compare (attainable p ${showPRange(range.p[0], range.p[1])})`
      : status === "consistent"
        ? `${name} from the summaries gives |t| ${showRange(range.t)}, df ${showRange(range.df)}, p ${showPRange(range.p[0], range.p[1])}: fits what is printed`
        : `${name} from the summaries: ${failures.join("; ")}${p?.decisionError ? " (decision error: the significance at α flips)" : ""}${other && otherFits ? `; ${DESIGN_NAMES[other]} would fit` : ""}`;
  const numbers = input.groups?.[0].mean ?? input.meanChange ?? input.sdChange;
  return {
    check: "summary-t",
    status,
    inputs: {
      design: input.design,
      ...(input.groups ? { groups: input.groups.map((g) => ({ mean: g.mean.text, sd: g.sd.text, n: g.n })) } : {}),
      ...(input.meanChange ? { meanChange: input.meanChange.text } : {}),
      ...(input.sdChange ? { sdChange: input.sdChange.text } : {}),
      ...(input.correlation ? { correlation: input.correlation.text } : {}),
      ...(input.n !== undefined ? { n: input.n } : {}),
      ...(input.p ? { p: input.p.text } : {}),
      ...(input.t ? { t: input.t.text } : {}),
      ...(input.df ? { df: input.df.text } : {}),
    },
    assumptions: {
      rounding: numbers?.rounding ?? "up_or_down",
      sd: "sample SD (n − 1 denominator)",
      tails: "two-tailed",
      ranges: range.method === "exact" ? "exact (monotone in every input)" : "|t| exact; p and df searched over the SD box",
      alpha: input.alpha ?? 0.05,
    },
    explanation,
    reference: references.summaryT,
    details: {
      tRange: range.t,
      dfRange: range.df,
      pRange: range.p,
      method: range.method,
      pFits: p?.fits ?? null,
      tFits,
      dfFits,
      decisionError: p?.decisionError ?? false,
      consistentP: p && !p.fits ? p.consistentValues : null,
      ...(other && otherRange ? { otherDesign: { design: other, tRange: otherRange.t, dfRange: otherRange.df, pRange: otherRange.p, fits: otherFits } } : {}),
    },
  };
}

/**
 * t-test from summary statistics as printed: parses every number once, then runs summaryTParsed.
 *
 * @example
 * summaryT({ design: "paired", meanChange: "1.58", sdChange: "1.23", n: 10, p: "p = .003" }).status; // => "consistent" (R: sleep data, paired)
 */
export function summaryT(input: SummaryTInput): CheckResult {
  const a = { rounding: requireMode(input.rounding), threshold: input.threshold ?? 5 };
  const group = (g: { mean: string; sd: string; n: number }): GroupParsed => ({ mean: reportedNumber(g.mean, a, "mean"), sd: reportedNumber(g.sd, a, "sd"), n: g.n });
  return summaryTParsed({
    design: input.design,
    ...(input.groups ? { groups: [group(input.groups[0]), group(input.groups[1])] as [GroupParsed, GroupParsed] } : {}),
    ...(input.meanChange !== undefined ? { meanChange: reportedNumber(input.meanChange, a, "mean change") } : {}),
    ...(input.sdChange !== undefined ? { sdChange: reportedNumber(input.sdChange, a, "change SD") } : {}),
    ...(input.correlation !== undefined ? { correlation: reportedNumber(input.correlation, a, "correlation") } : {}),
    ...(input.n !== undefined ? { n: input.n } : {}),
    ...(input.p !== undefined ? { p: parseReportedP(input.p, a) } : {}),
    ...(input.t !== undefined ? { t: reportedNumber(input.t, a, "t") } : {}),
    ...(input.df !== undefined ? { df: reportedNumber(input.df, a, "df") } : {}),
    ...(input.alpha !== undefined ? { alpha: input.alpha } : {}),
    ...(input.pEqualAlphaSignificant !== undefined ? { pEqualAlphaSignificant: input.pEqualAlphaSignificant } : {}),
  });
}
