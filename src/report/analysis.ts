import type { InstrumentRegistry } from "../io/load-instruments.js";
import type { Study } from "../schema/study.js";
import type { Artefact, ReportSection, Skipped } from "./artefact.js";

export type AnalysisOutcome = Artefact | Skipped | Array<Artefact | Skipped>;

/** What an analysis is given: the validated study, the instrument definitions, and the report seed. */
export interface AnalysisContext {
  study: Study;
  instruments: InstrumentRegistry;
  /** Seed for every random step (reconstructions); fixed so reports regenerate byte for byte. */
  seed: number;
  /** Path of the study file, to find its source documents (`sources` is relative to it); absent for a study built in memory. */
  studyFile?: string;
}

/**
 * One artefact-producing script of `analyses/`: a thin function from a study to one table and/or
 * chart, or a note saying why it does not apply. No statistics inside: it calls `src/`.
 */
export interface Analysis {
  id: string;
  title: string;
  section: ReportSection;
  /** One artefact, several of one kind (one per instrument, per pair of variables), or a note why it does not apply. */
  run(context: AnalysisContext): AnalysisOutcome | Promise<AnalysisOutcome>;
}

/**
 * Declares an analysis (an identity function that gives the object its type, as Vite's defineConfig does).
 *
 * @example
 * defineAnalysis({ id: "x", title: "X", section: "reported", run: () => skip("x", "X", "nothing to show") }).id; // => "x"
 */
export function defineAnalysis(analysis: Analysis): Analysis {
  return analysis;
}

/**
 * The outcome of an analysis that does not apply to a study.
 *
 * @example
 * skip("crosstab", "Sex × substance", "the study reports fewer than two compositions").skipped; // => true
 */
export function skip(id: string, title: string, reason: string): Skipped {
  return { skipped: true, id, title, reason };
}
