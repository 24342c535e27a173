import { fUpperTail } from "../inference/distributions.js";
import type { ReportedNumber } from "../stats/reported-number.js";
import type { ReportedP } from "../stats/reported-p.js";
import { compareP, type SignificanceOptions } from "./p-verdict.js";

/** What the sphericity-corrected reading of a repeated-measures F gives. */
export interface SphericityReading {
  /** The lowest ε tried: 1/(k − 1) = 1/df1, the Greenhouse–Geisser lower bound. */
  epsilonLow: number;
  /** Smallest and largest p over ε in [1/df1, 1] and the statistic's rounding interval. */
  pRange: [number, number];
  fits: boolean;
  /** The ε (to two decimals) at which the printed F gives the printed p, when one does. */
  epsilon: number[];
}

/** Points of the first sweep over ε; the extremes are then refined by golden-section search. */
const SWEEP = 400;

function pAt(f: number, df1: number, df2: number, epsilon: number): number {
  return fUpperTail(f, epsilon * df1, epsilon * df2);
}

/** The least (sign 1) or greatest (sign −1) of p(ε) on [lo, 1]: a sweep, then golden-section search around the best point. */
function extreme(p: (e: number) => number, lo: number, sign: 1 | -1): number {
  let best = lo;
  let bestValue = sign * p(lo);
  const h = (1 - lo) / SWEEP;
  for (let i = 1; i <= SWEEP; i++) {
    const e = lo + i * h;
    const v = sign * p(e);
    if (v < bestValue) [best, bestValue] = [e, v];
  }
  let a = Math.max(lo, best - h);
  let b = Math.min(1, best + h);
  const g = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 60; i++) {
    const c = b - g * (b - a);
    const d = a + g * (b - a);
    if (sign * p(c) < sign * p(d)) b = d;
    else a = c;
  }
  return sign * Math.min(bestValue, sign * p((a + b) / 2));
}

/**
 * The sphericity-corrected reading of a repeated-measures F(df1, df2): a correction such as
 * Greenhouse–Geisser's multiplies both df by ε, 1/(k − 1) ≤ ε ≤ 1 with k = df1 + 1 levels, and leaves F
 * unchanged, so the p a paper prints may be that of F(ε·df1, ε·df2) for an ε the paper does not give.
 * Returns the attainable p over every ε in that range and every F that rounds to the printed one (p is
 * continuous in both, so the attainable set is one interval: its ends are the least p at the largest F
 * and the greatest p at the smallest F, each over ε), whether the printed p fits, and the ε at which
 * the printed F gives the printed p. Note that p need not rise as ε falls: for F < 1 it falls.
 * Reference: Greenhouse SW, Geisser S (1959) Psychometrika 24:95–112, doi:10.1007/BF02289823;
 * Box GEP (1954) Ann Math Stat 25:290–302 (ε ≥ 1/(k − 1)).
 *
 * @example
 * // Wurz et al. 2023, single leg balance (left): F = 2.056, n = 20, three timepoints → F(2, 38), printed p = .167.
 * sphericityPReading(reportedNumber("2.056"), 2, 38, parseReportedP("p = .167")).epsilon; // => [0.52] (colleague's scipy: 0.522)
 */
export function sphericityPReading(statistic: ReportedNumber, df1: number, df2: number, p: ReportedP, options: SignificanceOptions = {}): SphericityReading {
  const epsilonLow = 1 / df1;
  const fLow = Math.max(0, statistic.lower);
  const fHigh = statistic.upper;
  const low = extreme((e) => pAt(fHigh, df1, df2, e), epsilonLow, 1);
  const high = extreme((e) => pAt(fLow, df1, df2, e), epsilonLow, -1);
  const comparison = compareP(low, high, p, options);
  return { epsilonLow, pRange: [low, high], fits: comparison.fits, epsilon: comparison.fits ? epsilonsFor(statistic.value, df1, df2, p.number.value, epsilonLow) : [] };
}

/** Every ε (to two decimals) in [lo, 1] where p(F, ε) crosses the printed p: sign changes of a sweep, then bisection. */
function epsilonsFor(f: number, df1: number, df2: number, target: number, lo: number): number[] {
  const out: number[] = [];
  const g = (e: number) => pAt(f, df1, df2, e) - target;
  const h = (1 - lo) / SWEEP;
  let previous = g(lo);
  for (let i = 1; i <= SWEEP; i++) {
    const e = lo + i * h;
    const value = g(e);
    if (previous === 0 || Math.sign(value) !== Math.sign(previous)) {
      let a = e - h;
      let b = e;
      for (let k = 0; k < 60; k++) {
        const m = (a + b) / 2;
        if (Math.sign(g(m)) === Math.sign(g(a))) a = m;
        else b = m;
      }
      const root = Number(((a + b) / 2).toFixed(2));
      if (!out.includes(root)) out.push(root);
    }
    previous = value;
  }
  return out;
}
