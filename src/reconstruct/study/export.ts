import { CohortError } from "../../errors.js";
import { stableJson } from "../../io/stable-json.js";
import * as message from "../../messages/reconstruct-study.js";
import type { Reconstruction } from "../../schema/reconstruction.js";
import type { StudyReconstruction } from "./reconstruct-study.js";

/**
 * One reconstruction as CSV, written by danfojs, preceded by `#` comment lines: the label
 * "reconstruction — not patient data" first, then the study, method, seed and index, then every
 * assumption. Empty cells are values the report does not constrain. danfojs is imported here, and
 * only here, because importing it costs about a second.
 *
 * @param reconstruction one reconstruction (label, assumptions, columns, rows)
 * @throws CohortError when a text cell holds a comma, quote or line break (danfojs does not quote them)
 * @example
 * (await reconstructionCsv(r)).split("\n")[0]; // => "# reconstruction — not patient data"
 */
export async function reconstructionCsv(reconstruction: Reconstruction): Promise<string> {
  for (const row of reconstruction.rows) {
    for (const column of reconstruction.columns) {
      const value = row[column];
      if (typeof value === "string" && /[",\r\n]/.test(value)) throw new CohortError({ message: message.unsafeCsvCell(column, value) });
    }
  }
  const dfd = await import("danfojs-node");
  const data = reconstruction.rows.map((row) => reconstruction.columns.map((column) => row[column] ?? null));
  const frame = new dfd.DataFrame(data, { columns: reconstruction.columns });
  const csv = dfd.toCSV(frame) as string;
  return `${csvHeader(reconstruction)}${csv.endsWith("\n") ? csv : `${csv}\n`}`;
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
