import { buildStatistic, printed, scan, type Recogniser } from "./build-statistic.js";
import { scanHeadedCells } from "./cell-table.js";
import { footnoteTest } from "./footnote-test.js";
import { columnHeadingFormats, hasFormat, headingFormats } from "./format-headings.js";
import { CELL_END, CELL_START, DF, NUMBER_START, pattern, PNUM, REL, S, SNUM, UNUM } from "./patterns.js";
import { readRelation } from "./relation.js";
import { textBefore, type ScanContext } from "./scan-context.js";
import type { ExtractedStatistic, StatisticFields } from "./types.js";

type Statistic = StatisticFields["test-statistic"]["statistic"];

const CHI = String.raw`(?:[χΧ]${S}(?:2|²|\^2)|X${S}(?:2|²|\^2)|[Cc]hi${S}-?${S}(?:squared?|2|²)|[Cc]hi-?sq)`;
/** Spearman's "rs" is read as an r. */
const NAME = String.raw`(?<![A-Za-z0-9.'])(?<name>${CHI}|t|F|r|rs|z|Z|U|W|H)(?![A-Za-z0-9'])`;
const DFS = String.raw`(?:${S}[(\[]${S}(?:df${S}=${S})?(?<df1>${DF})(?:${S}[,;-]${S}(?<df2>${DF}))?(?:${S}[,;]${S}[Nn]${S}=${S}${UNUM})?${S}[)\]])`;
/**
 * An adjacent p: ", p = .03", "; P < 0.001", " (p = .04)", " and p = 0.02" (also Portuguese/Spanish/French/
 * German "e", "y", "et", "und"), with an optional APA "MSE = …," between.
 */
const P_TAIL = String.raw`(?:(?:${S}[,;]${S}|${S}[(\[]${S}| {1,3}(?:and|e|y|et|und) {1,3}| {1,3})(?:MSE${S}=${S}${UNUM}${S}[,;]${S})?[pP](?:${S}-?${S}values?)?${S}(?<relation>${REL})${S}(?<p>${PNUM})(?:${S}[)\]])?)`;

/** A test's value, also with a space after its minus ("− 0.11", as some journals typeset a Unicode minus). */
const VALUE = String.raw`(?<value>${SNUM}|- ${UNUM})`;

/** Group sizes printed between a test and its p: "U = 178.000, ASD = TD = 20, p = 0.543", "z = 2.1, n1 = 12, n2 = 14, p = .04". */
const SIZES = String.raw`(?:${S}[,;]${S}(?:(?![pP]${S}[=<>])[A-Za-z][A-Za-z0-9]{0,11}${S}=${S}){1,3}\d{1,6}(?![\d.,]\d)){0,3}`;

/** A df printed after the value: "t = 2.20, df = 28", "χ2 = 3.9 (df = 1)". */
const DF_AFTER = String.raw`(?:${S}[,;(]${S}df${S}=${S}(?<dfAfter>${DF})(?:${S}\))?)`;

const TEST = pattern(String.raw`${NAME}${DFS}?${S}=${S}${VALUE}(?![A-Za-z]|${S}%)${DF_AFTER}?(?:${SIZES}${P_TAIL})?`);

/** An F whose df were subscripts, flattened by a PDF's text layer: "F1,57 = 4.10". */
const TEST_SUBSCRIPT_DF = pattern(String.raw`(?<![A-Za-z0-9.'])(?<name>F)(?<df1>\d{1,3}) ?, ?(?<df2>\d{1,6})${S}=${S}${VALUE}(?![A-Za-z]|${S}%)(?:${SIZES}${P_TAIL})?`);

/** In a table under "F (df)": "15.18 (1, 7889)". */
const UNDER_HEADING = pattern(String.raw`${NUMBER_START}(?<value>${SNUM})${S}[(\[]${S}(?<df1>${DF})(?:${S}[,;-]${S}(?<df2>${DF}))?${S}[)\]]`);

/** A bare value in a pipe-table column headed by a test's name ("t", "χ2 or t", "F-statistic"). */
const BARE_CELL = pattern(String.raw`${CELL_START}(?<value>${SNUM})${CELL_END}`);

/** A whole cell of a one-cell-per-line table under a test's heading ("U", "Z", "t/Z", "F-statistic"). */
const LINE_CELL = pattern(String.raw`(?<value>${SNUM}|- ${UNUM})`, "yd");

/** "t" and "r" with neither df nor p are common in other senses ("at t = 0"); they need a test named nearby. */
const TEST_CONTEXT = pattern(String.raw`(?<![A-Za-z])(?:t-?${S}tests?|[Ss]tudent|Welch|paired|[Cc]orrelat\w{0,10}|Pearson|Spearman)`, "");

