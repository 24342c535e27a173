import type { InstrumentRegistry } from "../io/load-instruments.js";
import type { ReportedValue, SampleFlow } from "../schema/reported-value.js";
import type { Study } from "../schema/study.js";
import { orderedTimepoints } from "./design-facts.js";

/*
 * The study's outcomes, whatever their measure: a scored instrument it lists, a variable (seconds,
 * centimetres, years) or a counted outcome in the source's words ("self-reported symptoms"). GRADE
 * rates each, the multiplicity limit counts them, and the verdict names them, so all three say the
 * same thing of every study.
 */

/** One outcome of a study and the values the file reports on it. */
export interface OutcomeMeasure {
  /** `instrument:<ref>`, `variable:<id>` or `counted:<the source's words>`. */
  key: string;
  kind: "instrument" | "variable" | "counted";
  /** The short name reports use: an instrument's abbreviation, a variable's label, the counted outcome's words. */
  name: string;
  /** The name with what it measures or its unit: "PHQ-9 (depressive symptoms)", "single leg balance, right (s)". */
  label: string;
  /** What it measures, in the file's words (instruments), else the name. */
  measures: string;
  values: ReportedValue[];
  /** Timepoint ids the values are at, in the study's order. */
  timepoints: string[];
  /** Whether groups are compared on it: values for two or more arms, or a between-group test or effect. */
  betweenGroups: boolean;
  /** How many comparisons it offers: later assessments of an instrument the design measures at every time, else of its own values; at least one. */
  comparisons: number;
}

type Keyed = ReportedValue & { instrument?: string | undefined; variable?: string | undefined };

/** The key of the measure a reported value is on (undefined for values on none: flow, eligibility without a measure, a lone p). */
export function measureKey(study: Study, value: ReportedValue, seen: ReadonlySet<string> = new Set()): string | undefined {
  if (value.kind === "sample-flow" || value.kind === "composition") return undefined;
  const keyed = value as Keyed;
  if (keyed.instrument !== undefined) return `instrument:${keyed.instrument}`;
  if (keyed.variable !== undefined) return `variable:${keyed.variable}`;
  if (value.kind === "proportion" && value.outcome !== undefined) return `counted:${value.outcome}`;
  if (value.kind === "effect" && value.outcome !== undefined) {
    // An effect on "response" is on the measure of the proportions counting "response", when they name one.
    const counted = study.reported.find((entry) => entry.kind === "proportion" && entry.outcome === value.outcome && (entry.instrument !== undefined || entry.variable !== undefined));
    return counted ? measureKey(study, counted, seen) : `counted:${value.outcome}`;
  }
  const about = (value.kind === "test" || value.kind === "effect" ? value.about : undefined) ?? [];
  for (const id of about) {
    const target = study.reported.find((entry) => entry.id === id);
    if (target && !seen.has(id)) return measureKey(study, target, new Set([...seen, value.id]));
  }
  return undefined;
}

/** The timepoint ids a value is about. */
export function timepointsOf(value: ReportedValue): string[] {
  switch (value.kind) {
    case "mean":
    case "median":
    case "proportion":
    case "effect":
      return value.timepoint === undefined ? [] : [value.timepoint];
    case "percent-change":
    case "mean-change":
      return [value.from, value.to];
    case "band-shift":
      return [value.from?.timepoint, value.to.timepoint].filter((t): t is string => t !== undefined);
    case "test":
      return value.timepoints ?? [];
    default:
      return [];
  }
}

/** The groups a value is about (arm ids or `all`). */
export function groupsOf(value: ReportedValue): string[] {
  if (value.kind === "test" || value.kind === "effect") return value.groups ?? [];
  return "group" in value && typeof value.group === "string" ? [value.group] : [];
}

const isTestOrEffect = (value: ReportedValue) => value.kind === "test" || (value.kind === "effect" && (value.ci !== undefined || value.p !== undefined || value.se !== undefined));

/** Words an instrument label need not repeat: "physical functioning (RAND-36)" adds nothing to "RAND-36 physical functioning". */
function instrumentLabel(abbreviation: string, measures: string): string {
  const words = (text: string) => text.toLowerCase().match(/[a-z0-9][a-z0-9-]*/g) ?? [];
  const own = new Set(words(abbreviation));
  return words(measures).every((word) => own.has(word)) ? abbreviation : `${abbreviation} (${measures})`;
}

/**
 * The study's outcomes: every instrument it lists (measured, by design, at every timepoint), and every
 * variable or counted outcome on which it reports a comparison: values at two or more timepoints, values
 * for two or more arms, or a test or effect. A characteristic reported once for the whole sample (age at
 * entry, a recruitment rate) is not an outcome.
 *
 * @example
 * outcomeMeasures(yoga, instruments).length; // => 12 (5 RAND-36 subscales and 7 performance tests)
 */
