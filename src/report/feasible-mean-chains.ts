import { percentChangeChain, type ChainAlternative } from "../checks/percent-change-chain.js";
import type { CheckResult } from "../schema/check-result.js";
import type { Instrument } from "../schema/instrument.js";
import type { PercentChange } from "../schema/reported-value.js";

/** Every feasible chain of group means for one group's reported percent changes, and the computation it assumes. */
export interface FeasibleMeanChains {
  /** The usual-computation check (status, explanation, alternatives). */
  check: CheckResult;
  /** The chains drawn: under the usual computation, or under `alternative` when the usual one has none. */
  chains: Array<Record<string, number>>;
  /** The alternative the chains come from, when the usual computation has no chain. */
  alternative?: ChainAlternative;
  /** True when the chains are a listed subset of the feasible ones (the alternative lists only a few). */
  partial: boolean;
}

/** Upper bound on chains listed for a chart; a chart of more lines shows nothing more. */
export const MAX_CHAINS = 5000;

/**
 * Feasible chains of group means for one group on one instrument, for charts: the tuples
 * `percentChangeChain` enumerates under the usual computation (on the instrument's item grid for
 * a group of n), or, when none exist, under the first alternative computation that has some. An
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
export function feasibleMeanChains(changes: readonly PercentChange[], instrument: Instrument, n: number, timepoints: readonly string[]): FeasibleMeanChains {
  const specs = changes.map((c) => ({ id: c.id, from: c.from, to: c.to, percent: c.percent, direction: c.direction }));
  const check = percentChangeChain({
    timepoints: [...timepoints],
    changes: specs,
    grid: { kind: "items", items: instrument.items, n, min: instrument.itemMin, max: instrument.itemMax, scoring: instrument.scoring },
    maxTuples: MAX_CHAINS,
  });
  const details = check.details as { feasibleTuples: number; tuples: Array<Record<string, number>>; alternatives: ChainAlternative[] };
  if (check.status === "consistent") return { check, chains: details.tuples, partial: details.feasibleTuples > details.tuples.length };
  const alternative = details.alternatives.find((a) => a.status === "consistent");
  if (!alternative) return { check, chains: [], partial: false };
  const offGrid = /^means-off-grid-(\d+)dp$/.exec(alternative.id);
  if (offGrid) {
    const scoreMin = instrument.scoring === "sum" ? instrument.items * instrument.itemMin : instrument.itemMin;
    const scoreMax = instrument.scoring === "sum" ? instrument.items * instrument.itemMax : instrument.itemMax;
    const rerun = percentChangeChain({ timepoints: [...timepoints], changes: specs, grid: { kind: "precision", decimals: Number(offGrid[1]), min: scoreMin, max: scoreMax }, maxTuples: MAX_CHAINS });
    const rerunDetails = rerun.details as { feasibleTuples: number; tuples: Array<Record<string, number>> };
    return { check, chains: rerunDetails.tuples, alternative, partial: rerunDetails.feasibleTuples > rerunDetails.tuples.length };
  }
  return { check, chains: alternative.tuples ?? [], alternative, partial: (alternative.feasibleTuples ?? 0) > (alternative.tuples?.length ?? 0) };
}
