import { chainPins } from "../../checks/chain-pins.js";
import { percentChangeChain, type ChainAlternative, type PercentChangeSpec } from "../../checks/percent-change-chain.js";
import { chainProblem, type ChainProblemInput } from "../../localise/chain-problem.js";
import { localise, type Explanation } from "../../localise/localise.js";
import type { Instrument } from "../../schema/instrument.js";
import type { PercentChange } from "../../schema/reported-value.js";
import type { Study } from "../../schema/study.js";
import type { PatientGroup } from "./groups.js";

/** How a chain of percent changes was made consistent, when it was. */
export interface ChainUse {
  status: "consistent" | "inconsistent" | "undetermined";
  used: "primary" | "explanation" | "alternative" | "subset" | "none";
  /** With `explanation`: the unique smallest explanation the localiser found, which the tuples follow. */
  explanation?: { sentence: string; corrected: string[] };
  /** Every smallest explanation the localiser found (the one used and the others), as sentences. */
  explanations?: string[];
  /** With `subset`: how many different subsets of this size fit (reconstructions cycle through them). */
  subsetsOfThisSize?: number;
  /** Alternatives that fit but leave the full-n item grid (dropout, off-grid means), so patient rows cannot follow them. */
  offGrid?: string[];
  alternative?: { id: string; label: string };
  kept: string[];
  dropped: string[];
  feasibleTuples: number;
}

/** Alternative computations (ids from percentChangeChain) that keep group means on the full-n item grid. */
const ON_GRID_ALTERNATIVES = new Set(["percent-of-later", "percentage-points"]);

const changeId = (c: PercentChange): string => `${c.from}→${c.to} (${c.direction === "decrease" ? "−" : "+"}${c.percent}%)`;

/**
 * Group-mean tuples for one group's percent changes on one instrument, from the checks engine's
 * `percentChangeChain` (pinned by the study's reported means): the usual computation if it fits;
 * else the unique smallest explanation the localiser finds, when it keeps every patient on the
 * full-n item grid (a figure computed another way or misprinted, not a missing patient or an
 * off-grid mean); else the first alternative that keeps patients on the grid; else the largest
 * subsets of the changes that fit (the `subsetIndex`-th of them, cycling); else none. Which was used
 * is returned so it can be said, with every smallest explanation listed.
 * Reference: Brown & Heathers (2017), doi:10.1177/1948550616673876.
 *
 * @param study the study (timepoint order)
 * @param instrument the instrument (grid: items, item range, scoring)
 * @param unit the group (its size is n)
 * @param changes the group's reported percent changes on the instrument
 * @param subsetIndex which equally large consistent subset to use
 * @example
 * chainTuples(studyB, bpiSeverity, psycholytic, changes, 0).use.explanation.sentence;
 * // => "if psycholytic-severity-s3-s6 (+24.56%) was computed relative to the later value"
 */
