import { scoreStep } from "../schema/instrument.js";
import type { Eligibility, Mean } from "../schema/reported-value.js";
import type { Source } from "../schema/source.js";
import type { Arm, Study } from "../schema/study.js";
import { differenceAttritionConsequence, meanAttritionConsequence, proportionAttritionConsequence, rtmConsequence } from "./bound-consequences.js";
import { hasInactiveControl, isDrugArm, isUntreatedArm, orderedTimepoints } from "./design-facts.js";
import type { Consequence } from "./limit-flag.js";
import { attributeNote, defined, listWords, pct, quotes, type AppraisalInput, type LimitRule } from "./limit-rules.js";

/*
 * Limits that follow from how the study was run: who was let in (regression to the mean), who was
 * lost, what else was given, who knew what, how long and how much. Each reads only the study file
 * and the instrument data.
 */

const SYMBOL = { min: { true: "≥", false: ">" }, max: { true: "≤", false: "<" } } as const;

/** The entry rule in words and its cut-off on the continuous scale (half a scoring step outside the bound). */
function entryRule(bound: Eligibility, abbreviation: string, step: number): { rule: string; cutoff: number; side: "above" | "below" } {
  const value = Number(bound.value);
  const rule = `${abbreviation} ${SYMBOL[bound.bound][String(bound.inclusive) as "true" | "false"]} ${bound.value}`;
  if (bound.bound === "min") return { rule, cutoff: bound.inclusive ? value - step / 2 : value + step / 2, side: "above" };
  return { rule, cutoff: bound.inclusive ? value + step / 2 : value - step / 2, side: "below" };
}

/** The mean at entry on an instrument: the whole sample's, else the arms' weighted by n. */
function meanAtEntry(study: Study, instrument: string): { mean: number; from: string; sources: Mean[] } | undefined {
  const first = orderedTimepoints(study)[0];
  const means = study.reported.filter((value): value is Mean => value.kind === "mean" && value.instrument === instrument && value.timepoint === first?.id);
  const whole = means.find((mean) => mean.group === "all");
  if (whole) return { mean: Number(whole.mean), from: `whole sample at ${first!.label}`, sources: [whole] };
  const byArm = study.design.arms.map((arm) => ({ arm, mean: means.find((mean) => mean.group === arm.id) }));
  if (byArm.length === 0 || byArm.some((entry) => !entry.mean)) return undefined;
  const weights = byArm.map((entry) => entry.mean!.n ?? entry.arm.size.value);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const mean = byArm.reduce((sum, entry, index) => sum + Number(entry.mean!.mean) * weights[index]!, 0) / total;
  return { mean, from: byArm.length === 1 ? `${first!.label}` : `${listWords(byArm.map((entry) => `${entry.arm.label} ${entry.mean!.mean}`))} at ${first!.label}, weighted by n`, sources: byArm.map((entry) => entry.mean!) };
}

