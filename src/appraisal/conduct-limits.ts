import { scoreStep } from "../schema/instrument.js";
import type { Eligibility, Mean } from "../schema/reported-value.js";
import type { Source } from "../schema/source.js";
import type { Study } from "../schema/study.js";
import { rtmConsequence } from "./bound-consequences.js";
import { groupsNotAssigned, hasInactiveControl, interventionWords, isDrugArm, isUntreatedArm, orderedTimepoints } from "./design-facts.js";
import type { Consequence } from "./limit-flag.js";
import { attributeNote, defined, listNames, listWords, quotes, type LimitRule } from "./limit-rules.js";
import { outcomeMeasures } from "./outcome-measures.js";

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
        ? "People let in only when their score is beyond a threshold tend to score nearer the average next time even with no intervention. Every arm is selected the same way, so the difference between arms is protected, but each arm's own change from entry is not."
        : "People let in only when their score is beyond a threshold tend to score nearer the average next time even with no intervention. With no inactive comparison arm, part of any change after the intervention is expected without it.",
      consequences,
    };
  },
};


export const coInterventions: LimitRule = {
  id: "co-interventions",
  find({ study }) {
    const withCo = study.design.arms.filter((arm) => (arm.intervention?.coInterventions.length ?? 0) > 0);
    if (withCo.length === 0) return undefined;
    const single = study.design.arms.length === 1;
    const described = withCo.map((arm) => `${single ? "" : `${arm.label} with `}${listWords(arm.intervention!.coInterventions.map((co) => co.value))}`);
    const values = study.design.arms.map((arm) => (arm.intervention?.coInterventions ?? []).map((co) => co.value).sort().join(" + "));
    const same = !single && new Set(values).size === 1;
    const arm = withCo[0]!;
    return {
      title: `other interventions given alongside (${described.join("; ")})`,
      evidence: quotes(withCo.flatMap((entry) => entry.intervention!.coInterventions.map((co) => co.source))),
      notes: [],
      why: single
        ? `Everyone also received ${listWords(arm.intervention!.coInterventions.map((co) => co.value))}, so a change cannot be credited to ${interventionWords(study)} apart from it.`
        : same
          ? "Every arm received the same other interventions, so they do not bias the difference between arms, but each arm's own change includes their effect."
          : `The arms differ in these other interventions as well as in ${interventionWords(study)}, so a difference between arms cannot be credited to either alone.`,
      consequences: [],
    };
  },
};

export const unblindedAssessment: LimitRule = {
  id: "unblinded-assessment",
  find({ study, instruments }) {
    const { blinding, outcomeAssessment } = study.design;
    if (blinding.value === "single" || blinding.value === "double") return undefined;
    const unassigned = groupsNotAssigned(study);
    // Between groups nobody assigned, a characteristic with no timepoint is not measured after the groups form:
    // knowing a person's group cannot shape it (GRADE sets it aside the same way).
    const outcomes = outcomeMeasures(study, instruments).filter((outcome) => !unassigned || outcome.timepoints.length > 0 || outcome.kind === "instrument");
    if (unassigned && outcomes.length === 0) return undefined;
    const shown = 6;
    const names = outcomes.map((outcome) => outcome.measures);
    const measures = outcomes.length === 0 ? "outcomes" : listNames(names, shown);
    const who = outcomeAssessment?.value;
    const knowing = blinding.value === "none" ? "who know" : "who may know";
    const known = unassigned ? "which group each person was in" : "what each participant received";
    const opening = blinding.value === "none" ? "no blinding" : "blinding not reported";
    const title =
      who === "self-report" || who === "mixed"
        ? `${opening}; outcomes ${who === "mixed" ? "partly " : ""}rated by the participants themselves`
        : who === "clinician-rated"
          ? `${opening}; outcomes rated by assessors whose blinding is not recorded`
          : `${opening}; who rated the outcomes is not recorded`;
    const why =
      who === "self-report"
        ? `Participants ${knowing} what they received rate their own ${measures}; expectation alone can move such ratings.`
        : who === "mixed"
          ? `Some of the outcomes are rated by the participants themselves, ${knowing} what they received, and the file does not say which of ${measures}; expectation alone can move such ratings.`
          : who === "clinician-rated"
            ? `Assessors ${knowing} ${known} can rate ${measures} more favourably where they expect a benefit.`
            : `Without knowing who recorded ${measures} and whether they knew ${known}, a reader cannot judge how far expectation shaped what was recorded.`;
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
      why: "Without doses the drug arms cannot be reproduced, a dose–response claim cannot be checked, and arms said to differ in dose cannot be compared.",
      consequences: [],
    };
  },
};
