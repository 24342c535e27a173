import { CohortError } from "../errors.js";
import * as message from "../messages/inference.js";
import { MAX_NONCENTRALITY, tQuantile } from "./distributions.js";
import { twoSidedPower } from "./power.js";
import { tDesignShape, type SampleSizes, type TDesign } from "./t-design.js";
import { requireAlpha, requireFiniteResult, requirePower } from "./validate.js";
import { remembered } from "../stats/remembered.js";

/** Minimal detectable effect of a design, with the quantities that produced it. */
export interface MdeResult {
  design: TDesign;
  n: number[];
  alpha: number;
  power: number;
  df: number;
  criticalT: number;
  /** Smallest standardised effect (d, or dz for paired) detected with the requested power. */
  mde: number;
  ncp: number;
}

/**
 * Minimal detectable effect (MDE): the smallest standardised effect a two-sided t-test detects with
 * the requested power at the given sample size.
 *
 * Why: it turns "n = 5 per arm" into a statement a reader can weigh — only effects of about two
 * standard deviations were detectable. Solved by bisection on the noncentrality, which is valid
 * because two-sided power rises monotonically with |ncp| (both tails counted, as in G*Power).
 *
 * Reference: Cohen J (1988) Statistical Power Analysis for the Behavioral Sciences, 2nd ed., ch. 2;
 * Bloom HS (1995) Minimum detectable effects. Evaluation Review 19:547–556, doi:10.1177/0193841X9501900504.
 *
 * @param design "two-group", "paired" or "one-sample"
 * @param n per-group size or [n1, n2] (two-group); pairs (paired); n (one-sample); each ≥ 2
 * @param targetPower requested power, default 0.80; must lie in (alpha, 1)
 * @param alpha two-sided significance level, default 0.05
 * @throws {CohortError} on bad sizes, alpha or power, if the MDE lies beyond noncentrality 37, or if
 *   the critical t or the MDE is not finite in double precision
 * @example
 * mde("two-group", [5, 5]).mde; // => 2.0244...
 */
export function mde(design: TDesign, n: SampleSizes, targetPower = 0.8, alpha = 0.05): MdeResult {
  const result = solved(design, n, targetPower, alpha);
  return { ...result, n: [...result.n] };
}

// A pure function of its four arguments whose bisection costs 120 noncentral-t evaluations; a report
// asks for the same design many times (power chart, every test over reconstructions). Callers get copies.
const solved = remembered(256, (design: TDesign, n: SampleSizes, targetPower: number, alpha: number) => `${design}|${String(n)}|${targetPower}|${alpha}`, solveMde);

function solveMde(design: TDesign, n: SampleSizes, targetPower: number, alpha: number): MdeResult {
  requireAlpha(alpha);
  requirePower(targetPower, alpha);
  const shape = tDesignShape(design, n);
  const criticalT = tQuantile(1 - alpha / 2, shape.df);
  const inputs = (): string => `n ${shape.n.join(",")}, power ${targetPower}, alpha ${alpha}`;
  requireFiniteResult([criticalT, twoSidedPower(criticalT, shape.df, MAX_NONCENTRALITY)], () => message.powerNotComputable("minimal detectable effect", design, inputs()));
  const powerAt = (ncp: number): number => twoSidedPower(criticalT, shape.df, ncp);
  if (powerAt(MAX_NONCENTRALITY) < targetPower) throw new CohortError({ message: message.noncentralityTooLarge(MAX_NONCENTRALITY) });
  let low = 0;
  let high = MAX_NONCENTRALITY;
  // 60 halvings of [0, 37] leave an interval below 1e-16 wide: the full double precision of ncp.
  for (let step = 0; step < 60; step += 1) {
    const middle = (low + high) / 2;
    if (powerAt(middle) < targetPower) low = middle;
    else high = middle;
  }
  const detectable = high / shape.ncpPerEffect;
  requireFiniteResult([detectable], () => message.powerNotComputable("minimal detectable effect", design, inputs()));
  return { design, n: shape.n, alpha, power: targetPower, df: shape.df, criticalT, mde: detectable, ncp: high };
}
