import { buildStatistic, printed, scan, type Recogniser } from "./build-statistic.js";
import { scanHeadedCells } from "./cell-table.js";
import { columnHeadingFormats, hasFormat, nearestHeading } from "./format-headings.js";
import { CELL_END, CELL_START, pattern, PNUM, REL, S, UNUM } from "./patterns.js";
import { readRelation } from "./relation.js";
import { look, textAfter, type ScanContext } from "./scan-context.js";
import type { ExtractedStatistic, StatisticFlag } from "./types.js";

/** "p", "P", "p-value", "P value", "p for trend", "P(interaction)", "p_adj", "pFDR". */
const P_WORD = String.raw`(?<![A-Za-z0-9])[pP](?<valueWord>${S}-?${S}values?)?(?:[ _-]?(?:adj|corr|FDR|fdr|Bonf|bonf|trend|int|het)[a-z.]{0,10})?(?: for (?:linear )?(?:trend|interaction|heterogeneity|the difference|difference|group difference|non-?inferiority))?(?:${S}\((?:trend|interaction|adj|adjusted|FDR|two-sided|two-tailed|one-sided|one-tailed)\))?(?![A-Za-z(0-9])`;

const forms = [
  // p = .04 · P<0.001 · p ≤ .05 · P value < 0.05 · p for trend = 0.02
  pattern(String.raw`${P_WORD}${S}(?<relation>${REL})${S}(?<p>${PNUM})`),
  // p-value 0.03 · p-value of 0.03 · P value was 0.2 · p-value: 0.03
  pattern(String.raw`(?<![A-Za-z0-9])[pP]${S}-?${S}values?${S}(?:(?<word>of|was|were|is|:)${S})?(?<p>${PNUM})`),
];

/**
 * A bare p in a table cell: "0.017", "<.001", "< 0.001", "0.281‡", right after another statistic's
 * cell on the same line ("1.33 (1.05 to 1.67) 0.017", "64 ± 14  < 0.001", "| (…) | 0.02 |").
 */
const CELL = pattern(String.raw`(?<=(?:\)|\]|±${S}${UNUM})[*†‡§¶]{0,3}(?: {1,4}| {0,3}\| {0,3}))(?:(?<relation>${REL})${S})?(?<p>0?\.\d{1,4}|1\.0{1,3})(?![\d.%]|${S}[(\[±])`);
/** A bare p in a pipe-table column headed "P" or "P value": "| <.001 |", "| 0.000⋆ |". */
const PIPE_CELL = pattern(String.raw`${CELL_START}(?:(?<relation>${REL})${S})?(?<p>${PNUM})${CELL_END}`);

/** A whole cell of a one-cell-per-line table under a "p" heading: "0.432", "< .001", "0.217a". */
const LINE_CELL = pattern(String.raw`(?:(?<relation>${REL})${S})?(?<p>${PNUM})`, "yd");

const AFTER_DF = pattern(String.raw`\(${S}\d{1,6}(?:${S}[,;]${S}\d{1,6})?${S}\)[*†‡§¶]{0,3} {1,4}$`, "");
const PARAGRAPH_BEFORE = pattern(String.raw`\n[ \t]{0,8}\r?\n[ \t]{0,8}$`, "");

const CELL_END_AFTER = pattern(String.raw`^[*†‡§¶a-e,]{0,4}(?: {0,3}\||[ \t]{0,8}(?:\r?\n|$)| {2,8})`, "");

const THRESHOLD_AFTER = pattern(String.raw`^[^.;]{0,40}?(?:(?:was|were|is|are|be)${S}(?:considered|deemed|taken|regarded|set|accepted|defined)|indicat\w{0,6}|denot\w{0,6}|level of significance|significance level|statistically significant\.|for (?:statistical )?significance)`, "");

/** "* p value < 0.05" under a table is the legend of its asterisks, not a result. */
const LEGEND_BEFORE = pattern(String.raw`[*†‡§]{1,3}${S}$`, "");

function read(context: ScanContext, match: RegExpExecArray): ExtractedStatistic | undefined {
  if (LEGEND_BEFORE.test(look(context, match.index - 6, match.index))) return undefined;
  const p = printed(context, match, "p")!;
  const relation = match.groups?.relation;
  const flags: StatisticFlag[] = [];
  if (relation === undefined && match.groups?.word === undefined) flags.push("relation-implied");
  const end = match.index + match[0].length;
  if (THRESHOLD_AFTER.test(textAfter(context, end, 60))) flags.push("significance-threshold");
  const statistic = buildStatistic(context, "p-value", match.index, end, { relation: relation === undefined ? "=" : readRelation(relation), p }, flags);
  if (!statistic || statistic.values.p!.value > 1 || statistic.values.p!.parsed.negative) return undefined;
  return statistic;
}

/**
 * A p-value in any common print: "p = .04", "P<0.001", "P = 0.26", "p ≤ .05", "p-value 0.03",
 * "P value of 0.2", "p for trend = 0.02", "p < 10−4". Not "p53", "p. 12" or "pH = 7.4". A p printed
 * as the threshold of significance ("p < 0.05 was considered significant") is kept and flagged.
 */
export const pValue: Recogniser = {
  kind: "p-value",
  recognise: (context) => [
    ...forms.flatMap((form) => scan(context, form, (match) => read(context, match))),
    ...scan(context, CELL, (match) => {
      const end = match.index + match[0].length;
      // "<.001" is a p wherever a P heading is over it; a bare "0.02" only where it ends its cell, or
      // right after a test's "(df)" cell ("3.48 (33) .001 0.04 (…)": the p of that test).
      const unmistakable = match.groups?.relation !== undefined && match.groups.relation !== "=";
      if (!unmistakable) {
        const before = look(context, match.index - 16, match.index, "text");
        const sameLine = !/[\n\r]/.test(before.slice(-12));
        const afterTest = AFTER_DF.test(before);
        if (!sameLine || (!afterTest && !CELL_END_AFTER.test(look(context, end, end + 16, "text")))) return undefined;
      } else if (PARAGRAPH_BEFORE.test(look(context, match.index - 16, match.index, "text"))) return undefined;
      if (nearestHeading(context, match.index, ["p-value"]) === undefined) return undefined;
      const statistic = read(context, match);
      if (statistic) statistic.flags = [...statistic.flags.filter((flag) => flag !== "relation-implied"), "read-from-heading" as const].sort();
      return statistic;
    }),
    ...scan(context, PIPE_CELL, (match) => {
      if (!hasFormat(columnHeadingFormats(context, match.index), "p-value") || !printed(context, match, "p")!.includes(".")) return undefined;
      const statistic = read(context, match);
      if (statistic) statistic.flags = [...statistic.flags.filter((flag) => flag !== "relation-implied"), "read-from-heading" as const].sort();
      return statistic;
    }),
    ...scanHeadedCells(context, "p", LINE_CELL, (match) => {
      const statistic = read(context, match);
      if (statistic) statistic.flags = [...statistic.flags.filter((flag) => flag !== "relation-implied"), "read-from-heading" as const].sort();
      return statistic;
    }),
  ],
};
