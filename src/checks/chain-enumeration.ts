import { CohortError } from "../errors.js";
import * as msg from "../messages/checks.js";
import { integersInInterval, roundingInterval, type RoundingMode, type ScaledInterval } from "../stats/rounding.js";
import { candidateRange, compileCandidateRange, compileChangeTest, type ChangeComputation, type ChangeTest, type Direction, type RangeInUnits } from "./change-computation.js";
import { parseStep, stepRange, WHOLE, type Step } from "../stats/step.js";
import { requireItems, requireWhole } from "./validate.js";

/** One reported percent change of a group mean between two timepoints. */
export interface PercentChangeSpec {
  from: string;
  to: string;
  /** Magnitude as reported, a string to keep trailing zeros ("21.88"). */
  percent: string;
  direction: Direction;
  /** A name for the change in results (default `from→to`). */
  id?: string;
}

/**
 * The grid of possible group means. `items`: each person answers `items` items scored min…max in
 * steps of `step` (any positive rational: 50, 0.5, "100/3"); the score is their mean (`scoring: "mean"`,
 * BPI-SF style) or sum; a group mean of n people is then a multiple of step/(items·n) (mean scoring)
 * or step/n (sum scoring), kept exact as unit·j/den with whole unit and den.
 * `precision`: the means were themselves rounded to `decimals` before the change was computed.
 */
export type MeanGrid =
  | { kind: "items"; items: number; n: number; min: number; max: number; step?: number | string | Step; scoring?: "mean" | "sum"; nByTimepoint?: Record<string, number> }
  | { kind: "precision"; decimals: number; min: number; max: number };

/** A group mean the study reports at one timepoint of a chain: the chain's mean there must round to it. */
export interface MeanPin {
  timepoint: string;
  /** As reported, a string to keep trailing zeros ("4.40"). */
  mean: string;
  /** A name for the pin in results (the reported mean's id). */
  id?: string;
}

/** The part of a chain check's input that fixes what is enumerated: which timepoints, which changes, which grid. */
export interface ReportedChain {
  timepoints: string[];
  changes: PercentChangeSpec[];
  grid: MeanGrid;
  /** Reported group means at some timepoints: each restricts that timepoint's grid to its rounding interval. */
  pins?: MeanPin[];
}

/** The group means possible at one timepoint: mean = unit · j / den for every whole j in jMin…jMax. */
export interface TimepointGrid {
  /** A whole number (10^decimals, or items·n times the item step's denominator), kept as a number. */
  den: number;
  jMin: number;
  jMax: number;
  /** A whole number: 1, or the item step's numerator (step 50 → 50; step 100/3 → 100). */
  unit: number;
  n?: number;
}

/** A reported change made ready to test: its rounding interval and the computation assumed for it. */
export interface PreparedChange {
  spec: PercentChangeSpec;
  interval: ScaledInterval;
  computation: ChangeComputation;
}

/** What an enumeration found: every fitting tuple counted, the first few listed, and each timepoint's means over all of them. */
export interface Enumeration {
  count: number;
  /** The enumeration gave up after NODE_LIMIT steps: the count is a lower bound. */
  truncated: boolean;
  tuples: Record<string, number>[];
  meansByTimepoint: Record<string, number[]>;
}

/** Steps after which one enumeration gives up (a safety net: the up-front estimate should refuse such work first). */
export const NODE_LIMIT = 20_000_000;

/**
 * The grid of means at each timepoint. `nOverride` replaces n at some timepoints, for the dropout
 * alternatives (items grids only).
 *
 * @example
 * buildGrids({ timepoints: ["t0"], changes: [], grid: { kind: "items", items: 4, n: 5, min: 0, max: 10 } }).get("t0");
 * // => { den: 20, jMin: 0, jMax: 200, unit: 1, n: 5 }
 */
export function buildGrids(chain: Pick<ReportedChain, "timepoints" | "grid">, nOverride: Record<string, number> = {}): Map<string, TimepointGrid> {
  const g = chain.grid;
  const out = new Map<string, TimepointGrid>();
  for (const t of chain.timepoints) {
    if (g.kind === "precision") {
      const d = requireWhole("decimals", g.decimals, 0);
      if (d > 15) throw new CohortError({ message: msg.badDigits(d) });
      const p10 = 10 ** d;
      out.set(t, { den: p10, jMin: Math.ceil(g.min * p10 - 1e-9), jMax: Math.floor(g.max * p10 + 1e-9), unit: 1 });
    } else {
      const n = requireWhole(`n at ${t}`, nOverride[t] ?? g.nByTimepoint?.[t] ?? g.n, 1);
      const items = requireItems(g.items);
      const step = gridStep(g);
      const perPerson = g.scoring === "sum" ? 1 : items;
      // j counts item steps over everyone: the group's mean item score, step·j/(items·n), lies within min…max.
      const j = stepRange(g.min, g.max, { num: step.num, den: step.den * items * n });
      out.set(t, { den: perPerson * n * step.den, jMin: j.kMin, jMax: j.kMax, unit: step.num, n });
    }
  }
  return out;
}

