import type { ParsedDecimal } from "../stats/rounding.js";

/** The kinds of reported statistic the extractor finds (the labelled corpus uses the same names). */
export const statisticKinds = [
  "count-percent",
  "count-of-total",
  "mean-dispersion",
  "mean-ci",
  "median-spread",
  "percent-change",
  "test-statistic",
  "p-value",
  "effect-ci",
  "sample-size",
] as const;
export type StatisticKind = (typeof statisticKinds)[number];

/** A relation as printed before a p-value, normalised: `<=` is `≤`, "of" and "is" are `=`. */
export type Relation = "=" | "<" | ">" | "≤" | "≥";

/**
 * The fields of each kind, as strings exactly as printed ("0.040" stays "0.040", ".04" stays ".04",
 * a Unicode minus stays "−"), except the enumerations. Optional fields are absent when not printed.
 */
export interface StatisticFields {
  "count-percent": { count: string; total?: string; percent: string };
  "count-of-total": { count: string; total: string };
  "mean-dispersion": { mean: string; dispersion: string; dispersionKind: "sd" | "se" | "unstated" };
  "mean-ci": { mean: string; lower: string; upper: string; level?: string };
  "median-spread": { median: string; lower: string; upper: string; spreadKind: "iqr" | "range" | "unstated" };
  "percent-change": { percent: string; direction: "increase" | "decrease" | "unstated" };
  "test-statistic": {
    statistic: "t" | "F" | "chi2" | "z" | "r" | "U" | "W" | "H";
    df1?: string;
    df2?: string;
    value: string;
    pRelation?: Relation;
    p?: string;
  };
  "p-value": { relation: Relation; p: string };
  "effect-ci": { measure: "OR" | "RR" | "HR" | "RD" | "MD" | "SMD" | "d" | "g" | "other"; estimate: string; lower: string; upper: string; level?: string };
  "sample-size": { n: string; stage?: "screened" | "enrolled" | "randomised" | "analysed" | "completed" | "other" };
}

/** The fields that hold numbers (every other field is an enumeration). */
export const numericFields = ["count", "total", "percent", "mean", "dispersion", "lower", "upper", "level", "median", "df1", "df2", "value", "p", "estimate", "n"] as const;
export type NumericField = (typeof numericFields)[number];

/**
 * A printed number read exactly: `text` as printed, `decimal` as a plain ASCII decimal, and `parsed`
 * keeping its digits (".04" → "0.04" with 2 decimals; "−2.10" → "-2.10"; "Fifteen" → "15";
 * "5,2" → "5.2", flagged `decimal-comma`; "2.3 × 10−5" → "0.000023", flagged `scientific-notation`).
 */
export interface ExtractedNumber {
  text: string;
  decimal: string;
  parsed: ParsedDecimal;
  value: number;
}

/**
 * What the extractor noticed about how a statistic was printed or read; each one is a reason for a
 * person to look before trusting the reading.
 * - `decimal-comma`: a number printed with a decimal comma ("5,2"), read as 5.2.
 * - `thousands-separator`: a comma read as a thousands separator ("1,234" → 1234).
 * - `decimal-middle-dot`: a number printed with a raised decimal point ("0·04", Lancet style).
 * - `scientific-notation`: a number printed as a power of ten ("2.3 × 10−5").
 * - `dash-as-minus`: a minus sign printed as an en or em dash ("–0.8"), read as negative.
 * - `line-break-inside`: the statistic runs over a line break.
 * - `number-word`: a number printed as a word ("Fifteen").
 * - `ambiguous-dispersion`: a `±` or bracketed spread whose kind (SD or SE) the text does not state.
 * - `dispersion-kind-from-context`: the SD/SE kind comes from a statement elsewhere ("mean ± SD").
 * - `spread-kind-from-context`: the IQR/range kind comes from a heading such as "median (IQR)".
 * - `measure-from-context`: the effect measure is named earlier in the clause, not next to the number.
 * - `ci-from-context`: the interval is called a CI earlier in the sentence, not next to it.
 * - `ci-level-unstated`: an interval with no printed level ("95%").
 * - `relation-implied`: a p-value printed without a relation ("p-value 0.03"), read as `=`.
 * - `significance-threshold`: a p printed as the significance threshold ("p < 0.05 was considered
 *   significant"), not a result.
 * - `bounds-reversed`: an interval printed with its lower bound above its upper bound.
 * - `read-from-heading`: what the numbers are comes from a heading such as "mean (SD)", "n (%)",
 *   "OR (95% CI)" or "P value" (a table), not from words next to them.
 */
export const statisticFlags = [
  "decimal-comma",
  "thousands-separator",
  "decimal-middle-dot",
  "scientific-notation",
  "dash-as-minus",
  "line-break-inside",
  "number-word",
  "ambiguous-dispersion",
  "dispersion-kind-from-context",
  "spread-kind-from-context",
  "measure-from-context",
  "ci-from-context",
  "ci-level-unstated",
  "relation-implied",
  "significance-threshold",
  "bounds-reversed",
  "read-from-heading",
] as const;
export type StatisticFlag = (typeof statisticFlags)[number];

interface ExtractedOf<K extends StatisticKind> {
  kind: K;
  /** UTF-16 offset of the first character of the quote. */
  start: number;
  /** UTF-16 offset just past the quote (end exclusive). */
  end: number;
  /** Exactly `text.slice(start, end)`. */
  quote: string;
  fields: StatisticFields[K];
  /** The numeric fields read exactly. */
  values: Partial<Record<NumericField, ExtractedNumber>>;
  flags: StatisticFlag[];
}

/** One reported statistic found in a text, with its verbatim quote and offsets. */
export type ExtractedStatistic = { [K in StatisticKind]: ExtractedOf<K> }[StatisticKind];
