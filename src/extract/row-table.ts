import type { ScanContext } from "./scan-context.js";
import { columnKind, fits, isEmpty, SEPARATOR_LINE, type Cell, type HeadedCell } from "./table-cell.js";

/*
 * Tables printed one row per line with cells parted by spaces, as PDF text layers and some journal
 * pages give them: "dV/hypothesis Effect tested F(1,405) P" over "H1FIS: NE < FCO Familiarity
 * backfire effect 8.45 .004ab". Inner cells hold spaces of their own and cannot be told apart, but a
 * row's last cells can: its trailing tokens are matched to the trailing headings of the header line
 * from the right ("8.45" under "F(1,405)", ".004ab" under "P"), and only when every one of them fits
 * its heading (a p between 0 and 1, a test's number). Rows that do not fit (section titles, rows of
 * counts) are skipped, not read.
 */

/** A header's trailing headings looked at, and a row's trailing tokens. */
const TRAILING = 4;
/** Rows read under one header line, and the longest line read as a row (longer lines are prose). */
const ROWS_REACH = 80;
const LINE_REACH = 250;
/** Cells read in a tab-separated line. */
const TAB_CELLS = 60;

interface Token {
  start: number;
  end: number;
}

/** The last few whitespace-separated tokens of a line (a relation is joined to the number after it: "< .001"). */
function trailingTokens(context: ScanContext, start: number, end: number): Token[] {
  const line = context.shadow.slice(start, end);
  const tokens: Token[] = [];
  const regex = /\S{1,60}/g;
  for (let m = regex.exec(line); m !== null; m = regex.exec(line)) {
    tokens.push({ start: start + m.index, end: start + m.index + m[0].length });
    if (tokens.length > TRAILING * 2) tokens.shift();
  }
  const joined: Token[] = [];
  for (const token of tokens) {
    const previous = joined[joined.length - 1];
    const text = context.shadow.slice(token.start, token.end);
    if (previous !== undefined && /^(?:<|>|≤|≥|<=|>=|=)$/.test(context.shadow.slice(previous.start, previous.end)) && /^\.?\d/.test(text)) previous.end = token.end;
    else if (previous !== undefined && /^[Pp]$/.test(context.shadow.slice(previous.start, previous.end)) && /^values?$/.test(text)) previous.end = token.end;
    else joined.push({ ...token });
  }
  return joined.slice(-TRAILING);
}

const cellOf = (context: ScanContext, token: Token): Cell => ({ start: token.start, end: token.end, text: context.shadow.slice(token.start, token.end) });

/** The headings ending a header line that name their column (at least one p), innermost last; empty when none. */
function trailingHeadings(context: ScanContext, start: number, end: number): NonNullable<ReturnType<typeof columnKind>>[] {
  const headings: NonNullable<ReturnType<typeof columnKind>>[] = [];
  const tokens = trailingTokens(context, start, end);
  for (let i = tokens.length - 1; i >= 0; i--) {
    const kind = columnKind(context.shadow.slice(tokens[i]!.start, tokens[i]!.end));
    if (kind === undefined || kind.column === "n" || kind.column === "ci") break;
    headings.unshift(kind);
  }
  // A header names its rows' column first ("Contrast", "Variable"): a line of headings alone is not one.
  return headings.some((kind) => kind.column === "p") && tokens.length > headings.length ? headings : [];
}

/** The cells of a line parted by tabs, trimmed, with their offsets (an empty cell keeps its place). */
function tabCells(context: ScanContext, start: number, end: number): Cell[] {
  const cells: Cell[] = [];
  for (let at = start; at <= end && cells.length <= TAB_CELLS; ) {
    let next = context.text.indexOf("\t", at);
    if (next < 0 || next > end) next = end;
    const raw = context.text.slice(at, next);
    const lead = raw.length - raw.trimStart().length;
    const cellEnd = at + raw.trimEnd().length;
    cells.push({ start: at + lead, end: Math.max(at + lead, cellEnd), text: context.shadow.slice(at + lead, Math.max(at + lead, cellEnd)) });
    at = next + 1;
  }
  return cells;
}

