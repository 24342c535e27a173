import { csvText } from "../../io/csv-text.js";
import { stableJson } from "../../io/stable-json.js";
import type { Reconstruction } from "../../schema/reconstruction.js";
import type { StudyReconstruction } from "./reconstruct-study.js";

/**
 * One reconstruction as CSV, preceded by `#` comment lines: the label "reconstruction — not patient
 * data" first, then the study, method, seed and index, then every assumption. Empty cells are values
 * the report does not constrain. Cells are quoted (RFC 4180) and neutralised against spreadsheet
 * formulas by csvText, so a label with a comma or a leading `=` is written safely.
 *
 * @param reconstruction one reconstruction (label, assumptions, columns, rows)
 * @example
 * reconstructionCsv(r).split("\n")[0]; // => "# reconstruction — not patient data"
 */
export function reconstructionCsv(reconstruction: Reconstruction): string {
  const rows = reconstruction.rows.map((row) => reconstruction.columns.map((column) => row[column] ?? null));
  return `${csvHeader(reconstruction)}${csvText(reconstruction.columns, rows)}`;
}

/**
 * The `#` comment lines that open a reconstruction's CSV: label, provenance line, one line per assumption.
 *
 * @param reconstruction one reconstruction
 * @example
 * csvHeader(r).split("\n")[0]; // => "# reconstruction — not patient data"
 */
export function csvHeader(reconstruction: Reconstruction): string {
  const lines = [
    reconstruction.label,
    `study: ${reconstruction.studyId ?? "unknown"}; method: ${reconstruction.method}; seed: ${reconstruction.seed ?? "none"}; index: ${reconstruction.index ?? 0}; datasets consistent with the report: ${reconstruction.of ?? "unknown"}`,
    ...reconstruction.assumptions.map((a) => `assumption: ${a}`),
  ];
  return lines.map((line) => `# ${line.replace(/[\r\n]+/g, " ")}\n`).join("");
}

/**
 * Sidecar JSON for a CSV: everything about the reconstruction except its rows.
 *
 * @param reconstruction one reconstruction
 * @example
 * JSON.parse(reconstructionSidecar(r)).label; // => "reconstruction — not patient data"
 */
export function reconstructionSidecar(reconstruction: Reconstruction): string {
  const { rows: _rows, ...meta } = reconstruction;
  return stableJson({ ...meta, rowCount: reconstruction.rows.length });
}

/**
 * A whole study reconstruction as one JSON document (stable key order, so the same seed gives the
 * same bytes).
 *
 * @param result the output of reconstructStudy
 * @example
 * JSON.parse(reconstructionsJson(result)).count; // => 5
 */
export function reconstructionsJson(result: StudyReconstruction): string {
  return stableJson(result);
}
