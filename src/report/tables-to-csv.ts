import { csvText } from "../io/csv-text.js";
import type { Table } from "./table.js";

/**
 * The CSV text of one report table: header from the column labels, cells as the formatted strings
 * (so "2.50" keeps its zero), RFC 4180 quoting and formula neutralisation by csvText. A table
 * without rows gets its header only.
 *
 * @example
 * tableCsv({ columns: [{ key: "a", label: "A" }], rows: [{ a: "1,5" }] }); // => 'A\n"1,5"\n'
 */
export function tableCsv(table: Table): string {
  return csvText(
    table.columns.map((column) => column.label),
    table.rows.map((row) => table.columns.map((column) => row[column.key] ?? "")),
  );
}

/** Turns report tables into CSV text (see tableCsv). Kept as an object with `close` so callers can start it early. */
export interface CsvWriter {
  /** The CSV text of each table, in order, each ending with a newline. */
  toCsv(tables: readonly Table[]): Promise<string[]>;
  /** Releases the writer (nothing to release since CSV is written in process). */
  close(): Promise<void>;
}

/**
 * A CSV writer for the report run. It used to start a worker that loaded danfojs-node (1–2 s of
 * CPU); csv-stringify writes a report's tables in about a millisecond on the calling thread, so
 * there is nothing to start early any more. The interface stays for the report pipeline's callers.
 *
 * @example
 * const writer = startCsvWriter(); (await writer.toCsv([{ columns: [{ key: "a", label: "A" }], rows: [{ a: "1,5" }] }])); // => ['A\n"1,5"\n']
 */
export function startCsvWriter(): CsvWriter {
  return {
    toCsv: async (tables) => tables.map(tableCsv),
    close: async () => {},
  };
}

/**
 * The CSV text of each table (see tableCsv).
 *
 * @param tables report tables
 * @returns one CSV string per table, in order, each ending with a newline
 * @example
 * await tablesToCsv([{ columns: [{ key: "a", label: "A" }], rows: [{ a: "1,5" }] }]); // => ['A\n"1,5"\n']
 */
export async function tablesToCsv(tables: readonly Table[]): Promise<string[]> {
  return tables.map(tableCsv);
}
