import { buildStatistic, printed, scan, type Recogniser } from "./build-statistic.js";
import { contains } from "./guards.js";
import { hasFormat, headingFormats } from "./format-headings.js";
import { NUMBER_START, pattern, RANGE, S, SNUM, UNIT } from "./patterns.js";
import { labelBefore, textBefore, type ScanContext } from "./scan-context.js";
import type { ExtractedStatistic, StatisticFields, StatisticFlag } from "./types.js";

type SpreadKind = StatisticFields["median-spread"]["spreadKind"];

const SPREAD_LABEL = String.raw`(?<spread>IQR|[Ii]nterquartile [Rr]ange(?:${S}[\[(]IQR[\])])?|[Rr]ange|Q1${S}-${S}Q3|25th${S}-${S}75th(?: percentiles?)?)`;
const MEDIAN = String.raw`(?<![A-Za-z])(?:[Mm]edians?|MEDIAN|Mdn)(?![A-Za-z])`;

const forms = {
  // median 4 (IQR 2–6) · 34 years (range 18–70) · median 4, IQR 2 to 6 · median 4 (interquartile range [IQR], 2-6)
  labelled: pattern(
    String.raw`${NUMBER_START}(?<median>${SNUM})(?: ${UNIT})?(?:${S}[(\[]${S}|${S}[,;]${S}| )${SPREAD_LABEL}(?:${S}[:=,]${S}|${S})(?:(?:from|of)${S})?[(\[]?${S}${RANGE}(?: ${UNIT})?(?:${S}[)\]]){0,2}`,
  ),
  // median 4 (2–6) · median (IQR) 4 [2-6]
  bare: pattern(String.raw`${NUMBER_START}(?<median>${SNUM})(?: ${UNIT})?${S}[(\[]${S}${RANGE}(?: ${UNIT})?${S}[)\]]`),
};

const ADJACENT_MEDIAN = pattern(String.raw`${MEDIAN}${S}(?:[=:,]|was|of|is)?${S}$`, "");
/** Headings that name the spread: "median (IQR)", "median [range]", "medians and interquartile ranges". */
const HEADING = pattern(String.raw`${MEDIAN}${S}(?:[(\[,]|and)${S}(?<kind>IQR|[Ii]nterquartile|[Rr]ange)`, "g");
const KEYWORDS = pattern(String.raw`(?<median>${MEDIAN})|(?<other>(?<![A-Za-z])(?:[Mm]eans?|M|SD|CI|[Cc]onfidence)(?![A-Za-z]))`, "g");

const spreadKindOf = (label: string): SpreadKind => (/^[Rr]ange/.test(label) ? "range" : "iqr");

/** The nearest "median" or "mean/CI" word before `pos` in its sentence. */
function nearestKeyword(context: ScanContext, pos: number): "median" | "other" | undefined {
  const { text } = textBefore(context, pos, 150);
  let nearest: "median" | "other" | undefined;
  KEYWORDS.lastIndex = 0;
  for (let m = KEYWORDS.exec(text); m !== null; m = KEYWORDS.exec(text)) nearest = m.groups?.median !== undefined ? "median" : "other";
  return nearest;
}

function headingKind(context: ScanContext, pos: number): SpreadKind | undefined {
  const { text } = textBefore(context, pos, 200);
  let kind: SpreadKind | undefined;
  HEADING.lastIndex = 0;
  for (let m = HEADING.exec(text); m !== null; m = HEADING.exec(text)) kind = spreadKindOf(m.groups!.kind!);
  return kind;
}

function read(context: ScanContext, match: RegExpExecArray): ExtractedStatistic | undefined {
  const label = printed(context, match, "spread");
  const nearest = nearestKeyword(context, match.index);
  const flags: StatisticFlag[] = [];
  let spreadKind: SpreadKind;
  if (label !== undefined) {
    spreadKind = spreadKindOf(label);
    // "mean 45 (range 18–70)" is not a median; an IQR with no word for its centre is.
    if (nearest === "other" || (spreadKind === "range" && nearest !== "median")) return undefined;
  } else if (nearest === "median") {
    const heading = headingKind(context, match.index);
    spreadKind = heading ?? "unstated";
    if (heading) flags.push("spread-kind-from-context");
  } else {
    // In a table, "9 (6–12)" is a median and its spread under a "median (IQR)" heading.
    const formats = headingFormats(context, match.index);
    const heading = hasFormat(formats, "median-spread");
    if (!heading || hasFormat(formats, "interval") || nearest === "other") return undefined;
    spreadKind = heading.spreadKind;
    flags.push("read-from-heading");
  }
  const adjacent = labelBefore(context, match.index, ADJACENT_MEDIAN);
  const start = adjacent?.start ?? match.index;
  const median = printed(context, match, "median")!;
  const lower = printed(context, match, "lower")!;
  const upper = printed(context, match, "upper")!;
  const statistic = buildStatistic(context, "median-spread", start, match.index + match[0].length, { median, lower, upper, spreadKind }, flags);
  if (!statistic) return undefined;
  const { median: m, lower: lo, upper: hi } = statistic.values;
  if (!contains(lo!, m!, hi!)) return undefined;
  return statistic;
}

/**
 * A median with its spread: "median 4 (IQR 2–6)", "median 34 (range 18–70)", "median 4, IQR 2 to 6",
 * and "median 4 (2–6)" whose kind comes from a heading such as "median (IQR)" (flagged
 * `spread-kind-from-context`) or is `unstated`. The interval must contain the median; a range after a
 * mean is not read as a median.
 */
export const medianSpread: Recogniser = {
  kind: "median-spread",
  recognise: (context) => (Object.keys(forms) as Array<keyof typeof forms>).flatMap((form) => scan(context, forms[form], (match) => read(context, match))),
};
