import { buildGrids, enumerate, estimateSteps, gridStep, narrowGrid, rangeInUnits, type PreparedChange, type ReportedChain, type TimepointGrid } from "../checks/chain-enumeration.js";
import { computationLabels, type ChangeComputation } from "../checks/change-computation.js";
import { parseDecimal, roundingInterval, type RoundingMode } from "../stats/rounding.js";
import { digitSlips } from "./digit-slips.js";
import type { Figure, LocalisationProblem, Reading, ReadingOutcome } from "./reading.js";

/** What one reading of a chain's figure changes. */
export type ChainReading =
  | { kind: "computation"; computation: Exclude<ChangeComputation, "percent-of-earlier"> }
  | { kind: "truncated" }
  | { kind: "printed"; value: string }
  | { kind: "n"; n: number }
  | { kind: "off-grid"; decimals: number };

export interface ChainProblemInput extends ReportedChain {
  rounding?: RoundingMode;
  threshold?: number;
  /** Ids of the study's reported values, for the result (default: the changes' and pins' ids). */
  subject?: string[];
  /** Tuples of group means listed per fitting test (default 50; all are counted). */
  listTuples?: number;
}

/** Tuples listed per test by default: enough to say what the means and the corrected figures are. */
const LISTED = 50;

const changeId = (c: ReportedChain["changes"][number]): string => c.id ?? `${c.from}→${c.to}`;
const signed = (c: { direction: string; percent: string }): string => `${c.direction === "decrease" ? "−" : "+"}${c.percent}%`;
const groupFigure = (t: string): string => `group@${t}`;
const pinFigure = (p: { id?: string; timepoint: string }): string => p.id ?? `mean@${p.timepoint}`;

/**
 * A chain of reported percent changes (with any reported means that pin it) as a localisation
 * problem. Figures: each change; each reported mean; and, on an item grid, the group mean at each
 * timepoint (as printed: the mean of n complete scores). Readings: a change computed relative to the
 * later value or in percentage points of the scale, truncated instead of rounded, or misprinted by one
 * digit; a reported mean truncated or misprinted; one or two patients missing at a timepoint, or the
 * mean there off the item grid (rounded to 2 or 3 decimals). Every test is the exact enumeration of
 * percentChangeChain on the readings' grids and intervals.
 *
 * @example
 * localise(chainProblem({ timepoints, changes: psycholytic, grid: { kind: "items", items: 4, n: 5, min: 0, max: 10 } })).smallestSize; // => 1
 */
export function chainProblem(input: ChainProblemInput): LocalisationProblem<ChainReading> {
  const rounding = input.rounding ?? "up_or_down";
  const threshold = input.threshold ?? 5;
  const touched = input.timepoints.filter((t) => input.changes.some((c) => c.from === t || c.to === t));
  const pins = (input.pins ?? []).filter((p) => touched.includes(p.timepoint));
  const g = input.grid;
  const figures: Figure[] = [
    ...input.changes.map((c) => ({ id: changeId(c), label: `${changeId(c)} (${signed(c)})`, printed: signed(c) })),
    ...pins.map((p) => ({ id: pinFigure(p), label: `the reported mean ${p.mean} at ${p.timepoint}`, printed: p.mean })),
    ...(g.kind === "items" ? touched.map((t) => ({ id: groupFigure(t), label: `the group mean at ${t}`, printed: `mean of n = ${g.nByTimepoint?.[t] ?? g.n} complete scores on the item grid` })) : []),
  ];
  const readings: Reading<ChainReading>[] = [];
  for (const c of input.changes) {
    const figure = changeId(c);
    readings.push({ figure, slip: "percent-of-later", label: "was computed relative to the later value", params: { kind: "computation", computation: "percent-of-later" } });
    readings.push({ figure, slip: "percentage-points", label: "is percentage points of the scale range, not percent", params: { kind: "computation", computation: "percentage-points" } });
    readings.push({ figure, slip: "truncated", label: "was truncated instead of rounded", params: { kind: "truncated" } });
    for (const d of digitSlips(c.percent)) {
      if (c.direction === "decrease" && Number(d.value) > 100) continue;
      readings.push({ figure, slip: d.slip, label: `is a misprint of ${signed({ direction: c.direction, percent: d.value })}`, params: { kind: "printed", value: d.value } });
    }
  }
  for (const p of pins) {
    const figure = pinFigure(p);
    readings.push({ figure, slip: "truncated", label: "was truncated instead of rounded", params: { kind: "truncated" } });
    for (const d of digitSlips(p.mean)) readings.push({ figure, slip: d.slip, label: `is a misprint of ${d.value}`, params: { kind: "printed", value: d.value } });
  }
  if (g.kind === "items") {
    for (const t of touched) {
      const n = g.nByTimepoint?.[t] ?? g.n;
      for (const drop of [1, 2]) if (n - drop >= 1) readings.push({ figure: groupFigure(t), slip: "missing-patients", label: `is of n = ${n - drop} (${drop} patient${drop === 1 ? "" : "s"} missing there)`, params: { kind: "n", n: n - drop } });
      // A precision grid's unit is 1: only an item step of 1 shares it (the change test compares j/den).
      if (gridStep(g).num === 1) for (const decimals of [2, 3]) readings.push({ figure: groupFigure(t), slip: "off-grid", label: `is off the item grid (a mean rounded to ${decimals} decimals: missing item answers or an unreported n)`, params: { kind: "off-grid", decimals } });
    }
  }

  const range = rangeInUnits(g);
  const setUp = (set: readonly Reading<ChainReading>[]) => {
    const of = (figure: string) => set.find((r) => r.figure === figure)?.params;
    const nOverride: Record<string, number> = {};
    for (const t of touched) {
      const r = of(groupFigure(t));
      if (r?.kind === "n") nOverride[t] = r.n;
    }
    const grids: Map<string, TimepointGrid> = buildGrids(input, nOverride);
    for (const t of touched) {
      const r = of(groupFigure(t));
      if (r?.kind === "off-grid") {
        const p10 = 10 ** r.decimals;
        const lo = g.kind === "items" && g.scoring === "sum" ? g.items * g.min : g.min;
        const hi = g.kind === "items" && g.scoring === "sum" ? g.items * g.max : g.max;
        grids.set(t, { den: p10, jMin: Math.ceil(lo * p10 - 1e-9), jMax: Math.floor(hi * p10 + 1e-9), unit: 1 });
      }
    }
    for (const p of pins) {
      const r = of(pinFigure(p));
      const interval = r?.kind === "truncated" ? roundingInterval(p.mean, "trunc", threshold) : roundingInterval(r?.kind === "printed" ? r.value : p.mean, rounding, threshold);
      grids.set(p.timepoint, narrowGrid(grids.get(p.timepoint)!, interval));
    }
    const changes: PreparedChange[] = input.changes.map((c) => {
      const r = of(changeId(c));
      const spec = r?.kind === "printed" ? { ...c, percent: r.value } : c;
      return {
        spec,
        interval: roundingInterval(spec.percent, r?.kind === "truncated" ? "trunc" : rounding, threshold),
        computation: r?.kind === "computation" ? r.computation : "percent-of-earlier",
      };
    });
    return { grids, changes };
  };

  return {
    check: "percent-change-chain",
    subject: input.subject ?? [...input.changes.map(changeId), ...pins.map(pinFigure)],
    figures,
    readings,
    cost(set) {
      const { grids, changes } = setUp(set);
      return estimateSteps(input.timepoints, grids, changes, range);
    },
    test(set): ReadingOutcome {
      const { grids, changes } = setUp(set);
      const e = enumerate(input.timepoints, grids, changes, range, input.listTuples ?? LISTED);
      const status = e.truncated ? "undetermined" : e.count > 0 ? "consistent" : "inconsistent";
      const corrected: Record<string, string> = {};
      if (status === "consistent") {
        for (const r of set) corrected[r.figure] = correctedFigure(r, input, pins, e.tuples);
      }
      return {
        status,
        solutions: e.count,
        implies: status === "consistent" ? [fittingMeans(e.count, touched, e.tuples, e.meansByTimepoint)] : [],
        corrected,
        details: { feasibleTuples: e.count, tuples: e.tuples, meansByTimepoint: e.meansByTimepoint },
      };
    },
  };
}

