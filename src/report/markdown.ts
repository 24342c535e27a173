import type { Table } from "./table.js";

/**
 * Plain text made safe for Markdown prose: &, < and > become entities (so markup from a data file
 * stays inert in any renderer; quotes are left readable) and the characters Markdown would read
 * as emphasis, code or links are backslash-escaped.
 *
 * @example
 * markdownText("a <b> *c*"); // => "a &lt;b&gt; \\*c\\*"
 */
export function markdownText(text: string): string {
  return text.replace(/[&<>]/g, (character) => MARKDOWN_ENTITIES[character] ?? character).replace(/([\\`*_[\]])/g, "\\$1");
}

const MARKDOWN_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

/** A table cell: like markdownText, with pipes escaped and line breaks turned into spaces. */
export function markdownCell(text: string): string {
  return markdownText(text).replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

/**
 * A GitHub-flavoured Markdown table of a report table (header, alignment row, one line per row).
 *
 * @example
 * markdownTable({ columns: [{ key: "a", label: "A" }], rows: [{ a: "1" }] }); // => "| A |\n| --- |\n| 1 |\n"
 */
export function markdownTable(table: Table): string {
  const header = `| ${table.columns.map((column) => markdownCell(column.label)).join(" | ")} |`;
  const rule = `| ${table.columns.map((column) => (column.align === "right" ? "---:" : "---")).join(" | ")} |`;
  const rows = table.rows.map((row) => `| ${table.columns.map((column) => markdownCell(row[column.key] ?? "")).join(" | ")} |`);
  return [header, rule, ...rows].join("\n") + "\n";
}
