import { buildStatistic, groupSpan, printed, scan, type Recogniser } from "./build-statistic.js";
import { isWhole, looksLikeReference, looksLikeYear } from "./guards.js";
import { hasFormat, headingFormats } from "./format-headings.js";
import { COUNT_START, INT, NUMBER_START, NUMBER_WORD, pattern, S, STOP_WORDS, UNUM } from "./patterns.js";
import type { ScanContext } from "./scan-context.js";
import type { ExtractedStatistic } from "./types.js";

const PCT = String.raw`(?<percent>${UNUM})${S}%`;
const OPEN = String.raw`${S}[(\[]${S}`;
const CLOSE = String.raw`${S}[)\]]`;
const WORD = String.raw`(?!${STOP_WORDS})[A-Za-z][\w'-]{0,20}`;

const COUNT = String.raw`(?<count>${INT}|${NUMBER_WORD})`;

const forms = [
  // 11/20 (55%) · 11/20 [55.0%] · 11/20, 55% · (11/20; 55%) · 359/644 patients (55.7%)
  pattern(String.raw`${COUNT_START}(?<count>${INT})${S}\/${S}(?<total>${INT})(?: ${WORD}){0,2}(?:${OPEN}|${S}[,;]${S})${PCT}(?:${S}[)\]])?`),
  // 55% (11/20) · (45%; 9/20) · 55% (11 of 20)
  pattern(String.raw`${NUMBER_START}${PCT}(?:${OPEN}|${S}[;,]${S})(?<count>${INT})${S}(?:\/|of|out of)${S}(?<total>${INT})(?:${CLOSE})?`),
  // 55% (n = 11) · 31.0%, n = 259 · 27.4% participants (n = 129)
  pattern(String.raw`${NUMBER_START}${PCT}(?: ${WORD}){0,2}(?:${OPEN}|${S}[,;]${S})[nN]${S}=${S}(?<count>${INT})(?:${CLOSE})?`),
  // (n = 11, 55%)
  pattern(String.raw`[(\[]${S}[nN]${S}=${S}(?<count>${INT})${S}[,;]${S}${PCT}${CLOSE}`),
  // 11 (55%) · n = 11 (55%) · 11 of 20 (55%) · 11 patients (55%) · Thirty-eight (27%)
  pattern(String.raw`(?:(?<![A-Za-z])[nN]${S}=${S}|${COUNT_START})${COUNT}(?:${S}(?:of|out of)${S}(?:the${S})?(?<total>${INT}))?(?: ${WORD}){0,3}${OPEN}${PCT}${CLOSE}`),
  // (84 female, 59.6%): only as a whole bracket, since "of 20 adults, 45% misused opioids" is two statements
  pattern(String.raw`(?<=[(\[]${S})(?<count>${INT})(?: ${WORD}){1,2}${S},${S}${PCT}(?=${S}[)\]])`),
];

/** In a table, "910 (61)" is a count and its percentage under an "n (%)" heading. */
const underHeading = pattern(String.raw`${COUNT_START}(?<count>${INT})${OPEN}(?<percent>${UNUM})${CLOSE}`);

function read(context: ScanContext, match: RegExpExecArray): ExtractedStatistic | undefined {
  const count = printed(context, match, "count")!;
  const total = printed(context, match, "total");
  const percent = printed(context, match, "percent")!;
  const start = match.index;
  const statistic = buildStatistic(context, "count-percent", start, start + match[0].length, total === undefined ? { count, percent } : { count, total, percent });
  if (!statistic) return undefined;
  const { count: c, total: t, percent: p } = statistic.values;
  if (!isWhole(c) || c!.value < 0 || p === undefined || p.value > 100 || p.parsed.negative) return undefined;
  if (t !== undefined && (!isWhole(t) || t.value < 1 || c!.value > t.value)) return undefined;
  const countAt = groupSpan(match, "count")![0];
  if (looksLikeYear(context, countAt, c!) || looksLikeReference(context, countAt)) return undefined;
  return statistic;
}

/**
 * Counts printed with their percentage: "11/20 (55%)", "(11/20; 55%)", "55% (11/20)", "(45%; 9/20)", "55% (n = 11)",
 * "11 (55%)", "n = 11 (55%)", "11 of 20 (55%)", "11 patients (55%)". The count must be a whole number
 * no larger than the total, the percentage at most 100, and the count not a year ("in 2019 (45%)").
 */
export const countPercent: Recogniser = {
  kind: "count-percent",
  recognise: (context) => [
    ...forms.flatMap((form) => scan(context, form, (match) => read(context, match))),
    ...scan(context, underHeading, (match) => {
      if (!hasFormat(headingFormats(context, match.index), "count-percent")) return undefined;
      const statistic = read(context, match);
      if (statistic) statistic.flags = [...statistic.flags, "read-from-heading" as const].sort();
      return statistic;
    }),
  ],
};