/**
 * The grids narrowed by reported group means: at a pinned timepoint only the means that round to the
 * reported one remain (exact: mean = unit · j / den, compared as whole numbers). Why: a chain anchored
 * to a printed baseline mean has far fewer solutions than the grid alone allows, often one.
 *
 * @example
 * const grids = buildGrids({ timepoints: ["t0"], grid: { kind: "items", items: 4, n: 5, min: 0, max: 10 } });
 * pinGrids(grids, [{ timepoint: "t0", mean: "6.4" }], "up_or_down", 5).get("t0"); // => { den: 20, jMin: 127, jMax: 129, unit: 1, n: 5 } (6.35, 6.40, 6.45)
 */
export function pinGrids(grids: Map<string, TimepointGrid>, pins: readonly MeanPin[] | undefined, rounding: RoundingMode, threshold: number): Map<string, TimepointGrid> {
  if (!pins || pins.length === 0) return grids;
  const out = new Map(grids);
  for (const pin of pins) {
    const g = out.get(pin.timepoint);
    if (g) out.set(pin.timepoint, narrowGrid(g, roundingInterval(pin.mean, rounding, threshold)));
  }
  return out;
}

/**
 * One timepoint's grid narrowed to the means inside an interval, exactly.
 *
 * @example
 * narrowGrid({ den: 20, jMin: 0, jMax: 200, unit: 1 }, roundingInterval("6.4")); // => { den: 20, jMin: 127, jMax: 129, unit: 1 }
 */
export function narrowGrid(g: TimepointGrid, interval: ScaledInterval): TimepointGrid {
  // mean = unit·j/den with whole unit and den, so j·unit lies in interval·den: whole numbers throughout.
  const k = integersInInterval(interval, g.den);
  return { ...g, jMin: Math.max(g.jMin, Math.ceil(k.first / g.unit)), jMax: Math.min(g.jMax, Math.floor(k.last / g.unit)) };
}

/** The item step of an items grid as an exact fraction (default 1). */
export function gridStep(grid: MeanGrid): Step {
  return grid.kind === "items" && grid.step !== undefined ? parseStep(grid.step, "step") : WHOLE;
}

/**
 * The scale range over the grid unit as an exact-enough fraction (decimals to 6 places), for the
 * percentage-points computation.
 *
 * @example
 * rangeInUnits({ kind: "items", items: 4, n: 5, min: 0, max: 10 }); // => { num: 10000000n, den: 1000000n }
 */
export function rangeInUnits(grid: MeanGrid): RangeInUnits {
  const scoreRange = grid.kind === "items" && grid.scoring === "sum" ? grid.items * (grid.max - grid.min) : grid.max - grid.min;
  // The same unit buildGrids uses: mean = unit · j / den, unit the item step's numerator (precision grids: 1).
  const unit = gridStep(grid).num;
  return { num: BigInt(Math.round(scoreRange * 1e6)), den: BigInt(unit) * 1_000_000n };
}

/**
 * Each reported change with the interval it was rounded from and the computation to assume (one
 * for all, or one per change).
 *
 * @example
 * prepare({ changes: [{ from: "t0", to: "t1", percent: "21.88", direction: "decrease" }] }, "up_or_down", 5, "percent-of-earlier")[0].interval;
 * // => { den: 1000, lo: 21875, hi: 21885, loIn: true, hiIn: true }
 */
export function prepare(chain: Pick<ReportedChain, "changes">, rounding: RoundingMode, threshold: number, computation: ChangeComputation | ChangeComputation[]): PreparedChange[] {
  return chain.changes.map((spec, i) => ({
    spec,
    interval: roundingInterval(spec.percent, rounding, threshold),
    computation: Array.isArray(computation) ? computation[i]! : computation,
  }));
}

