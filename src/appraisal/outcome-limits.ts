import { bandInterval } from "../checks/band-shift.js";
import type { ImportantChange, Instrument } from "../schema/instrument.js";
import type { BandShift, Mean, MeanChange, PercentChange, Proportion } from "../schema/reported-value.js";
import type { Source } from "../schema/source.js";
import type { Study } from "../schema/study.js";
import { zeroEventsConsequence } from "./bound-consequences.js";
import { claimReadings, harmWords, readingsNote } from "./claim-readings.js";
import { interventionWords, orderedTimepoints } from "./design-facts.js";
import type { Consequence } from "./limit-flag.js";
import { defined, groupSize, listWords, quotes, studyClaims, type LimitRule } from "./limit-rules.js";

/*
 * Limits on what the outcomes can mean for patients: changes measured against published minimal
 * important changes, and harms counted in too few people to rule them out.
 */

type Verdict = "reaches" | "below" | "cannot tell";

interface Comparison {
  verdict: Verdict;
  consequence: Consequence;
  source: Source;
}

const round = (value: number, digits = 2): string => String(Number(value.toFixed(digits)));
const timepointLabel = (study: Study, id: string): string => study.design.timepoints.find((timepoint) => timepoint.id === id)?.label ?? id;

/** The published important changes to compare against, per unit: the least important level recorded for that unit. */
function thresholds(instrument: Instrument, unit: ImportantChange["unit"]): ImportantChange[] {
  const all = (instrument.psychometrics?.importantChange ?? []).filter((change) => change.unit === unit);
  for (const level of ["minimal", "moderate", "substantial"] as const) {
    const found = all.filter((change) => change.importance === level);
    if (found.length > 0) return found;
  }
  return [];
}

const thresholdWords = (change: ImportantChange): string =>
  `${change.value}${change.upper !== undefined ? `–${change.upper}` : ""}${change.unit === "percent" ? "%" : " points"} (${change.importance} important change for ${change.level === "individual" ? "one person" : change.level === "group" ? "a group" : "an unstated level"}, ${change.reference.citation.split(".")[0]})`;

/** Compares an improvement known to lie in [low, high] with a threshold (or a published range of thresholds). */
function judge(low: number, high: number, change: ImportantChange): Verdict {
  const top = change.upper ?? change.value;
  if (low >= top) return "reaches";
  if (high < change.value) return "below";
  return "cannot tell";
}

const VERDICT_WORDS: Record<Verdict, string> = { reaches: "reaches it", below: "falls short of it", "cannot tell": "may or may not reach it" };

function comparison(label: string, lowIn: number, highIn: number, unit: "points" | "percent", change: ImportantChange, source: Source, reading?: string): Comparison {
  // −0 (a change of zero on a scale where improvement is a fall) reads as 0.
  const low = lowIn === 0 ? 0 : lowIn;
  const high = highIn === 0 ? 0 : highIn;
  // Shares are carried as fractions; published percent thresholds are in percent.
  const verdict = unit === "percent" ? judge(low * 100, high * 100, change) : judge(low, high, change);
  const shown = (value: number) => (unit === "percent" ? `${round(value * 100, 1)}%` : round(value));
  const range = low === high ? shown(low) : `${shown(low)} to ${shown(high)}`;
  return {
    verdict,
    source,
    consequence: {
      method: "important-change",
      statement: `${label}: an improvement of ${range}${reading ? ` (${reading})` : ""} against ${thresholdWords(change)}: ${VERDICT_WORDS[verdict]}`,
      inputs: { label, low: unit === "percent" ? low * 100 : low, high: unit === "percent" ? high * 100 : high, unit, threshold: change.value, ...(change.upper !== undefined ? { thresholdUpper: change.upper } : {}) },
      result: { verdict },
      references: [change.reference.doi ? { citation: change.reference.citation, doi: change.reference.doi } : { citation: change.reference.citation }],
    },
  };
}

/** Improvement is a fall on a scale where higher is worse. */
const improvementSign = (instrument: Instrument): number => (instrument.higherIsWorse ? -1 : 1);

function percentChanges(value: PercentChange, instrument: Instrument, label: string): Comparison[] {
  const signed = (value.direction === "decrease" ? -1 : 1) * Number(value.percent) / 100;
  const improvement = signed * improvementSign(instrument);
  // A worsening claims no benefit: there is nothing to hold against an important improvement.
  if (improvement <= 0) return [];
  return thresholds(instrument, "percent").map((change) => comparison(label, improvement, improvement, "percent", change, value.source));
}

