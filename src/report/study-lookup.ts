import type { InstrumentRegistry } from "../io/load-instruments.js";
import type { Instrument } from "../schema/instrument.js";
import type { Composition, ReportedValue } from "../schema/reported-value.js";
import type { Study } from "../schema/study.js";

/** Reported values of one kind, in file order. */
export function reportedOfKind<K extends ReportedValue["kind"]>(study: Study, kind: K): Array<Extract<ReportedValue, { kind: K }>> {
  return study.reported.filter((value): value is Extract<ReportedValue, { kind: K }> => value.kind === kind);
}

/** The compositions of a study (Table 1 material). */
export function compositions(study: Study): Composition[] {
  return reportedOfKind(study, "composition");
}

/** An arm's label, "whole sample" for `all`, or the id itself when unknown. */
export function groupLabel(study: Study, group: string): string {
  if (group === "all") return "whole sample";
  return study.design.arms.find((arm) => arm.id === group)?.label ?? group;
}

/**
 * An arm's label without its parenthesised detail ("Psychedelic KAP (intramuscular)" → "Psychedelic KAP"), for chart axes.
 *
 * @example
 * shortGroupLabel(studyB, "psychedelic"); // => "Psychedelic KAP"
 */
export function shortGroupLabel(study: Study, group: string): string {
  return withoutDetail(groupLabel(study, group));
}

/**
 * A label without its trailing parenthesised detail, for chart axes.
 *
 * @example
 * withoutDetail("After repeated monthly treatments (number not reported)"); // => "After repeated monthly treatments"
 */
export function withoutDetail(label: string): string {
  return label.replace(/\s*\([^)]*\)\s*$/, "");
}

/** The size of a group: an arm's reported size, or the sample size for `all`. */
export function groupSize(study: Study, group: string): number {
  if (group === "all") return study.design.sampleSize.value;
  return study.design.arms.find((arm) => arm.id === group)?.size.value ?? study.design.sampleSize.value;
}

/** The group(s) a reported value is about, as people read them: "Placebo", "whole sample", "Drug vs Placebo". */
export function valueGroupLabel(study: Study, value: ReportedValue): string {
  if ("group" in value) return groupLabel(study, value.group);
  if ("groups" in value && value.groups && value.groups.length > 0) return value.groups.map((group) => groupLabel(study, group)).join(" vs ");
  return "not stated";
}

/**
 * The measure a reported value is on: an instrument's abbreviation, a variable's label (with its unit),
 * or undefined when the value names none.
 *
 * @example
 * measureLabel(study, instruments, { kind: "mean", variable: "age", ... }); // => "age (years)"
 */
export function measureLabel(study: Study, instruments: InstrumentRegistry, value: ReportedValue): string | undefined {
  if ("instrument" in value && value.instrument !== undefined) return instruments.get(value.instrument)?.abbreviation ?? value.instrument;
  if ("variable" in value && value.variable !== undefined) {
    const variable = study.variables.find((entry) => entry.id === value.variable);
    return variable ? `${variable.label}${variable.unit ? ` (${variable.unit})` : ""}` : value.variable;
  }
  return undefined;
}

/** A timepoint's label, or its id when unknown. */
export function timepointLabel(study: Study, id: string): string {
  return study.design.timepoints.find((timepoint) => timepoint.id === id)?.label ?? id;
}

/** The instrument definition a study refers to; undefined when the registry lacks it. */
export function instrumentOf(instruments: InstrumentRegistry, id: string): Instrument | undefined {
  return instruments.get(id);
}

/** "Author (venue, date)" line for a study's source. */
export function citationLine(study: Study): string {
  const c = study.citation;
  return [c.authors?.join(", "), `"${c.title}"`, c.venue, c.date].filter((part): part is string => part !== undefined && part !== "").join(". ");
}
