import { look, type ScanContext } from "./scan-context.js";

/** How far up a table's header may be, and how many lines are looked at. */
const TABLE_REACH = 6000;
const LINES_LOOKED_AT = 80;

/** The longest line looked at: a longer one is read from this far around the number only. */
const LINE_REACH = 2000;
const lineStart = (text: string, pos: number): number => {
  const from = Math.max(0, pos - LINE_REACH);
  const at = text.slice(from, pos).lastIndexOf("\n");
  return at >= 0 ? from + at + 1 : from;
};
const lineEnd = (text: string, pos: number): number => {
  const end = text.slice(pos, pos + LINE_REACH).indexOf("\n");
  return end < 0 ? Math.min(text.length, pos + LINE_REACH) : pos + end;
};
const SEPARATOR = /^\s*\|?\s*:?-{3,}/;

/** The cells of a row of a pipe table, without the empty piece before a leading "|". */
function cells(row: string): string[] {
  const pieces = row.split("|");
  if (pieces[0]!.trim() === "") pieces.shift();
  return pieces;
}

/**
 * The header of the column that `pos` sits in, when `pos` is in a cell of a pipe table (a text table
 * whose cells are separated by "|", as Markdown and many exports print them); undefined otherwise.
 * The header is every line above the `---|---` separator (headers often wrap over several lines);
 * without a separator, the first line of the table.
 *
 * @example
 * // "| Group | n |\n|---|---|\n| A | 20 |": the 20 is under "n".
 */
export function columnHeader(context: ScanContext, pos: number): string | undefined {
  const text = context.text;
  const start = lineStart(text, pos);
  const row = look(context, start, lineEnd(text, pos), "text");
  if (!row.includes("|") || SEPARATOR.test(row)) return undefined;
  const column = cells(look(context, start, pos, "text")).length - 1;
  if (column < 0) return undefined;
  let memo = headers.get(context);
  if (!memo) headers.set(context, (memo = new Map()));
  if (!memo.has(start)) memo.set(start, headerCells(context, start, memo));
  return memo.get(start)?.[column]?.trim();
}

const headers = new WeakMap<ScanContext, Map<number, string[] | undefined>>();

/** The header cells of the table whose row starts at `start`, or undefined when there is none above. */
function headerCells(context: ScanContext, start: number, memo: Map<number, string[] | undefined>): string[] | undefined {
  const text = context.text;
  // Walk up while lines hold a "|": the table's block; note the last separator line above.
  let top = start;
  let separatorAt = -1;
  for (let looked = 0; top > 0 && start - top < TABLE_REACH && looked < LINES_LOOKED_AT; looked++) {
    const previous = lineStart(text, top - 1);
    const line = look(context, previous, top - 1, "text");
    if (!line.includes("|")) break;
    const separator = SEPARATOR.test(line);
    // A data row above whose header is known has the same header (same table, same separator).
    if (!separator && separatorAt < 0 && memo.has(previous)) return memo.get(previous);
    if (separator && separatorAt < 0) separatorAt = previous;
    top = previous;
  }
  if (top === start) return undefined;
  let headerText: string;
  if (separatorAt < 0) headerText = text.slice(top, lineEnd(text, top));
  else {
    const lastLine = text.slice(lineStart(text, separatorAt - 1), separatorAt - 1);
    // A Markdown header is the one line above the separator; a header whose cells wrap over several
    // lines (no leading "|") is joined back into one.
    headerText = /^\s*\|/.test(lastLine) ? lastLine : text.slice(top, separatorAt).replace(/\|[ \t]*\r?\n(?![ \t]*\|)/g, "| ").replace(/\r?\n/g, " ");
  }
  return cells(headerText);
}
