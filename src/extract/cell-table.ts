import { columnKind, fits, FOOTNOTE, isEmpty, isLabel, isWhole, SEPARATOR_LINE, type Cell, type ColumnKind, type HeadedCell } from "./table-cell.js";
import { pattern } from "./patterns.js";
import { rowTableCells } from "./row-table.js";
import type { ScanContext } from "./scan-context.js";
import type { ExtractedStatistic } from "./types.js";

/**
 * Tables printed one cell per line or per paragraph, as BMC, Nature and PMC pages come out of a
 * browser's text view: every cell on its own line, cells parted by blank lines or by lines holding
 * only "|", rows not marked at all. A bare number's meaning is its column's heading several lines up,
 * so this reader rebuilds the rows (a row starts at a cell that begins with a word: "Time course",
 * "SDMT") and matches each row's cells to the header from the right: the last cell of a row sits
 * under the last heading. When the header ends with cells the row does not reach (a second header
 * row under a spanning "Mean score (SD)", or trailing columns left empty), the match is shifted left
 * until every cell under a p, df, n or test heading reads as one (a p between 0 and 1, a whole df…)
 * and at least one p or test cell is under its heading; a row no shift fits is left unread.
 */

/** The longest line read as a cell: longer lines are prose and end a table. */
const CELL_REACH = 150;
/** At most this many header cells are tried as the end of a row's match (bounds the work per row). */
const SHIFTS = 40;
/** Cells in a header: a longer run of words before the first number is not a table's header. */
const HEADER_REACH = 80;
/** Cells in a row: a longer row is not read. */
const ROW_REACH = 40;

/** The cells of the document that stand alone on their line, with blank or "|" lines around them. */
function lineCells(context: ScanContext): Cell[][] {
  const text = context.text;
  const runs: Cell[][] = [];
  let run: Cell[] = [];
  const lines: Array<{ start: number; end: number; separator: boolean }> = [];
  for (let at = 0; at <= text.length; ) {
    let end = text.indexOf("\n", at);
    if (end < 0) end = text.length;
    const line = text.slice(at, end);
    lines.push({ start: at, end, separator: SEPARATOR_LINE.test(line) });
    at = end + 1;
  }
  lines.forEach((line, i) => {
    if (line.separator) return;
    const alone = (lines[i - 1]?.separator ?? true) && (lines[i + 1]?.separator ?? true);
    const raw = text.slice(line.start, line.end);
    const lead = raw.length - raw.trimStart().length;
    const start = line.start + lead;
    const end = line.start + raw.trimEnd().length;
    if (!alone || end - start > CELL_REACH) {
      if (run.length > 0) runs.push(run);
      run = [];
      return;
    }
    run.push({ start, end, text: context.shadow.slice(start, end) });
  });
  if (run.length > 0) runs.push(run);
  return runs;
}

/** The cells of one run that sit under a p, test, df or n heading. */
function readRun(context: ScanContext, run: readonly Cell[], found: HeadedCell[]): void {
  const firstData = run.findIndex((cell) => !isLabel(cell));
  if (firstData <= 0) return;
  let rowStart = firstData - 1;
  while (rowStart > 0 && !isLabel(run[rowStart]!)) rowStart--;
  const header = run.slice(Math.max(0, rowStart - HEADER_REACH), rowStart).map((cell) => ({ text: cell.text, kind: columnKind(cell.text) }));
  if (!header.some(({ kind }) => kind !== undefined && kind.column !== "ci")) return;
  const hasP = header.some(({ kind }) => kind?.column === "p");
  for (let i = rowStart; i < run.length; ) {
    let next = i + 1;
    while (next < run.length && !isLabel(run[next]!)) next++;
    readRow(context, run.slice(i, Math.min(next, i + ROW_REACH)), header, hasP, found);
    i = next;
  }
}

/** Matches one row (its label first) to the header from the right, shifted left until it fits. */
function readRow(context: ScanContext, row: readonly Cell[], header: ReadonlyArray<{ text: string; kind: ReturnType<typeof columnKind> }>, hasP: boolean, found: HeadedCell[]): void {
  // A row headed "n" or "N" lists group sizes: "N | 22 | 22 | 18".
  if (/^[nN]$/.test(row[0]!.text) && row.length > 1 && row.slice(1).every(isWhole)) {
    for (const cell of row.slice(1)) found.push({ start: cell.start, end: cell.end, column: "n", formats: [{ format: "sample-size" }] });
    return;
  }
  for (let last = header.length - 1, tried = 0; last >= 0 && tried < SHIFTS; last--, tried++) {
    context.work += row.length;
    const placed: HeadedCell[] = [];
    let ok = true;
    let anchored = false;
    for (let j = 0; j < row.length && ok; j++) {
      const at = last - (row.length - 1 - j);
      const kind = at >= 0 ? header[at]!.kind : undefined;
      if (kind === undefined) continue;
      const cell = row[j]!;
      // A CI column only offers its cells: one that is not an interval leaves the row's match as it is.
      if (kind.column === "ci" && j > 0 && !fits(cell, "ci")) continue;
      if (j === 0 || !fits(cell, kind.column)) ok = false;
      else if (!isEmpty(cell)) {
        if (kind.column === (hasP ? "p" : "test")) anchored = true;
        // A CI cell keeps the cell before it: the estimate, named by its own heading ("Effect size", "OR").
        const previous = kind.column === "ci" && j > 1 && at > 0 ? { ...row[j - 1]!, heading: header[at - 1]!.text } : undefined;
        if (kind.column !== "df") placed.push({ start: cell.start, end: cell.end, column: kind.column, formats: kind.formats, heading: header[at]!.text, ...(previous ? { previous } : {}) });
      }
    }
    if (ok && anchored) {
      found.push(...placed);
      return;
    }
  }
}

const cache = new WeakMap<ScanContext, HeadedCell[]>();

/**
 * Every cell of a one-cell-per-line table, or at the end of a row of a table printed one row per line
 * (row-table.ts), that sits under a p, test-statistic or n heading (found once per scan; linear in the text: each cell is matched against at most SHIFTS
 * alignments of at most ROW_REACH cells).
 *
 * @example
 * // "p\n\nTime course\n\n0.432" → the cell "0.432" under the column "p" ({ column: "p" }).
 */
export function headedCells(context: ScanContext): HeadedCell[] {
  let list = cache.get(context);
  if (!list) {
    list = [];
    for (const run of lineCells(context)) readRun(context, run, list);
    list.push(...rowTableCells(context));
    cache.set(context, list);
  }
  return list;
}

const FOOTNOTE_TAIL = pattern(String.raw`^ {0,3}${FOOTNOTE}{0,4}$`, "");

/**
 * Runs a sticky pattern (flags "yd") at the start of every cell under a column of `column`'s kind and
 * collects what `read` makes of each match that covers the whole cell (footnote marks after it aside:
 * "0.217a", "0.281‡", ".049^{a}" are read as "0.217", "0.281", ".049").
 */
export function scanHeadedCells(
  context: ScanContext,
  column: ColumnKind,
  regex: RegExp,
  read: (match: RegExpExecArray, cell: HeadedCell) => ExtractedStatistic | undefined,
): ExtractedStatistic[] {
  const found: ExtractedStatistic[] = [];
  for (const cell of headedCells(context)) {
    if (cell.column !== column) continue;
    regex.lastIndex = cell.start;
    const match = regex.exec(context.shadow);
    if (!match || !FOOTNOTE_TAIL.test(context.shadow.slice(match.index + match[0].length, cell.end))) continue;
    const statistic = read(match, cell);
    if (statistic) found.push(statistic);
  }
  return found;
}
