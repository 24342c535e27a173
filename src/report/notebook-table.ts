import { escapeHtml } from "./escape-html.js";
import type { Table, TableColumn } from "./table.js";

/** Rows shown per table in the notebook; longer tables point to their CSV. */
export const NOTEBOOK_TABLE_ROWS = 25;

/**
 * A report table as an accessible HTML table: a caption, a header row of column headers with
 * `scope="col"`, and each cell carrying its column's name (`data-label`), so on a phone the style can
 * show each row as a card with a name before every value. Only the first NOTEBOOK_TABLE_ROWS rows;
 * a longer table says so and links its CSV. A table of more than FOLDED_ABOVE rows sits in an open
 * disclosure that the page script closes on a phone. Every text is escaped after `words` (the plain-words pass).
 *
 * @param table the table
 * @param caption what the table is
 * @param columns the columns to show (default: every column)
 * @param words text → text shown (escaping is done here)
 * @param csvPath the CSV file with every row, relative to the notebook
 * @example
 * notebookTable({ columns: [{ key: "a", label: "A" }], rows: [{ a: "1" }] }, "T", undefined, (t) => t, "x.csv").includes('<th scope="col">A</th>'); // => true
 */
export function notebookTable(table: Table, caption: string, columns: readonly TableColumn[] | undefined, words: (text: string) => string, csvPath: string): string {
  const e = escapeHtml;
  const shown = table.rows.slice(0, NOTEBOOK_TABLE_ROWS);
  const cols = columns ?? table.columns;
  const more = table.rows.length > shown.length;
  const captionText = `${words(caption)}${more ? ` (first ${shown.length} of ${table.rows.length} rows)` : ""}`;
  const head = `<thead><tr>${cols.map((c) => `<th scope="col">${e(words(c.label))}</th>`).join("")}</tr></thead>`;
  const body = shown
    .map((row) => {
      const cells = cols.map((c) => {
        const text = words(row[c.key] ?? "");
        const classes = [c.align === "right" ? "num" : "", text === "" ? "empty" : ""].filter(Boolean).join(" ");
        return `<td${classes ? ` class="${classes}"` : ""} data-label="${e(words(c.label))}">${e(text)}</td>`;
      });
      return `<tr>${cells.join("")}</tr>`;
    })
    .join("\n");
  const note = more ? `<p class="note">First ${shown.length} of ${table.rows.length} rows; all are in <a href="${e(csvPath)}">the CSV file</a>.</p>` : "";
  const html = `<table class="data"><caption>${e(captionText)}</caption>\n${head}\n<tbody>\n${body}\n</tbody></table>${note}`;
  if (table.rows.length <= FOLDED_ABOVE) return html;
  // Open everywhere; the page script folds it on a phone, where each row becomes a card and a long table fills screens.
  return `<details class="table-box" open data-narrow-closed><summary>${e(captionText)}: ${table.rows.length} row${table.rows.length === 1 ? "" : "s"}</summary>\n${html}</details>`;
}

/** Tables with more rows than this are folded on a phone (a disclosure the reader opens). */
export const FOLDED_ABOVE = 3;
