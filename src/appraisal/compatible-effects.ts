import type { ReportedValue } from "../schema/reported-value.js";
import type { Consequence } from "./limit-flag.js";

type Effect = Extract<ReportedValue, { kind: "effect" }>;

const RATIOS = new Set<Effect["measure"]>(["risk-ratio", "odds-ratio", "hazard-ratio"]);
const DIFFERENCES = new Set<Effect["measure"]>(["mean-difference", "risk-difference", "standardised-mean-difference", "correlation"]);
const NAMES: Partial<Record<Effect["measure"], string>> = {
  "risk-ratio": "risk ratio",
  "odds-ratio": "odds ratio",
  "hazard-ratio": "hazard ratio",
  "mean-difference": "mean difference",
  "risk-difference": "risk difference",
  "standardised-mean-difference": "standardised mean difference",
  correlation: "correlation",
};

const ALTMAN_BLAND = { citation: "Altman DG, Bland JM (1995) Absence of evidence is not evidence of absence. BMJ 311:485", doi: "10.1136/bmj.311.7003.485" };

/** The value of "no effect" on a measure's own scale, or undefined when the measure has none the toolkit knows. */
export function nullValue(measure: Effect["measure"]): number | undefined {
  return RATIOS.has(measure) ? 1 : DIFFERENCES.has(measure) ? 0 : undefined;
}

/**
 * What a reported effect whose confidence interval contains "no effect" still allows: every effect in
 * the interval, in both directions. A non-significant result read this way says how large an effect the
 * study failed to rule out, which its sample size alone (a detectable-effect figure for some other
 * test) does not.
 *
 * Reference: Altman DG, Bland JM (1995) BMJ 311:485, doi:10.1136/bmj.311.7003.485.
 *
 * @returns undefined when the effect has no CI, its measure has no known null, or the CI excludes the null
 * @example
 * compatibleEffectsConsequence({ kind: "effect", measure: "odds-ratio", estimate: "1.07", ci: { level: "95", lower: "0.58", upper: "1.98" }, … })?.statement
 * // => "the reported odds ratio 1.07 (95% CI 0.58 to 1.98) is compatible with every effect from 0.58 to 1.98, which includes no effect (1)"
 */
export function compatibleEffectsConsequence(effect: Effect): Consequence | undefined {
  const nothing = nullValue(effect.measure);
  if (effect.ci === undefined || nothing === undefined) return undefined;
  const lower = Number(effect.ci.lower);
  const upper = Number(effect.ci.upper);
  if (!(lower <= nothing && nothing <= upper)) return undefined;
  const name = effect.label ?? NAMES[effect.measure]!;
  const about = effect.outcome !== undefined ? ` on ${effect.outcome}` : "";
  return {
    method: "compatible-effects",
    statement: `the reported ${name} ${effect.estimate} (${effect.ci.level}% CI ${effect.ci.lower} to ${effect.ci.upper})${about} is compatible with every effect from ${effect.ci.lower} to ${effect.ci.upper}, which includes no effect (${nothing})`,
    inputs: { effect: effect.id, measure: effect.measure, estimate: Number(effect.estimate), level: Number(effect.ci.level) },
    result: { lower, upper, null: nothing },
    references: [ALTMAN_BLAND],
  };
}
