import { columnFormats, hasFormat, type HeadingFormat } from "./format-headings.js";
import { pattern, SNUM } from "./patterns.js";

/*
 * A table cell read on its own, whatever the layout: what its column's heading says it holds (a p, a
 * test statistic, a df, an n) and whether the cell's text can be one. Shared by the one-cell-per-line
 * reader (cell-table.ts) and the one-row-per-line reader (row-table.ts).
 */

/** What a column holds, when its heading names it. */
export type ColumnKind = "p" | "test" | "df" | "n" | "ci";

export interface HeadedCell {
  /** Offsets of the cell's text in the document (without the spaces around it). */
  start: number;
  end: number;
  column: ColumnKind;
  /** The formats the heading names (a test's name for a test column). */
  formats: HeadingFormat[];
  /** Under a CI heading: the cell before it in its row and that cell's heading ("Effect size", "OR"). */
  previous?: Cell & { heading: string };
  /** The heading's text as printed (its shadow). */
  heading?: string;
}

export const FOOTNOTE = String.raw`(?:[*†‡§¶⋆,]|\^\{[a-z*†‡]{1,2}\}|[a-e]{1,2}(?![a-z]))`;
export const SEPARATOR_LINE = /^[\s|:-]{0,200}$/;
const EMPTY = pattern(String.raw`^(?:-|N\/?A|n\/a|NS|ns|—|–)$`, "");
const P_LIKE = pattern(String.raw`^(?:(?:<=|>=|≤|≥|<|>|=) {0,3})?(?:0?\.\d{1,6}|0|1(?:\.0{1,4})?)${FOOTNOTE}{0,4}$`, "");
const NUMBER = pattern(String.raw`^(?:[-+] {0,2})?(?:\d{1,3}(?:,\d{3}){1,3}|\d{1,9})?(?:\.\d{1,6})?${FOOTNOTE}{0,4}$`, "");
const WHOLE = pattern(String.raw`^\d{1,3}(?:,\d{3}){0,3}${FOOTNOTE}{0,4}$|^\d{1,9}${FOOTNOTE}{0,4}$`, "");
/**
 * A cell that starts with a word (a row's label or a heading), with a number joined to a word ("30-s
 * sit-to-stand", "6-minute walk", "2nd trimester"), or a heading such as "95% CI".
 */
const WORD_START = pattern(String.raw`^(?:[A-Za-z\u00c0-\u024f\u0370-\u03ff(]|\d{1,3}(?:-[A-Za-z]|(?:st|nd|rd|th)\b)|\d{2}(?:\.\d)? ?% ?(?:CI|CrI|[Cc]onfidence))`, "");
const DF_HEADING = pattern(String.raw`^(?:df|d\.f\.|DF)$`, "");
const CI_HEADING = pattern(String.raw`^(?:\d{2}(?:\.\d)? ?% ?)?(?:CI|CrI|[Cc]onfidence [Ii]nterval)$`, "");
/** An interval alone in a cell: "[-.60, -.35]", "(1.05 to 1.67)", "0.55–0.94". */
export const INTERVAL_CELL = String.raw`[\[(]? {0,2}(?<lower>${SNUM}) {0,2}(?:,|;|to|-) {0,2}(?<upper>${SNUM}) {0,2}[\])]?`;
const INTERVAL = pattern(String.raw`^${INTERVAL_CELL}${FOOTNOTE}{0,4}$`, "");

export interface Cell {
  start: number;
  end: number;
  /** The cell's shadow text (whitespace and minus signs made plain). */
  text: string;
}

/** A heading's text made comparable: LaTeX "^{2}" as "2", a footnote digit after a word dropped ("p-value3"). */
function plainHeading(text: string): string {
  return text
    .replace(/\^\{([^{}]{1,6})\}/g, "$1")
    .replace(/_\{([^{}]{1,6})\}/g, "$1")
    .replace(/(?<=[A-Za-z]{2})\d$/, "")
    .replace(/^h(?=\s?\/)/, "H")
    .replace(/^([FtzZ])\s?\(\d{1,5}(?:\s?[,;]\s?\d{1,6})?\)$/, "$1")
    .trim();
}

/** What a heading cell says its column holds. */
export function columnKind(heading: string): { column: ColumnKind; formats: HeadingFormat[] } | undefined {
  const plain = plainHeading(heading);
  if (DF_HEADING.test(plain)) return { column: "df", formats: [] };
  if (CI_HEADING.test(plain)) return { column: "ci", formats: [] };
  const formats = columnFormats(plain);
  if (formats.length > 0 && formats.every((format) => format.format === "p-value")) return { column: "p", formats };
  if (hasFormat(formats, "test-value")) return { column: "test", formats };
  if (hasFormat(formats, "sample-size")) return { column: "n", formats };
  return undefined;
}

export const isEmpty = (cell: Cell): boolean => EMPTY.test(cell.text);
export const isLabel = (cell: Cell): boolean => WORD_START.test(cell.text) && !isEmpty(cell);
export const isPLike = (cell: Cell): boolean => P_LIKE.test(cell.text);
export const isNumber = (cell: Cell): boolean => /\d/.test(cell.text) && NUMBER.test(cell.text);
export const isWhole = (cell: Cell): boolean => WHOLE.test(cell.text);

/** Whether a cell can sit under a column of this kind. */
export function fits(cell: Cell, column: ColumnKind): boolean {
  if (isEmpty(cell)) return true;
  if (column === "p") return isPLike(cell);
  if (column === "test" || column === "df") return isNumber(cell);
  if (column === "ci") return INTERVAL.test(cell.text);
  return isWhole(cell);
}

