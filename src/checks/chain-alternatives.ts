import * as msg from "../messages/checks.js";
import type { RoundingMode } from "../stats/rounding.js";
import { buildGrids, enumerate, estimateSteps, pinGrids, prepare, type ReportedChain, type TimepointGrid } from "./chain-enumeration.js";
import { computationLabels, type ChangeComputation, type RangeInUnits } from "./change-computation.js";

/** One other way the reported changes may have been computed, and whether group means on the grid fit it. */
export interface ChainAlternative {
  id: string;
  label: string;
  status: "consistent" | "inconsistent" | "undetermined";
  explanation: string;
  feasibleTuples?: number;
  tuples?: Record<string, number>[];
  meansByTimepoint?: Record<string, number[]>;
}

/**
 * The usual alternative computations of a chain of percent changes, each enumerated on its own:
 * relative to the later value, percentage points of the scale range, and on items grids n − 1 and
 * n − 2 at each timepoint (dropout) and means off the item grid rounded to 2 or 3 decimals; plus the
 * mean of individual changes, listed as untestable from group means. Why all of them: a chain that
 * fails the usual computation is not impossible until the common other readings fail too. Each one
 * whose estimated work exceeds maxSteps is listed as undetermined instead of run.
 *
 * @param threshold the rounding threshold of the reported percents (for the `*_from` modes)
 * @param maxTuples how many fitting tuples to list per alternative (at most 5)
 * @example
 * const chain = { timepoints: ["t0", "t1"], changes: [{ from: "t0", to: "t1", percent: "25.00", direction: "decrease" as const }], grid: { kind: "precision" as const, decimals: 1, min: 0, max: 10 } };
 * testAlternatives(chain, "up_or_down", 5, rangeInUnits(chain.grid), 1, 20_000_000)[0];
 * // => { id: "percent-of-later", status: "consistent", feasibleTuples: 20, tuples: [{ t0: 0.5, t1: 0.4 }], … } (hand: 0.1/0.4 = 25%)
 */
export function testAlternatives(chain: ReportedChain, rounding: RoundingMode, threshold: number, range: RangeInUnits, maxTuples: number, maxSteps: number): ChainAlternative[] {
  const out: ChainAlternative[] = [];
  const run = (id: string, label: string, computation: ChangeComputation, unpinned: Map<string, TimepointGrid>): void => {
    // Reported means pin every alternative too: a reading must still reproduce the printed means.
    const grids = pinGrids(unpinned, chain.pins, rounding, threshold);
    const changes = prepare(chain, rounding, threshold, computation);
    const steps = estimateSteps(chain.timepoints, grids, changes, range);
    if (steps > maxSteps) {
      out.push({ id, label, status: "undetermined", explanation: msg.alternativeNotRun(steps, maxSteps) });
      return;
    }
    const e = enumerate(chain.timepoints, grids, changes, range, Math.min(maxTuples, 5));
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
  const base = buildGrids(chain);
  run("percent-of-later", computationLabels["percent-of-later"], "percent-of-later", base);
  run("percentage-points", computationLabels["percentage-points"], "percentage-points", base);
  const g = chain.grid;
  if (g.kind === "items") {
    const used = chain.timepoints.filter((t) => chain.changes.some((c) => c.from === t || c.to === t));
    for (const t of used) {
      const nt = g.nByTimepoint?.[t] ?? g.n;
      for (const drop of [1, 2]) {
        if (nt - drop < 1) continue;
        run(`n-${drop}-at-${t}`, `n = ${nt - drop} instead of ${nt} at ${t} (dropout or a missing answer), usual percent change`, "percent-of-earlier", buildGrids(chain, { [t]: nt - drop }));
      }
    }
  }
  if (g.kind === "items") {
    for (const decimals of [2, 3]) {
      const loose = buildGrids({ ...chain, grid: { kind: "precision", decimals, min: g.scoring === "sum" ? g.items * g.min : g.min, max: g.scoring === "sum" ? g.items * g.max : g.max } });
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
