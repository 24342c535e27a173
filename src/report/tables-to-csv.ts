import type { Table } from "./table.js";
import { startWorkerClient } from "./worker-client.js";

/**
 * RFC 4180 quoting of one cell. Why by hand: danfojs-node 1.2 `toCSV` writes cells verbatim
 * (checked: a cell `x,"y"` comes out unquoted, splitting the row), so cells are quoted before
 * they reach it. Reference: Shafranovich Y (2005) RFC 4180, https://www.rfc-editor.org/rfc/rfc4180
 */
function quoteCell(cell: string): string {
  return /[",\r\n]/.test(cell) || cell !== cell.trim() ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** A table as the CSV worker receives it: quoted header and cells. */
interface QuotedTable {
  header: string[];
  data: string[][];
}

function quoteTable(table: Table): QuotedTable {
  return {
    header: table.columns.map((column) => quoteCell(column.label)),
    data: table.rows.map((row) => table.columns.map((column) => quoteCell(row[column.key] ?? ""))),
  };
}

/** A CSV writer running in a worker thread (see csv-worker.mjs); danfojs-node loads there once. */
export interface CsvWriter {
  /** The CSV text of each table, in order, each ending with a newline. */
  toCsv(tables: readonly Table[]): Promise<string[]>;
  /** Stops the worker; pending conversions reject. */
  close(): Promise<void>;
}

/**
 * Starts the CSV worker now, so danfojs-node (about 1–2 s to import: TensorFlow.js loads with it)
 * loads on another core while the caller goes on; tables are converted when `toCsv` is called.
 * Output is a danfojs DataFrame's `toCSV` of the quoted cells: header from the column labels,
 * cells as the formatted strings, so "2.50" keeps its zero. A table without rows gets its header only.
 *
 * @example
 * const writer = startCsvWriter(); (await writer.toCsv([{ columns: [{ key: "a", label: "A" }], rows: [{ a: "1,5" }] }])); await writer.close(); // => ['A\n"1,5"\n']
 */
export function startCsvWriter(): CsvWriter {
  const worker = startWorkerClient<{ tables: QuotedTable[] }, string[]>(new URL("./csv-worker.mjs", import.meta.url), "CSV worker");
  return {
    toCsv: (tables) => (tables.length === 0 ? Promise.resolve([]) : worker.request({ tables: tables.map(quoteTable) })),
    close: () => worker.close(),
  };
}

/**
 * The CSV text of each table (see startCsvWriter), in a worker started and stopped for this call.
 *
 * @param tables report tables
 * @returns one CSV string per table, in order, each ending with a newline
 * @example
 * await tablesToCsv([{ columns: [{ key: "a", label: "A" }], rows: [{ a: "1,5" }] }]); // => ['A\n"1,5"\n']
 */
export async function tablesToCsv(tables: readonly Table[]): Promise<string[]> {
  if (tables.length === 0) return [];
  const writer = startCsvWriter();
  try {
    return await writer.toCsv(tables);
  } finally {
    await writer.close();
  }
}
