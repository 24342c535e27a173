import { CohortError } from "../errors.js";
import { checkDegreesOfFreedom, isSigned, pFromStatistic, type DegreesOfFreedom, type StatisticKind } from "../inference/statistic-p.js";
import * as msg from "../messages/checks.js";
import type { CheckResult } from "../schema/check-result.js";
import { reportedNumber, type ReportedNumber, type RoundingAssumption } from "../stats/reported-number.js";
import { parseReportedP, type ReportedP } from "../stats/reported-p.js";
import { compareP, showPRange, type PComparison, type SignificanceOptions } from "./p-verdict.js";
import { references } from "./references.js";
import { requireMode } from "./validate.js";

/** A test statistic with its p-value as printed, parsed once: the core of the check works on this. */
export interface StatisticPParsed extends SignificanceOptions {
  test: StatisticKind;
  /** The statistic as printed, with its rounding interval. */
  statistic: ReportedNumber;
  /** "=" (default), or "<" / ">" when the statistic is printed as a bound. */
  statisticRelation?: "=" | "<" | ">";
  df: DegreesOfFreedom;
  p: ReportedP;
  /** 2 (default) or 1: the tails the paper states. */
  tails?: 1 | 2;
}

/** The same as printed: strings for the numbers, the rounding assumption once. */
export interface StatisticPInput extends SignificanceOptions, Partial<RoundingAssumption> {
  test: StatisticKind;
  /** As printed, e.g. "2.20" or "-2.20". */
  statistic: string;
  statisticRelation?: "=" | "<" | ">";
  /** F's numerator df; χ²'s df. */
  df1?: number;
  /** t's and r's df; F's denominator df. */
  df2?: number;
  /** As printed: "p = .04", "p < .001", "0.26". */
  p: string;
  tails?: 1 | 2;
}

/** One way of reading the printed result, and whether the p fits under it. */
export interface StatisticReading {
  tails: 1 | 2;
  statistic: "rounded" | "truncated";
  pRange: [number, number];
  fits: boolean;
}

const TEST_NAMES: Record<StatisticKind, string> = { t: "t", F: "F", chi2: "χ²", z: "z", r: "r" };

/** The attainable range of the statistic's size: |value| for t, z and r (r kept within 0…1), the value for F and χ². */
function sizeRange(kind: StatisticKind, s: ReportedNumber, relation: "=" | "<" | ">"): [number, number] {
  let lo = s.lower;
  let hi = s.upper;
  if (isSigned(kind)) {
    [lo, hi] = lo >= 0 ? [lo, hi] : hi <= 0 ? [-hi, -lo] : [0, Math.max(-lo, hi)];
  } else {
    lo = Math.max(0, lo);
  }
  if (relation === "<") lo = 0;
  if (relation === ">") hi = Infinity;
  if (kind === "r") hi = Math.min(1, hi);
  return [lo, hi];
}

function pAt(kind: StatisticKind, size: number, df: DegreesOfFreedom, tails: 1 | 2): number {
  if (size === Infinity) return 0;
  return pFromStatistic(kind, size, df, kind === "F" || kind === "chi2" ? 2 : tails);
}

/** The attainable p over the statistic's range: p falls as the statistic's size grows, so the ends suffice. */
function pRange(kind: StatisticKind, s: ReportedNumber, relation: "=" | "<" | ">", df: DegreesOfFreedom, tails: 1 | 2): [number, number] {
  const [lo, hi] = sizeRange(kind, s, relation);
  return [pAt(kind, hi, df, tails), pAt(kind, lo, df, tails)];
}

/**
 * p from a test statistic (the statcheck method): recomputes the p-value of a printed t(df), F(df1, df2),
 * χ²(df), z or r(df) over every value the printed statistic could have been rounded from, and asks whether
 * the printed p (with its relation: =, <, >, ≤, ≥, and its own rounding) admits one of them. p falls as the
 * statistic grows, so the ends of the statistic's rounding interval give the attainable range exactly.
 * The stated reading (two-tailed unless the paper says one-tailed; statistic rounded) decides the verdict;
 * the other readings (the other tails for t, z, r; a truncated statistic) are reported alongside, as
 * statcheck reports a one-tailed fit, without changing it. A decision error is an inconsistent p whose
 * significance at α is the opposite of that of every attainable p.
 * Reference: Nuijten MB, Hartgerink CHJ, van Assen MALM, Epskamp S, Wicherts JM (2016), Behav Res Methods
 * 48:1205–1226, doi:10.3758/s13428-015-0664-2; Epskamp S & Nuijten MB, statcheck (R package).
 *
 * @throws CohortError for missing degrees of freedom, an r outside −1…1, a negative F or χ², or a bad α
 * @example
 * statisticPParsed({ test: "t", statistic: reportedNumber("2.20"), df: { df2: 28 }, p: parseReportedP("p = .03") }).status; // => "inconsistent"
 */