export const regressionToMean: LimitRule = {
  id: "regression-to-the-mean",
  find({ study, instruments }) {
    const outcomes = new Set(study.instruments.map((entry) => entry.ref));
    const bounds = study.reported.filter((value): value is Eligibility => value.kind === "eligibility" && value.instrument !== undefined && outcomes.has(value.instrument));
    if (bounds.length === 0) return undefined;
    const consequences: Consequence[] = [];
    const notes: string[] = [];
    const rules: string[] = [];
    const sources: Source[] = [];
    for (const bound of bounds) {
      const instrument = instruments.get(bound.instrument!);
      if (!instrument) continue;
      const { rule, cutoff, side } = entryRule(bound, instrument.abbreviation, scoreStep(instrument));
      rules.push(rule);
      sources.push(bound.source);
      const entry = meanAtEntry(study, bound.instrument!);
      const sds = instrument.psychometrics?.sd ?? [];
      const reliabilities = (instrument.psychometrics?.reliability ?? []).filter((r) => r.kind === "test-retest" || r.kind === "pre-post");
      if (!entry) notes.push(`${rule}: no ${instrument.abbreviation} mean at entry is reported, so the expected change cannot be computed`);
      if (sds.length === 0 || reliabilities.length === 0) notes.push(`${rule}: data/instruments/${instrument.id}.json records ${sds.length === 0 ? "no published SD" : ""}${sds.length === 0 && reliabilities.length === 0 ? " and " : ""}${reliabilities.length === 0 ? "no published test–retest correlation" : ""}, so the expected change cannot be computed`);
      if (!entry) continue;
      sources.push(...entry.sources.map((mean) => mean.source));
      const beyond = side === "above" ? entry.mean > cutoff : entry.mean < cutoff;
      if (!beyond) {
        notes.push(`${rule}: the mean at entry (${entry.mean.toFixed(2)}) is not beyond the cut-off, so the formula does not apply`);
        continue;
      }
      for (const sd of sds) {
        for (const reliability of reliabilities) {
          for (const value of reliability.upper === undefined ? [reliability.value] : [reliability.value, reliability.upper]) {
            consequences.push(rtmConsequence({ instrument: instrument.abbreviation, rule, cutoff, side, selectedMean: entry.mean, meanFrom: entry.from, sd, reliability, reliabilityValue: value }));
          }
        }
      }
    }
    if (rules.length === 0) return undefined;
    const controlled = hasInactiveControl(study);
    return {
      title: `entry required ${listWords(rules)}: regression to the mean`,
      evidence: quotes(sources),
      notes,
      why: controlled
        ? "People let in only when their score is beyond a threshold tend to score nearer the average next time even without treatment. Every arm is selected the same way, so the difference between arms is protected, but each arm's own change from entry is not."
        : "People let in only when their score is beyond a threshold tend to score nearer the average next time even without treatment. With no inactive comparison arm, part of any change after treatment is expected with no treatment at all.",
      consequences,
    };
  },
};

/** How many started and how many were observed at the end, per arm (or for the whole sample), from flow counts and n's. */
export interface Completion {
  label: string;
  group: string;
  started: number;
  observed: number | undefined;
}

function flowOf(study: Study, group: string, stages: readonly string[]): number | undefined {
  for (const stage of stages) {
    const value = study.reported.find((entry) => entry.kind === "sample-flow" && entry.stage === stage && entry.group === group);
    if (value && value.kind === "sample-flow") return value.count;
  }
  return undefined;
}

function completion(study: Study, group: string, label: string, size: number): Completion {
  const started = flowOf(study, group, ["randomised", "allocated", "enrolled", "started"]) ?? size;
  const done = flowOf(study, group, ["analysed", "completed"]);
  const lost = flowOf(study, group, ["lost-to-follow-up", "withdrawn"]);
  const last = orderedTimepoints(study).at(-1)?.id;
  // A value at the last timepoint computed on fewer people than started also shows who was observed.
  const ns = study.reported.flatMap((value) => ("group" in value && value.group === group && "timepoint" in value && value.timepoint === last && value.kind === "mean" && value.n !== undefined ? [value.n] : value.kind === "proportion" && value.group === group && value.timepoint === last && value.denominator !== undefined ? [value.denominator] : []));
  const observed = done ?? (lost !== undefined ? started - lost : ns.length > 0 ? Math.max(...ns) : undefined);
  return { label, group, started, observed };
}

/** Who started and who was observed at the last timepoint, per arm (or for the whole sample when only that is known). */
export function completions(study: Study): Completion[] {
  const arms = study.design.arms.map((arm: Arm) => completion(study, arm.id, arm.label, arm.size.value));
  if (arms.some((entry) => entry.observed !== undefined)) return arms;
  const whole = completion(study, "all", "whole sample", study.design.sampleSize.value);
  return whole.observed !== undefined ? [whole] : arms;
}