export function chainTuples(study: Study, instrument: Instrument, unit: PatientGroup, changes: PercentChange[], subsetIndex: number): { tuples: Record<string, number>[]; use: ChainUse } {
  const timepoints = [...study.design.timepoints].sort((a, b) => a.order - b.order).map((t) => t.id);
  const pins = changes.length > 0 ? chainPins(study, changes[0]!) : [];
  const grid = { kind: "items" as const, items: instrument.items, n: unit.size, min: instrument.itemMin, max: instrument.itemMax, scoring: instrument.scoring, ...(instrument.itemStep !== undefined ? { step: instrument.itemStep } : {}) };
  const run = (subset: PercentChange[]) =>
    percentChangeChain({
      timepoints,
      changes: subset.map((c): PercentChangeSpec => ({ from: c.from, to: c.to, percent: c.percent, direction: c.direction, id: c.id })),
      grid,
      ...(pins.length > 0 ? { pins } : {}),
      maxTuples: 5000,
    });
  const all = run(changes);
  const details = all.details as { feasibleTuples: number; tuples: Record<string, number>[]; alternatives: ChainAlternative[] };
  const ids = changes.map(changeId);
  // Too large to enumerate: trying alternatives and subsets would only repeat the search.
  if (all.status === "undetermined") return { tuples: [], use: { status: "undetermined", used: "none", kept: [], dropped: ids, feasibleTuples: 0 } };
  if (all.status === "consistent") return { tuples: details.tuples, use: { status: "consistent", used: "primary", kept: ids, dropped: [], feasibleTuples: details.feasibleTuples } };
  // The localiser: which figure(s) read another way make the chain consistent.
  const input: ChainProblemInput = { timepoints, changes: changes.map((c) => ({ from: c.from, to: c.to, percent: c.percent, direction: c.direction, id: c.id })), grid, ...(pins.length > 0 ? { pins } : {}), listTuples: 5000 };
  const found = localiseQuietly(input);
  const explanations = found.map((e) => e.sentence);
  const best = found.length === 1 ? found[0]! : undefined;
  if (best && best.readings.every((r) => r.slip !== "missing-patients" && r.slip !== "off-grid")) {
    const d = best.outcome.details as { feasibleTuples: number; tuples: Record<string, number>[] };
    return {
      tuples: d.tuples,
      use: { status: all.status, used: "explanation", explanation: { sentence: best.sentence, corrected: best.readings.map((r) => `${r.printed} → ${r.corrected ?? r.printed}`) }, explanations, kept: ids, dropped: [], feasibleTuples: d.feasibleTuples },
    };
  }
  // Only alternatives that keep every patient on the instrument's grid at full n can carry patient rows.
  const rescue = details.alternatives.find((a) => ON_GRID_ALTERNATIVES.has(a.id) && a.status === "consistent" && (a.tuples?.length ?? 0) > 0);
  const offGrid = details.alternatives.filter((a) => !ON_GRID_ALTERNATIVES.has(a.id) && a.status === "consistent").map((a) => a.label);
  if (rescue) {
    return {
      tuples: rescue.tuples ?? [],
      use: { status: all.status, used: "alternative", ...(explanations.length > 0 ? { explanations } : {}), alternative: { id: rescue.id, label: rescue.label }, kept: ids, dropped: [], feasibleTuples: rescue.feasibleTuples ?? 0 },
    };
  }
  // Largest subsets of the changes that hold together under the usual computation.
  const k = changes.length;
  for (let size = k - 1; size >= 1; size--) {
    const fits: { subset: PercentChange[]; tuples: Record<string, number>[]; count: number }[] = [];
    for (let mask = 1; mask < 1 << k; mask++) {
      if (popcount(mask) !== size) continue;
      const subset = changes.filter((_, i) => mask & (1 << i));
      const r = run(subset);
      const d = r.details as { feasibleTuples: number; tuples: Record<string, number>[] };
      if (r.status === "consistent") fits.push({ subset, tuples: d.tuples, count: d.feasibleTuples });
    }
    if (fits.length > 0) {
      const pick = fits[subsetIndex % fits.length]!;
      return {
        tuples: pick.tuples,
        use: { status: all.status, used: "subset", ...(explanations.length > 0 ? { explanations } : {}), subsetsOfThisSize: fits.length, offGrid, kept: pick.subset.map(changeId), dropped: changes.filter((c) => !pick.subset.includes(c)).map(changeId), feasibleTuples: pick.count },
      };
    }
  }
  return { tuples: [], use: { status: all.status, used: "none", offGrid, kept: [], dropped: ids, feasibleTuples: 0 } };
}

/** The smallest explanations of a chain, or none when the search is over budget (the fallbacks then apply). */
function localiseQuietly(input: ChainProblemInput): Explanation[] {
  try {
    return localise(chainProblem(input)).explanations;
  } catch (error) {
    if (error instanceof Error && "exitCode" in error && error.exitCode === 3) return [];
    throw error;
  }
}

function popcount(x: number): number {
  let c = 0;
  for (let v = x; v; v &= v - 1) c++;
  return c;
}
