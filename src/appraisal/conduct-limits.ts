import { scoreStep } from "../schema/instrument.js";
import type { Eligibility, Mean } from "../schema/reported-value.js";
import type { Source } from "../schema/source.js";
import type { InstrumentRegistry } from "../io/load-instruments.js";
import type { Evidence } from "../schema/checklist.js";
import type { Arm, Study } from "../schema/study.js";
import { differenceAttritionConsequence, meanAttritionConsequence, proportionAttritionConsequence, rtmConsequence } from "./bound-consequences.js";
import { definedGroupWords, groupsNotAssigned, hasInactiveControl, interventionWords, isDrugArm, isUntreatedArm, orderedTimepoints } from "./design-facts.js";
import type { Consequence } from "./limit-flag.js";
import { attributeNote, defined, listNames, listWords, pct, quotes, type AppraisalInput, type LimitRule } from "./limit-rules.js";
import { flowCount, outcomeMeasures, outcomeObserved, startedIn } from "./outcome-measures.js";

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

/** One group (or one outcome in one group) followed to the last assessment: how many started and how many were observed. */
export interface Loss {
  label: string;
  group: string;
  started: number;
  observed: number;
  /** The outcome's name, when the count is the n printed with that outcome's values. */
  outcome?: string;
}

const COMPLETED = ["completed", "analysed"] as const;
const LOST = ["lost-to-follow-up", "withdrawn"] as const;

/** Observed at the end of one group by its flow: completed or analysed, else started minus lost or withdrawn. */
function flowObserved(study: Study, group: string): number | undefined {
  const done = flowCount(study, group, COMPLETED);
  if (done !== undefined) return done;
  const lost = flowCount(study, group, LOST);
  return lost === undefined ? undefined : startedIn(study, group) - lost;
}

const labelOf = (study: Study, group: string) => (group === "all" ? "whole sample" : (study.design.arms.find((arm) => arm.id === group)?.label ?? group));

/**
 * Who was observed at the end, from what the file reports: the flow's completed, analysed or lost counts
 * per arm (or for the whole sample); else, outcome by outcome, the n printed with its values at its last
 * assessment (these may differ: a questionnaire answered by 26, a physical test done by 19).
 *
 * @example
 * losses(yoga, instruments).map((loss) => loss.observed); // => [19, 20, 21, …, 26] (one per outcome)
 */
export function losses(study: Study, instruments: InstrumentRegistry): Loss[] {
  const arms = study.design.arms.flatMap((arm) => {
    const observed = flowObserved(study, arm.id);
    return observed === undefined ? [] : [{ label: arm.label, group: arm.id, started: startedIn(study, arm.id), observed }];
  });
  if (arms.length > 0) return arms;
  const whole = flowObserved(study, "all");
  if (whole !== undefined) return [{ label: "whole sample", group: "all", started: startedIn(study, "all"), observed: whole }];
  const first = orderedTimepoints(study)[0]?.id;
  return outcomeMeasures(study, instruments)
    .filter((outcome) => outcome.timepoints.some((timepoint) => timepoint !== first))
    .flatMap((outcome) => outcomeObserved(study, outcome).flatMap((entry) => (entry.observed === undefined ? [] : [{ label: labelOf(study, entry.group), group: entry.group, started: entry.started, observed: entry.observed, outcome: outcome.name }])));
}

/** Whether the file says who was observed at the end: a completion, analysis or loss count, or an n printed with a result. */
export function completionKnown(study: Study): boolean {
  return (
    study.reported.some((value) => value.kind === "sample-flow" && ([...COMPLETED, ...LOST] as readonly string[]).includes(value.stage)) ||
    study.reported.some((value) => ((value.kind === "mean" || value.kind === "median" || value.kind === "mean-change") && value.n !== undefined) || (value.kind === "proportion" && value.denominator !== undefined))
  );
}

/** The largest share lost in any group or outcome (0 when nothing is known to be lost). */
export function worstLoss(study: Study, instruments: InstrumentRegistry): number {
  return Math.max(0, ...losses(study, instruments).map((loss) => 1 - loss.observed / loss.started));
}

/** The scale of a measure, when the file or its instrument bounds it. */
function scaleOf(study: Study, instruments: InstrumentRegistry, value: Mean): { name: string; min: number; max: number } | undefined {
  if (value.instrument !== undefined) {
    const instrument = instruments.get(value.instrument);
    return instrument ? { name: instrument.abbreviation, min: instrument.min, max: instrument.max } : undefined;
  }
  const variable = study.variables.find((entry) => entry.id === value.variable);
  return variable && variable.min !== undefined && variable.max !== undefined ? { name: variable.label, min: variable.min, max: variable.max } : undefined;
}

/**
 * Worst-case bounds (Horowitz–Manski) for what is reported at the last assessment on fewer people than
 * started: a share with a printed denominator (a share without one is of its whole group, so nobody is
 * missing from it), and a mean on a bounded scale; and, with two arms, their difference.
 */
