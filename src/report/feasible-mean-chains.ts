import { percentChangeChain, type ChainAlternative, type MeanPin } from "../checks/percent-change-chain.js";
import { chainProblem } from "../localise/chain-problem.js";
import { localise, type Explanation } from "../localise/localise.js";
import type { CheckResult } from "../schema/check-result.js";
import type { Instrument } from "../schema/instrument.js";
import type { PercentChange } from "../schema/reported-value.js";

/** Every feasible chain of group means for one group's reported percent changes, and the computation it assumes. */
export interface FeasibleMeanChains {
  /** The usual-computation check (status, explanation, alternatives). */
  check: CheckResult;
  /** The chains drawn: under the usual computation, or under `alternative` when the usual one has none. */
  chains: Array<Record<string, number>>;
  /** The alternative the chains come from, when the usual computation has no chain and no unique explanation. */
  alternative?: ChainAlternative;
  /** The unique smallest explanation the chains follow, when the usual computation has no chain. */
  explanation?: Explanation;
  /** Every smallest explanation the localiser found (when the usual computation has no chain). */
  explanations?: Explanation[];
  /** True when the chains are a listed subset of the feasible ones (the alternative lists only a few). */
  partial: boolean;
}

/** Upper bound on chains listed for a chart; a chart of more lines shows nothing more. */
export const MAX_CHAINS = 5000;

/**
 * Feasible chains of group means for one group on one instrument, for charts: the tuples
 * `percentChangeChain` enumerates under the usual computation (on the instrument's item grid for
 * a group of n, pinned by any reported means), or, when none exist, under the unique smallest
 * explanation the localiser finds, or else under the first alternative computation that has some. An
 * off-grid alternative (means rounded to d decimals) is re-enumerated in full on that grid; others
 * keep the few tuples the check lists. Why here: a chart needs every chain, a check only a few.
 * Reference: Brown & Heathers (2017), doi:10.1177/1948550616673876
 *
 * @param changes the group's reported percent changes on one instrument
 * @param instrument its definition (items, item range, scoring)
 * @param n the group size
 * @param timepoints timepoint ids in time order
 * @example
 * feasibleMeanChains([psychedelicSeverity], bpiSeverity, 5, ["baseline", "after-s6"]).chains.length; // => 6
 */
export function feasibleMeanChains(changes: readonly PercentChange[], instrument: Instrument, n: number, timepoints: readonly string[], pins: readonly MeanPin[] = []): FeasibleMeanChains {
  const specs = changes.map((c) => ({ id: c.id, from: c.from, to: c.to, percent: c.percent, direction: c.direction }));
  const grid = { kind: "items" as const, items: instrument.items, n, min: instrument.itemMin, max: instrument.itemMax, scoring: instrument.scoring };
  const pinned = pins.length > 0 ? { pins: [...pins] } : {};
  const check = percentChangeChain({ timepoints: [...timepoints], changes: specs, grid, ...pinned, maxTuples: MAX_CHAINS });
  const details = check.details as { feasibleTuples: number; tuples: Array<Record<string, number>>; alternatives: ChainAlternative[] };
  if (check.status === "consistent") return { check, chains: details.tuples, partial: details.feasibleTuples > details.tuples.length };
  const explanations = smallestExplanations({ timepoints: [...timepoints], changes: specs, grid, ...pinned, listTuples: MAX_CHAINS });
  const listed = explanations.length > 0 ? { explanations } : {};
  if (explanations.length === 1) {
    const d = explanations[0]!.outcome.details as { feasibleTuples: number; tuples: Array<Record<string, number>> };
    return { check, chains: d.tuples, explanation: explanations[0]!, ...listed, partial: d.feasibleTuples > d.tuples.length };
  }
  const alternative = details.alternatives.find((a) => a.status === "consistent");
  if (!alternative) return { check, chains: [], ...listed, partial: false };
  const offGrid = /^means-off-grid-(\d+)dp$/.exec(alternative.id);
  if (offGrid) {
    const scoreMin = instrument.scoring === "sum" ? instrument.items * instrument.itemMin : instrument.itemMin;
    const scoreMax = instrument.scoring === "sum" ? instrument.items * instrument.itemMax : instrument.itemMax;
    const rerun = percentChangeChain({ timepoints: [...timepoints], changes: specs, grid: { kind: "precision", decimals: Number(offGrid[1]), min: scoreMin, max: scoreMax }, maxTuples: MAX_CHAINS });
    const rerunDetails = rerun.details as { feasibleTuples: number; tuples: Array<Record<string, number>> };
    return { check, chains: rerunDetails.tuples, alternative, ...listed, partial: rerunDetails.feasibleTuples > rerunDetails.tuples.length };
  }
  return { check, chains: alternative.tuples ?? [], alternative, ...listed, partial: (alternative.feasibleTuples ?? 0) > (alternative.tuples?.length ?? 0) };
}

/** The localiser's smallest explanations of a chain, or none when its search is over budget. */
function smallestExplanations(input: Parameters<typeof chainProblem>[0]): Explanation[] {
  try {
    return localise(chainProblem(input)).explanations;
  } catch (error) {
    if (error instanceof Error && "exitCode" in error && error.exitCode === 3) return [];
    throw error;
  }
}
