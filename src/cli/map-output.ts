import { csvRows, type CsvCell } from "../io/csv-text.js";
import type { MapAudit, MapResult } from "../batch/map-rows.js";
import { visibleControls } from "../io/visible-controls.js";

/** Output formats of `cohort map`'s verdict stream. */
export type VerdictFormat = "csv" | "jsonl" | "text";

/** `name`, or `name_2`, `name_3`… if the table already has a column of that name. */
function freeName(name: string, taken: readonly string[]): string {
  let candidate = name;
  for (let suffix = 2; taken.includes(candidate); suffix++) candidate = `${name}_${suffix}`;
  return candidate;
}

/**
 * Formats verdict rows for one output format: the CSV header line (`row`, the table's columns as read,
 * `consistency`, `error`, and `ratio` for GRIM), then one line per row.
 */
export function verdictFormatter(format: VerdictFormat, header: readonly string[], withRatio: boolean) {
  const extra = [freeName("row", header), freeName("consistency", header), freeName("error", header), ...(withRatio ? [freeName("ratio", header)] : [])];
  return {
    head(): string {
      return format === "csv" ? csvRows([[extra[0]!, ...header, ...extra.slice(1)]]) : "";
    },
    rows(batch: ReadonlyArray<{ cells: ArrayLike<unknown> | undefined; result: MapResult }>): string {
      if (format === "csv") {
        return csvRows(
          batch.map(({ cells, result }) => {
            const line: CsvCell[] = [result.row];
            for (let i = 0; i < header.length; i++) line.push(cellText(cells?.[i]));
            line.push(result.consistency ?? "", result.error ?? "");
            if (withRatio) line.push(result.ratio ?? null);
            return line;
          }),
        );
      }
      let text = "";
      for (const { cells, result } of batch) {
        if (format === "jsonl") {
          const values: Record<string, unknown> = {};
          for (let i = 0; i < header.length; i++) values[header[i]!] = cells?.[i] ?? null;
          text += JSON.stringify({ consistency: result.consistency, ...(result.error !== undefined ? { error: result.error } : {}), ...(result.ratio !== undefined ? { ratio: result.ratio } : {}), row: result.row, values }) + "\n";
        } else {
          const shown = header.map((name, i) => `${name}=${cellText(cells?.[i]) ?? ""}`).join(" ");
          const mark = result.consistency === null ? "error" : result.consistency === "consistent" ? "ok" : result.consistency === "inconsistent" ? "INCONSISTENT" : "undetermined";
          // One line per row for people: a cell's line break or escape sequence is shown (␊, ␛), never obeyed.
          text += `${visibleControls(`row ${result.row}  ${mark.padEnd(12)}  ${shown}${result.error !== undefined ? `  (${result.error})` : ""}`)}\n`;
        }
      }
      return text;
    },
  };
}

function cellText(cell: unknown): string | null {
  if (cell === undefined || cell === null) return null;
  return typeof cell === "string" ? cell : typeof cell === "object" ? JSON.stringify(cell) : String(cell);
}

/** The audit as a few lines for people (stderr), scrutiny's audit() columns in words. */
export function auditText(audit: MapAudit): string {
  const rate = (value: number | null | undefined) => (value === null || value === undefined ? "n/a" : value.toFixed(4));
  const { consistent, inconsistent, undetermined, error } = audit.verdicts;
  const lines = [
    `${audit.check} on ${audit.rows} row${audit.rows === 1 ? "" : "s"}: ${consistent} consistent, ${inconsistent} inconsistent, ${undetermined} undetermined, ${error} with errors`,
    `inconsistent rate ${rate(audit.inconsistentRate)} of rows checked; testable ${audit.testable} (${rate(audit.testableRate)})` +
      (audit.meanRatio !== undefined ? `; mean GRIM ratio ${rate(audit.meanRatio)}, inconsistent rate / ratio ${rate(audit.inconsistentToRatio)}` : ""),
  ];
  for (const column of audit.columns) {
    const detail = column.decimals
      ? `decimals ${Object.entries(column.decimals).map(([places, count]) => `${places}: ${count}`).join(", ") || "none"}`
      : `range ${column.min ?? "–"} to ${column.max ?? "–"}`;
    lines.push(`  ${column.role} (column "${column.column}"): ${column.filled} filled, ${column.empty} empty; ${detail}`);
  }
  return lines.join("\n");
}
