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

/** A question for a critical-appraisal class whose answer the toolkit computed. */
export interface Exercise {
  question: string;
  answer: string;
  /** How the answer was computed (function and inputs), so a teacher can reproduce it. */
  method: string;
}

/** A chart: its Vega-Lite spec and a text alternative for readers who cannot see it. */
export interface Figure {
  spec: TopLevelSpec;
  alt: string;
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