/** A mean as people read it: up to 3 decimals, no trailing zeros. */
const showMean = (m: number): string => String(Math.round(m * 1000) / 1000);

/**
 * What the fitting group means are, read as people read a trajectory: with few solutions, each tuple in
 * timepoint order (so 2.95 → 3.2 belong together); with many, the range at each timepoint, because a
 * list of hundreds of tuples says nothing and the per-timepoint range is what bounds the data.
 */
export function fittingMeans(count: number, timepoints: string[], tuples: Record<string, number>[], meansByTimepoint: Record<string, number[]>): string {
  const head = `${count} tuple${count === 1 ? "" : "s"} of group means fit`;
  if (count <= 4 && tuples.length === count) {
    return `${head} (${timepoints.join(" → ")}): ${tuples.map((tuple) => timepoints.map((t) => showMean(tuple[t]!)).join(" → ")).join("; ")}`;
  }
  return `${head}: ${timepoints.map((t) => `${t} ${listMeans(meansByTimepoint[t] ?? [])}`).join("; ")}`;
}

function listMeans(means: number[]): string {
  if (means.length <= 4) return means.map(showMean).join(", ");
  return `${showMean(means[0]!)}–${showMean(means[means.length - 1]!)} (${means.length} values)`;
}

/** The figure as the paper should have printed it under the usual reading, from the listed solutions. */
function correctedFigure(r: Reading<ChainReading>, input: ChainProblemInput, pins: NonNullable<ReportedChain["pins"]>, tuples: Record<string, number>[]): string {
  const p = r.params;
  if (p.kind === "n") return `n = ${p.n}`;
  if (p.kind === "off-grid") return `a mean to ${p.decimals} decimals`;
  const change = input.changes.find((c) => changeId(c) === r.figure);
  if (change) {
    if (p.kind === "printed") return signed({ direction: change.direction, percent: p.value });
    const digits = parseDecimal(change.percent).digits;
    const values = [...new Set(tuples.filter((t) => t[change.from]! > 0).map((t) => usualChange(t[change.from]!, t[change.to]!, digits)))];
    return values.length === 0 ? "undefined (an earlier mean of 0)" : values.length <= 3 ? values.join(" or ") : `${values[0]} … ${values[values.length - 1]} (${values.length} values)`;
  }
  const pin = pins.find((x) => pinFigure(x) === r.figure)!;
  if (p.kind === "printed") return p.value;
  const digits = parseDecimal(pin.mean).digits;
  const values = [...new Set(tuples.map((t) => t[pin.timepoint]!.toFixed(digits)))];
  return values.length <= 3 ? values.join(" or ") : `${values[0]} … ${values[values.length - 1]}`;
}

/** 100·(later − earlier)/earlier printed to `digits` places with its sign. */
function usualChange(from: number, to: number, digits: number): string {
  const v = (100 * (to - from)) / from;
  return `${v < 0 ? "−" : "+"}${Math.abs(v).toFixed(digits)}%`;
}

export { computationLabels };