function meanChanges(study: Study, value: MeanChange, instrument: Instrument, label: string): Comparison[] {
  const sign = improvementSign(instrument);
  const estimate = Number(value.change) * sign;
  const ends = value.ci ? [Number(value.ci.lower) * sign, Number(value.ci.upper) * sign] : [estimate, estimate];
  const low = Math.min(...ends);
  const high = Math.max(...ends);
  const reading = value.ci ? `estimate ${round(estimate)}, 95% CI ${round(low)} to ${round(high)}` : undefined;
  const out = thresholds(instrument, "points").map((change) => comparison(label, low, high, "points", change, value.source, reading));
  const baseline = study.reported.find((entry): entry is Mean => entry.kind === "mean" && entry.instrument === value.instrument && entry.group === value.group && entry.timepoint === value.from);
  if (baseline && Number(baseline.mean) > 0) {
    const base = Number(baseline.mean);
    out.push(...thresholds(instrument, "percent").map((change) => comparison(`${label}, as a share of the mean at ${timepointLabel(study, value.from)} (${baseline.mean})`, low / base, high / base, "percent", change, value.source)));
  }
  return out;
}

function bandShifts(value: BandShift, instrument: Instrument, label: string): Comparison[] {
  if (!value.from?.band || !value.to.band) return [];
  const out: Comparison[] = [];
  for (const convention of instrument.bandConventions) {
    const from = bandInterval(convention.bands, value.from.band);
    const to = bandInterval(convention.bands, value.to.band);
    if (!from || !to) continue;
    const sign = improvementSign(instrument);
    // The change runs from the earlier band to the later one; improvement is its signed size.
    const changes = [to.lower - from.upper, to.upper - from.lower].map((change) => change * sign);
    const reading = `if the bands describe the group mean, under ${convention.label}`;
    out.push(...thresholds(instrument, "points").map((change) => comparison(label, Math.min(...changes), Math.max(...changes), "points", change, value.source, reading)));
    if (from.lower > 0) {
      const shares = [(to.lower - from.upper) / from.upper, (to.upper - from.lower) / from.lower].map((share) => share * sign);
      out.push(...thresholds(instrument, "percent").map((change) => comparison(label, Math.min(...shares), Math.max(...shares), "percent", change, value.source, reading)));
    }
  }
  return out;
}

/** The difference between two arms' means at the last timepoint, experimental (or first) arm against the other. */
function armDifference(study: Study, instrument: Instrument): Comparison[] {
  if (study.design.arms.length !== 2) return [];
  const last = orderedTimepoints(study).at(-1);
  const [first, second] = study.design.arms;
  const experimental = study.design.arms.find((arm) => arm.role === "experimental") ?? first!;
  const other = experimental === first ? second! : first!;
  const meanOf = (group: string) => study.reported.find((entry): entry is Mean => entry.kind === "mean" && entry.instrument === instrument.id && entry.group === group && entry.timepoint === last?.id);
  const a = meanOf(experimental.id);
  const b = meanOf(other.id);
  if (!a || !b) return [];
  const improvement = (Number(a.mean) - Number(b.mean)) * improvementSign(instrument);
  return thresholds(instrument, "points").map((change) =>
    comparison(`${instrument.abbreviation} at ${last!.label}, ${experimental.label} (${a.mean}) against ${other.label} (${b.mean})`, improvement, improvement, "points", change, a.source, "a difference between group means, compared with a threshold for one person's change"),
  );
}

