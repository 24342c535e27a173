import type { InstrumentRegistry } from "../io/load-instruments.js";
import type { ReportedValue } from "../schema/reported-value.js";
import type { ConfidenceInterval, Dispersion, PValue } from "../schema/statistic-parts.js";
import type { Study } from "../schema/study.js";
import { measureLabel, timepointLabel } from "./study-lookup.js";

const dispersionNames: Record<Dispersion["kind"], string> = { sd: "SD", se: "SE", ci95: "95% CI half-width", unstated: "± of unstated kind" };
const statisticNames: Record<string, string> = { chi2: "χ²" };
const relationSigns: Record<PValue["relation"], string> = { "=": "=", "<": "<", ">": ">", "<=": "≤", ">=": "≥" };
const effectNames: Record<string, string> = {
  "mean-difference": "mean difference",
  "risk-difference": "risk difference",
  "risk-ratio": "risk ratio",
  "odds-ratio": "odds ratio",
  "hazard-ratio": "hazard ratio",
  "standardised-mean-difference": "standardised mean difference",
  correlation: "correlation",
  other: "effect",
};

/** "± 1.30 (SD)" for a labelled spread; "± 1.30 (SD or SE: not stated)" when the source does not say. */
export function describeDispersion(dispersion: Dispersion): string {
  return dispersion.kind === "unstated" ? `± ${dispersion.value} (SD or SE: not stated)` : `± ${dispersion.value} (${dispersionNames[dispersion.kind]})`;
}

/** "95% CI 4.1 to 6.3" */
export function describeCi(ci: ConfidenceInterval): string {
  return `${ci.level}% CI ${ci.lower} to ${ci.upper}`;
}

/** "p = 0.04", "p < 0.001" */
export function describeP(p: PValue): string {
  return `p ${relationSigns[p.relation]} ${p.value}`;
}

/**
 * A reported value in one line, in the source's own terms (no recomputation): a composition's
 * counts and percentages, a band shift's words, a mean with its spread as labelled, a change, a
 * test with its statistic and p, an effect with its CI, a flow count, an entry criterion.
 *
 * @example
 * describeReported({ kind: "percent-change", percent: "21.88", direction: "decrease", from: "baseline", to: "after-s6", instrument: "bpi-sf-severity", ... }, study, instruments); // => "BPI-SF severity: −21.88% (Baseline → After session 6; the source says "…")"
 */
