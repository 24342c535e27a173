import { CohortError, exitCodes } from "../errors.js";
import * as msg from "../messages/checks.js";
import type { CheckResult } from "../schema/check-result.js";
import { parseDecimal, type RoundingMode } from "../stats/rounding.js";
import { parseStep, stepValue } from "../stats/step.js";
import { testAlternatives } from "./chain-alternatives.js";
import { buildGrids, enumerate, estimateSteps, NODE_LIMIT, pinGrids, prepare, rangeInUnits, type MeanGrid, type MeanPin, type PercentChangeSpec } from "./chain-enumeration.js";
import { computationLabels, parseDirection } from "./change-computation.js";
import { references } from "./references.js";
import { requireFinite, requireMode, requireWhole } from "./validate.js";

// The check's public types live with the machinery that reads them; importers keep one address.
export type { ChainAlternative } from "./chain-alternatives.js";
export type { MeanGrid, MeanPin, PercentChangeSpec } from "./chain-enumeration.js";

export interface PercentChangeChainInput {
  /** Timepoint ids in time order. */
  timepoints: string[];
  changes: PercentChangeSpec[];
  grid: MeanGrid;
  /**
   * Group means the study reports at timepoints of the chain: the chain's mean at each must round to
   * it, so the grid there shrinks to the means in its rounding interval (same rounding as the changes).
   */
  pins?: MeanPin[];
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

function validate(input: PercentChangeChainInput): void {
  if (input.changes.length === 0) throw new CohortError({ message: msg.noChanges() });
  for (const c of input.changes) {
    for (const t of [c.from, c.to]) if (!input.timepoints.includes(t)) throw new CohortError({ message: msg.unknownTimepoint(t, input.timepoints) });
    if (c.from === c.to) throw new CohortError({ message: msg.sameTimepoint(c.from) });
    parseDirection(c.direction);
    parseDecimal(c.percent, "percent");
  }
  for (const pin of input.pins ?? []) {
    if (!input.timepoints.includes(pin.timepoint)) throw new CohortError({ message: msg.unknownTimepoint(pin.timepoint, input.timepoints) });
    parseDecimal(pin.mean, "mean");
  }
  const g = input.grid;
  requireFinite("min", g.min);
  requireFinite("max", g.max);
  if (g.min >= g.max) throw new CohortError({ message: msg.minAboveMax(g.min, g.max) });
  // A negative step mirrors the grid and silently flips verdicts; 0 divides by zero.
  let stepSize = 1;
  let stepDen = 1;
  if (g.kind === "items" && g.step !== undefined) {
    if (typeof g.step === "number" && !(Number.isFinite(g.step) && g.step > 0)) throw new CohortError({ message: msg.stepNotPositive(g.step) });
    stepSize = typeof g.step === "number" ? g.step : stepValue(parseStep(g.step, "step"));
  }
  // Grid indices, and the scale range and step in millionths, must stay exact in a double: refuse a
  // grid past 2^53 (e.g. --max 1e308, --step 1e308) as too large, rather than fail inside.
  const maxN = g.kind === "items" ? Math.max(g.n, ...Object.values(g.nByTimepoint ?? {})) : 1;
  const perUnit = g.kind === "items" ? (g.items * maxN) / stepSize : 10 ** g.decimals;
  const indices = Math.max(Math.abs(g.min), Math.abs(g.max)) * perUnit;
  const millionths = Math.max(g.max - g.min, stepSize) * 1e6;
  if (Number.isFinite(perUnit) && !(indices <= Number.MAX_SAFE_INTEGER && millionths <= Number.MAX_SAFE_INTEGER)) throw new CohortError({ message: msg.gridTooWide(Math.max(indices, millionths / 1e6)) }, exitCodes.refused);
  // An exact fractional step (e.g. "1/999999999") puts its denominator into every grid's: keep that exact too.
  if (g.kind === "items" && g.step !== undefined) stepDen = parseStep(g.step, "step").den;
  const scaled = Math.max(Math.abs(g.min), Math.abs(g.max), 1) * (g.kind === "items" ? g.items * maxN * stepDen : 1);
  if (!(scaled <= Number.MAX_SAFE_INTEGER)) throw new CohortError({ message: msg.gridTooWide(scaled) }, exitCodes.refused);
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
  const threshold = input.threshold ?? 5;
  const maxTuples = input.maxTuples ?? 20;
  const range = rangeInUnits(input.grid);
  // Only pins at timepoints the changes touch constrain anything; the others are not listed as pinning it.
  const touched = new Set(input.changes.flatMap((c) => [c.from, c.to]));
  const pins = (input.pins ?? []).filter((p) => touched.has(p.timepoint));
  const grids = pinGrids(buildGrids(input), pins, rounding, threshold);
  const maxSteps = requireWhole("maxSteps", input.maxSteps ?? DEFAULT_MAX_STEPS, 1);
  const primaryChanges = prepare(input, rounding, threshold, "percent-of-earlier");
  // Estimate the work before doing it: the joint enumeration plus one per change.
  const steps = estimateSteps(input.timepoints, grids, primaryChanges, range) + primaryChanges.reduce((sum, c) => sum + estimateSteps(input.timepoints, grids, [c], range), 0);
  if (steps > maxSteps) {
    const points = Math.max(...[...grids.values()].map((g) => g.jMax - g.jMin + 1));
    throw new CohortError({ message: msg.chainTooMuchWork(points, steps, maxSteps) }, exitCodes.refused);
  }
  const primary = enumerate(input.timepoints, grids, primaryChanges, range, maxTuples);
  const perChange = input.changes.map((c) => {
    const alone = enumerate(input.timepoints, grids, prepare({ changes: [c] }, rounding, threshold, "percent-of-earlier"), range, 0);
    return { change: changeName(c), feasiblePairs: alone.count, meansByTimepoint: alone.meansByTimepoint };
  });
  const status = primary.truncated ? "undetermined" : primary.count > 0 ? "consistent" : "inconsistent";
  const alternatives = status !== "consistent" || input.alwaysTestAlternatives ? testAlternatives({ ...input, pins }, rounding, threshold, range, maxTuples, maxSteps) : [];
  const rescuers = alternatives.filter((a) => a.status === "consistent").map((a) => a.id);
  const g = input.grid;
  const gridText =
    g.kind === "items"
      ? `group means are multiples of ${g.step ?? 1}/${g.scoring === "sum" ? "" : `(${g.items}×`}n${g.scoring === "sum" ? "" : ")"} on ${g.scoring === "sum" ? `${g.items * g.min}–${g.items * g.max}` : `${g.min}–${g.max}`} with n = ${g.n}${g.nByTimepoint ? " (per-timepoint n where given)" : ""}`
      : `group means reported to ${g.decimals} decimals on ${g.min}–${g.max}`;
  const names = input.changes.map(changeName).join(", ");
  const pinText = pins.length === 0 ? "" : ` with the group mean pinned to the reported ${pins.map((p) => `${p.mean} at ${p.timepoint}`).join(", ")}`;
  const explanation =
    status === "consistent"
      ? `${primary.count} tuple${primary.count === 1 ? "" : "s"} of group means fit every change (${names}) computed as 100 × (later − earlier) / earlier${pinText}`
      : status === "undetermined"
        ? `the enumeration stopped at ${NODE_LIMIT} steps; use a coarser grid`
        : `no group means on the grid fit all of ${names} together${pinText}${perChange.every((p) => p.feasiblePairs > 0) ? " although each change alone is possible" : ""}; ${rescuers.length > 0 ? `consistent under: ${rescuers.join(", ")}` : "no alternative computation tried makes them consistent"}`;
  return {
    check: "percent-change-chain",
    status,
    inputs: { timepoints: input.timepoints, changes: input.changes },
    assumptions: {
      rounding,
      computation: computationLabels["percent-of-earlier"],
      grid: gridText,
      meansOf: "the same group at every timepoint unless nByTimepoint says otherwise",
      ...(pins.length > 0 ? { pinnedBy: Object.fromEntries(pins.map((p) => [p.timepoint, `${p.id ?? "reported mean"} = ${p.mean}`])) } : {}),
    },
    explanation,
    reference: references.percentChange,
    details: {
      feasibleTuples: primary.count,
      tuples: primary.tuples,
      meansByTimepoint: primary.meansByTimepoint,
      ...(pins.length > 0 ? { pins } : {}),
      perChange,
      alternatives,
      ...(alternatives.length > 0
        ? { caution: "Each alternative is a separate hypothesis; trying many makes a chance fit more likely, so a fit shows what the authors may have computed, not what they did." }
        : {}),
    },
  };
}
