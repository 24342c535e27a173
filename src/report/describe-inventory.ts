import type { InstrumentRegistry } from "../io/load-instruments.js";
import type { ReportedValue } from "../schema/reported-value.js";
import type { Study } from "../schema/study.js";
import { describeP } from "./describe-reported.js";
import { measureLabel, timepointLabel, valueGroupLabel } from "./study-lookup.js";

/*
 * What a study reports about spread and tests, said from its file: which values carry an SD, an SE,
 * a ± of unstated kind, a CI or an IQR, and which tests and p-values are reported. Report sentences
 * that mention spreads or tests are built from these, so none asserts an absence without checking it.
 */

/** The kinds of spread a reported value can carry, in the order they are listed. */
export type SpreadKind = "sd" | "se" | "unstated" | "ci95" | "ci" | "iqr" | "range" | "median-spread";

const spreadNames: Record<SpreadKind, [string, string]> = {
  sd: ["an SD", "SDs"],
  se: ["an SE", "SEs"],
  unstated: ["a ± of unstated kind (SD or SE)", "± values of unstated kind (SD or SE)"],
  ci95: ["a ± that is a 95% CI half-width", "± values that are 95% CI half-widths"],
  ci: ["a confidence interval", "confidence intervals"],
  iqr: ["an IQR", "IQRs"],
  range: ["a range", "ranges"],
  "median-spread": ["a spread of unstated kind", "spreads of unstated kind"],
};

/**
 * The kinds of spread one reported value carries (a mean ± SD and its CI carry two).
 *
 * @example
 * spreadKinds({ kind: "mean", dispersion: { kind: "sd", value: "4.2" }, ... }); // => ["sd"]
 */
export function spreadKinds(value: ReportedValue): SpreadKind[] {
  const kinds: SpreadKind[] = [];
  if ((value.kind === "mean" || value.kind === "mean-change") && value.dispersion) kinds.push(value.dispersion.kind);
  if ((value.kind === "mean" || value.kind === "mean-change" || value.kind === "effect") && value.ci) kinds.push("ci");
  if (value.kind === "effect" && value.se !== undefined) kinds.push("se");
  if (value.kind === "median") for (const spread of value.spread ?? []) kinds.push(spread.kind === "unstated" ? "median-spread" : spread.kind);
  return kinds;
}

/** Reported values that carry any spread (a ±, an SE, a CI, an IQR or a range). */
export function valuesWithSpread(values: readonly ReportedValue[]): ReportedValue[] {
  return values.filter((value) => spreadKinds(value).length > 0);
}

/** Reported values that carry a test statistic or a p-value (tests, and effects with a p). */
export function valuesWithTest(values: readonly ReportedValue[]): ReportedValue[] {
  return values.filter((value) => (value.kind === "test" && (value.statistic !== undefined || value.p !== undefined)) || (value.kind === "effect" && value.p !== undefined));
}

/**
 * Where a reported value sits, in readers' terms: measure, group and time ("PHQ-9, group therapy, Week 8").
 *
 * @example
 * describePlace(phq9TherapyWeek8, study, instruments); // => "PHQ-9, group therapy, Week 8"
 */
export function describePlace(value: ReportedValue, study: Study, instruments: InstrumentRegistry): string {
  const measure = measureLabel(study, instruments, value) ?? ("outcome" in value && value.outcome !== undefined ? value.outcome : undefined);
  const group = valueGroupLabel(study, value);
  const when =
    "from" in value && typeof value.from === "string" && "to" in value && typeof value.to === "string"
      ? `${timepointLabel(study, value.from)} → ${timepointLabel(study, value.to)}`
      : "timepoint" in value && value.timepoint !== undefined
        ? timepointLabel(study, value.timepoint)
        : "timepoints" in value && value.timepoints
          ? value.timepoints.map((t) => timepointLabel(study, t)).join(" → ")
          : undefined;
  return [measure, group === "not stated" ? undefined : group, when].filter((part): part is string => part !== undefined).join(", ");
}

/** At most `shown` items written out, then "and N more". */
function listSome(items: readonly string[], shown = 4): string {
  if (items.length <= shown) return items.join("; ");
  return `${items.slice(0, shown).join("; ")}; and ${items.length - shown} more`;
}

/**
 * The spreads among some reported values, by kind, each with where it is reported; undefined when none carries one.
 *
 * @example
 * describeSpreads(study.reported, study, instruments); // => "SDs (PHQ-9, group therapy, Week 8; PHQ-9, wait list, Week 8); a confidence interval (PHQ-9, group therapy, Baseline → Week 8)"
 */
