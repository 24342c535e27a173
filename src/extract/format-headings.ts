import { pattern, S } from "./patterns.js";
import { columnHeader } from "./pipe-table.js";
import { shadowText } from "./shadow-text.js";
import { look, type ScanContext } from "./scan-context.js";
import type { StatisticFields } from "./types.js";

/**
 * What a heading says the numbers below or after it are. Tables print "26 (7.5)" under "mean (SD)" or
 * "Mean (S.E.M.)", "910 (61)" under "n (%)" or "(n, %)", "1.33 (1.05 to 1.67)" under "OR (95% CI)", "15.18 (1, 7889)" under "F (df)"
 * and bare p-values under "P value"; the cells alone do not say which.
 */
export type HeadingFormat =
  | { format: "mean-dispersion"; dispersionKind: "sd" | "se" }
  | { format: "count-percent" }
  | { format: "interval"; measure: StatisticFields["effect-ci"]["measure"] | "mean"; level?: string }
  | { format: "median-spread"; spreadKind: "iqr" | "range" }
  | { format: "test-df"; statistic: StatisticFields["test-statistic"]["statistic"] }
  | { format: "p-value" }
  | { format: "percent-change" }
  | { format: "test-value"; statistics: Array<StatisticFields["test-statistic"]["statistic"]> }
  | { format: "sample-size" };

export interface Heading {
  at: number;
  end: number;
  heading: HeadingFormat;
}

/** How far back a heading reaches: about one table. */
export const HEADING_REACH = 2500;
/** At most this many headings are looked at per number (bounds the work on pathological texts). */
const HEADINGS_LOOKED_AT = 40;

const OPEN = String.raw`${S}[(\[]${S}`;
const CLOSE = String.raw`${S}[)\]]`;
const HEADING = pattern(
  [
    // "Mean1 (SD)": a footnote digit may follow the word
    String.raw`(?<![A-Za-z])(?:[Mm]eans?|MEAN|M)\d?(?: [a-z]{1,15}){0,2}${OPEN}(?:(?<sd>SD|s\.d\.|[Ss]tandard [Dd]eviation)|(?<se>SEM?|[Ss]\.[Ee]\.(?:[Mm]\.?)?|[Ss]tandard [Ee]rror))${CLOSE}`,
    String.raw`(?<![A-Za-z])(?<count>[nN]|No\.|[Nn]umber)${OPEN}%${CLOSE}`,
    // "(n, %)" or "[n, %]": the same as "n (%)"
    String.raw`[(\[]${S}(?<countComma>[nN])${S}[,;]${S}%${CLOSE}`,
    String.raw`(?<![A-Za-z])(?<median>[Mm]edians?|[Mm]ediana)${OPEN}(?<spread>IQR|[Ii]nterquartile [Rr]ange|[Ii]ntervalo interquartil|[Rr]ange)${CLOSE}`,
    String.raw`(?<![A-Za-z])(?<measure>[A-Za-z][A-Za-z'-]{0,30}(?: [A-Za-z][A-Za-z'-]{0,30}){0,2})?${S}(?:\([^()]{0,40}\)${S})?${OPEN}(?<level>\d{2}) ?% ?(?:CI|[Cc]onfidence [Ii]nterval)${CLOSE}`,
    String.raw`(?<![A-Za-z])(?<test>F|t|[χΧX]${S}(?:2|²))(?:${S}-?${S}tests?)?${OPEN}df${CLOSE}`,
    String.raw`(?<percentChange>[(\[]${S}%${S}(?:change|difference)${S}[)\]])`,
    String.raw`(?<![A-Za-z])(?<p>[Pp][ -]?values?)(?![A-Za-z])`,
  ].join("|"),
  "g",
);

