import type { Reconstruction } from "../../schema/reconstruction.js";

/** Several reconstructions as one long table: column names, then one row of cells per patient per dataset. */
export interface ReconstructionTable {
  columns: string[];
  rows: Array<Array<string | number | null>>;
}

/**
 * Reconstructions stacked into one long table: a first column numbering the dataset (1, 2, …; named
 * `dataset`, or `dataset_2`… if a reconstruction already has a column of that name), then every column
 * of the reconstructions in order of first appearance, one row per patient per dataset; a value a
 * dataset lacks is null. The shape a report table and a DataFrame (cohortcheck/dataframe) take.
 *
 * @param reconstructions datasets rebuilt from one study (reconstructStudy)
 * @example
 * reconstructionTable([r1, r2]).columns; // => ["dataset", "id", "arm", …]
 */
export function reconstructionTable(reconstructions: readonly Reconstruction[]): ReconstructionTable {
  const dataColumns: string[] = [];
  for (const reconstruction of reconstructions) for (const column of reconstruction.columns) if (!dataColumns.includes(column)) dataColumns.push(column);
  let datasetColumn = "dataset";
  for (let suffix = 2; dataColumns.includes(datasetColumn); suffix++) datasetColumn = `dataset_${suffix}`;
  return {
    columns: [datasetColumn, ...dataColumns],
    rows: reconstructions.flatMap((reconstruction, index) => reconstruction.rows.map((row) => [index + 1, ...dataColumns.map((column) => row[column] ?? null)])),
  };
}
