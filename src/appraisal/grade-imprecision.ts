import { twoProportionSampleSize } from "../inference/two-proportion-sample-size.js";
import { sampleSizeFor } from "../inference/sample-size-for.js";
import type { EffectEstimate, Proportion } from "../schema/reported-value.js";
import type { Study } from "../schema/study.js";
import { inactiveControlArms } from "./design-facts.js";
import type { LimitsRegister } from "./limit-flag.js";
import type { ResolvedLimitsOptions } from "./limit-rules.js";
import { outcomeObserved, type OutcomeMeasure } from "./outcome-measures.js";

/*
 * GRADE's imprecision domain for one outcome (Guyatt et al. 2011, J Clin Epidemiol 64:1283,
 * doi:10.1016/j.jclinepi.2011.01.012): what the file reports of its precision, the interval of its
 * effect against no effect and GRADE's default thresholds of appreciable benefit and harm, the n
 * against the optimal information size of the comparison the outcome is about, and its minimal
 * important change. Each reason names what in the file raises it.
 */

/** GRADE's default thresholds of an appreciable relative effect: a relative risk reduction or increase of 25%. */
export const APPRECIABLE_RATIO = { benefit: 0.75, harm: 1.25 } as const;
/** The relative risk reduction GRADE uses for the optimal information size of a counted outcome. */
export const OIS_RELATIVE_REDUCTION = 0.25;

/** One reason to rate imprecision down, and by how many levels it counts (an interval spanning benefit and harm counts two). */
export interface ImprecisionReason {
  reason: string;
  levels: 1 | 2;
}

const RATIOS = new Set(["risk-ratio", "odds-ratio", "hazard-ratio"]);
const DIFFERENCES = new Set(["mean-difference", "risk-difference", "standardised-mean-difference"]);

/** Whether the file reports the outcome's precision: an SD, SE or CI of a mean or change, an effect's CI or SE, a test, a count of a known group, or a median's IQR or range. */
function precisionReported(outcome: OutcomeMeasure): boolean {
  return outcome.values.some(
    (value) =>
      ((value.kind === "mean" || value.kind === "mean-change") && (value.ci !== undefined || value.dispersion?.kind === "sd" || value.dispersion?.kind === "se" || value.dispersion?.kind === "ci95")) ||
      (value.kind === "effect" && (value.ci !== undefined || value.se !== undefined)) ||
      value.kind === "test" ||
      (value.kind === "proportion" && value.count !== undefined && value.denominatorUnknown !== true) ||
      (value.kind === "median" && (value.spread ?? []).some((spread) => spread.kind !== "unstated")),
  );
}

const interval = (effect: EffectEstimate) => `${effect.label ?? effect.measure.replace(/-/g, " ")} ${effect.estimate} (${effect.ci!.level}% CI ${effect.ci!.lower} to ${effect.ci!.upper})`;

/** Reasons from the effects' intervals: one that includes no effect; a ratio's that reaches both appreciable benefit and appreciable harm. */
function intervalReasons(outcome: OutcomeMeasure): ImprecisionReason[] {
  const out: ImprecisionReason[] = [];
  for (const effect of outcome.values.filter((value): value is EffectEstimate => value.kind === "effect" && value.ci !== undefined)) {
    const lower = Number(effect.ci!.lower);
    const upper = Number(effect.ci!.upper);
    if (RATIOS.has(effect.measure)) {
      if (lower < APPRECIABLE_RATIO.benefit && upper > APPRECIABLE_RATIO.harm) {
        out.push({ reason: `the interval of the ${interval(effect)} includes no effect and reaches both an appreciable benefit and an appreciable harm (below ${APPRECIABLE_RATIO.benefit} and above ${APPRECIABLE_RATIO.harm}, GRADE's default thresholds)`, levels: 2 });
      } else if (lower <= 1 && upper >= 1) out.push({ reason: `the interval of the ${interval(effect)} includes no effect (1)`, levels: 1 });
    } else if (DIFFERENCES.has(effect.measure) && lower <= 0 && upper >= 0) {
      out.push({ reason: `the interval of the ${interval(effect)} includes no effect (0)`, levels: 1 });
    }
  }
  return out;
}

/** The share with the outcome in a group at its last timepoint: the printed percent, else the count over its denominator or group. */
function riskIn(study: Study, outcome: OutcomeMeasure, group: string): number | undefined {
  const last = outcome.timepoints.at(-1);
  const value = outcome.values.find((entry): entry is Proportion => entry.kind === "proportion" && entry.group === group && (last === undefined || entry.timepoint === last));
  if (!value) return undefined;
  if (value.percent !== undefined) return Number(value.percent) / 100;
  const n = value.denominator ?? study.design.arms.find((arm) => arm.id === group)?.size.value;
  return value.count !== undefined && n ? value.count / n : undefined;
}

