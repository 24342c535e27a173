import { buildStatistic, printed, scan } from "./build-statistic.js";
import { hasFormat, headingFormats } from "./format-headings.js";
import { contains } from "./guards.js";
import { CI_LABEL, NUMBER_START, pattern, RANGE, S, SNUM, UNIT } from "./patterns.js";
import { labelBefore, textBefore, type ScanContext } from "./scan-context.js";
import type { ExtractedStatistic, StatisticFields, StatisticFlag } from "./types.js";

type Measure = StatisticFields["effect-ci"]["measure"];

/** Effect measures by name, longest first within each, so "mean difference" is not read as "difference". */
const measureLabels: ReadonlyArray<[Measure, string]> = [
  ["SMD", String.raw`[Ss]tandardi[sz]ed mean differences?|SMDs?`],
  ["MD", String.raw`(?:[Aa]djusted )?(?:[Mm]ean|MEAN) (?:between-group )?differences?|[Dd]ifferences? in means?|W?MDs?`],
  ["OR", String.raw`(?:[Aa]djusted )?[Oo]dds ratios?|a?ORs?|AOR`],
  ["RR", String.raw`(?:[Aa]djusted )?(?:[Rr]elative risks?|[Rr]isk ratios?)|a?RRs?`],
  ["HR", String.raw`(?:[Aa]djusted )?[Hh]azard ratios?|a?HRs?`],
  ["RD", String.raw`(?:[Aa]bsolute )?[Rr]isk differences?|A?RD`],
  ["d", String.raw`[Cc]ohen'?s? d|d(?=${S}[=:])`],
  ["g", String.raw`[Hh]edges'? ?s? g|g(?=${S}[=:])`],
  ["other", String.raw`[Ii]ncidence rate ratios?|IRRs?|[Rr]ate ratios?|[Pp]revalence ratios?|RPs?|[Rr]az[ãa]o de preval[êe]ncias?|[Rr]az[óo]n de prevalencias?|[Rr]egression coefficients?|[Cc]oefficients?|[Ee]ffect sizes?|[Dd]ifferences?|β|[Bb]eta|NNTs?|[Ss]lopes?`],
];
const MEASURE = `(?:${measureLabels.map(([, source]) => source).join("|")})`;
const MEAN = String.raw`(?:[Mm]eans?|MEAN|M|[Aa]verages?)`;
const MEDIAN = String.raw`(?:[Mm]edians?|IQR|[Ii]nterquartile|[Rr]ange)`;
const LINK = String.raw`${S}(?:[:=,]|was|were|of|is)?${S}`;

const ADJACENT_MEASURE = pattern(String.raw`(?<![A-Za-z'])(?<label>${MEASURE})(?:${S}[\[(][A-Za-z]{1,4}[\])])?${LINK}$`, "");
const ADJACENT_MEAN = pattern(String.raw`(?<![A-Za-z])${MEAN}${LINK}$`, "");
/** The nearest word that says what the estimate is: a measure, a mean, a median or a range. */
const CLAUSE_KEYWORD = pattern(String.raw`(?<![A-Za-z'])(?:(?<measure>${MEASURE})|(?<mean>${MEAN}|changes?|improvements?)|(?<median>${MEDIAN}))(?![A-Za-z])`, "g");
const CI_MENTION = pattern(CI_LABEL, "g");

/** An estimate, never the level of a CI ("95% CI"). */
const ESTIMATE = String.raw`(?<estimate>${SNUM})(?! ?% ?(?:CIs?|CrI|[Cc]onf|[Cc]red|UI)(?![A-Za-z]))`;
const OPEN = String.raw`(?:${S}[(\[]${S}|${S}[,;]${S}| )`;
/** Before a CI label a dash may also part it from the estimate: "RP 4,33 – IC95% 2,94;6,39". */
const OPEN_LABELLED = String.raw`(?:${OPEN}|${S}-${S})`;
const forms = {
  // OR 1.8 (95% CI 1.1–2.9) · HR = 0.72, 95% CI [0.55, 0.94] · 0.72; 95% CI, 0.55 to 0.94 · 5.2 [95% CI 4.1, 6.3] · RP 4,33 – IC95% 2,94;6,39
  labelled: pattern(
    String.raw`${NUMBER_START}${ESTIMATE}(?: ?%)?(?: ${UNIT})?${OPEN_LABELLED}${CI_LABEL}(?:${S}[:=,]${S}|${S})(?:(?:from|between|of)${S})?[(\[]?${S}${RANGE}(?: ${UNIT})?(?:${S}[)\]]){0,2}`,
  ),
  // d = 0.45 (0.1 to 0.8) · mean differences (95% CI) were −2.1 (−3.4 to −0.8)
  implicit: pattern(String.raw`${NUMBER_START}${ESTIMATE}(?: ?%)?(?: ${UNIT})?${S}[(\[]${S}${RANGE}(?: ${UNIT})?${S}[)\]]`),
};

interface Reading {
  kind: "effect-ci" | "mean-ci" | "median" | undefined;
  measure?: Measure;
  start?: number;
  flags: StatisticFlag[];
}

const measureMatchers = measureLabels.map(([measure, source]) => [measure, pattern(`^(?:${source})$`, "")] as const);
const measureOf = (label: string): Measure => measureMatchers.find(([, matcher]) => matcher.test(label))?.[0] ?? "other";