export const belowImportantDifference: LimitRule = {
  id: "below-important-difference",
  find({ study, instruments }) {
    const comparisons: Comparison[] = [];
    const unmatched: string[] = [];
    for (const entry of study.instruments) {
      const instrument = instruments.get(entry.ref);
      if (!instrument || (instrument.psychometrics?.importantChange ?? []).length === 0) continue;
      for (const value of study.reported) {
        if (!("instrument" in value) || value.instrument !== instrument.id) continue;
        const group = "group" in value && value.group !== "all" ? study.design.arms.find((arm) => arm.id === value.group)?.label : undefined;
        const label = `${instrument.abbreviation}${group ? `, ${group}` : ""}`;
        if (value.kind === "percent-change") {
          if (thresholds(instrument, "percent").length > 0) comparisons.push(...percentChanges(value, instrument, `${label}, ${value.timepointsAsReported}`));
          else unmatched.push(`${label}: a ${value.percent}% change, but the published important changes for ${instrument.abbreviation} are in points and no baseline mean is reported to convert them`);
        }
        if (value.kind === "mean-change") comparisons.push(...meanChanges(study, value, instrument, `${label}, change from ${timepointLabel(study, value.from)} to ${timepointLabel(study, value.to)}`));
        if (value.kind === "band-shift") comparisons.push(...bandShifts(value, instrument, `${label}, "${value.from?.label}" to "${value.to.label}"`));
      }
      comparisons.push(...armDifference(study, instrument));
    }
    const short = comparisons.filter((entry) => entry.verdict !== "reaches");
    if (short.length === 0 && unmatched.length === 0) return undefined;
    const below = comparisons.filter((entry) => entry.verdict === "below").length;
    return {
      title: `changes not shown to reach a minimal important change (${below} below, ${short.length - below} undecided${unmatched.length > 0 ? `, ${unmatched.length} not comparable` : ""}, of ${comparisons.length + unmatched.length})`,
      evidence: quotes(short.map((entry) => entry.source)),
      notes: [...unmatched, "published important changes are mostly thresholds for one person's change; a difference between group means can matter below them, so 'falls short' is about what was shown, not proof of no benefit"],
      why: "A change can be larger than chance and still too small for patients to notice. Published minimal important changes give the yardstick; a result that falls short of it, or whose interval reaches below it, has not been shown to matter to patients.",
      consequences: comparisons.map((entry) => entry.consequence),
    };
  },
};

export const harmsImprecise: LimitRule = {
  id: "harms-imprecise",
  find(input) {
    const { study, instruments } = input;
    const safety = studyClaims(input).filter((claim) => claim.type === "safety");
    const zeros = study.reported.filter((value): value is Proportion => value.kind === "proportion" && value.count === 0);
    if (safety.length === 0 && zeros.length === 0) return undefined;
    const consequences: Consequence[] = [];
    // A claim and a zero count of the same harm in the same people (the yoga pilot's "no adverse events",
    // entered as both) are one finding: bound it once, under the claim's strongest reading.
    const bounded = new Set<string>();
    for (const claim of safety) {
      const n = groupSize(study, claim.group);
      if (n === undefined || n < 1 || claimReadings(study, claim, instruments).length === 0) continue;
      const harms = harmWords(claim, instruments);
      const bound = zeroEventsConsequence(harms === "harm" ? "harms" : harms, n);
      consequences.push({ ...bound, statement: `under the strongest reading (no ${harms} in any of the ${n}), ${bound.statement}` });
      bounded.add(`${harms.toLowerCase()}|${claim.group}|${n}`);
    }
    for (const value of zeros) {
      const n = value.denominator ?? groupSize(study, value.group);
      if (n !== undefined && n >= 1 && !bounded.has(`${value.outcome.toLowerCase()}|${value.group}|${n}`)) consequences.push(zeroEventsConsequence(value.outcome, n));
    }
    const n = Math.max(...defined([...safety.map((claim) => groupSize(study, claim.group)), ...zeros.map((value) => value.denominator ?? groupSize(study, value.group))]), 0);
    // Common harms are those in 1% or more (CIOMS); zero events rule them out (rule of three) only from n > 300.
    const few = n > 0 && 3 / n >= 0.01;
    const what = safety.length > 0 ? "harms: none reported" : `no ${listWords([...new Set(zeros.map((value) => value.outcome))])} reported`;
    return {
      title: `${what} in ${n} people${few ? ", too few to rule out common harms" : ""}`,
      evidence: quotes([...safety.map((claim) => claim.source), ...zeros.map((value) => value.source)]),
      notes: defined(safety.map((claim) => readingsNote(study, claim, instruments))),
      why: `${few ? `Zero events in a small group do not show that ${interventionWords(study)} ${interventionWords(study).startsWith("the interventions") ? "are" : "is"} safe: with n = ${n}, harms affecting a sizeable share of people would often produce no event at all.` : `Zero events in ${n} people bound how common such events can be, not whether rare ones occur.`} How harms were looked for, and for how long, decides whether "none" means none occurred or none was recorded.`,
      consequences,
    };
  },
};