export function describeSpreads(values: readonly ReportedValue[], study: Study, instruments: InstrumentRegistry): string | undefined {
  const byKind = new Map<SpreadKind, string[]>();
  for (const value of values) for (const kind of spreadKinds(value)) byKind.set(kind, [...(byKind.get(kind) ?? []), describePlace(value, study, instruments)]);
  if (byKind.size === 0) return undefined;
  const order = Object.keys(spreadNames) as SpreadKind[];
  return order
    .filter((kind) => byKind.has(kind))
    .map((kind) => {
      const places = byKind.get(kind)!;
      return `${spreadNames[kind][places.length === 1 ? 0 : 1]} (${listSome(places)})`;
    })
    .join("; ");
}

/**
 * One reported test or p-value as printed, with what it is about: "t(42) = 2.83, p = 0.007 (PHQ-9, group therapy vs wait list, Week 8)";
 * without the part in brackets when `withPlace` is false (a table's row and column say it).
 *
 * @example
 * describeTest(oddsRatio, study, instruments); // => "odds ratio 5.92, p = 0.016 (response (a 50% reduction), group therapy vs wait list, Week 8)"
 */
export function describeTest(value: ReportedValue, study: Study, instruments: InstrumentRegistry, withPlace = true): string {
  const place = withPlace ? describePlace(value, study, instruments) : "";
  if (value.kind === "test") {
    const s = value.statistic;
    const statistic = s ? `${s.name === "chi2" ? "χ²" : s.name}${s.df ? `(${s.df.join(", ")})` : ""} = ${s.value}` : undefined;
    return `${[statistic, value.p ? describeP(value.p) : undefined].filter(Boolean).join(", ")}${place ? ` (${place})` : ""}`;
  }
  if (value.kind === "effect") return `${value.label ?? value.measure.replace(/-/g, " ")} ${value.estimate}${value.p ? `, ${describeP(value.p)}` : ""}${place ? ` (${place})` : ""}`;
  return place;
}

/**
 * The tests and p-values among some reported values; undefined when there are none.
 *
 * @example
 * describeTests(study.reported, study, instruments); // => "1 test statistic with its p-value: t(42) = 2.83, p = 0.007 (…); 1 p-value of an effect estimate: odds ratio 6.33, p = 0.013 (…)"
 */
export function describeTests(values: readonly ReportedValue[], study: Study, instruments: InstrumentRegistry): string | undefined {
  const tested = valuesWithTest(values);
  if (tested.length === 0) return undefined;
  const tests = tested.filter((v) => v.kind === "test");
  const effects = tested.filter((v) => v.kind === "effect");
  const parts: string[] = [];
  if (tests.length > 0) {
    const statistics = tests.filter((v) => v.kind === "test" && v.statistic !== undefined).length;
    const ps = tests.filter((v) => v.kind === "test" && v.p !== undefined).length;
    const one = tests.length === 1;
    const what =
      statistics === tests.length && ps === tests.length
        ? one ? "with its statistic and p-value" : "with their statistics and p-values"
        : statistics === tests.length
          ? one ? "with its statistic (no p-value printed)" : "with their statistics (no p-value printed)"
          : ps === tests.length
            ? one ? "with its p-value (no statistic printed)" : "with their p-values (no statistic printed)"
            : `(${statistics} with a statistic, ${ps} with a p-value)`;
    parts.push(`${tests.length} test${tests.length === 1 ? "" : "s"} ${what}: ${listSome(tests.map((v) => describeTest(v, study, instruments)))}`);
  }
  if (effects.length > 0) parts.push(`${effects.length} effect estimate${effects.length === 1 ? " with a p-value" : "s with p-values"}: ${listSome(effects.map((v) => describeTest(v, study, instruments)))}`);
  return parts.join("; ");
}

/**
 * Two sentences on what a study reports about spread and significance, each either listing what is
 * reported or, only when nothing is, saying so.
 *
 * @example
 * describeInventory(studyB, instruments); // => ["No reported value carries an SD, SE, confidence interval, IQR or range.", "No test statistic and no p-value is reported."]
 */
export function describeInventory(study: Study, instruments: InstrumentRegistry): [string, string] {
  const spreads = describeSpreads(study.reported, study, instruments);
  const tests = describeTests(study.reported, study, instruments);
  return [
    spreads ? `Spread reported: ${spreads}.` : "No reported value carries an SD, SE, confidence interval, IQR or range.",
    tests ? `Tests reported: ${tests}.` : "No test statistic and no p-value is reported.",
  ];
}
