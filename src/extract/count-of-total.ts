import { buildStatistic, groupSpan, printed, scan, type Recogniser } from "./build-statistic.js";
import { isWhole, looksLikeReference, looksLikeYear } from "./guards.js";
import { COUNT_START, INT, NUMBER_WORD, pattern, S } from "./patterns.js";
import type { ScanContext } from "./scan-context.js";
import type { ExtractedStatistic } from "./types.js";

const forms = [
  // 11/20 — not a date (11/20/2019), not a longer chain, not followed by a percent
  pattern(String.raw`${COUNT_START}(?<count>${INT})${S}\/${S}(?<total>${INT})(?![\w\/]|${S}%)`),
  // 11 of 20 · 11 out of the 20 · one of 20
  pattern(String.raw`${COUNT_START}(?<count>${INT}|${NUMBER_WORD})${S}(?:out of|of)${S}(?:(?:the|these|those|all)${S})?(?<total>${INT})(?!${S}%)`),
];

function read(context: ScanContext, match: RegExpExecArray): ExtractedStatistic | undefined {
  const count = printed(context, match, "count")!;
  const total = printed(context, match, "total")!;
  const statistic = buildStatistic(context, "count-of-total", match.index, match.index + match[0].length, { count, total });
  if (!statistic) return undefined;
  const { count: c, total: t } = statistic.values;
  if (!isWhole(c) || !isWhole(t) || t!.value < 1 || c!.value > t!.value) return undefined;
  // "12/2019" is a month and a year.
  if (t!.value >= 1900 && t!.value <= 2099 && c!.value <= 12 && !t!.text.includes(",")) return undefined;
  const countAt = groupSpan(match, "count")![0];
  if (looksLikeYear(context, countAt, c!) || looksLikeReference(context, countAt)) return undefined;
  return statistic;
}

/**
 * A count out of a total with no percentage: "11/20", "11 of 20", "11 out of the 20", "one of 20".
 * The count must be a whole number no larger than the total; dates ("11/20/2019", "12/2019") and
 * fractions of other things printed with a slash after them ("mg/kg") are left out.
 */
export const countOfTotal: Recogniser = {
  kind: "count-of-total",
  recognise: (context) => forms.flatMap((form) => scan(context, form, (match) => read(context, match))),
};