/** Attrition bounds for the proportions and means reported at the last timepoint on completers. */
function attritionBounds({ study, instruments }: AppraisalInput, entries: readonly Completion[]): Consequence[] {
  const out: Consequence[] = [];
  const last = orderedTimepoints(study).at(-1);
  const byGroup = new Map(entries.map((entry) => [entry.group, entry]));
  const proportionBoundsOf = new Map<string, [number, number]>();
  const meanBoundsOf = new Map<string, [number, number]>();
  for (const value of study.reported) {
    if (value.kind === "proportion" && value.count !== undefined && value.group !== undefined) {
      const entry = byGroup.get(value.group);
      const observed = value.denominator ?? entry?.observed;
      if (!entry || observed === undefined || observed >= entry.started || value.count > observed) continue;
      const consequence = proportionAttritionConsequence(`${entry.label}: ${value.outcome}`, value.count, observed, entry.started);
      out.push(consequence);
      proportionBoundsOf.set(`${value.outcome}|${value.timepoint ?? ""}|${value.group}`, consequence.result.interval as [number, number]);
    }
    if (value.kind === "mean" && value.instrument !== undefined && value.timepoint === last?.id) {
      const entry = byGroup.get(value.group ?? "all");
      const instrument = instruments.get(value.instrument);
      const observed = value.n ?? entry?.observed;
      if (!entry || !instrument || observed === undefined || observed >= entry.started) continue;
      const consequence = meanAttritionConsequence(`${entry.label}: ${instrument.abbreviation} at ${last?.label ?? "the last timepoint"}`, Number(value.mean), observed, entry.started, instrument.min, instrument.max);
      out.push(consequence);
      meanBoundsOf.set(`${value.instrument}|${value.group}`, consequence.result.interval as [number, number]);
    }
  }
  const arms = study.design.arms;
  if (arms.length === 2) {
    const [a, b] = arms as [Arm, Arm];
    for (const [key, bounds] of proportionBoundsOf) {
      const [outcome, timepoint, group] = key.split("|");
      if (group !== a.id) continue;
      const other = proportionBoundsOf.get(`${outcome}|${timepoint}|${b.id}`);
      if (other) out.push(differenceAttritionConsequence(`${outcome}, ${a.label} − ${b.label}`, bounds, other, "share"));
    }
    for (const instrument of study.instruments) {
      const first = meanBoundsOf.get(`${instrument.ref}|${a.id}`);
      const second = meanBoundsOf.get(`${instrument.ref}|${b.id}`);
      if (first && second) out.push(differenceAttritionConsequence(`${instruments.get(instrument.ref)?.abbreviation ?? instrument.ref} at ${last?.label ?? "the last timepoint"}, ${a.label} − ${b.label}`, first, second, "points"));
    }
  }
  return out;
}

export const attrition: LimitRule = {
  id: "attrition",
  find(input) {
    const { study } = input;
    if (study.design.timepoints.length < 2) return undefined;
    const entries = completions(study);
    const flows = study.reported.filter((value) => value.kind === "sample-flow");
    if (entries.every((entry) => entry.observed === undefined)) {
      return {
        title: "how many completed the study is not reported",
        evidence: [],
        notes: [`${study.design.timepoints.length} timepoints; no count of those completing or analysed, and no n with the results`],
        why: "If some people left before the last assessment, the results describe those who stayed, who may be those doing better; without the numbers a reader cannot tell how many are missing or bound what they would change.",
        consequences: [],
      };
    }
    const lossy = entries.filter((entry) => entry.observed !== undefined && entry.observed < entry.started);
    if (lossy.length === 0) return undefined;
    return {
      title: `losses before the last assessment: ${listWords(lossy.map((entry) => `${entry.label} ${entry.started - entry.observed!} of ${entry.started} (${pct((entry.started - entry.observed!) / entry.started)})`))}`,
      evidence: quotes(flows.map((value) => value.source)),
      notes: entries.filter((entry) => entry.observed !== undefined).map((entry) => `${entry.label}: ${entry.observed} of ${entry.started} observed at the end`),
      why: "The results describe those who stayed. People who leave may be those doing worse (or better); the worst-case bounds below put every missing person at each end, with no assumption about why they left.",
      consequences: attritionBounds(input, entries),
    };
  },
};

