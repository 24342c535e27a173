import * as z from "zod";
import { CohortError } from "../errors.js";
import * as message from "../messages/reconstruct.js";
import { Reconstruction, RECONSTRUCTION_LABEL } from "../schema/reconstruction.js";
import { cellRanges, countTables, illustrativeTable, validateMargins } from "./crosstab.js";
import { uniqueNames } from "./unique-names.js";

/** Everything `cohort crosstab` reports about the tables consistent with two sets of margins. */
export const CrosstabResult = z
  .object({
    count: z.union([z.number().int().nonnegative(), z.string()]).meta({ description: "Number of tables; a decimal string when above 2^53." }),
    rows: z.array(z.object({ label: z.string(), total: z.number().int() })),
    cols: z.array(z.object({ label: z.string(), total: z.number().int() })),
    cells: z.array(z.object({ row: z.string(), col: z.string(), min: z.number().int(), max: z.number().int() })).meta({ description: "Range of each cell over all tables." }),
    illustrative: Reconstruction,
    note: z.string(),
  })
  .strict()
  .meta({ id: "CrosstabResult" });
export type CrosstabResult = z.infer<typeof CrosstabResult>;

/**
 * Summarises the contingency tables consistent with reported margins: how many, each cell's range,
 * and one illustrative table labelled as a reconstruction (one of `count`, never the data).
 *
 * Why: papers often report two marginal distributions (sex 11/9; substance 9/5/4/2) but not their
 * cross-tabulation; this says how much those margins pin down.
 * Reference: Dobra & Fienberg (2000), doi:10.1073/pnas.97.22.11885.
 * @param rows row totals
 * @param cols column totals
 * @param labels optional row and column labels (default r1…, c1…)
 * @param maxWork most estimated steps of the count to start on (see countTables)
 * @throws {CohortError} on invalid margins or label counts; `refused` (exit 3) when counting would take too long
 * @example
 * crosstab([11, 9], [9, 5, 4, 2]).count; // => 86
 */
export function crosstab(rows: number[], cols: number[], labels: { rows?: string[]; cols?: string[] } = {}, maxWork?: number): CrosstabResult {
  validateMargins(rows, cols);
  const givenRows = labels.rows ?? rows.map((_, index) => `r${index + 1}`);
  const givenCols = labels.cols ?? cols.map((_, index) => `c${index + 1}`);
  if (givenRows.length !== rows.length) throw new CohortError({ path: "rowLabels", message: message.labelCount("row", rows.length, givenRows.length) });
  if (givenCols.length !== cols.length) throw new CohortError({ path: "colLabels", message: message.labelCount("col", cols.length, givenCols.length) });
  // Labels name the illustrative table's columns (after "row"), so two equal labels would overwrite each other.
  const rowLabels = uniqueNames(givenRows);
  const colLabels = uniqueNames(givenCols, ["row"]);
  const exact = countTables(rows, cols, maxWork);
  const count = exact <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(exact) : exact.toString();
  const ranges = cellRanges(rows, cols);
  const { table, exhaustive } = illustrativeTable(rows, cols, exact);
  const illustrative: Reconstruction = {
    label: RECONSTRUCTION_LABEL,
    method: "crosstab",
    index: 0,
    of: typeof count === "number" ? count : "unknown",
    assumptions: [
      "only the row and column totals are reported; every table with these margins is equally consistent with them",
      exhaustive
        ? "shown: the table closest to independence (smallest Pearson distance to row total × column total / N), ties to the first in row-major lexicographic order"
        : "shown: a table near independence built greedily cell by cell (too many tables to search exhaustively)",
    ],
    columns: ["row", ...colLabels],
    rows: table.map((cells, i) => ({ row: rowLabels[i] as string, ...Object.fromEntries(cells.map((value, j) => [colLabels[j] as string, value])) })),
  };
  return {
    count,
    rows: rows.map((total, i) => ({ label: rowLabels[i] as string, total })),
    cols: cols.map((total, j) => ({ label: colLabels[j] as string, total })),
    cells: ranges.flatMap((row, i) => row.map((range, j) => ({ row: rowLabels[i] as string, col: colLabels[j] as string, ...range }))),
    illustrative,
    note: message.illustrativeLabel(String(count)),
  };
}