export function statisticPParsed(input: StatisticPParsed): CheckResult {
  const { test, statistic, df, p } = input;
  checkDegreesOfFreedom(test, df);
  const relation = input.statisticRelation ?? "=";
  const tails = input.tails ?? 2;
  if (tails !== 1 && tails !== 2) throw new CohortError({ message: msg.badTails(tails) });
  if (test === "r" && Math.abs(statistic.value) > 1) throw new CohortError({ message: msg.correlationOutOfRange(statistic.text) });
  if ((test === "F" || test === "chi2") && statistic.value < 0) throw new CohortError({ message: msg.negativeStatistic(TEST_NAMES[test], statistic.text) });
  const truncated = reportedNumber(statistic.text, { rounding: "trunc" }, "statistic");
  const tailOptions: (1 | 2)[] = isSigned(test) ? [tails, tails === 2 ? 1 : 2] : [2];
  const readings: StatisticReading[] = [];
  let primary: PComparison | null = null;
  for (const reading of ["rounded", "truncated"] as const) {
    for (const t of tailOptions) {
      const range = pRange(test, reading === "rounded" ? statistic : truncated, relation, df, t);
      const comparison = compareP(range[0], range[1], p, input);
      if (primary === null) primary = comparison;
      readings.push({ tails: t, statistic: reading, pRange: range, fits: comparison.fits });
    }
  }
  const verdict = primary as PComparison;
  const computedP = relation === "=" ? pAt(test, Math.abs(statistic.value), df, tails) : null;
  const alternatives = readings.slice(1).filter((r) => r.fits);
  const dfText = test === "F" ? `(${df.df1}, ${df.df2})` : test === "chi2" ? `(${df.df1})` : test === "z" ? "" : `(${df.df2})`;
  const printed = `${TEST_NAMES[test]}${dfText} ${relation} ${statistic.text}, ${p.text}`;
  const rangeText = showPRange(verdict.attainable[0], verdict.attainable[1]);
  const tailText = isSigned(test) ? `${tails === 2 ? "two" : "one"}-tailed ` : "";
  const explanation = verdict.fits
    ? `${printed}: the ${tailText}p over the statistic's rounding interval is ${rangeText}, which fits ${p.text}`
    : `${printed}: the ${tailText}p over the statistic's rounding interval is ${rangeText}, which does not fit ${p.text}${verdict.decisionError ? " (decision error: the significance at α flips)" : ""}${
        alternatives.length > 0 ? `; it would fit ${alternatives.map(describeReading).join(" or ")}` : ""
      }`;
  return {
    check: "statistic-p",
    status: verdict.fits ? "consistent" : "inconsistent",
    inputs: { test, statistic: statistic.text, statisticRelation: relation, ...df, p: p.text },
    assumptions: {
      rounding: statistic.rounding,
      ...(statistic.rounding.includes("from") ? { threshold: statistic.threshold } : {}),
      tails: isSigned(test) ? (tails === 2 ? "two-tailed" : "one-tailed, in the direction of the effect") : "upper tail (F and χ² have one)",
      statistic: "any value that rounds to the printed one",
      alpha: input.alpha ?? 0.05,
      significance: (input.pEqualAlphaSignificant ?? true) ? "p ≤ α is significant" : "p < α is significant",
    },
    explanation,
    reference: references.statisticP,
    details: {
      computedP,
      pRange: verdict.attainable,
      decisionError: verdict.decisionError,
      reportedSignificance: verdict.reported,
      computedSignificance: verdict.computed,
      consistentP: verdict.fits ? null : verdict.consistentValues,
      readings,
    },
  };
}

function describeReading(reading: StatisticReading): string {
  const parts = [reading.tails === 1 ? "one-tailed" : "two-tailed", reading.statistic === "truncated" ? "with the statistic truncated" : ""].filter(Boolean);
  return `${parts.join(" ")} (p ${showPRange(reading.pRange[0], reading.pRange[1])})`;
}

/**
 * The statcheck method on a result as printed: parses the statistic and the p once, then runs
 * statisticPParsed.
 *
 * @example
 * statisticP({ test: "t", statistic: "2.20", df2: 28, p: "p = .03" }).status; // => "inconsistent" (statcheck test-error.R)
 * statisticP({ test: "t", statistic: "2.20", df2: 28, p: "p = .036" }).status; // => "consistent"
 */
export function statisticP(input: StatisticPInput): CheckResult {
  const assumption = { rounding: requireMode(input.rounding), threshold: input.threshold ?? 5 };
  const df: DegreesOfFreedom = { ...(input.df1 !== undefined ? { df1: input.df1 } : {}), ...(input.df2 !== undefined ? { df2: input.df2 } : {}) };
  return statisticPParsed({
    test: input.test,
    statistic: reportedNumber(input.statistic, assumption, "statistic"),
    ...(input.statisticRelation ? { statisticRelation: input.statisticRelation } : {}),
    df,
    p: parseReportedP(input.p, assumption),
    ...(input.tails !== undefined ? { tails: input.tails } : {}),
    ...(input.alpha !== undefined ? { alpha: input.alpha } : {}),
    ...(input.pEqualAlphaSignificant !== undefined ? { pEqualAlphaSignificant: input.pEqualAlphaSignificant } : {}),
  });
}
