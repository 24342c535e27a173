import { visibleControls } from "../io/visible-controls.js";
import type { Table } from "./table.js";
import { uniqueColumns } from "./unique-columns.js";

/**
 * Plain text made safe for Markdown prose, whatever a data file holds: a line break becomes a space
 * (as a renderer shows a soft break; verbatim quotes from tables keep them) and every other control
 * character is shown visibly (ESC ␛, tab ␉), so study text can never start a new line and cannot
 * open a code fence, a heading or a list; &, < and > become entities (markup stays inert in any renderer;
 * quotes are left readable); the characters Markdown would read as emphasis, code, links,
 * strikethrough or math (`\ ` * _ [ ] ~ $`) are backslash-escaped; and a text that would begin a
 * block where it starts a line (`#`, `>`, `-`, `+`, `=`, `|`, `1.`, leading spaces) is escaped there.
 *
 * @example
 * markdownText("a <b> *c*"); // => "a &lt;b&gt; \\*c\\*"
 * markdownText("# x\n~~~"); // => "\\# x \\~\\~\\~"
 */
export function markdownText(text: string): string {
  return blockSafe(inlineText(text));
}

function inlineText(text: string): string {
  return visibleControls(text.replace(/\r\n|\r|\n/g, " "))
    .replace(/[&<>]/g, (character) => MARKDOWN_ENTITIES[character] ?? character)
    .replace(/([\\`*_[\]~$])/g, "\\$1");
}

/** Escapes what would open a block if the text began a line: a marker first, or indentation. */
function blockSafe(text: string): string {
  const indent = /^ +/.exec(text)?.[0].length ?? 0;
  const rest = text.slice(indent);
  const marked = /^[#>+=|-]/.test(rest) ? `\\${rest}` : rest.replace(/^(\d{1,9})([.)])/, "$1\\$2");
  return "&#32;".repeat(indent) + marked;
}

const MARKDOWN_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

/** A table cell: inline text as in markdownText (line breaks as spaces), with pipes escaped. */
export function markdownCell(text: string): string {
  return inlineText(text).replace(/\|/g, "\\|");
}

/**
 * A GitHub-flavoured Markdown table of a report table (header, alignment row, one line per row).
 *
 * @example
 * markdownTable({ columns: [{ key: "a", label: "A" }], rows: [{ a: "1" }] }); // => "| A |\n| --- |\n| 1 |\n"
 */
export function markdownTable(input: Table): string {
  const table = uniqueColumns(input);
  const header = `| ${table.columns.map((column) => markdownCell(column.label)).join(" | ")} |`;
  const rule = `| ${table.columns.map((column) => (column.align === "right" ? "---:" : "---")).join(" | ")} |`;
  const rows = table.rows.map((row) => `| ${table.columns.map((column) => markdownCell(row[column.key] ?? "")).join(" | ")} |`);
  return [header, rule, ...rows].join("\n") + "\n";
}
