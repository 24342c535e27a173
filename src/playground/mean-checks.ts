import { debit } from "../checks/debit.js";
import { grim } from "../checks/grim.js";
import { grimmer } from "../checks/grimmer.js";
import { sdBoundsCheck } from "../checks/sd-bounds.js";
import * as msg from "../messages/playground.js";
import { attempt, found, type Finding, type PanelOutcome } from "./finding.js";
import { FieldReader, readRounding, type Fields } from "./read-fields.js";

/**
 * The checks of one mean, as `cohort check` runs them on a mean of a study file (check-study.ts,
 * checkMean): GRIM always; with an SD, GRIMMER (bounded by the scale when given); with an SD and the
 * scale, the SD bounds. DEBIT when the scale is 0 to 1 with one item: the data are then binary.
 * Each is the library function the CLI command of the same name calls (cohort grim, grimmer, debit).
 *
 * @example
 * meanChecks({ mean: "5.19", n: "28" }).findings[0]?.status; // => "inconsistent" (Brown & Heathers 2017)
 */
export function meanChecks(fields: Fields): PanelOutcome {
  const reader = new FieldReader(fields);
  const mean = reader.decimal("mean", true);
  const sd = reader.decimal("sd", false);
  const n = reader.whole("n", true, 1);
  const items = reader.whole("items", false, 1) ?? 1;
  const scale = reader.scale("min", "max");
  const assumption = readRounding(fields, reader);
  if (reader.problems.length > 0 || mean === undefined || n === undefined) return { problems: reader.problems, findings: [], notes: [] };
  const findings: Finding[] = [
    attempt("GRIM", "grim", () => {
      const result = grim({ mean, n, items, ...assumption });
      const details = result.details as { nearestConsistent?: string[] } | null;
      return found("GRIM", result, details?.nearestConsistent?.length ? [["Nearest consistent means", details.nearestConsistent.join(" and ")]] : []);
    }),
  ];
  const notes: string[] = [];
  if (sd === undefined) notes.push(msg.noSd());
  else {
    findings.push(attempt("GRIMMER", "grimmer", () => found("GRIMMER", grimmer({ mean, sd, n, items, ...assumption, ...(scale ? { scale } : {}) }))));
    if (scale) {
      findings.push(
        attempt("SD bounds", "sd-bounds", () => {
          const result = sdBoundsCheck({ mean, sd, n, items, ...scale, ...assumption });
          const bounds = result.details as { minSd: number; maxSd: number } | null;
          return found("SD bounds", result, bounds ? [["Possible SDs", `${bounds.minSd.toFixed(4)} to ${bounds.maxSd.toFixed(4)}`]] : []);
        }),
      );
      if (scale.min === 0 && scale.max === 1 && items === 1) findings.push(attempt("DEBIT", "debit", () => found("DEBIT", debit({ mean, sd, n, ...assumption }))));
      else notes.push(msg.notBinary());
    } else notes.push(msg.noScale());
  }
  return { problems: [], findings, notes };
}