const MEASURES: ReadonlyArray<[(HeadingFormat & { format: "interval" })["measure"], RegExp]> = [
  ["SMD", pattern(String.raw`\bSMD\b|[Ss]tandardi[sz]ed mean difference`, "")],
  ["MD", pattern(String.raw`\bW?MD\b|[Mm]ean differences?`, "")],
  ["OR", pattern(String.raw`\ba?ORs?\b|AOR|[Oo]dds ratios?`, "")],
  ["HR", pattern(String.raw`\ba?HRs?\b|[Hh]azard ratios?`, "")],
  ["RR", pattern(String.raw`\ba?RRs?\b|[Rr]isk ratios?|[Rr]elative risks?`, "")],
  ["RD", pattern(String.raw`\bA?RD\b|[Rr]isk differences?`, "")],
  ["mean", pattern(String.raw`(?:^|\s)(?:[Mm]eans?|M)(?:\s|$)`, "")],
];

export const measureOf = (phrase: string): (HeadingFormat & { format: "interval" })["measure"] => MEASURES.find(([, regex]) => regex.test(phrase))?.[0] ?? "other";

function headingOf(groups: Record<string, string | undefined>): HeadingFormat {
  if (groups.sd !== undefined) return { format: "mean-dispersion", dispersionKind: "sd" };
  if (groups.se !== undefined) return { format: "mean-dispersion", dispersionKind: "se" };
  if (groups.count !== undefined || groups.countComma !== undefined) return { format: "count-percent" };
  if (groups.median !== undefined) return { format: "median-spread", spreadKind: /^[Rr]ange/.test(groups.spread!) ? "range" : "iqr" };
  if (groups.level !== undefined) {
    return { format: "interval", measure: measureOf(groups.measure ?? ""), level: groups.level };
  }
  if (groups.percentChange !== undefined) return { format: "percent-change" };
  if (groups.test !== undefined) return { format: "test-df", statistic: /^[χΧX]/.test(groups.test) ? "chi2" : (groups.test as "F" | "t") };
  return { format: "p-value" };
}

/** Column headers that name bare numbers: a test statistic ("t", "χ2 or t", "F-statistic"), a p, an n. */
const COLUMN_ONLY = pattern(
  [
    // "U", "t-value", "χ2 or t", and with the test's name before it: "Mann–Whitney U", "Kruskal–Wallis H", "Student's t"
    String.raw`^(?:(?:(?:Mann${S}[-–]?${S}Whitney|Wilcoxon|Kruskal${S}[-–]?${S}Wallis|Pearson(?:'s)?|Student(?:'s)?|Welch(?:'s)?)${S})?(?<test>[χΧX]${S}(?:2|²)|t|F|z|Z|U|W|H)(?:${S}(?:or|\/)${S}(?<test2>[χΧX]${S}(?:2|²)|t|F|z|Z))?(?:${S}-?${S}(?:statistic|test|value)s?)?(?:${S}[a-z*†‡§]{0,2})?$)`,
    // "p", "P value", and SPSS's "Sig." / "Sig. (2-tailed)"
    String.raw`^(?<p>[Pp](?:${S}-?${S}values?)?|Sig\.?(?:${S}\((?:2|two)-tailed\))?)(?:${S}[a-z*†‡§]{0,2})?$`,
    String.raw`(?<n>^[nN]$|(?:No\.|[Nn]umber)${S}of${S}(?:people|patients|participants|subjects))`,
  ].join("|"),
  "",
);

const statisticOfName = (name: string): StatisticFields["test-statistic"]["statistic"] =>
  /^[χΧX]/.test(name) ? "chi2" : name === "Z" ? "z" : (name as StatisticFields["test-statistic"]["statistic"]);

/** The formats a table's column header names (possibly none). */
export function columnFormats(header: string): HeadingFormat[] {
  const formats: HeadingFormat[] = [];
  const only = COLUMN_ONLY.exec(header.trim());
  if (only?.groups?.test !== undefined) {
    // "χ2 or t": the reader of the cell decides (a negative value can only be t).
    const statistics = [only.groups.test, only.groups.test2].filter((name): name is string => name !== undefined).map(statisticOfName);
    formats.push({ format: "test-value", statistics });
  } else if (only?.groups?.p !== undefined) formats.push({ format: "p-value" });
  else if (only?.groups?.n !== undefined) formats.push({ format: "sample-size" });
  const shadow = shadowText(header);
  HEADING.lastIndex = 0;
  for (let m = HEADING.exec(shadow); m !== null; m = HEADING.exec(shadow)) formats.push(headingOf(m.groups ?? {}));
  return formats;
}