export function outcomeMeasures(study: Study, instruments: InstrumentRegistry): OutcomeMeasure[] {
  const order = new Map(orderedTimepoints(study).map((timepoint, index) => [timepoint.id, index]));
  const byKey = new Map<string, ReportedValue[]>();
  for (const value of study.reported) {
    if (value.kind === "eligibility") continue;
    const key = measureKey(study, value);
    if (key !== undefined) byKey.set(key, [...(byKey.get(key) ?? []), value]);
  }
  const laterAssessments = Math.max(1, study.design.timepoints.length - 1);
  const build = (key: string, kind: OutcomeMeasure["kind"], name: string, label: string, measures: string): OutcomeMeasure => {
    const values = byKey.get(key) ?? [];
    const timepoints = [...new Set(values.flatMap(timepointsOf))].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    const arms = new Set(values.flatMap(groupsOf).filter((group) => group !== "all"));
    // Every instrument of a study with two or more arms is compared between them by design, whatever the file reports on it.
    const betweenGroups = (kind === "instrument" && study.design.arms.length >= 2) || arms.size >= 2 || values.some((value) => (value.kind === "test" && value.comparison === "between-groups") || (value.kind === "effect" && (value.groups?.length ?? 0) >= 2));
    const comparisons = kind === "instrument" ? laterAssessments : Math.max(1, timepoints.length - 1);
    return { key, kind, name, label, measures, values, timepoints, betweenGroups, comparisons };
  };
  const out: OutcomeMeasure[] = study.instruments.map((entry) => {
    const abbreviation = instruments.get(entry.ref)?.abbreviation ?? entry.ref;
    return build(`instrument:${entry.ref}`, "instrument", abbreviation, instrumentLabel(abbreviation, entry.measures), entry.measures);
  });
  for (const [key, values] of byKey) {
    if (key.startsWith("instrument:")) continue;
    const timepoints = new Set(values.flatMap(timepointsOf));
    const arms = new Set(values.flatMap(groupsOf).filter((group) => group !== "all"));
    if (timepoints.size < 2 && arms.size < 2 && !values.some(isTestOrEffect)) continue;
    if (key.startsWith("variable:")) {
      const variable = study.variables.find((entry) => entry.id === key.slice("variable:".length));
      const name = variable?.label ?? key.slice("variable:".length);
      out.push(build(key, "variable", name, variable?.unit ? `${name} (${variable.unit})` : name, name));
    } else {
      const words = key.slice("counted:".length);
      out.push(build(key, "counted", words, words, words));
    }
  }
  return out;
}

/** How many started in a group: its randomised, allocated, enrolled or started count, else its size. */
export function startedIn(study: Study, group: string): number {
  const size = group === "all" ? study.design.sampleSize.value : (study.design.arms.find((arm) => arm.id === group)?.size.value ?? study.design.sampleSize.value);
  return flowCount(study, group, ["randomised", "allocated", "enrolled", "started"]) ?? size;
}

/** The count of the first stage found for a group (at `timepoint` when the flow names one). */
export function flowCount(study: Study, group: string, stages: readonly string[], timepoint?: string): number | undefined {
  for (const stage of stages) {
    const value = study.reported.find((entry): entry is SampleFlow => entry.kind === "sample-flow" && entry.stage === stage && entry.group === group && (timepoint === undefined || entry.timepoint === undefined || entry.timepoint === timepoint));
    if (value) return value.count;
  }
  return undefined;
}

/** Who an outcome was observed in at its last timepoint, per group, and how many started. */
export interface OutcomeObserved {
  group: string;
  started: number;
  /** The n printed with the outcome's values at its last timepoint, else the flow's completed or analysed count, else undefined. */
  observed: number | undefined;
}

/**
 * Per group with values on an outcome: how many started and how many the outcome was observed in at its
 * last timepoint (the n or denominator printed with its values; else the completed or analysed count of
 * the flow). Undefined observed: the file does not say.
 *
 * @example
 * outcomeObserved(yoga, balanceRight); // => [{ group: "all", started: 30, observed: 19 }]
 */
export function outcomeObserved(study: Study, outcome: OutcomeMeasure): OutcomeObserved[] {
  const last = outcome.timepoints.at(-1);
  const groups = [...new Set(outcome.values.flatMap(groupsOf))];
  const named = outcome.betweenGroups && study.design.arms.length >= 2 ? study.design.arms.map((arm) => arm.id) : groups.filter((group) => group !== "all");
  return (named.length > 0 ? named : groups.length > 0 ? groups : ["all"]).map((group) => {
    const ns = outcome.values.flatMap((value) => {
      if (!groupsOf(value).includes(group) || (last !== undefined && timepointsOf(value).length > 0 && !timepointsOf(value).includes(last))) return [];
      if ((value.kind === "mean" || value.kind === "median" || value.kind === "mean-change") && value.n !== undefined) return [value.n];
      if (value.kind === "proportion" && value.denominator !== undefined) return [value.denominator];
      return [];
    });
    const flow = flowCount(study, group, ["completed", "analysed"], last) ?? (() => {
      const lost = flowCount(study, group, ["lost-to-follow-up", "withdrawn"], last);
      return lost === undefined ? undefined : startedIn(study, group) - lost;
    })();
    return { group, started: startedIn(study, group), observed: ns.length > 0 ? Math.max(...ns) : flow };
  });
}
