import { isCohortError } from "../errors.js";
import type { CheckResult } from "../schema/check-result.js";
import type { Instrument } from "../schema/instrument.js";
import type { Study } from "../schema/study.js";
import type { RoundingMode } from "../stats/rounding.js";
import { localise, type Localisation, type LocaliseOptions } from "./localise.js";
import { problemForResult } from "./study-problems.js";

/** A localisation, or why none was made (over budget; no readings for this check yet). */
export type ResultLocalisation = Localisation | { status: "refused"; message: string } | { status: "not-localised"; reason: string };

/**
 * Localises every inconsistent check result of a study and attaches what it finds to the result
 * (`details.localisation`); results of one set of figures (GRIM and GRIMMER on one mean) share one
 * localisation. A search over budget is recorded as refused with its estimate, not thrown, so one
 * large set does not stop the rest of `cohort check`.
 *
 * @example
 * explainResults(studyB, registry, checkStudy(studyB, registry)).find((r) => r.status === "inconsistent").details.localisation.explanations[0].sentence;
 * // => "if psycholytic-severity-s3-s6 (+24.56%) was computed relative to the later value"
 */
export function explainResults(study: Study, instruments: ReadonlyMap<string, Instrument> | readonly Instrument[], results: CheckResult[], options: LocaliseOptions & { rounding?: RoundingMode; threshold?: number } = {}): CheckResult[] {
  const done = new Map<string, ResultLocalisation>();
  return results.map((result) => {
    if (result.status !== "inconsistent") return result;
    const problem = problemForResult(study, instruments, result, options.rounding, options.threshold);
    if (!problem) return { ...result, details: { ...asObject(result.details), localisation: { status: "not-localised", reason: `the localiser has no per-figure readings for ${result.check} yet` } } };
    const key = `${problem.check}:${problem.subject.join(",")}`;
    let found = done.get(key);
    if (!found) {
      try {
        found = localise(problem, options);
      } catch (error) {
        if (!isCohortError(error) || error.exitCode !== 3) throw error;
        found = { status: "refused", message: error.message };
      }
      done.set(key, found);
    }
    return { ...result, explanation: `${result.explanation}; ${localisationSummary(found)}`, details: { ...asObject(result.details), localisation: found } };
  });
}

/**
 * One clause saying what the localiser found, for a check's explanation line.
 *
 * @example
 * localisationSummary(studyBLocalisation); // => "one figure explains it: if psycholytic-severity-s3-s6 (+24.56%) was computed relative to the later value (…)"
 */
export function localisationSummary(found: ResultLocalisation): string {
  if (found.status === "refused") return `not localised: ${found.message}`;
  if (found.status === "not-localised") return `not localised: ${found.reason}`;
  if (found.status === "consistent") return "consistent once localised";
  const tried = found.tried.filter((t) => t.size > 0).map((t) => `${t.readingSets} ${t.size === 1 ? "single-figure" : "two-figure"} readings`).join(" and ");
  if (found.status === "unexplained") return `no single figure or pair of figures read another usual way makes them consistent (${tried} tried)`;
  const size = found.smallestSize === 1 ? "one figure" : "two figures";
  const list = found.explanations.slice(0, 3).map((e) => `${e.sentence} (${e.readings.map((r) => `→ ${r.corrected ?? r.printed}`).join(", ")})`);
  const more = found.explanations.length > 3 ? `; ${found.explanations.length - 3} more` : "";
  return found.unique ? `${size} ${found.smallestSize === 1 ? "explains" : "explain"} it, in one way only: ${list[0]}` : `${found.explanations.length} explanations with ${size}, best prior first: ${list.join("; ")}${more}`;
}

function asObject(details: unknown): Record<string, unknown> {
  return details !== null && typeof details === "object" && !Array.isArray(details) ? (details as Record<string, unknown>) : details === undefined ? {} : { value: details };
}
