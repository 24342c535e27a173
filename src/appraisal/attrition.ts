import type { Mean } from "../schema/reported-value.js";
import type { InstrumentRegistry } from "../io/load-instruments.js";
import type { Evidence } from "../schema/checklist.js";
import type { Arm, Study } from "../schema/study.js";
import { differenceAttritionConsequence, meanAttritionConsequence, proportionAttritionConsequence } from "./bound-consequences.js";
import { definedGroupWords, groupsNotAssigned, orderedTimepoints } from "./design-facts.js";
import type { Consequence } from "./limit-flag.js";
import { listWords, pct, quotes, type AppraisalInput, type LimitRule } from "./limit-rules.js";
import { flowCount, outcomeMeasures, outcomeObserved, startedIn } from "./outcome-measures.js";

/*
 * Who was lost before the last assessment, counted outcome by outcome from the n printed with each
 * (else from the sample flow), and what the missing people could do to each result at worst.
 */
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