export const coInterventions: LimitRule = {
  id: "co-interventions",
  find({ study }) {
    const withCo = study.design.arms.filter((arm) => (arm.intervention?.coInterventions.length ?? 0) > 0);
    if (withCo.length === 0) return undefined;
    const described = withCo.map((arm) => `${arm.label}: ${listWords(arm.intervention!.coInterventions.map((co) => co.value))}`);
    const values = study.design.arms.map((arm) => (arm.intervention?.coInterventions ?? []).map((co) => co.value).sort().join(" + "));
    const single = study.design.arms.length === 1;
    const same = !single && new Set(values).size === 1;
    const arm = withCo[0]!;
    return {
      title: `other treatments given alongside: ${described.join("; ")}`,
      evidence: quotes(withCo.flatMap((entry) => entry.intervention!.coInterventions.map((co) => co.source))),
      notes: [],
      why: single
        ? `Everyone also received ${listWords(arm.intervention!.coInterventions.map((co) => co.value))}, so a change cannot be credited to "${arm.label}" apart from it.`
        : same
          ? "Every arm received the same other treatments, so they do not bias the difference between arms, but each arm's own change includes their effect."
          : "The arms differ in these other treatments as well as in the treatment compared, so a difference between arms cannot be credited to either alone.",
      consequences: [],
    };
  },
};

export const unblindedAssessment: LimitRule = {
  id: "unblinded-assessment",
  find({ study }) {
    const { blinding, outcomeAssessment } = study.design;
    if (blinding.value === "single" || blinding.value === "double") return undefined;
    const measures = listWords(study.instruments.map((entry) => entry.measures));
    const who = outcomeAssessment?.value;
    const knowing = blinding.value === "none" ? "who know" : "who may know";
    const title =
      who === "self-report" || who === "mixed"
        ? `${blinding.value === "none" ? "not blinded" : "blinding not reported"}; outcomes ${who === "mixed" ? "partly " : ""}rated by the participants themselves`
        : who === "clinician-rated"
          ? `${blinding.value === "none" ? "not blinded" : "blinding not reported"}; outcomes rated by assessors whose blinding is not recorded`
          : `${blinding.value === "none" ? "not blinded" : "blinding not reported"}; who rated the outcomes is not recorded`;
    const why =
      who === "self-report" || who === "mixed"
        ? `Participants ${knowing} what they received rate their own ${measures}; expectation alone can move such ratings.`
        : who === "clinician-rated"
          ? `Assessors ${knowing} each participant's treatment can rate ${measures} more favourably for the treatment they expect to work.`
          : `Without knowing who rated ${measures} and whether they knew the treatment, a reader cannot judge how far expectation shaped the ratings.`;
    return { title, evidence: quotes([blinding.source, outcomeAssessment?.source]), notes: defined([attributeNote("blinding", blinding), attributeNote("outcome assessment", outcomeAssessment)]), why, consequences: [] };
  },
};

export const noFollowUp: LimitRule = {
  id: "no-follow-up",
  find({ study }) {
    const followUp = study.design.followUp;
    if (followUp.value === "reported") return undefined;
    const last = orderedTimepoints(study).at(-1);
    return {
      title: "no follow-up length reported",
      evidence: quotes([followUp.source, last?.source]),
      notes: defined([attributeNote("follow-up", followUp)]),
      why: "Without knowing when outcomes were measured, or for how long, a reader cannot tell a lasting effect from a transient one, nor compare the result with other studies.",
      consequences: [],
    };
  },
};

export const missingDose: LimitRule = {
  id: "missing-dose",
  find({ study }) {
    const arms = study.design.arms.filter((arm) => isDrugArm(arm) && !isUntreatedArm(arm) && arm.intervention?.dose === undefined);
    if (arms.length === 0) return undefined;
    return {
      title: `dose not reported (${arms.map((arm) => arm.label).join("; ")})`,
      evidence: quotes(arms.map((arm) => arm.intervention?.description.source)),
      notes: arms.map((arm) => `${arm.id}: ${arm.intervention?.doseNote ?? "no dose and no dose note in the study file"}`),
      why: "Without doses the treatment cannot be reproduced, a dose–response claim cannot be checked, and arms said to differ in dose cannot be compared.",
      consequences: [],
    };
  },
};
