import type { DataFrame } from "danfojs-node";
import { CohortError } from "../errors.js";
import * as message from "../messages/dataframe.js";
import { reconstructionTable } from "../reconstruct/study/reconstruction-table.js";
import { RECONSTRUCTION_LABEL, type Reconstruction } from "../schema/reconstruction.js";

// danfojs-node is an optional peer dependency (it brings TensorFlow.js: hundreds of MB, about a second
// to import), loaded here and nowhere else, so neither the CLI nor the core entry ever pays for it.
let danfo: typeof import("danfojs-node");
try {
  danfo = await import("danfojs-node");
} catch (error) {
  if ((error as NodeJS.ErrnoException).code === "ERR_MODULE_NOT_FOUND") throw new CohortError({ message: message.danfojsMissing() });
  throw error;
}

/**
 * Rebuilt patient-level datasets as one danfojs DataFrame for scripted analyses: a `label` column
 * carrying "reconstruction — not patient data" on every row (the label travels with the data), the
 * dataset number, then the reconstructions' columns (reconstructionTable). Each dataset's assumptions
 * stay on the reconstructions passed in.
 *
 * @param reconstructions one reconstruction or several (e.g. `reconstructStudy(…).reconstructions`)
 * @throws CohortError when danfojs-node is not installed (at import of cohortcheck/dataframe)
 * @example
 * toDataFrame(result.reconstructions).groupby(["dataset", "arm"]).count(); // a DataFrame
 */
export function toDataFrame(reconstructions: Reconstruction | readonly Reconstruction[]): DataFrame {
  const table = reconstructionTable(Array.isArray(reconstructions) ? reconstructions : [reconstructions as Reconstruction]);
  let labelColumn = "label";
  for (let suffix = 2; table.columns.includes(labelColumn); suffix++) labelColumn = `label_${suffix}`;
  return new danfo.DataFrame(
    table.rows.map((row) => [RECONSTRUCTION_LABEL, ...row]),
    { columns: [labelColumn, ...table.columns] },
  );
}
