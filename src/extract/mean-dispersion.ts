import { buildStatistic, groupSpan, printed, scan, type Recogniser } from "./build-statistic.js";
import { DISPERSION_LABEL, NUMBER_START, pattern, S, SNUM, UNIT, UNUM } from "./patterns.js";
import { hasFormat, headingFormats, nearestHeading } from "./format-headings.js";
import { declaredDispersion, labelBefore, textBefore, type ScanContext } from "./scan-context.js";
import type { ExtractedStatistic, StatisticFlag } from "./types.js";

const PLUS_MINUS = String.raw`(?:±|\+${S}\/${S}-|\+-)`;
/** "SD" or "(SD)" right after the spread; a closing bracket is taken only with its opening one. */
const TRAILING_LABEL = String.raw`(?:${S}[(\[]${S}(?<afterBracketed>${DISPERSION_LABEL})${S}[)\]]|${S}(?<after>${DISPERSION_LABEL}))?`;
const MEAN_WORD = String.raw`(?<![A-Za-z])(?:[Mm]eans?|MEAN|M|[Aa]verage)(?![A-Za-z])`;

const forms = {
  // 5.2 ± 1.3 · 5.2±1.3 SD · 5.2 +/- 1.3 (SEM)
  plusMinus: pattern(String.raw`${NUMBER_START}(?<mean>${SNUM})${S}${PLUS_MINUS}${S}(?<dispersion>${UNUM})(?!${S}%)${TRAILING_LABEL}`),
  // 5.2 (± 1.3) · 5.2 (±1.3 SD)
  plusMinusBracketed: pattern(String.raw`${NUMBER_START}(?<mean>${SNUM})${S}[(\[]${S}${PLUS_MINUS}${S}(?<dispersion>${UNUM})(?:${S}(?<after>${DISPERSION_LABEL}))?${S}[)\]]`),
  // 5.2 (1.3) · 45.2 years (SD 11.3) · 5.2 (SD = 1.3) · 5.2 (1.3 SD)
  bracketed: pattern(String.raw`${NUMBER_START}(?<mean>${SNUM})(?: ${UNIT})?${S}[(\[]${S}(?:(?<before>${DISPERSION_LABEL})(?:${S}[:=,]${S}| ))?(?<dispersion>${UNUM})(?:${S}(?<after>${DISPERSION_LABEL}))?${S}[)\]]`),
  // 6.4 points, SD = 5.98 · 5.2; SD 1.3 (the label says what the second number is)
  labelledAfterComma: pattern(String.raw`${NUMBER_START}(?<mean>${SNUM})(?: ${UNIT})?${S}[,;]${S}(?<before>${DISPERSION_LABEL})${S}(?:[=:]|was|of|is)?${S}(?<dispersion>${UNUM})(?!${S}%)`),
  // M = 5.2, SD = 1.3 · mean 5.2 (SD 1.3) · mean score was 5.2, SD 1.3
  named: pattern(String.raw`${MEAN_WORD}(?: [a-z-]{1,15}){0,2}${S}(?:[=:,]|was|of|is)?${S}(?<mean>${SNUM})(?: ${UNIT})?(?:${S}[,;]${S}|${S}[(\[]${S}| )(?<before>${DISPERSION_LABEL})${S}(?:[=:,]|was|of|is)?${S}(?<dispersion>${UNUM})(?!${S}%)(?<close>${S}[)\]])?`),
};

const ADJACENT_MEAN = pattern(String.raw`${MEAN_WORD}${S}(?:[=:,]|was|of|is)?${S}$`, "");
const MEAN_CONTEXT = pattern(String.raw`${MEAN_WORD}(?![A-Za-z])|\((?:SDs?|SEM?|s\.d\.)\)`, "g");
const OTHER_CONTEXT = pattern(String.raw`[Mm]edian|IQR|[Rr]ange|\b(?:CI|OR|RR|HR)\b|[Cc]onfidence|%`, "g");

/** "910 (61)": a whole number and a bracketed share of at most 100 with at most one decimal. */
function looksLikeCountPercent(context: ScanContext, match: RegExpExecArray): boolean {
  const mean = printed(context, match, "mean")!;
  const dispersion = printed(context, match, "dispersion")!;
  return /^\d{1,9}$/.test(mean) && /^\d{1,3}(?:[.,]\d)?$/.test(dispersion) && Number(dispersion.replace(",", ".")) <= 100;
}

