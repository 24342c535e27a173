import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import { CohortError } from "../errors.js";
import * as message from "../messages/bounds.js";

/** The expected regression to the mean of a group selected for extreme entry scores. */
export interface RegressionToTheMean {
  /** Mean of the population the group was selected from, solved from the selected group's mean. */
  populationMean: number;
  /** (cut-off − population mean) / SD. */
  z: number;
  /** The selected group's expected mean distance from the population mean, in SDs: φ(z)/(1 − Φ(z)) above a cut-off. */
  selectionRatio: number;
  /** Expected change at retest with no treatment effect at all: a fall for selection above, a rise for selection below. */
  expectedChange: number;
}

const SQRT_2PI = Math.sqrt(2 * Math.PI);
const phi = (z: number): number => Math.exp(-0.5 * z * z) / SQRT_2PI;

/** φ(z)/(1 − Φ(z)): the mean of a standard normal truncated below at z (the inverse Mills ratio). */
function truncatedMeanAbove(z: number): number {
  return phi(z) / normalCdf(-z, 0, 1);
}

/**
 * Expected regression to the mean when people enter a study only if their score is beyond a
 * cut-off (e.g. "PHQ-9 ≥ 10"), with no treatment at all. Scores are modelled as normal in the
 * population screened (mean μ, SD σ) and two measurements correlate ρ (test–retest). Barnett's
 * formula gives the expected fall of the selected group's mean:
 *
 *   RTM = σ (1 − ρ) φ(z) / (1 − Φ(z)),   z = (c − μ) / σ   (selection at or above c)
 *
 * which equals (1 − ρ)(x̄_selected − μ). The population mean μ is rarely known, so it is solved
 * from the selected group's reported mean: x̄_selected = μ + σ φ(z)/(1 − Φ(z)), which rises with μ
 * and is solved by bisection. For selection at or below c the formula is mirrored.
 *
 * Reference: Barnett AG, van der Pols JC, Dobson AJ (2005) Regression to the mean: what it is and
 * how to deal with it. Int J Epidemiol 34:215–220, doi:10.1093/ije/dyh299.
 *
 * @param cutoff the entry bound on the continuous scale (for whole-number scores "≥ 10", 9.5)
 * @param selectedMean the selected group's mean at entry
 * @param sd the population SD (> 0)
 * @param reliability test–retest correlation ρ, 0 ≤ ρ ≤ 1
 * @param side "above" for a minimum entry score, "below" for a maximum
 * @throws {CohortError} if sd ≤ 0, ρ is outside [0, 1], or the selected mean is not beyond the cut-off
 * @example
 * regressionToTheMean(0, 0.7978845608, 1, 0.5).expectedChange; // => -0.39894 (μ = 0, z = 0: 0.5 × 0.797885)
 */
export function regressionToTheMean(cutoff: number, selectedMean: number, sd: number, reliability: number, side: "above" | "below" = "above"): RegressionToTheMean {
  if (!(sd > 0 && Number.isFinite(sd))) throw new CohortError({ message: message.rtmSdInvalid(sd) });
  if (!(reliability >= 0 && reliability <= 1)) throw new CohortError({ message: message.rtmReliabilityInvalid(reliability) });
  // Mirror selection below a cut-off onto selection above it.
  const sign = side === "above" ? 1 : -1;
  const c = sign * cutoff;
  const m = sign * selectedMean;
  if (!(m > c)) throw new CohortError({ message: message.rtmMeanNotBeyondCutoff(selectedMean, cutoff, side) });
  // The truncated mean μ + σ·λ((c − μ)/σ) rises from c (μ → −∞) to ∞ with μ; bracket and bisect.
  const truncatedMean = (mu: number) => mu + sd * truncatedMeanAbove((c - mu) / sd);
  let low = c - 40 * sd;
  let high = m;
  for (let step = 0; step < 200 && high - low > 1e-12 * Math.max(1, Math.abs(high)); step += 1) {
    const mid = (low + high) / 2;
    if (truncatedMean(mid) < m) low = mid;
    else high = mid;
  }
  const mu = (low + high) / 2;
  const z = (c - mu) / sd;
  const ratio = truncatedMeanAbove(z);
  const fall = sd * (1 - reliability) * ratio;
  return { populationMean: sign * mu, z: sign * z, selectionRatio: ratio, expectedChange: -sign * fall };
}