function attritionBounds({ study, instruments }: AppraisalInput, entries: readonly Loss[]): Consequence[] {
  const out: Consequence[] = [];
  const last = orderedTimepoints(study).at(-1);
  const startedOf = (group: string) => entries.find((entry) => entry.group === group)?.started ?? startedIn(study, group);
  const byFlow = new Map(entries.filter((entry) => entry.outcome === undefined).map((entry) => [entry.group, entry.observed]));
  const proportionBoundsOf = new Map<string, [number, number]>();
  const meanBoundsOf = new Map<string, [number, number]>();
  for (const value of study.reported) {
    if (value.kind === "proportion" && value.count !== undefined && value.group !== undefined && value.denominator !== undefined && value.timepoint === last?.id) {
      const started = startedOf(value.group);
      if (value.denominator >= started || value.count > value.denominator) continue;
      const consequence = proportionAttritionConsequence(`${value.outcome}${value.group === "all" ? "" : ` in ${labelOf(study, value.group)}`}`, value.count, value.denominator, started);
      out.push(consequence);
      proportionBoundsOf.set(`${value.outcome}|${value.group}`, consequence.result.interval as [number, number]);
    }
    if (value.kind === "mean" && value.timepoint === last?.id) {
      const group = value.group ?? "all";
      const scale = scaleOf(study, instruments, value);
      const observed = value.n ?? byFlow.get(group);
      const started = startedOf(group);
      if (!scale || observed === undefined || observed >= started) continue;
      const consequence = meanAttritionConsequence(`${scale.name} at ${last!.label}${group === "all" ? "" : ` in ${labelOf(study, group)}`}`, Number(value.mean), observed, started, scale.min, scale.max);
      out.push(consequence);
      meanBoundsOf.set(`${value.instrument ?? value.variable}|${group}`, consequence.result.interval as [number, number]);
    }
  }
  const arms = study.design.arms;
  if (arms.length === 2) {
    const [a, b] = arms as [Arm, Arm];
    const pairs = (bounds: Map<string, [number, number]>) => [...bounds].flatMap(([key, first]) => {
      const [measure, group] = key.split("|");
      const second = group === a.id ? bounds.get(`${measure}|${b.id}`) : undefined;
      return second ? [{ measure: measure!, first, second }] : [];
    });
    for (const { measure, first, second } of pairs(proportionBoundsOf)) out.push(differenceAttritionConsequence(`${measure}, ${a.label} − ${b.label}`, first, second, "share"));
    for (const { measure, first, second } of pairs(meanBoundsOf)) {
      const name = instruments.get(measure)?.abbreviation ?? study.variables.find((entry) => entry.id === measure)?.label ?? measure;
      out.push(differenceAttritionConsequence(`${name} at ${last?.label ?? "the last timepoint"}, ${a.label} − ${b.label}`, first, second, "points"));
    }
  }
  return out;
}

/** "4 of 30 (13.3%)", or "4 to 11 of 30 (13.3% to 36.7%)" when outcomes differ. */
function lossWords(started: number, missing: number[]): string {
  const low = Math.min(...missing);
  const high = Math.max(...missing);
  return low === high ? `${low} of ${started} (${pct(low / started)})` : `${low} to ${high} of ${started} (${pct(low / started)} to ${pct(high / started)}), by outcome`;
}

/** People in none of the groups nobody assigned: the groups hold those whose defining outcome or exposure was recorded. */
function outsideTheGroups(study: Study): { title: string; evidence: Evidence[] } | undefined {
  const inGroups = study.design.arms.reduce((sum, arm) => sum + arm.size.value, 0);
  const total = study.design.sampleSize.value;
  if (inGroups >= total) return undefined;
  return {
    title: `${total - inGroups} of ${total} (${pct((total - inGroups) / total)}) are in none of the groups (${definedGroupWords(study)})`,
    evidence: quotes([study.design.sampleSize.source, ...study.design.arms.map((arm) => arm.size.source)]),
  };
}

export const attrition: LimitRule = {
  id: "attrition",
  find(input) {
    const { study, instruments } = input;
    if (groupsNotAssigned(study)) {
      const outside = outsideTheGroups(study);
      if (outside) {
        return {
          ...outside,
          notes: [`the groups hold ${study.design.arms.reduce((sum, arm) => sum + arm.size.value, 0)} of the ${study.design.sampleSize.value} in the study`],
          why: "Each group holds the people whose defining outcome or exposure was recorded. The rest (still in follow-up, lost, or not classified) are in neither group, so what the groups show says nothing about them.",
          consequences: [],
        };
      }
      if (study.design.timepoints.length < 2 || completionKnown(study)) return undefined;
    }
    if (study.design.timepoints.length < 2) return undefined;
    const entries = losses(study, instruments);
    if (entries.length === 0) {
      if (completionKnown(study)) return undefined;
      return {
        title: "how many completed the study is not reported",
        evidence: [],
        notes: [`${study.design.timepoints.length} timepoints; no count of those completing or analysed, and no n with the results`],
        why: "If some people left before the last assessment, the results describe those who stayed, who may differ from those who left; without the numbers a reader cannot tell how many are missing or bound what they would change.",
        consequences: [],
      };
    }
    const lossy = entries.filter((entry) => entry.observed < entry.started);
    if (lossy.length === 0) return undefined;
    const groups = [...new Set(lossy.map((entry) => entry.group))];
    const single = study.design.arms.length === 1;
    const words = groups.map((group) => {
      const mine = lossy.filter((entry) => entry.group === group);
      return `${single ? "" : `${mine[0]!.label} `}${lossWords(mine[0]!.started, mine.map((entry) => entry.started - entry.observed))}`;
    });
    const byOutcome = entries.some((entry) => entry.outcome !== undefined);
    const last = orderedTimepoints(study).at(-1);
    return {
      title: `${byOutcome ? "outcome data missing at the last assessment" : "losses before the last assessment"}: ${listWords(words)}`,
      evidence: quotes(study.reported.filter((value) => value.kind === "sample-flow").map((value) => value.source)),
      notes: entries.map((entry) => `${[single && entry.outcome ? undefined : entry.label, entry.outcome].filter(Boolean).join(", ")}: ${entry.observed} of ${entry.started} observed${entry.outcome ? ` at ${last?.label ?? "the last assessment"}` : " at the end"}`),
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