function statisticOf(name: string): Statistic {
  if (/^[χΧXCc]/.test(name)) return "chi2";
  if (name === "Z") return "z";
  if (name === "rs") return "r";
  return name as Statistic;
}

function read(context: ScanContext, match: RegExpExecArray, headed?: Statistic): ExtractedStatistic | undefined {
  const statistic = headed ?? statisticOf(match.groups!.name!);
  const df1 = printed(context, match, "df1") ?? printed(context, match, "dfAfter");
  const df2 = printed(context, match, "df2");
  const value = printed(context, match, "value")!;
  // A minus set apart by a space is a minus only when printed as one ("− 0.11"); "- 0.11" after "=" may be a dash.
  if (/^[-\u2012-\u2015] /.test(value)) return undefined;
  const p = printed(context, match, "p");
  const relation = match.groups?.relation;
  if (headed === undefined && (statistic === "t" || statistic === "r") && df1 === undefined && p === undefined && !TEST_CONTEXT.test(textBefore(context, match.index, 120).text)) return undefined;
  const fields: StatisticFields["test-statistic"] = { statistic, value };
  if (df1 !== undefined) fields.df1 = df1;
  if (df2 !== undefined) fields.df2 = df2;
  if (p !== undefined && relation !== undefined) {
    fields.pRelation = readRelation(relation);
    fields.p = p;
  }
  const built = buildStatistic(context, "test-statistic", match.index, match.index + match[0].length, fields, headed ? ["read-from-heading"] : [], { acrossBlankLines: true });
  if (!built) return undefined;
  const values = built.values;
  if (values.p !== undefined && values.p.value > 1) return undefined;
  if (statistic === "r" && Math.abs(values.value!.value) > 1) return undefined;
  if ((statistic === "F" || statistic === "chi2" || statistic === "U" || statistic === "W" || statistic === "H") && values.value!.parsed.negative) return undefined;
  return built;
}

/**
 * A test statistic with its df and the p printed right after it: "t(28) = 2.20, p = .03",
 * "F(2, 57) = 4.10, p < .05", "χ2(1, N = 100) = 3.9", "χ²(2) = 6.1", "chi-square(1) = 3.9", "X2 = 4.2",
 * "r(48) = .32", "z = 2.5", "U = 23", "W = 12", "H(2) = 5.6". The span runs to the end of the p, so
 * the p belongs to the test and is not also a p-value. A bare "t = 2.2" or "r = .3" with neither df nor
 * p counts only where a t-test or correlation is named nearby.
 */
export const testStatistic: Recogniser = {
  kind: "test-statistic",
  recognise: (context) => [
    ...scan(context, TEST, (match) => read(context, match)),
    ...scan(context, TEST_SUBSCRIPT_DF, (match) => read(context, match)),
    ...scan(context, UNDER_HEADING, (match) => {
      const heading = hasFormat(headingFormats(context, match.index), "test-df");
      if (!heading) return undefined;
      // A table's df are whole numbers, two for F and one otherwise: "16.84 (3.71)" under "F (df)" is a mean (SD).
      const df1 = printed(context, match, "df1")!;
      const df2 = printed(context, match, "df2");
      if (df1.includes(".") || df2?.includes(".") || (heading.statistic === "F") !== (df2 !== undefined)) return undefined;
      return read(context, match, heading.statistic);
    }),
    ...scan(context, BARE_CELL, (match) => {
      const heading = hasFormat(columnHeadingFormats(context, match.index), "test-value");
      if (!heading) return undefined;
      // "χ2 or t" over "−15.797": only t can be negative.
      const negative = /^[-\u2212\u2012\u2013\u2014]/.test(printed(context, match, "value")!);
      const statistic = (negative ? heading.statistics.find((name) => name === "t" || name === "z") : undefined) ?? heading.statistics[0]!;
      return read(context, match, statistic);
    }),
    ...scanHeadedCells(context, "test", LINE_CELL, (match, cell) => {
      const heading = hasFormat(cell.formats, "test-value");
      if (!heading) return undefined;
      const negative = /^[-\u2212\u2012\u2013\u2014]/.test(printed(context, match, "value")!);
      const fromLegend = heading.statistics.length > 1 ? footnoteTest(context, cell.end, heading.statistics) : undefined;
      const statistic = fromLegend ?? (negative ? heading.statistics.find((name) => name === "t" || name === "z") : undefined) ?? heading.statistics[0]!;
      return read(context, match, statistic);
    }),
  ],
};
