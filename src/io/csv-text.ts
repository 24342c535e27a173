import { stringify } from "csv-stringify/sync";

/** A CSV cell before quoting: text as it is, a number as JavaScript prints it, null as an empty cell. */
export type CsvCell = string | number | null | undefined;

/** A whole cell that is a plain decimal number, optionally signed, with an exponent or a percent sign. */
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?$/;
/** First characters that make a spreadsheet read a cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Neutralises a cell a spreadsheet would run as a formula: a cell that starts with `=`, `+`, `-`, `@`,
 * a tab or a carriage return gets a single quote in front, so Excel, LibreOffice and Google Sheets
 * show it as text. A cell that is wholly a plain number (`-3.39`, `+24.56`, `1e-9`, `-12.5%`) is
 * left alone: spreadsheets read it as a number, a number cannot hold a formula, and a quote would
 * turn every negative value into text. Anything more after the sign (`-2+3`, `-1+cmd|' /C calc'!A0`)
 * is not a plain number and is neutralised.
 * Why: study files come from others and report CSVs are opened in spreadsheets (issue 15, finding 2).
 * Reference: OWASP, CSV Injection, https://owasp.org/www-community/attacks/CSV_Injection
 *
 * @param cell the text of one cell
 * @example
 * neutraliseFormula("=HYPERLINK(\"http://x\")"); // => "'=HYPERLINK(\"http://x\")"
 * neutraliseFormula("-3.39"); // => "-3.39"
 */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

function cellText(cell: CsvCell): string {
  if (cell === null || cell === undefined) return "";
  return neutraliseFormula(typeof cell === "number" ? String(cell) : cell);
}

/**
 * A table as CSV text: RFC 4180 quoting by csv-stringify (a cell with a comma, a double quote or a
 * line break is quoted, quotes doubled; so is a cell with leading or trailing spaces, which some
 * readers would trim), every cell neutralised against formula injection, `\n` line ends, a header
 * line first. Why csv-stringify: a well-kept writer (the csv project) rather than quoting by hand.
 * Reference: RFC 4180, https://www.rfc-editor.org/rfc/rfc4180
 *
 * @param header column names
 * @param rows cells in header order
 * @example
 * csvText(["arm", "n"], [["a,b", 5]]); // => 'arm,n\n"a,b",5\n'
 */
export function csvText(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<CsvCell>>): string {
  return csvRows([header, ...rows]);
}

/** A cell csv-stringify would quote (with the options below): a comma, quote or line break, or edge spaces. */
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
// csv-stringify quotes the record delimiter (\n here) but not a lone carriage return, which readers
// (csv-parse's detection, spreadsheets) take as a line end: quoted too, so such a cell stays one cell.
const OPTIONS = { quoted_match: /^\s|\s$|\r/, record_delimiter: "unix", eof: false } as const;

/**
 * CSV lines for rows without a header (for streaming a long table in chunks); see csvText. A cell that
 * needs quoting is quoted by csv-stringify; any other cell is written as it is, which is what
 * csv-stringify writes for it too (a test compares the two on random tables), without its per-cell
 * cost: a million rows of verdicts stream out several times faster.
 *
 * @example
 * csvRows([["=1+1", -2]]); // => "'=1+1,-2\n"
 */
export function csvRows(rows: ReadonlyArray<ReadonlyArray<CsvCell>>): string {
  let text = "";
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      const cell = cellText(row[i]);
      if (i > 0) text += ",";
      text += NEEDS_QUOTES.test(cell) ? stringify([[cell]], OPTIONS) : cell;
    }
    text += "\n";
  }
  return text;
}
