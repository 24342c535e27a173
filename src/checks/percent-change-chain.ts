import { CohortError, exitCodes } from "../errors.js";
import * as msg from "../messages/checks.js";
import type { CheckResult } from "../schema/check-result.js";
import { parseDecimal, roundingInterval, type RoundingMode, type ScaledInterval } from "../stats/rounding.js";
import {
  candidateRange,
  compileCandidateRange,
  compileChangeTest,
  computationLabels,
  parseDirection,
  type ChangeTest,
  type ChangeComputation,
  type Direction,
  type RangeInUnits,
} from "./change-computation.js";
import { references } from "./references.js";
import { requireFinite, requireItems, requireMode, requireWhole } from "./validate.js";

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
 * steps of `step`; the score is their mean (`scoring: "mean"`, BPI-SF style) or sum; a group mean
 * of n people is then a multiple of step/(items·n) (mean scoring) or step/n (sum scoring).
 * `precision`: the means were themselves rounded to `decimals` before the change was computed.
 */
export type MeanGrid =
  | { kind: "items"; items: number; n: number; min: number; max: number; step?: number; scoring?: "mean" | "sum"; nByTimepoint?: Record<string, number> }
  | { kind: "precision"; decimals: number; min: number; max: number };

export interface PercentChangeChainInput {
  /** Timepoint ids in time order. */
  timepoints: string[];
  changes: PercentChangeSpec[];
  grid: MeanGrid;
  rounding?: RoundingMode;
  threshold?: number;
  /** Test the alternative computations even when the usual one is consistent (default: only when it is not). */
  alwaysTestAlternatives?: boolean;
  /** How many feasible tuples to list (default 20); all are counted. */
  maxTuples?: number;
  /**
   * Most enumeration steps to start on (default DEFAULT_MAX_STEPS, a few seconds): the work is
   * estimated up front and a larger request is refused (CohortError, exit code refused) rather than
   * left running for minutes. Raise it to wait longer.
   */
  maxSteps?: number;
}

/** Default budget of enumeration steps for one call (about 0.3 µs each measured here: a few seconds). */
export const DEFAULT_MAX_STEPS = 20_000_000;

interface TimepointGrid {
  /** mean = unit · j / den; a whole number (10^decimals or items·n), kept as a number. */
  den: number;
  jMin: number;
  jMax: number;
  unit: number;
  n?: number;
}

interface Enumeration {
  count: number;
  truncated: boolean;
  tuples: Record<string, number>[];
  meansByTimepoint: Record<string, number[]>;
}

export interface ChainAlternative {
  id: string;
  label: string;
  status: "consistent" | "inconsistent" | "undetermined";
  explanation: string;
  feasibleTuples?: number;
  tuples?: Record<string, number>[];
  meansByTimepoint?: Record<string, number[]>;
}

const NODE_LIMIT = 20_000_000;

function buildGrids(input: PercentChangeChainInput, nOverride: Record<string, number> = {}): Map<string, TimepointGrid> {
  const g = input.grid;
  const out = new Map<string, TimepointGrid>();
  for (const t of input.timepoints) {
    if (g.kind === "precision") {
      const d = requireWhole("decimals", g.decimals, 0);
      if (d > 15) throw new CohortError({ message: msg.badDigits(d) });
      const p10 = 10 ** d;
      out.set(t, { den: p10, jMin: Math.ceil(g.min * p10 - 1e-9), jMax: Math.floor(g.max * p10 + 1e-9), unit: 1 });
    } else {
      const n = requireWhole(`n at ${t}`, nOverride[t] ?? g.nByTimepoint?.[t] ?? g.n, 1);
      const items = requireItems(g.items);
      const step = g.step ?? 1;
      const perPerson = g.scoring === "sum" ? 1 : items;
      const lo = Math.round((items * n * g.min) / step);
      const hi = Math.round((items * n * g.max) / step);
      out.set(t, { den: perPerson * n, jMin: lo, jMax: hi, unit: step, n });
    }
  }
  return out;
}

/** Scale range over the grid unit as an exact-enough fraction (decimals to 6 places). */
function rangeInUnits(grid: MeanGrid): RangeInUnits {
  const scoreRange = grid.kind === "items" && grid.scoring === "sum" ? grid.items * (grid.max - grid.min) : grid.max - grid.min;
  // The same unit buildGrids uses: mean = unit · j / den (precision grids put 10^decimals in den).
  const unit = grid.kind === "items" ? (grid.step ?? 1) : 1;
  return { num: BigInt(Math.round(scoreRange * 1e6)), den: BigInt(Math.round(unit * 1e6)) };
}