/** The timepoints the changes touch, in visiting order: each next one linked by a change to one before it (BFS); new components restart. */
function visitOrder(timepoints: string[], changes: PreparedChange[]): { used: string[]; order: string[]; link: Map<string, PreparedChange | null> } {
  const used = timepoints.filter((t) => changes.some((c) => c.spec.from === t || c.spec.to === t));
  const order: string[] = [];
  const link = new Map<string, PreparedChange | null>();
  for (const start of used) {
    if (order.includes(start)) continue;
    order.push(start);
    link.set(start, null);
    for (let i = order.length - 1; i < order.length; i++) {
      const t = order[i]!;
      for (const c of changes) {
        const other = c.spec.from === t ? c.spec.to : c.spec.to === t ? c.spec.from : null;
        if (other !== null && !order.includes(other)) {
          order.push(other);
          link.set(other, c);
        }
      }
    }
  }
  return { used, order, link };
}

/**
 * Estimated steps of one enumeration, before running it: the grid points of the first timepoint times,
 * for each further timepoint, the candidates one change leaves it (taken at the largest mean of the
 * timepoint it is linked to, where the candidate range is widest), summed over the depths.
 * An estimate of the same order as the real count, computed in time linear in the timepoints.
 *
 * @example
 * const chain = { timepoints: ["t0", "t1"], changes: [{ from: "t0", to: "t1", percent: "21.88", direction: "decrease" as const }], grid: { kind: "items" as const, items: 4, n: 5, min: 0, max: 10 } };
 * estimateSteps(chain.timepoints, buildGrids(chain), prepare(chain, "up_or_down", 5, "percent-of-earlier"), rangeInUnits(chain.grid)); // => 1005 (201 means at t0, 4 candidates at t1 for each)
 */
export function estimateSteps(timepoints: string[], grids: Map<string, TimepointGrid>, changes: PreparedChange[], range: RangeInUnits): number {
  const { order, link } = visitOrder(timepoints, changes);
  let total = 0;
  let layer = 1;
  for (const t of order) {
    const g = grids.get(t)!;
    const points = Math.max(0, g.jMax - g.jMin + 1);
    const l = link.get(t);
    let width = points;
    if (l) {
      const forward = l.spec.to === t;
      const knownGrid = grids.get(forward ? l.spec.from : l.spec.to)!;
      const widest = Math.max(Math.abs(knownGrid.jMin), Math.abs(knownGrid.jMax), 1);
      // Through BigInt as before, so a grid whose j overflows to Infinity (a huge min or max times
      // 10^decimals) still fails here with the same RangeError.
      const [a, b] = candidateRange({ j: BigInt(widest), den: BigInt(knownGrid.den) }, BigInt(g.den), l.interval, l.spec.direction, l.computation, range, !forward);
      width = Math.min(points, Math.max(1, b - a + 1));
    }
    // A second component is enumerated inside every tuple of the first, so the layers multiply on.
    layer *= width;
    total += layer;
  }
  return total;
}

/** One change tested once both its timepoints are fixed: their places in the visiting order. */
interface CompiledCheck {
  from: number;
  to: number;
  test: ChangeTest;
}

/** How a timepoint's candidates follow from the one timepoint (earlier in the visiting order) it is linked to. */
interface CompiledLink {
  known: number;
  /** The known mean is the base of a relative change: no candidate fits unless it is positive. */
  knownMustBePositive: boolean;
  /** The sought mean is the base of a relative change: only positive whole numbers can fit. */
  soughtMustBePositive: boolean;
  candidates: (k: number) => [number, number];
}

/** One depth of the enumeration: a timepoint, its grid, the link that narrows it, and the checks it completes. */
interface Level {
  grid: TimepointGrid;
  link: CompiledLink | null;
  checks: CompiledCheck[];
}

/**
 * Everything the enumeration needs per depth, worked out once: grids, links and change tests by
 * place in the visiting order, so the inner loop reads arrays of numbers instead of maps of BigInt.
 */