const kindOfLabel = (label: string): "sd" | "se" => (/^(?:SD|S\.D\.|s\.d\.|[Ss]tandard [Dd]eviation)/.test(label) ? "sd" : "se");

/** The last match of a global pattern in a string, or -1. */
function lastIndexOf(regex: RegExp, text: string): number {
  let at = -1;
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m !== null; m = regex.exec(text)) at = m.index;
  return at;
}

/** A bare "5.2 (1.3)" is a mean and a spread only when the sentence before speaks of a mean. */
function meanSpokenOf(context: ScanContext, start: number): boolean {
  const { text } = textBefore(context, start, 120);
  const mean = lastIndexOf(MEAN_CONTEXT, text);
  return mean >= 0 && lastIndexOf(OTHER_CONTEXT, text) < mean;
}

function read(context: ScanContext, match: RegExpExecArray, form: keyof typeof forms): ExtractedStatistic | undefined {
  const label = printed(context, match, "before") ?? printed(context, match, "after") ?? printed(context, match, "afterBracketed");
  const flags: StatisticFlag[] = [];
  // In a table "26 (7.5)" is a mean and SD only under a "mean (SD)" heading; where the header also
  // offers "n (%)", a whole number with a share of at most 100 is read as a count instead.
  const formats = headingFormats(context, match.index);
  // A table's title may say "Mean (S.E.M.)" above a header row of other formats ("p value"): the nearest
  // heading that speaks of means or of counts decides, as long as no count heading comes between.
  const nearest = nearestHeading(context, match.index, ["mean-dispersion", "count-percent"]);
  const heading = hasFormat(formats, "mean-dispersion") ?? (nearest?.format === "mean-dispersion" ? nearest : undefined);
  if (form === "bracketed" && label === undefined && !meanSpokenOf(context, match.index)) {
    if (!heading || (hasFormat(formats, "count-percent") && looksLikeCountPercent(context, match))) return undefined;
    flags.push("read-from-heading");
  }
  let start = match.index;
  if (form !== "named") {
    const adjacent = labelBefore(context, start, ADJACENT_MEAN);
    if (adjacent) start = adjacent.start;
  }
  // "mean 5.2 (SD 1.3)" owns its closing bracket only when it opened one.
  const unopened = form === "named" && printed(context, match, "close") !== undefined && !/[(\[]/.test(context.shadow.slice(match.index, groupSpan(match, "before")![0]));
  const end = match.index + match[0].length - (unopened ? printed(context, match, "close")!.length : 0);
  let dispersionKind: "sd" | "se" | "unstated";
  const declared = declaredDispersion(context, start, end);
  if (label !== undefined) dispersionKind = kindOfLabel(label.trim());
  else if (!declared.local && heading) {
    dispersionKind = heading.dispersionKind;
    flags.push("dispersion-kind-from-context");
  } else {
    if (declared.kinds.size === 1) {
      dispersionKind = [...declared.kinds][0]!;
      flags.push("dispersion-kind-from-context");
    } else {
      dispersionKind = "unstated";
      flags.push("ambiguous-dispersion");
    }
  }
  const mean = printed(context, match, "mean")!;
  const dispersion = printed(context, match, "dispersion")!;
  const statistic = buildStatistic(context, "mean-dispersion", start, end, { mean, dispersion, dispersionKind }, flags);
  if (!statistic || statistic.values.dispersion!.parsed.negative) return undefined;
  return statistic;
}

/**
 * A mean with its spread: "5.2 ± 1.3", "5.2 (SD 1.3)", "M = 5.2, SD = 1.3", "mean 5.2 (SD 1.3)", and a
 * bare "5.2 (1.3)" when the sentence before speaks of a mean ("mean (SD) age 45.2 (11.3)"). The spread
 * is an SD or SE as labelled next to it, else as the text declares ("mean ± SD", flagged), else
 * `unstated` and flagged `ambiguous-dispersion`: a bare ± is never guessed to be an SD.
 */
export const meanDispersion: Recogniser = {
  kind: "mean-dispersion",
  recognise: (context) =>
    (Object.keys(forms) as Array<keyof typeof forms>).flatMap((form) => scan(context, forms[form], (match) => read(context, match, form))),
};