/** What the estimate at `pos` is: from a label right before it, else from the nearest keyword in its clause. */
function classify(context: ScanContext, pos: number): Reading {
  const measure = labelBefore(context, pos, ADJACENT_MEASURE);
  if (measure) return { kind: "effect-ci", measure: measureOf(measure.match.groups!.label!), start: measure.start, flags: [] };
  const mean = labelBefore(context, pos, ADJACENT_MEAN);
  if (mean) return { kind: "mean-ci", start: mean.start, flags: [] };
  const { text } = textBefore(context, pos, 150);
  let last: RegExpExecArray | undefined;
  CLAUSE_KEYWORD.lastIndex = 0;
  for (let m = CLAUSE_KEYWORD.exec(text); m !== null; m = CLAUSE_KEYWORD.exec(text)) last = m;
  if (last?.groups?.measure !== undefined) return { kind: "effect-ci", measure: measureOf(last.groups.measure), flags: ["measure-from-context"] };
  if (last?.groups?.mean !== undefined) return { kind: "mean-ci", flags: [] };
  if (last?.groups?.median !== undefined) return { kind: "median", flags: [] };
  return { kind: undefined, flags: [] };
}

/** The level of the last CI named earlier in the sentence, or null when no CI is named there. */
function ciInContext(context: ScanContext, pos: number): { level: string | undefined } | null {
  const { text, from } = textBefore(context, pos, 200);
  let last: RegExpExecArray | undefined;
  CI_MENTION.lastIndex = 0;
  for (let m = CI_MENTION.exec(text); m !== null; m = CI_MENTION.exec(text)) last = m;
  if (!last) return null;
  const levelText = last.groups?.level ?? last.groups?.levelAfter;
  if (levelText === undefined) return { level: undefined };
  const at = from + last.index + last[0].indexOf(levelText);
  return { level: context.text.slice(at, at + levelText.length) };
}

function read(context: ScanContext, match: RegExpExecArray, form: keyof typeof forms): ExtractedStatistic | undefined {
  const reading = classify(context, match.index);
  const flags = [...reading.flags];
  let level = printed(context, match, "level") ?? printed(context, match, "levelAfter");
  if (form === "implicit") {
    const named = ciInContext(context, match.index);
    const adjacentMeasure = reading.kind === "effect-ci" && reading.start !== undefined;
    const formats = named || adjacentMeasure ? [] : headingFormats(context, match.index);
    const heading = hasFormat(formats, "median-spread") ? undefined : hasFormat(formats, "interval");
    if (named) {
      flags.push("ci-from-context");
      level = named.level;
    } else if (heading) {
      // In a table, "1.33 (1.05 to 1.67)" under "OR (95% CI)" is an odds ratio with its CI.
      flags.push("read-from-heading");
      level = heading.level;
      if (reading.start === undefined) {
        reading.kind = heading.measure === "mean" ? "mean-ci" : "effect-ci";
        reading.measure = heading.measure === "mean" ? undefined : heading.measure;
        reading.flags = [];
        flags.splice(0, flags.length, "read-from-heading");
      }
    } else if (!adjacentMeasure) return undefined;
    if (reading.kind === "median") return undefined;
  }
  if (level === undefined) flags.push("ci-level-unstated");
  const start = reading.start ?? match.index;
  const end = match.index + match[0].length;
  const estimate = printed(context, match, "estimate")!;
  const lower = printed(context, match, "lower")!;
  const upper = printed(context, match, "upper")!;
  const withLevel = level === undefined ? {} : { level };
  const statistic =
    reading.kind === "mean-ci"
      ? buildStatistic(context, "mean-ci", start, end, { mean: estimate, lower, upper, ...withLevel }, flags)
      : buildStatistic(context, "effect-ci", start, end, { measure: reading.kind === "effect-ci" ? reading.measure! : "other", estimate, lower, upper, ...withLevel }, flags);
  if (!statistic) return undefined;
  const values = statistic.values;
  const point = values.estimate ?? values.mean!;
  if (values.lower!.value > values.upper!.value) {
    if (form === "implicit") return undefined;
    statistic.flags = [...statistic.flags, "bounds-reversed" as const].sort();
  }
  if (form === "implicit" && !contains(values.lower!, point, values.upper!)) return undefined;
  return statistic;
}

const found = new WeakMap<ScanContext, ExtractedStatistic[]>();

/**
 * Every estimate printed with an interval, read once per scan and shared by the mean-ci and effect-ci
 * recognisers: "OR 1.8 (95% CI 1.1–2.9)", "HR = 0.72, 95% CI [0.55, 0.94]", "mean 5.2 (95% CI 4.1 to
 * 6.3)", and an unlabelled "(a to b)" when a measure is named right before it ("d = 0.45 (0.1 to 0.8)")
 * or a CI is named earlier in the sentence. A mean (named right before or nearest in the clause) makes a
 * mean-ci; an effect measure or nothing makes an effect-ci (`other` when unnamed).
 */
export function intervalEstimates(context: ScanContext): ExtractedStatistic[] {
  let list = found.get(context);
  if (!list) {
    list = (Object.keys(forms) as Array<keyof typeof forms>).flatMap((form) => scan(context, forms[form], (match) => read(context, match, form)));
    found.set(context, list);
  }
  return list;
}