function compileLevels(order: string[], link: Map<string, PreparedChange | null>, grids: Map<string, TimepointGrid>, changes: PreparedChange[], range: RangeInUnits): Level[] {
  const place = new Map(order.map((t, i) => [t, i]));
  return order.map((t, i) => {
    const grid = grids.get(t)!;
    const checks = changes
      .filter((c) => (c.spec.from === t || c.spec.to === t) && place.get(c.spec.from === t ? c.spec.to : c.spec.from)! < i)
      .map((c) => ({
        from: place.get(c.spec.from)!,
        to: place.get(c.spec.to)!,
        test: compileChangeTest(grids.get(c.spec.from)!.den, grids.get(c.spec.to)!.den, c.interval, c.spec.direction, c.computation, range),
      }));
    const l = link.get(t);
    if (!l) return { grid, link: null, checks };
    const forward = l.spec.to === t;
    const knownId = forward ? l.spec.from : l.spec.to;
    // A change relative to a mean is undefined unless that mean is positive (the test gives false):
    // skip a non-positive base outright instead of trying every candidate against it.
    const base = l.computation === "percent-of-earlier" ? "from" : l.computation === "percent-of-later" ? "to" : null;
    const knownIsBase = base !== null && (forward ? base === "from" : base === "to");
    return {
      grid,
      checks,
      link: {
        known: place.get(knownId)!,
        knownMustBePositive: knownIsBase,
        soughtMustBePositive: base !== null && !knownIsBase,
        candidates: compileCandidateRange(grids.get(knownId)!.den, grid.den, l.interval, l.spec.direction, l.computation, range, !forward),
      },
    };
  });
}

/**
 * Enumerates every tuple of grid means (one per timepoint that a change touches) satisfying all
 * changes exactly. Depth-first along the changes: each new timepoint's candidates come from a
 * change linking it to one already fixed, then every change among fixed timepoints is tested exactly.
 *
 * @param maxTuples how many fitting tuples to list; all are counted
 * @example
 * const chain = { timepoints: ["t0", "t1"], changes: [{ from: "t0", to: "t1", percent: "21.88", direction: "decrease" as const }], grid: { kind: "items" as const, items: 4, n: 5, min: 0, max: 10 } };
 * enumerate(chain.timepoints, buildGrids(chain), prepare(chain, "up_or_down", 5, "percent-of-earlier"), rangeInUnits(chain.grid), 1);
 * // => { count: 6, truncated: false, tuples: [{ t0: 1.6, t1: 1.25 }], meansByTimepoint: { t0: [1.6, 3.2, 4.8, 6.4, 8, 9.6], t1: [1.25, 2.5, 3.75, 5, 6.25, 7.5] } }
 */
export function enumerate(timepoints: string[], grids: Map<string, TimepointGrid>, changes: PreparedChange[], range: RangeInUnits, maxTuples: number): Enumeration {
  const { used, order, link } = visitOrder(timepoints, changes);
  const levels = compileLevels(order, link, grids, changes, range);
  // The whole number j fixed at each depth, by place in the visiting order.
  const assigned = new Array<number>(order.length).fill(0);
  const seen = order.map(() => new Set<number>());
  const result: Enumeration = { count: 0, truncated: false, tuples: [], meansByTimepoint: {} };
  let nodes = 0;

  const visit = (i: number): void => {
    if (result.truncated) return;
    if (i === order.length) {
      result.count += 1;
      for (let k = 0; k < order.length; k++) seen[k]!.add(assigned[k]!);
      if (result.tuples.length < maxTuples) result.tuples.push(Object.fromEntries(order.map((t, k) => [t, meanOf(levels[k]!.grid, assigned[k]!)])));
      return;
    }
    const { grid, link: l, checks } = levels[i]!;
    let lo = grid.jMin;
    let hi = grid.jMax;
    if (l) {
      const known = assigned[l.known]!;
      if (l.knownMustBePositive && known <= 0) return;
      if (l.soughtMustBePositive) lo = Math.max(lo, 1);
      const [a, b] = l.candidates(known);
      lo = Math.max(lo, a);
      hi = Math.min(hi, b);
    }
    // + 0 turns a −0 (Math.ceil of a tiny negative bound) into 0, as the round trip through BigInt
    // did before, so no −0 reaches the listed means.
    for (let j = lo + 0; j <= hi; j++) {
      if (++nodes > NODE_LIMIT) {
        result.truncated = true;
        return;
      }
      assigned[i] = j;
      if (allHold(checks, assigned)) visit(i + 1);
    }
  };
  visit(0);
  for (const t of used) {
    const k = order.indexOf(t);
    result.meansByTimepoint[t] = [...seen[k]!].sort((a, b) => a - b).map((j) => meanOf(levels[k]!.grid, j));
  }
  return result;
}

function allHold(checks: CompiledCheck[], assigned: number[]): boolean {
  for (const c of checks) if (!c.test(assigned[c.from]!, assigned[c.to]!)) return false;
  return true;
}

/** The listed mean of whole number j, to 9 decimals so that float noise (0.30000000000000004) does not show. */
function meanOf(g: TimepointGrid, j: number): number {
  return Math.round(((g.unit * j) / g.den) * 1e9) / 1e9;
}
