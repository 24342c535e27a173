/** One column of a report table: the key in each row, the header shown, and its alignment. */
export interface TableColumn {
  key: string;
  label: string;
  align?: "left" | "right";
  /** Internal ids and settings (check ids, JSON of assumptions): the notebook shows them only in a "for the toolkit" detail; CSV and Markdown keep every column. */
  toolkit?: boolean;
}

/**
 * A report table: every cell is already a formatted string, so the Markdown, HTML and CSV
 * renderings show exactly the same digits (trailing zeros kept) on every machine.
 */
export interface Table {
  columns: TableColumn[];
  rows: Array<Record<string, string>>;
}
