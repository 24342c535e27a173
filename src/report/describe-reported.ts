import type { InstrumentRegistry } from "../io/load-instruments.js";
import type { ReportedValue } from "../schema/reported-value.js";
import type { Study } from "../schema/study.js";
import { timepointLabel } from "./study-lookup.js";

/**
 * A reported value in one line, in the source's own terms (no recomputation): a composition's
 * counts and percentages, a band shift's words, a mean (± SD), a percent change with its timepoints.
 *
 * @example
 * describeReported({ kind: "percent-change", percent: "21.88", direction: "decrease", from: "baseline", to: "after-s6", instrument: "bpi-sf-severity", ... }, study, instruments); // => "BPI-SF severity: −21.88% (Baseline → After session 6)"
 */
export function describeReported(value: ReportedValue, study: Study, instruments: InstrumentRegistry): string {
  const name = (id: string) => instruments.get(id)?.abbreviation ?? id;
  switch (value.kind) {
    case "composition":
      return `${value.variable}, n = ${value.n.value}: ${value.categories.map((c) => `${c.label} ${[c.percent !== undefined ? `${c.percent}%` : undefined, c.count !== undefined ? `(${c.count})` : undefined].filter(Boolean).join(" ")}`).join(", ")}`;
    case "band-shift":
      return `${name(value.instrument)}: ${value.from ? `"${value.from.label}" → ` : "to "}"${value.to.label}"`;
    case "mean":
      return `${name(value.instrument)} at ${timepointLabel(study, value.timepoint)}: mean ${value.mean}${value.sd !== undefined ? ` (SD ${value.sd})` : ""}${value.n !== undefined ? `, n = ${value.n}` : ""}`;
    case "percent-change":
      return `${name(value.instrument)}: ${value.direction === "decrease" ? "−" : "+"}${value.percent}% (${timepointLabel(study, value.from)} → ${timepointLabel(study, value.to)}; the source says "${value.timepointsAsReported}")`;
  }
}
