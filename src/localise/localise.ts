import { CohortError, exitCodes } from "../errors.js";
import * as msg from "../messages/localise.js";
import { priorOf, slipPriors, type SlipPrior } from "./priors.js";
import type { Figure, LocalisationProblem, Reading, ReadingOutcome, SlipKind } from "./reading.js";

/** One set of figures whose other reading makes every figure of the problem consistent. */
export interface Explanation {
  /** How many figures it changes (1 or 2). */
  size: number;
  readings: { figure: string; figureLabel: string; printed: string; slip: SlipKind; label: string; corrected?: string }[];
  /** Product of the readings' slip weights (priors.ts): ranks explanations of the same size. */
  prior: number;
  /** "if psycholytic-severity-s3-s6 (+24.56%) was computed relative to the later value" */
  sentence: string;
  outcome: ReadingOutcome;
}

/** What the localiser found for one problem. */
export interface Localisation {
  check: string;
  subject: string[];
  figures: Figure[];
  /** `consistent`: nothing to explain; `explained`: smallest explanations found; `unexplained`: none up to maxSize. */
  status: "consistent" | "explained" | "unexplained";
  /** Size of the smallest explanations, or null. */
  smallestSize: number | null;
  /** Every explanation of the smallest size, best prior first. */
  explanations: Explanation[];
  /** Exactly one smallest explanation. */
  unique: boolean;
  /** Sets of readings tested at each size (size 0 is the figures as printed). */
  tried: { size: number; readingSets: number }[];
  /** Every reading that was available, per figure (what was tried). */
  readingsTried: { figure: string; slips: SlipKind[] }[];
  /** The priors of the slips that appear among the explanations, with their sources. */
  priors: Partial<Record<SlipKind, SlipPrior>>;
  /** Work units spent (the problem's own unit: enumeration steps, totals tried…). */
  work: number;
}

export interface LocaliseOptions {
  /** Largest explanation searched (default 2). */
  maxSize?: number;
  /** Most work units to start on (default DEFAULT_LOCALISE_BUDGET); estimated per size before it runs. */
  budget?: number;
}

/**
 * Default budget in estimated work units. The chain estimate is a loose upper bound (it takes every
 * candidate range at its widest): measured here, 176 million estimated units of a six-change chain ran
 * in 14 ms and 1.8 million in 20–50 ms (tests/bench/localise.bench.ts), so this refuses only searches
 * whose bound is large, which is the point of estimating first.
 */
export const DEFAULT_LOCALISE_BUDGET = 500_000_000;

/** Work charged per test on top of the problem's estimate: building grids, intervals, outcomes. */
const PER_TEST = 200;

/** Every choice of `size` distinct figures and one reading for each, in figure order then reading order. */
function* readingSets<P>(byFigure: Reading<P>[][], size: number, start = 0, prefix: Reading<P>[] = []): Generator<Reading<P>[]> {
  if (prefix.length === size) {
    yield prefix;
    return;
  }
  for (let f = start; f < byFigure.length; f++) for (const r of byFigure[f]!) yield* readingSets(byFigure, size, f + 1, [...prefix, r]);
}

/**
 * Localises an inconsistency: finds the smallest sets of figures whose other reading (another
 * computation, another denominator, a slip of the pen, an SE printed for an SD…) makes every figure
 * consistent. Tests the figures as printed, then every single figure under each of its readings, then
 * (only if no single figure explains it) every pair; returns all explanations of the smallest size,
 * ranked by their slips' priors. Exhaustive: the work of each size is estimated first and refused
 * (CohortError, exit code refused) past the budget, never cut short silently.
 * Why: the commonest slip is one figure computed differently from the rest; trying one alternative on
 * every figure at once misses it. No peer names the odd figure out (statcheck flags a line, scrutiny a value).
 *
 * @param problem the figures, their readings and the test (chainProblem, compositionProblem, meanSdProblem…)
 * @param options.maxSize largest set of figures tried (default 2)
 * @param options.budget work units (default DEFAULT_LOCALISE_BUDGET)
 * @throws CohortError with exit code refused when a size's estimated work would pass the budget
 * @example
 * localise(chainProblem(psycholyticChain)).explanations[0].sentence;
 * // => "if psycholytic-severity-s3-s6 (+24.56%) was computed relative to the later value" (study B)
 */
export function localise<P>(problem: LocalisationProblem<P>, options: LocaliseOptions = {}): Localisation {
  const maxSize = options.maxSize ?? 2;
  const budget = options.budget ?? DEFAULT_LOCALISE_BUDGET;
  const figureIds = problem.figures.map((f) => f.id);
  const byFigure = figureIds.map((id) => problem.readings.filter((r) => r.figure === id));
  const base: Omit<Localisation, "status" | "smallestSize" | "explanations" | "unique" | "priors"> = {
    check: problem.check,
    subject: problem.subject,
    figures: problem.figures,
    tried: [],
    readingsTried: figureIds.map((id, i) => ({ figure: id, slips: [...new Set(byFigure[i]!.map((r) => r.slip))] })),
    work: 0,
  };
  let work = problem.cost([]) + PER_TEST;
  const asPrinted = problem.test([]);
  base.tried.push({ size: 0, readingSets: 1 });
  if (asPrinted.status !== "inconsistent") return { ...base, work, status: "consistent", smallestSize: null, explanations: [], unique: false, priors: {} };
  for (let size = 1; size <= Math.min(maxSize, figureIds.length); size++) {
    let estimate = 0;
    let sets = 0;
    for (const set of readingSets(byFigure, size)) {
      estimate += problem.cost(set) + PER_TEST;
      sets++;
    }
    if (work + estimate > budget) throw new CohortError({ message: msg.localiseTooMuchWork(problem.check, size, sets, work + estimate, budget) }, exitCodes.refused);
    const found: Explanation[] = [];
    for (const set of readingSets(byFigure, size)) {
      const outcome = problem.test(set);
      if (outcome.status === "consistent") found.push(explanation(problem.figures, set, outcome));
    }
    work += estimate;
    base.tried.push({ size, readingSets: sets });
    if (found.length > 0) {
      // Stable: equal priors keep figure order, then reading order.
      const ranked = found.map((e, i) => ({ e, i })).sort((a, b) => b.e.prior - a.e.prior || a.i - b.i).map((x) => x.e);
      const slips = new Set(ranked.flatMap((e) => e.readings.map((r) => r.slip)));
      return { ...base, work, status: "explained", smallestSize: size, explanations: ranked, unique: ranked.length === 1, priors: Object.fromEntries([...slips].map((s) => [s, slipPriors[s]])) };
    }
  }
  return { ...base, work, status: "unexplained", smallestSize: null, explanations: [], unique: false, priors: {} };
}

function explanation<P>(figures: Figure[], set: readonly Reading<P>[], outcome: ReadingOutcome): Explanation {
  const readings = set.map((r) => {
    const f = figures.find((x) => x.id === r.figure)!;
    const corrected = outcome.corrected[r.figure];
    return { figure: r.figure, figureLabel: f.label, printed: f.printed, slip: r.slip, label: r.label, ...(corrected !== undefined ? { corrected } : {}) };
  });
  return {
    size: set.length,
    readings,
    prior: priorOf(set.map((r) => r.slip)),
    sentence: `if ${readings.map((r) => `${r.figureLabel} ${r.label}`).join(" and ")}`,
    outcome,
  };
}
