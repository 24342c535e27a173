import { unfilledPaths } from "../draft/unknown.js";
import { CohortError, jsonPath, type Problem } from "../errors.js";
import { unfilled } from "../messages/extract.js";
import { Study } from "../schema/study.js";
import type { InstrumentRegistry } from "./load-instruments.js";
import { readJsonFile } from "./read-json.js";
import { zodProblems } from "./zod-problems.js";

/**
 * Validates parsed JSON as a study: the schema (types, ranges, cross-field rules), then the
 * references into the instrument definitions. Throws one CohortError listing every problem.
 */
export function parseStudy(data: unknown, instruments: InstrumentRegistry, file?: string): Study {
  const unfilled = draftProblems(data, file);
  const parsed = Study.safeParse(data);
  if (!parsed.success) {
    const problems = zodProblems(parsed.error, file, data);
    const reported = new Set(problems.map((problem) => problem.path));
    throw new CohortError([...problems, ...unfilled.filter((problem) => !reported.has(problem.path))]);
  }
  if (unfilled.length > 0) throw new CohortError(unfilled);
  const problems = instrumentProblems(parsed.data, instruments, file);
  if (problems.length > 0) throw new CohortError(problems);
  return parsed.data;
}

/**
 * A draft from `cohort extract` (a file with an `extraction` record) is not finished while any field
 * still reads "unknown", even one the schema would accept as text (a title, an outcome's words).
 */
function draftProblems(data: unknown, file?: string): Problem[] {
  if (data === null || typeof data !== "object" || !("extraction" in data)) return [];
  return unfilledPaths(data).map((path) => ({ ...(file !== undefined ? { file } : {}), path: jsonPath(path), message: unfilled() }));
}

/** Reads a study file and validates it (see parseStudy). */
export function loadStudy(file: string, instruments: InstrumentRegistry): Study {
  return parseStudy(readJsonFile(file), instruments, file);
}

/** Problems with the study's references into data/instruments: unknown instruments, unknown bands, means out of range. */
export function instrumentProblems(study: Study, instruments: InstrumentRegistry, file?: string): Problem[] {
  const problems: Problem[] = [];
  const problem = (path: PropertyKey[], message: string) => problems.push({ ...(file !== undefined ? { file } : {}), path: jsonPath(path), message });
  const known = [...instruments.keys()].sort().join(", ");

  study.instruments.forEach((entry, index) => {
    if (!instruments.has(entry.ref)) problem(["instruments", index, "ref"], `unknown instrument "${entry.ref}"; no definition in the instrument folders (known: ${known}). Add data/instruments/${entry.ref}.json or pass --instruments <dir>`);
  });

  study.reported.forEach((value, index) => {
    const instrument = "instrument" in value && value.instrument !== undefined ? instruments.get(value.instrument) : undefined;
    if (!instrument) return; // already reported above (the schema requires listed instruments)
    if (value.kind === "band-shift") {
      const bandIds = new Set(instrument.bandConventions.flatMap((convention) => convention.bands.map((band) => band.id)));
      for (const end of ["from", "to"] as const) {
        const band = value[end]?.band;
        if (band !== undefined && !bandIds.has(band)) {
          problem(["reported", index, end, "band"], `band "${band}" is not defined by any convention of instrument "${instrument.id}" (bands: ${[...bandIds].sort().join(", ") || "none"}); leave "band" out if the source's words map to no defined band`);
        }
      }
    }
    // A summary of scores cannot leave the scale its scores are on.
    const onScale = (reported: string, path: PropertyKey[], what: string) => {
      const number = Number(reported);
      if (number < instrument.min || number > instrument.max) problem(["reported", index, ...path], `${what} ${reported} lies outside the ${instrument.abbreviation} range ${instrument.min}–${instrument.max}`);
    };
    if (value.kind === "mean") onScale(value.mean, ["mean"], "mean");
    if (value.kind === "median") {
      onScale(value.median, ["median"], "median");
      (value.spread ?? []).forEach((spread, spreadIndex) => {
        onScale(spread.lower, ["spread", spreadIndex, "lower"], `${spread.kind === "range" ? "range" : spread.kind === "iqr" ? "quartile" : "spread"} end`);
        onScale(spread.upper, ["spread", spreadIndex, "upper"], `${spread.kind === "range" ? "range" : spread.kind === "iqr" ? "quartile" : "spread"} end`);
      });
    }
    if (value.kind === "eligibility") onScale(value.value, ["value"], "entry bound");
    if (value.kind === "mean-change") {
      const width = instrument.max - instrument.min;
      if (Math.abs(Number(value.change)) > width) problem(["reported", index, "change"], `a change of ${value.change} is larger than the whole ${instrument.abbreviation} range ${instrument.min}–${instrument.max}`);
    }
  });
  return problems;
}