export function describeReported(value: ReportedValue, study: Study, instruments: InstrumentRegistry): string {
  const measure = measureLabel(study, instruments, value);
  const on = (text: string) => (measure ? `${measure}: ${text}` : text);
  const at = (timepoint: string | undefined) => (timepoint !== undefined ? ` at ${timepointLabel(study, timepoint)}` : "");
  const nPart = (n: number | undefined) => (n !== undefined ? `, n = ${n}` : "");
  switch (value.kind) {
    case "composition":
      return `${value.variable}, n = ${value.n.value}: ${value.categories.map((c) => `${c.label} ${[c.percent !== undefined ? `${c.percent}%` : undefined, c.count !== undefined ? `(${c.count})` : undefined].filter(Boolean).join(" ")}`).join(", ")}`;
    case "band-shift":
      return on(`${value.from ? `"${value.from.label}" → ` : "to "}"${value.to.label}"`);
    case "mean":
      return on(`mean ${value.mean}${value.dispersion ? ` ${describeDispersion(value.dispersion)}` : ""}${value.ci ? ` (${describeCi(value.ci)})` : ""}${at(value.timepoint)}${nPart(value.n)}`);
    case "median":
      return on(`median ${value.median}${(value.spread ?? []).map((s) => ` (${s.kind === "unstated" ? "spread of unstated kind" : s.kind === "iqr" ? "IQR" : "range"} ${s.lower}–${s.upper})`).join("")}${at(value.timepoint)}${nPart(value.n)}`);
    case "percent-change":
      return on(`${value.direction === "decrease" ? "−" : "+"}${value.percent}% (${timepointLabel(study, value.from)} → ${timepointLabel(study, value.to)}; the source says "${value.timepointsAsReported}")`);
    case "mean-change":
      return on(`mean change ${value.change}${value.dispersion ? ` ${describeDispersion(value.dispersion)}` : ""}${value.ci ? ` (${describeCi(value.ci)})` : ""} (${timepointLabel(study, value.from)} → ${timepointLabel(study, value.to)})${nPart(value.n)}`);
    case "proportion": {
      const parts = [value.count !== undefined ? `${value.count}${value.denominator !== undefined ? `/${value.denominator}` : ""}` : undefined, value.percent !== undefined ? `${value.percent}%` : undefined].filter(Boolean);
      return on(`${value.outcome}: ${parts.join(" ")}${at(value.timepoint)}`);
    }
    case "test": {
      const s = value.statistic;
      const statistic = s ? `${statisticNames[s.name] ?? s.name}${s.df ? `(${s.df.join(", ")})` : ""} = ${s.value}` : undefined;
      const parts = [statistic, value.p ? describeP(value.p) : undefined].filter(Boolean).join(", ");
      return on(`${value.method ? `${value.method}: ` : ""}${parts}${value.tails !== "unstated" ? ` (${value.tails}-tailed)` : ""}`);
    }
    case "effect": {
      const name = value.label ?? effectNames[value.measure] ?? value.measure;
      const parts = [value.ci ? describeCi(value.ci) : undefined, value.se !== undefined ? `SE ${value.se}` : undefined, value.p ? describeP(value.p) : undefined].filter(Boolean);
      return on(`${name} ${value.estimate}${parts.length > 0 ? ` (${parts.join(", ")})` : ""}${value.outcome ? ` on ${value.outcome}` : ""}${at(value.timepoint)}`);
    }
    case "sample-flow":
      return `${value.stage.replace(/-/g, " ")}: ${value.count}${at(value.timepoint)}`;
    case "eligibility":
      return on(`entry requires ${value.bound === "min" ? (value.inclusive ? "≥" : ">") : value.inclusive ? "≤" : "<"} ${value.value}`);
  }
}

/**
 * A reported value as a table cell under its group's column: the numbers as printed, without the
 * measure, group or time (the row and column say those). For a composition, pass the category.
 *
 * @example
 * describeCell({ kind: "mean", mean: "9.6", dispersion: { kind: "sd", value: "4.2" }, n: 22, ... }); // => "9.6 ± 4.2 (SD), n = 22"
 */
export function describeCell(value: ReportedValue, category?: { count?: number | undefined; percent?: string | undefined }): string {
  const nPart = (n: number | undefined) => (n !== undefined ? `, n = ${n}` : "");
  switch (value.kind) {
    case "composition": {
      const count = category?.count !== undefined ? `${category.count}/${value.n.value}` : undefined;
      const percent = category?.percent !== undefined ? `${category.percent}%` : undefined;
      return count && percent ? `${count} (${percent})` : (count ?? percent ?? "");
    }
    case "mean":
      return `${value.mean}${value.dispersion ? ` ${describeDispersion(value.dispersion)}` : ""}${value.ci ? ` (${describeCi(value.ci)})` : ""}${nPart(value.n)}`;
    case "median":
      return `${value.median}${(value.spread ?? []).map((s) => ` (${s.kind === "unstated" ? "spread of unstated kind" : s.kind === "iqr" ? "IQR" : "range"} ${s.lower}–${s.upper})`).join("")}${nPart(value.n)}`;
    case "proportion": {
      const count = value.count !== undefined ? `${value.count}${value.denominator !== undefined ? `/${value.denominator}` : ""}` : undefined;
      const percent = value.percent !== undefined ? `${value.percent}%` : undefined;
      return count && percent ? `${count} (${percent})` : (count ?? percent ?? "");
    }
    case "mean-change":
      return `${value.change}${value.dispersion ? ` ${describeDispersion(value.dispersion)}` : ""}${value.ci ? ` (${describeCi(value.ci)})` : ""}${nPart(value.n)}`;
    case "percent-change":
      return `${value.direction === "decrease" ? "−" : "+"}${value.percent}%`;
    case "band-shift":
      return `${value.from ? `"${value.from.label}" → ` : "to "}"${value.to.label}"`;
    case "sample-flow":
      return String(value.count);
    default:
      return "";
  }
}