const cache = new WeakMap<ScanContext, Heading[]>();

/** Every format heading in the text, in order (found once per scan). */
export function formatHeadings(context: ScanContext): Heading[] {
  let list = cache.get(context);
  if (!list) {
    list = [];
    HEADING.lastIndex = 0;
    for (let m = HEADING.exec(context.shadow); m !== null; m = HEADING.exec(context.shadow)) list.push({ at: m.index, end: m.index + m[0].length, heading: headingOf(m.groups ?? {}) });
    cache.set(context, list);
  }
  return list;
}

/**
 * Headings printed close together with no data cell between them ("26 (7.5)", "60 ± 15") are one
 * header (a table's header row, wrapped); a data cell between two headings separates them.
 */
const HEADER_GAP = 300;
const DATA_CELL = pattern(String.raw`\d${S}[(\[±]`, "");

/**
 * What the headings over `pos` say its numbers are. In a pipe table, the formats its column header
 * names; elsewhere (or when that header names none) the formats of the nearest header before it
 * (within HEADING_REACH): the nearest heading and those printed just before it, so a header row
 * "Baseline, mean (SD) | ΔMean (% change) | P value" offers all three and the cell's shape decides.
 *
 * @example
 * // "Sex, n (%)\n Male 895 (59)": 895 (59) sits under the format { format: "count-percent" }.
 */
export function headingFormats(context: ScanContext, pos: number): HeadingFormat[] {
  const header = columnHeader(context, pos);
  if (header !== undefined) {
    const formats = columnFormats(header);
    if (formats.length > 0) return formats;
  }
  const list = formatHeadings(context);
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.end <= pos) lo = mid + 1;
    else hi = mid;
  }
  const formats: HeadingFormat[] = [];
  for (let i = lo - 1, looked = 0; i >= 0 && looked < HEADINGS_LOOKED_AT; i--, looked++) {
    context.work++;
    const { at, end, heading } = list[i]!;
    if (pos - at > HEADING_REACH) break;
    const next = list[i + 1];
    if (formats.length > 0 && next !== undefined && (next.at - end > HEADER_GAP || DATA_CELL.test(look(context, end, next.at)))) break;
    formats.push(heading);
  }
  return formats;
}

/** The formats a pipe-table column header over `pos` names; empty outside a pipe table. */
export function columnHeadingFormats(context: ScanContext, pos: number): HeadingFormat[] {
  const header = columnHeader(context, pos);
  return header === undefined ? [] : columnFormats(header);
}

/** Whether the headings over `pos` include a format. */
export const hasFormat = <F extends HeadingFormat["format"]>(formats: readonly HeadingFormat[], format: F): (HeadingFormat & { format: F }) | undefined =>
  formats.find((heading) => heading.format === format) as (HeadingFormat & { format: F }) | undefined;

/**
 * The nearest heading before `pos` (within HEADING_REACH) whose format is one of `formats`, or
 * undefined. Only the formats asked about compete: "26 (7.5)" asks between "mean (SD)" and "n (%)".
 */
export function nearestHeading<F extends HeadingFormat["format"]>(context: ScanContext, pos: number, formats: readonly F[]): (HeadingFormat & { format: F }) | undefined {
  const list = formatHeadings(context);
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.end <= pos) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1, looked = 0; i >= 0 && looked < HEADINGS_LOOKED_AT; i--, looked++) {
    const { at, heading } = list[i]!;
    if (pos - at > HEADING_REACH) return undefined;
    if ((formats as readonly string[]).includes(heading.format)) return heading as HeadingFormat & { format: F };
  }
  return undefined;
}