interface PreparedChange {
  spec: PercentChangeSpec;
  interval: ScaledInterval;
  computation: ChangeComputation;
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
 */
function estimateSteps(timepoints: string[], grids: Map<string, TimepointGrid>, changes: PreparedChange[], range: RangeInUnits): number {
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
 */
function enumerate(timepoints: string[], grids: Map<string, TimepointGrid>, changes: PreparedChange[], range: RangeInUnits, maxTuples: number): Enumeration {
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

function meanOf(g: TimepointGrid, j: number): number {
  return Math.round(((g.unit * j) / g.den) * 1e9) / 1e9;
}

function prepare(input: PercentChangeChainInput, rounding: RoundingMode, computation: ChangeComputation | ChangeComputation[]): PreparedChange[] {
  return input.changes.map((spec, i) => ({
    spec,
    interval: roundingInterval(spec.percent, rounding, input.threshold ?? 5),
    computation: Array.isArray(computation) ? computation[i]! : computation,
  }));
}

function validate(input: PercentChangeChainInput): void {
  if (input.changes.length === 0) throw new CohortError({ message: msg.noChanges() });
  for (const c of input.changes) {
    for (const t of [c.from, c.to]) if (!input.timepoints.includes(t)) throw new CohortError({ message: msg.unknownTimepoint(t, input.timepoints) });
    if (c.from === c.to) throw new CohortError({ message: msg.sameTimepoint(c.from) });
    parseDirection(c.direction);
    parseDecimal(c.percent, "percent");
  }
  const g = input.grid;
  requireFinite("min", g.min);
  requireFinite("max", g.max);
  if (g.min >= g.max) throw new CohortError({ message: msg.minAboveMax(g.min, g.max) });
}

const changeName = (c: PercentChangeSpec): string => c.id ?? `${c.from}→${c.to}`;

/**
 * Percent changes of a group mean between timepoints, one or a chain: enumerates every tuple of
 * group means on the instrument's grid consistent with all reported changes, and says whether they
 * are jointly consistent. When they are not (or on request), tries the usual alternative
 * computations — relative to the later value, percentage points of the scale range, a smaller n at
 * one timepoint (dropout), and names the one it cannot test from aggregates (mean of individual
 * changes) — listing each with its status and the means it implies. It never picks one silently.
 * Reference: Brown & Heathers (2017) on the granularity of means, doi:10.1177/1948550616673876.
 *
 * @param input.timepoints ids in time order
 * @param input.changes [{ from, to, percent (string), direction }]
 * @param input.grid item structure (items, n, min, max, step, scoring) or a reporting precision for the means
 * @param input.maxSteps budget of enumeration steps (default DEFAULT_MAX_STEPS), estimated before any is taken
 * @throws CohortError for an unknown timepoint, no changes, min ≥ max, a bad direction or percent;
 *   CohortError with exit code refused when the estimated work exceeds maxSteps
 * @example
 * percentChangeChain({ timepoints: ["t0", "t1"], changes: [{ from: "t0", to: "t1", percent: "21.88", direction: "decrease" }],
 *   grid: { kind: "items", items: 4, n: 5, min: 0, max: 10 } }).status; // => "consistent" (e.g. 3.20 → 2.50)
 */
export function percentChangeChain(input: PercentChangeChainInput): CheckResult {
  validate(input);
  const rounding = requireMode(input.rounding);
  const maxTuples = input.maxTuples ?? 20;
  const range = rangeInUnits(input.grid);
  const grids = buildGrids(input);
  const maxSteps = requireWhole("maxSteps", input.maxSteps ?? DEFAULT_MAX_STEPS, 1);
  const primaryChanges = prepare(input, rounding, "percent-of-earlier");
  // Estimate the work before doing it: the joint enumeration plus one per change.
  const steps = estimateSteps(input.timepoints, grids, primaryChanges, range) + primaryChanges.reduce((sum, c) => sum + estimateSteps(input.timepoints, grids, [c], range), 0);
  if (steps > maxSteps) {
    const points = Math.max(...[...grids.values()].map((g) => g.jMax - g.jMin + 1));
    throw new CohortError({ message: msg.chainTooMuchWork(points, steps, maxSteps) }, exitCodes.refused);
  }
  const primary = enumerate(input.timepoints, grids, primaryChanges, range, maxTuples);
  const perChange = input.changes.map((c) => {
    const alone = enumerate(input.timepoints, grids, prepare({ ...input, changes: [c] }, rounding, "percent-of-earlier"), range, 0);
    return { change: changeName(c), feasiblePairs: alone.count, meansByTimepoint: alone.meansByTimepoint };
  });
  const status = primary.truncated ? "undetermined" : primary.count > 0 ? "consistent" : "inconsistent";
  const alternatives = status !== "consistent" || input.alwaysTestAlternatives ? testAlternatives(input, rounding, range, maxTuples, maxSteps) : [];
  const rescuers = alternatives.filter((a) => a.status === "consistent").map((a) => a.id);
  const g = input.grid;
  const gridText =
    g.kind === "items"
      ? `group means are multiples of ${g.step ?? 1}/${g.scoring === "sum" ? "" : `(${g.items}×`}n${g.scoring === "sum" ? "" : ")"} on ${g.scoring === "sum" ? `${g.items * g.min}–${g.items * g.max}` : `${g.min}–${g.max}`} with n = ${g.n}${g.nByTimepoint ? " (per-timepoint n where given)" : ""}`
      : `group means reported to ${g.decimals} decimals on ${g.min}–${g.max}`;
  const names = input.changes.map(changeName).join(", ");
  const explanation =
    status === "consistent"
      ? `${primary.count} tuple${primary.count === 1 ? "" : "s"} of group means fit every change (${names}) computed as 100 × (later − earlier) / earlier`
      : status === "undetermined"
        ? `the enumeration stopped at ${NODE_LIMIT} steps; use a coarser grid`
        : `no group means on the grid fit all of ${names} together${perChange.every((p) => p.feasiblePairs > 0) ? " although each change alone is possible" : ""}; ${rescuers.length > 0 ? `consistent under: ${rescuers.join(", ")}` : "no alternative computation tried makes them consistent"}`;
  return {
    check: "percent-change-chain",
    status,
    inputs: { timepoints: input.timepoints, changes: input.changes },
    assumptions: {
      rounding,
      computation: computationLabels["percent-of-earlier"],
      grid: gridText,
      meansOf: "the same group at every timepoint unless nByTimepoint says otherwise",
    },
    explanation,
    reference: references.percentChange,
    details: {
      feasibleTuples: primary.count,
      tuples: primary.tuples,
      meansByTimepoint: primary.meansByTimepoint,
      perChange,
      alternatives,
      ...(alternatives.length > 0
        ? { caution: "Each alternative is a separate hypothesis; trying many makes a chance fit more likely, so a fit shows what the authors may have computed, not what they did." }
        : {}),
    },
  };
}

function testAlternatives(input: PercentChangeChainInput, rounding: RoundingMode, range: RangeInUnits, maxTuples: number, maxSteps: number): ChainAlternative[] {
  const out: ChainAlternative[] = [];
  const run = (id: string, label: string, computation: ChangeComputation, grids: Map<string, TimepointGrid>): void => {
    const changes = prepare(input, rounding, computation);
    const steps = estimateSteps(input.timepoints, grids, changes, range);
    if (steps > maxSteps) {
      out.push({ id, label, status: "undetermined", explanation: msg.alternativeNotRun(steps, maxSteps) });
      return;
    }
    const e = enumerate(input.timepoints, grids, changes, range, Math.min(maxTuples, 5));
    const status = e.truncated ? "undetermined" : e.count > 0 ? "consistent" : "inconsistent";
    out.push({
      id,
      label,
      status,
      explanation: status === "consistent" ? `${e.count} tuple${e.count === 1 ? "" : "s"} of group means fit` : status === "inconsistent" ? "no group means on the grid fit" : "enumeration too large",
      feasibleTuples: e.count,
      tuples: e.tuples,
      meansByTimepoint: e.meansByTimepoint,
    });
  };
  const base = buildGrids(input);
  run("percent-of-later", computationLabels["percent-of-later"], "percent-of-later", base);
  run("percentage-points", computationLabels["percentage-points"], "percentage-points", base);
  const g = input.grid;
  if (g.kind === "items") {
    const used = input.timepoints.filter((t) => input.changes.some((c) => c.from === t || c.to === t));
    for (const t of used) {
      const nt = g.nByTimepoint?.[t] ?? g.n;
      for (const drop of [1, 2]) {
        if (nt - drop < 1) continue;
        run(`n-${drop}-at-${t}`, `n = ${nt - drop} instead of ${nt} at ${t} (dropout or a missing answer), usual percent change`, "percent-of-earlier", buildGrids(input, { [t]: nt - drop }));
      }
    }
  }
  if (g.kind === "items") {
    for (const decimals of [2, 3]) {
      const loose = buildGrids({ ...input, grid: { kind: "precision", decimals, min: g.scoring === "sum" ? g.items * g.min : g.min, max: g.scoring === "sum" ? g.items * g.max : g.max } });
      run(
        `means-off-grid-${decimals}dp`,
        `group means not on the n-person item grid (missing item answers, an unreported n) but rounded to ${decimals} decimals before the change was computed`,
        "percent-of-earlier",
        loose,
      );
    }
  }
  out.push({
    id: "mean-of-individual-changes",
    label: "mean of each patient's own percent change instead of the change of the group means",
    status: "undetermined",
    explanation:
      "not tested: a mean of individual percent changes is not determined by the group means (it need not equal the change of the means, nor chain multiplicatively across timepoints), so group-level numbers cannot rule it out; only patient-level data could",
  });
  return out;
}
