import type { ExerciseCall } from "./exercise-calls.js";
import type { TopLevelSpec } from "vega-lite";
import type { Table } from "./table.js";

/** The part of a study report an artefact belongs to (report.md has one section per part, in this order). */
export type ReportSection = "verdict" | "reported" | "reconstructed" | "checked" | "limits";

export const REPORT_SECTIONS: ReadonlyArray<{ id: ReportSection; title: string }> = [
  { id: "verdict", title: "Verdict" },
  { id: "reported", title: "What is reported" },
  { id: "reconstructed", title: "What is reconstructed, and on which assumptions" },
  { id: "checked", title: "What is checked, and what is found" },
  { id: "limits", title: "The limits" },
];

/**
 * How a reader answers an exercise in the notebook: a number or an interval, checked in the page by
 * running the exercise's library call (exercise-calls.ts) and comparing; or one or more of a list of
 * choices, each marked right or wrong with what the toolkit found about it when the report was made.
 */
export type ExerciseInput =
  | {
      kind: "number" | "interval";
      label: string;
      /** The library call whose result is the answer (the page runs it again to check an answer). */
      call: ExerciseCall;
      unit?: string;
    }
  | {
      kind: "choice";
      label: string;
      /** True: tick every right option; false: choose one. */
      multiple: boolean;
      /** Each option, whether it is right, and what the toolkit found about it (shown once answered). */
      options: ReadonlyArray<{ label: string; correct: boolean; feedback: string }>;
    };

/** A question for a critical-appraisal class whose answer the toolkit computed. */
export interface Exercise {
  question: string;
  answer: string;
  /** How the answer was computed (function and inputs), so a teacher can reproduce it. */
  method: string;
  /** How the notebook takes an answer (absent: the question is answered by reading the worked answer). */
  input?: ExerciseInput;
  /** A nudge towards the method, shown on request before the worked answer. */
  hint?: string;
}

/** A chart: its Vega-Lite spec and a text alternative for readers who cannot see it. */
export interface Figure {
  /** The chart as the report files hold it (figures/<id>.vl.json, .svg, .png) and a desktop page shows it. */
  spec: TopLevelSpec;
  /** The same chart laid out for a phone (at most 358 px wide), shown by the notebook on narrow screens. */
  narrowSpec?: TopLevelSpec;
  /** What the chart shows, in a sentence or two: its description for readers who cannot see it. */
  alt: string;
  /** The chart's numbers as a table, when the artefact's own table holds other numbers than the chart draws. */
  table?: Table;
}

/**
 * One table and/or chart of a study report, with the prose that explains it. `id` names its files:
 * `figures/<id>.vl.json|svg|png` and `tables/<id>.csv`. Prose is plain text (escaped on output).
 */
export interface Artefact {
  id: string;
  title: string;
  section: ReportSection;
  paragraphs: string[];
  /**
   * A numbered list of the toolkit's own (its numbers are markup, unlike a "1." that study text might
   * begin with, which is escaped), shown after the first `after` paragraphs.
   */
  list?: { after: number; items: string[] };
  /** The finding in one sentence, listed in the report's summary at the top. */
  summary?: string;
  table?: Table;
  figure?: Figure;
  /** Reconstructed values: the report labels the artefact "reconstruction — not patient data". */
  reconstruction?: boolean;
  exercises?: Exercise[];
}

/** An analysis that does not apply to a study, and why (shown as a note in the report). */
export interface Skipped {
  skipped: true;
  id: string;
  title: string;
  reason: string;
}

export function isSkipped(outcome: Artefact | Skipped): outcome is Skipped {
  return "skipped" in outcome;
}