/** The optimal information size of the comparison an outcome is about, with the words that say which. */
function optimalInformationSize(study: Study, outcome: OutcomeMeasure, options: ResolvedLimitsOptions): { ois: number; design: string } {
  if (!outcome.betweenGroups) {
    return { ois: sampleSizeFor("paired", options.mediumEffect, options.power, options.alpha).n, design: `one group before and after, ${Math.round(options.power * 100)}% power for dz = ${options.mediumEffect}, α = ${options.alpha}` };
  }
  const arms = study.design.arms;
  const control = inactiveControlArms(study)[0] ?? arms[1];
  // A counted outcome (only shares reported on it) has the information size of two proportions; a scale with means does not.
  const counted = !outcome.values.some((value) => value.kind === "mean" || value.kind === "mean-change" || value.kind === "median" || value.kind === "percent-change" || value.kind === "band-shift");
  const risk = control && counted ? riskIn(study, outcome, control.id) : undefined;
  if (risk !== undefined && risk > 0 && risk < 1) {
    const treated = risk * (1 - OIS_RELATIVE_REDUCTION);
    const perGroup = twoProportionSampleSize(risk, treated, options.power, options.alpha).n;
    return { ois: 2 * perGroup, design: `${(risk * 100).toFixed(1)}% with the outcome in ${control!.label}, a ${OIS_RELATIVE_REDUCTION * 100}% relative reduction, ${Math.round(options.power * 100)}% power, α = ${options.alpha}` };
  }
  const unit = arms.every((arm) => arm.definedBy !== undefined && arm.intervention === undefined) ? "groups" : "arms";
  const compared = arms.length > 2 ? `a pairwise comparison of ${unit}` : `two ${unit} compared`;
  return { ois: 2 * sampleSizeFor("two-group", options.mediumEffect, options.power, options.alpha).n, design: `${compared}, ${Math.round(options.power * 100)}% power for d = ${options.mediumEffect}, α = ${options.alpha}` };
}

/** The n behind an outcome: observed at its last timepoint where the file says, else the groups' starting n; for three or more arms, the largest two. */
function outcomeN(study: Study, outcome: OutcomeMeasure): { n: number; words: string } {
  const groups = outcomeObserved(study, outcome).map((entry) => entry.observed ?? entry.started).sort((a, b) => b - a);
  if (outcome.betweenGroups && study.design.arms.length > 2) {
    const n = (groups[0] ?? 0) + (groups[1] ?? 0);
    return { n, words: `n = ${n} in the largest pairwise comparison` };
  }
  const n = groups.reduce((sum, value) => sum + value, 0);
  return { n, words: `n = ${n}` };
}

/**
 * Why an outcome's estimate is imprecise, each reason with the levels it counts: no numbers, or no measure
 * of precision; an interval that includes no effect (two levels when a ratio's reaches both an appreciable
 * benefit and an appreciable harm); an n below the optimal information size of its comparison (a t-test
 * with 80% power for d = 0.5, or for a counted outcome a 25% relative reduction from the comparison arm's
 * share, GRADE's default); a comparison with a minimal important change that may fall short of it.
 *
 * @example
 * imprecisionReasons(maskTrial, covidOutcome, register, options)[0].levels; // => 2 (OR 1.07, 95% CI 0.58 to 1.98)
 */
export function imprecisionReasons(study: Study, outcome: OutcomeMeasure, register: LimitsRegister, options: ResolvedLimitsOptions): ImprecisionReason[] {
  const reasons: ImprecisionReason[] = [];
  const numbers = outcome.values.length > 0;
  if (!numbers) reasons.push({ reason: `no numbers are reported for ${outcome.name}, only words`, levels: 1 });
  else if (!precisionReported(outcome)) reasons.push({ reason: `no SD, SE, confidence interval or test is reported for ${outcome.name}, so its precision cannot be judged`, levels: 1 });
  reasons.push(...intervalReasons(outcome));
  const { n, words } = outcomeN(study, outcome);
  const { ois, design } = optimalInformationSize(study, outcome, options);
  if (n < ois) reasons.push({ reason: `${words} is below the optimal information size of ${ois} (${design})`, levels: 1 });
  const important = register.flags.find((flag) => flag.id === "below-important-difference");
  const short = (important?.consequences ?? []).filter((consequence) => String(consequence.inputs.label ?? "").startsWith(outcome.name) && consequence.result.verdict !== "reaches");
  if (short.length > 0) reasons.push({ reason: `${short.length} comparison${short.length === 1 ? "" : "s"} with a minimal important change may fall short of it`, levels: 1 });
  return reasons;
}

/** What an outcome reaches when nothing rates its imprecision down. */
export function precisionNotSerious(study: Study, outcome: OutcomeMeasure, options: ResolvedLimitsOptions): string {
  const { n, words } = outcomeN(study, outcome);
  const { ois, design } = optimalInformationSize(study, outcome, options);
  return `precision reported and ${words.replace(/^n = \d+/, `n = ${n}`)} reaches the optimal information size of ${ois} (${design})`;
}
