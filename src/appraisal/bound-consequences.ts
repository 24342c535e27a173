import { differenceBounds, HOROWITZ_MANSKI, meanBounds, proportionBounds } from "../inference/attrition-bounds.js";
import { clopperPearson } from "../inference/clopper-pearson.js";
import { familywiseError } from "../inference/familywise-error.js";
import { regressionToTheMean } from "../inference/regression-to-the-mean.js";
import { ruleOfThree } from "../inference/rule-of-three.js";
import type { PublishedReliability, PublishedSd } from "../schema/instrument.js";
import type { Consequence } from "./limit-flag.js";
import { pct } from "./limit-rules.js";

/*
 * Consequences that bound what a study can show: regression to the mean, losses to follow-up,
 * zero events, many tests. Each figure comes from src/inference; these functions choose the inputs
 * and say in one sentence what the figure means.
 */

const BARNETT = { citation: "Barnett AG, van der Pols JC, Dobson AJ (2005) Regression to the mean: what it is and how to deal with it. Int J Epidemiol 34:215–220", doi: "10.1093/ije/dyh299" };
const BENDER = { citation: "Bender R, Lange S (2001) Adjusting for multiple testing — when and how? J Clin Epidemiol 54:343–349", doi: "10.1016/S0895-4356(00)00314-0" };
const round = (value: number, digits = 2): string => value.toFixed(digits);
const citeOf = (reference: { citation: string; doi?: string | undefined }) => (reference.doi ? { citation: reference.citation, doi: reference.doi } : { citation: reference.citation });

/** What an entry rule and its instrument give the regression-to-the-mean formula. */
export interface RtmInputs {
  instrument: string;
  /** The entry rule in words, e.g. "PHQ-9 ≥ 10". */
  rule: string;
  /** The bound on the continuous scale (half a scoring step outside an inclusive whole-number bound). */
  cutoff: number;
  side: "above" | "below";
  selectedMean: number;
  /** How the selected mean was obtained, e.g. "baseline means 15.2 and 14.9 weighted by arm size". */
  meanFrom: string;
  sd: PublishedSd;
  reliability: PublishedReliability;
  /** Which end of a published reliability range is used. */
  reliabilityValue: number;
}

/**
 * Expected change with no intervention at all, for people let in only beyond an entry score. The
 * expected change is −(1 − ρ)(entry mean − μ), where μ is the mean of the population entrants came
 * from, which a study rarely reports. Two anchors bracket it: μ is the published population's mean
 * (when the instrument data give one), or μ is solved so that a normal population with the
 * published SD, cut at the entry bound, has the reported entry mean (Barnett's σ(1 − ρ)φ(z)/(1 − Φ(z))).
 *
 * Reference: Barnett AG, van der Pols JC, Dobson AJ (2005) Int J Epidemiol 34:215–220, doi:10.1093/ije/dyh299.
 *
 * @example
 * rtmConsequence({ rule: "PHQ-9 ≥ 10", cutoff: 9.5, selectedMean: 15.05, sd: { value: 3.5, mean: 3.1, … }, reliabilityValue: 0.737, … }).result.fromPublishedMean; // => −3.14 ((1 − 0.737)(15.05 − 3.1))
 */
export function rtmConsequence(inputs: RtmInputs): Consequence {
  const rtm = regressionToTheMean(inputs.cutoff, inputs.selectedMean, inputs.sd.value, inputs.reliabilityValue, inputs.side);
  const published = inputs.sd.mean === undefined ? undefined : -(1 - inputs.reliabilityValue) * (inputs.selectedMean - inputs.sd.mean);
  const source = inputs.sd.population.split(";")[0];
  const size = (change: number) => `${change < 0 ? "fall" : "rise"} by ${round(Math.abs(change))} points`;
  const anchors = [
    ...(published === undefined ? [] : [`${size(published)} if entrants came from the population of the published SD (${source}: mean ${inputs.sd.mean}, SD ${inputs.sd.value})`]),
    `${size(rtm.expectedChange)} if they came from a normal population with SD ${inputs.sd.value} and whatever mean (${round(rtm.populationMean)}) makes those beyond the cut-off average ${round(inputs.selectedMean)} (σ(1 − ρ)·φ(z)/(1 − Φ(z)), z = ${round(rtm.z)})`,
  ];
  return {
    method: "regression-to-the-mean",
    statement:
      `entry at ${inputs.rule} (cut-off ${inputs.cutoff} on the continuous scale), mean at entry ${round(inputs.selectedMean)} (${inputs.meanFrom}), test–retest correlation ${inputs.reliabilityValue} (${inputs.reliability.interval}): ` +
      `with no intervention at all the mean is expected to move by (1 − ρ)(entry mean − population mean): ${anchors.join("; or ")}. The study does not report which population it screened`,
    inputs: { instrument: inputs.instrument, cutoff: inputs.cutoff, side: inputs.side, selectedMean: inputs.selectedMean, sd: inputs.sd.value, reliability: inputs.reliabilityValue, ...(inputs.sd.mean === undefined ? {} : { populationMean: inputs.sd.mean }) },
    result: { expectedChange: rtm.expectedChange, solvedPopulationMean: rtm.populationMean, z: rtm.z, selectionRatio: rtm.selectionRatio, ...(published === undefined ? {} : { fromPublishedMean: published }) },
    references: [BARNETT, citeOf(inputs.sd.reference), citeOf(inputs.reliability.reference)],
  };
}

