import { uniqueNames } from "../reconstruct/unique-names.js";
import type { Table } from "./table.js";

/**
 * A table whose column labels are all different: the first column with a label keeps it, each later
 * one gets " (2)", " (3)", … (uniqueNames). Why: the labels are the CSV header and the Markdown
 * table's, and they come partly from the study file (two compositions may share a variable, a
 * variable may be called `least`); a header with a name twice is ambiguous to every CSV reader and
 * refused by some. Keys (and so the cells) are unchanged.
 *
 * @param table a report table
 * @example
 * uniqueColumns({ columns: [{ key: "a", label: "id" }, { key: "b", label: "id" }], rows: [] }).columns.map((c) => c.label); // => ["id", "id (2)"]
 */
export function uniqueColumns(table: Table): Table {
  const labels = uniqueNames(table.columns.map((column) => column.label));
  if (labels.every((label, index) => label === table.columns[index]!.label)) return table;
  return { ...table, columns: table.columns.map((column, index) => ({ ...column, label: labels[index]! })) };
}
