import { CohortError } from "../errors.js";
import * as message from "../messages/inference.js";
import { power } from "./power.js";
import type { TDesign } from "./t-design.js";
import { requireAlpha, requireEffect, requireFiniteResult, requirePower } from "./validate.js";

/** Sample size needed for a two-sided t-test. */
export interface SampleSizeResult {
  design: TDesign;
  effect: number;
  alpha: number;
  power: number;
  /** Whole n (per group for two-group, pairs for paired): the smallest n with power ≥ the target. */
  n: number;
  /** Continuous solution of power(n) = target, as R's pwr.t.test reports it (e.g. 63.77). */
  nExact: number;
  /** Power actually reached at the whole n. */
  achievedPower: number;
  unit: "per group" | "pairs" | "participants";
}

const UPPER_LIMIT = 1e7;

/**
 * Sample size a two-sided t-test needs to detect a standardised effect with the requested power
 * (equal groups for the two-group design).
 *
 * Why: says how far a pilot's n is from one that could answer its question. The continuous root is
 * found by bisection on n (power rises with n), then the whole n is the smallest integer reaching
 * the target, as Cohen's tables and G*Power report.
 *
 * Reference: Cohen J (1988) Statistical Power Analysis for the Behavioral Sciences, 2nd ed., Table
 * 2.4.1 (d = 0.5, power 0.80, two-tailed α = .05 → 64 per group); R package pwr, pwr.t.test.
 *
 * @param design "two-group", "paired" or "one-sample"
 * @param effect standardised effect (> 0; d, or dz for paired)
 * @param targetPower requested power, default 0.80; in (alpha, 1)
 * @param alpha two-sided significance level, default 0.05
 * @throws {CohortError} on effect ≤ 0, bad alpha (∉ [1e-12, 1)) or power, when no n up to 10^7 suffices,
 *   or when the achieved power is not finite in double precision
 * @example
 * sampleSizeFor("two-group", 0.5).n; // => 64
 */
export function sampleSizeFor(design: TDesign, effect: number, targetPower = 0.8, alpha = 0.05): SampleSizeResult {
  requireEffect(effect);
  if (!(effect > 0)) throw new CohortError({ message: message.effectNotPositive(effect) });
  requireAlpha(alpha);
  requirePower(targetPower, alpha);
  const powerAt = (n: number): number => power(design, n, effect, alpha).power;
  let low = 2;
  let high = 4;
  if (powerAt(low) >= targetPower) return finish(design, effect, alpha, targetPower, 2, 2, powerAt(2));
  while (powerAtOrOne(powerAt, high) < targetPower) {
    low = high;
    high *= 2;
    if (high > UPPER_LIMIT) throw new CohortError({ message: message.sampleSizeNotFound(UPPER_LIMIT) });
  }
  for (let step = 0; step < 200 && high - low > 1e-9 * high; step += 1) {
    const middle = (low + high) / 2;
    if (powerAtOrOne(powerAt, middle) < targetPower) low = middle;
    else high = middle;
  }
  let whole = Math.ceil(high - 1e-9);
  // Guard the rounding: step down if the integer below already reaches the target, up if this one does not.
  while (whole > 2 && powerAt(whole - 1) >= targetPower) whole -= 1;
  while (powerAt(whole) < targetPower) whole += 1;
  return finish(design, effect, alpha, targetPower, whole, high, powerAt(whole));
}

/** Beyond the noncentral-t series' range the power is 1 to double precision; other errors propagate. */
function powerAtOrOne(powerAt: (n: number) => number, n: number): number {
  try {
    return powerAt(n);
  } catch (error) {
    if (error instanceof CohortError && error.message.startsWith("noncentrality ")) return 1;
    throw error;
  }
}

function finish(design: TDesign, effect: number, alpha: number, targetPower: number, n: number, nExact: number, achievedPower: number): SampleSizeResult {
  requireFiniteResult([n, nExact, achievedPower], () => message.powerNotComputable("sample size", design, `effect ${effect}, power ${targetPower}, alpha ${alpha}`));
  const unit = design === "two-group" ? "per group" : design === "paired" ? "pairs" : "participants";
  return { design, effect, alpha, power: targetPower, n, nExact, achievedPower, unit };
}
