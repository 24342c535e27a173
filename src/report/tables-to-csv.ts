import type { Table } from "./table.js";

type Danfo = typeof import("danfojs-node");
let danfo: Promise<Danfo> | undefined;

/** danfojs-node, imported on first use only (the import costs about 1–2 s: TensorFlow.js loads with it). */
function loadDanfo(): Promise<Danfo> {
  danfo ??= import("danfojs-node");
  return danfo;
}

/**
 * RFC 4180 quoting of one cell. Why by hand: danfojs-node 1.2 `toCSV` writes cells verbatim
 * (checked: a cell `x,"y"` comes out unquoted, splitting the row), so cells are quoted before
 * they reach it. Reference: Shafranovich Y (2005) RFC 4180, https://www.rfc-editor.org/rfc/rfc4180
 */
function quoteCell(cell: string): string {
  return /[",\r\n]/.test(cell) || cell !== cell.trim() ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/**
 * The CSV text of each table, written through a danfojs DataFrame (header from the column labels,
 * cells as the formatted strings, so "2.50" keeps its zero). A table without rows gets its header only.
 *
 * @param tables report tables
 * @returns one CSV string per table, in order, each ending with a newline
 * @example
 * await tablesToCsv([{ columns: [{ key: "a", label: "A" }], rows: [{ a: "1,5" }] }]); // => ['A\n"1,5"\n']
 */
export async function tablesToCsv(tables: readonly Table[]): Promise<string[]> {
  if (tables.length === 0) return [];
  const dfd = await loadDanfo();
  return tables.map((table) => {
    const header = table.columns.map((column) => quoteCell(column.label));
    if (table.rows.length === 0) return header.join(",") + "\n";
    const data = table.rows.map((row) => table.columns.map((column) => quoteCell(row[column.key] ?? "")));
    const frame = new dfd.DataFrame(data, { columns: header });
    const text = dfd.toCSV(frame) as string;
    return text.endsWith("\n") ? text : text + "\n";
  });
}