/**
 * A table whose cells are parted by tabs (as a page's table pastes): every cell's column is known, so
 * each row's cells are matched to the header line's cells from the right, one by one. Returns the
 * index of the last line read.
 */
function readTabTable(context: ScanContext, lines: ReadonlyArray<[number, number]>, first: number, found: HeadedCell[]): number {
  const headerCells = tabCells(context, ...lines[first]!);
  const header = headerCells.map((cell) => columnKind(cell.text));
  if (!header.some((kind) => kind !== undefined && kind.column !== "ci")) return first;
  let row = first + 1;
  for (; row < lines.length && row <= first + ROWS_REACH; row++) {
    const [rowStart, rowEnd] = lines[row]!;
    if (!context.text.slice(rowStart, rowEnd).includes("\t") || rowEnd - rowStart > LINE_REACH * 4) break;
    const cells = tabCells(context, rowStart, rowEnd);
    context.work += rowEnd - rowStart;
    const shift = header.length - cells.length;
    // The row's label never sits under a p, test or n heading; if it would, the row is not aligned.
    if (header[shift] !== undefined) continue;
    cells.forEach((cell, j) => {
      const kind = header[j + shift];
      if (j === 0 || kind === undefined || kind.column === "df" || isEmpty(cell) || !/\d/.test(cell.text) || !fits(cell, kind.column)) return;
      const previous = kind.column === "ci" && j > 1 && j + shift > 0 ? { ...cells[j - 1]!, heading: headerCells[j + shift - 1]!.text } : undefined;
      found.push({ start: cell.start, end: cell.end, column: kind.column, formats: kind.formats, heading: headerCells[j + shift]!.text, ...(previous ? { previous } : {}) });
    });
  }
  return row - 1;
}

/**
 * The trailing cells of rows printed one per line under a header line that ends with p or test
 * headings, each with its column (the p and test cells only).
 *
 * @example
 * // "Effect F P\nFamiliarity 8.45 .004" → "8.45" under F (test), ".004" under P (p).
 */
export function rowTableCells(context: ScanContext): HeadedCell[] {
  const text = context.text;
  const found: HeadedCell[] = [];
  const lines: Array<[number, number]> = [];
  for (let at = 0; at <= text.length; ) {
    let end = text.indexOf("\n", at);
    if (end < 0) end = text.length;
    lines.push([at, end]);
    at = end + 1;
  }
  for (let i = 0; i < lines.length; i++) {
    const [start, end] = lines[i]!;
    if (end - start > LINE_REACH) continue;
    if (text.slice(start, end).includes("\t")) {
      i = readTabTable(context, lines, i, found);
      continue;
    }
    const headings = trailingHeadings(context, start, end);
    context.work += Math.min(end - start, 120);
    if (headings.length === 0) continue;
    let row = i + 1;
    for (; row < lines.length && row <= i + ROWS_REACH; row++) {
      const [rowStart, rowEnd] = lines[row]!;
      if (SEPARATOR_LINE.test(text.slice(rowStart, rowEnd)) || rowEnd - rowStart > LINE_REACH) break;
      if (trailingHeadings(context, rowStart, rowEnd).length > 0) break;
      const tokens = trailingTokens(context, rowStart, rowEnd);
      // A row starts with its label: a line of numbers alone is not a row of this table.
      if (tokens.length <= headings.length) continue;
      const cells = tokens.slice(-headings.length).map((token) => cellOf(context, token));
      const placed = cells.map((cell, j) => ({ cell, kind: headings[j]! }));
      if (!placed.every(({ cell, kind }) => fits(cell, kind.column) && /\d/.test(cell.text))) continue;
      for (const { cell, kind } of placed) if (!isEmpty(cell) && kind.column !== "df") found.push({ start: cell.start, end: cell.end, column: kind.column, formats: kind.formats });
    }
    i = row - 1;
  }
  return found;
}