/**
 * Worst-case bounds on a reported share when only completers were counted.
 *
 * @example
 * proportionAttritionConsequence("therapy: response", 11, 22, 24).result.interval; // => [0.4583..., 0.5416...]
 */
export function proportionAttritionConsequence(label: string, count: number, observed: number, total: number): Consequence {
  const bounds = proportionBounds(count, observed, total);
  return {
    method: "attrition-bounds",
    statement: `${label}: ${count}/${observed} completers (${pct(bounds.estimate)}); of all ${total} who started, anywhere from ${pct(bounds.interval[0])} (no missing person had it) to ${pct(bounds.interval[1])} (every missing person had it)`,
    inputs: { label, count, observed, total },
    result: { estimate: bounds.estimate, interval: [...bounds.interval] },
    references: [HOROWITZ_MANSKI],
  };
}

/**
 * Worst-case bounds on a reported mean of a bounded score when only completers were measured.
 *
 * @example
 * meanAttritionConsequence("therapy PHQ-9 at week 8", 9.6, 22, 24, 0, 27).result.interval; // => [8.8, 11.05]
 */
export function meanAttritionConsequence(label: string, mean: number, observed: number, total: number, min: number, max: number): Consequence {
  const bounds = meanBounds(mean, observed, total, min, max);
  return {
    method: "attrition-bounds",
    statement: `${label}: mean ${mean} in ${observed} of ${total}; with the ${total - observed} missing anywhere on the ${min}–${max} scale, the mean of all ${total} lies between ${round(bounds.interval[0])} and ${round(bounds.interval[1])}`,
    inputs: { label, mean, observed, total, min, max },
    result: { estimate: mean, interval: [...bounds.interval] },
    references: [HOROWITZ_MANSKI],
  };
}

/**
 * Worst-case bounds on a difference between two arms, from each arm's bounds, and whether its sign can flip.
 *
 * @example
 * differenceAttritionConsequence("PHQ-9 at week 8, therapy − wait list", [8.8, 11.05], [12.01, 14.26], "points").result.interval; // => [-5.46, -0.96]
 */
export function differenceAttritionConsequence(label: string, a: readonly [number, number], b: readonly [number, number], unit: "points" | "share"): Consequence {
  const interval = differenceBounds(a, b);
  const show = (value: number) => (unit === "share" ? `${(value * 100).toFixed(1)} points` : round(value));
  const flips = interval[0] < 0 && interval[1] > 0;
  return {
    method: "attrition-bounds",
    statement: `${label}: worst-case difference between ${show(interval[0])} and ${show(interval[1])}; ${flips ? "the missing people alone could reverse the difference" : "even in the worst case the difference keeps its sign"}`,
    inputs: { label, a: [...a], b: [...b], unit },
    result: { interval: [...interval], signCanFlip: flips ? 1 : 0 },
    references: [HOROWITZ_MANSKI],
  };
}

/**
 * How many of those screened (or eligible) entered: the result describes them, not the rest.
 *
 * @example
 * enrolmentConsequence(48, "randomised", 112, "screened").result.fraction; // => 0.4285...
 */
export function enrolmentConsequence(entered: number, enteredStage: string, pool: number, poolStage: string): Consequence {
  return {
    method: "enrolment-fraction",
    statement: `${entered} of the ${pool} ${poolStage} (${pct(entered / pool)}) were ${enteredStage}; the result describes them, and says nothing direct about the ${pool - entered} who were not`,
    inputs: { entered, enteredStage, pool, poolStage },
    result: { fraction: entered / pool },
    references: [HOROWITZ_MANSKI],
  };
}

/**
 * What zero events among n allow: the rule of three and the exact Clopper–Pearson bounds.
 *
 * @example
 * zeroEventsConsequence("serious adverse events", 10).result.ruleOfThree; // => 0.3
 */
export function zeroEventsConsequence(what: string, n: number): Consequence {
  const rule = ruleOfThree(n, 0);
  const exact = clopperPearson(0, n);
  return {
    method: "zero-events",
    statement: `0 ${what} in ${n} people is consistent with a true rate of up to ${pct(rule.interval[1])} (rule of three, 3/${n}); exact bounds: ${pct(rule.exactBound)} one-sided 95%, ${pct(exact.interval[1])} upper end of the two-sided 95% Clopper–Pearson interval`,
    inputs: { what, events: 0, n },
    result: { ruleOfThree: rule.interval[1], exactOneSided: rule.exactBound, clopperPearsonUpper: exact.interval[1] },
    references: [citeOf(rule.reference), citeOf(exact.reference)],
  };
}

/**
 * The chance of at least one p < α among k independent tests when nothing works.
 *
 * @example
 * familywiseConsequence(15, "the 15 outcome–time pairs").result.probability; // => 0.5367...
 */
export function familywiseConsequence(tests: number, what: string, alpha = 0.05): Consequence {
  const probability = familywiseError(tests, alpha);
  return {
    method: "familywise-error",
    statement: `if ${what} were each tested once at α = ${alpha} and no effect existed, the chance of at least one p < ${alpha} would be ${pct(probability)} (1 − ${1 - alpha}^${tests}, independent tests; correlated tests give less, never none)`,
    inputs: { tests, alpha, what },
    result: { probability },
    references: [BENDER],
  };
}
