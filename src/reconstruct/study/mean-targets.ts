import { bandInterval, type MeanInterval } from "../../checks/band-shift.js";
import { CohortError } from "../../errors.js";
import type { InstrumentRegistry } from "../../io/load-instruments.js";
import * as message from "../../messages/reconstruct-study.js";
import type { BandConvention, Instrument } from "../../schema/instrument.js";
import type { BandShift, Composition, Mean, PercentChange, ReportedValue } from "../../schema/reported-value.js";
import type { Study } from "../../schema/study.js";
import { unround } from "../../stats/rounding.js";
import { parseStep } from "../../stats/step.js";
import { chainTuples, type ChainUse } from "./chain-targets.js";
import { studyGroups, type PatientGroup } from "./groups.js";

export type { ChainUse } from "./chain-targets.js";

/** Whole-number range of a group's total score, in scoring units (1/items for mean-scored instruments). */
export interface SumRange {
  lo: number;
  hi: number;
}

/** Per-patient bounds at one timepoint that depend on the patient's category (SDS cut-off per substance). */
export interface PerPatientBands {
  timepoint: string;
  variable: string;
  /** Category id → inclusive range in scoring units, or null when no cut-off applies. */
  ranges: Record<string, SumRange | null>;
}

/**
 * Everything reported about one instrument in one group, turned into constraints on the group's
 * total score at each timepoint: the mean-level reconstruction the patient rows are drawn from.
 */
export interface MeanTarget {
  group: string;
  instrument: string;
  n: number;
  /** Scoring units per score point: items for mean scoring, 1 for sum scoring. */
  unitsPerPoint: number;
  lowUnits: number;
  highUnits: number;
  higherIsWorse: boolean;
  /** Timepoints this group gets values at, in time order. */
  timepoints: string[];
  /** Timepoints with a column for this instrument but no constraint for this group (left empty). */
  empty: string[];
  /** Group totals (units) from the band shifts and reported means, per timepoint. */
  intervals: Record<string, SumRange>;
  /** Group totals (units) from the percent-change chain: every listed tuple fits the chain used. */
  tuples: Record<string, number>[] | null;
  /** False when the chain fits more tuples than were listed (so `tuples` is not all of them); absent means complete. */
  tuplesComplete?: boolean;
  chain: ChainUse | null;
  perPatient: PerPatientBands[];
  improved: { quote: string } | null;
  /** Every assumption behind these targets. */
  assumptions: string[];
}

export interface MeanTargetOptions {
  /** Instrument id → band convention id. Instruments not listed use their first convention. */
  conventions?: Record<string, string>;
  improvement?: "as-claimed" | "not-assumed";
  /** Which consistent subset (by index) to use when a chain is inconsistent under every computation. */
  subsetIndex?: number;
}

/**
 * Timepoint ids that carry a column for an instrument: everything reported on it, plus the first
 * timepoint when an "improved in all" claim covers it (improvement needs a starting score).
 *
 * @param study a validated study
 * @param instrumentId instrument id as the study references it
 * @example
 * instrumentTimepoints(studyA, "sds"); // => ["baseline", "after-treatments"]
 */
export function instrumentTimepoints(study: Study, instrumentId: string): string[] {
  const used = new Set<string>();
  for (const value of rebuildValues(study.reported, instrumentId).filter((v) => !isSubsetMean(study, v))) {
    if (value.kind === "band-shift") {
      if (value.from) used.add(value.from.timepoint);
      used.add(value.to.timepoint);
    } else if (value.kind === "percent-change") {
      used.add(value.from);
      used.add(value.to);
    } else if (value.timepoint !== undefined) used.add(value.timepoint);
  }
  if (used.size > 0 && improvementClaim(study, instrumentId, "all")) {
    const first = [...study.design.timepoints].sort((a, b) => a.order - b.order)[0];
    if (first) used.add(first.id);
  }
  return study.design.timepoints.filter((t) => used.has(t.id)).sort((a, b) => a.order - b.order).map((t) => t.id);
}

function improvementClaim(study: Study, instrumentId: string, group: string): { quote: string } | null {
  const claim = study.claims.find((c) => c.type === "all-improved" && (c.about ?? []).includes(instrumentId) && (c.group === undefined || c.group === "all" || c.group === group));
  return claim ? { quote: claim.source.quote } : null;
}

/**
 * The band convention used for an instrument: the requested one, else the first general one it lists
 * (conventions that apply only to some categories, like SDS per substance, are not defaults).
 *
 * @param instrument an instrument definition
 * @param conventions instrument id → requested convention id
 * @example
 * chosenConvention(nrsPain, { "nrs-pain": "palos-2006" })?.id; // => "palos-2006"
 */
export function chosenConvention(instrument: Instrument, conventions: Record<string, string> | undefined): BandConvention | undefined {
  const wanted = conventions?.[instrument.id];
  const general = instrument.bandConventions.filter((c) => !c.appliesTo);
  return (wanted ? instrument.bandConventions.find((c) => c.id === wanted) : undefined) ?? general[0] ?? instrument.bandConventions[0];
}

/**
 * Mean-level reconstruction: for every instrument and group of a study, the group totals (hence
 * group means) consistent with the reported band shifts, means and percent-change chains, with the
 * assumptions that produced them. Chains come from the checks engine (`percentChangeChain`); when a
 * chain is inconsistent, the first consistent alternative computation is used, and when none is,
 * the largest consistent subsets of the changes — always said in the assumptions.
 * Reference: Brown & Heathers (2017), doi:10.1177/1948550616673876 (granularity of means).
 *
 * @param study a validated study
 * @param instruments the instrument registry
 * @param options band conventions, improvement reading, subset choice
 * @throws CohortError when the reported values leave no feasible group means (e.g. a chain and a band that exclude each other)
 * @example
 * reconstructMeans(studyB, registry).find((t) => t.group === "psychedelic")?.tuples?.length; // => 6
 */
export function reconstructMeans(study: Study, instruments: InstrumentRegistry, options: MeanTargetOptions = {}): MeanTarget[] {
  const groups = studyGroups(study);
  const targets: MeanTarget[] = [];
  for (const entry of study.instruments) {
    const instrument = instruments.get(entry.ref);
    if (!instrument) continue;
    // A mean of fewer people than its group does not fix the group's total (subsetMeans lists them).
    const values = rebuildValues(study.reported, instrument.id).filter((v) => !isSubsetMean(study, v));
    if (values.length === 0) continue;
    const columns = instrumentTimepoints(study, instrument.id);
    const reportedGroups = new Set(values.map((v) => v.group));
    const mixed = reportedGroups.has("all") && reportedGroups.size > 1 && groups.arms.length > 1;
    const units: PatientGroup[] = reportedGroups.has("all") && !mixed ? [groups.all] : groups.arms.filter((a) => reportedGroups.has(a.id) || (groups.arms.length === 1 && reportedGroups.has("all")));
    for (const unit of units) {
      const own = values.filter((v) => v.group === unit.id || (v.group === "all" && (unit.id === "all" || groups.arms.length === 1)));
      const target = buildTarget(study, instrument, unit, own, columns, options);
      if (mixed) target.assumptions.unshift(message.assumeMixedGroups(instrument.abbreviation));
      targets.push(target);
    }
  }
  return targets;
}

function buildTarget(study: Study, instrument: Instrument, unit: PatientGroup, values: Study["reported"], columns: string[], options: MeanTargetOptions): MeanTarget {
  // Scoring units per score point: a person's score is a whole number of units (items over the item step).
  const itemStep = parseStep(instrument.itemStep ?? 1, "itemStep");
  const unitsPerPoint = ((instrument.scoring === "mean" ? instrument.items : 1) * itemStep.den) / itemStep.num;
  const lowUnits = Math.round(instrument.min * unitsPerPoint);
  const highUnits = Math.round(instrument.max * unitsPerPoint);
  const n = unit.size;
  const abbr = instrument.abbreviation;
  const assumptions: string[] = [message.assumeIntegerScores()];
  const intervals: Record<string, SumRange> = {};
  const perPatient: PerPatientBands[] = [];
  const constrained = new Set<string>();
  const narrow = (t: string, range: SumRange): void => {
    const old = intervals[t] ?? { lo: lowUnits * n, hi: highUnits * n };
    intervals[t] = { lo: Math.max(old.lo, range.lo), hi: Math.min(old.hi, range.hi) };
    constrained.add(t);
  };
  const toSums = (interval: MeanInterval): SumRange => {
    const scale = n * unitsPerPoint;
    const lo = interval.lowerInclusive ? Math.ceil(interval.lower * scale - 1e-9) : Math.floor(interval.lower * scale + 1e-9) + 1;
    const hi = interval.upperInclusive ? Math.floor(interval.upper * scale + 1e-9) : Math.ceil(interval.upper * scale - 1e-9) - 1;
    return { lo, hi };
  };

  const bandShifts = values.filter((v): v is BandShift => v.kind === "band-shift");
  const convention = chosenConvention(instrument, options.conventions);
  let bandsSaid = false;
  for (const shift of bandShifts) {
    const ends = [shift.from, shift.to].filter((e): e is NonNullable<typeof e> => e !== undefined);
    for (const end of ends) {
      const interval = end.band && convention ? bandInterval(convention.bands, end.band) : null;
      if (interval) {
        if (!bandsSaid) {
          assumptions.push(message.assumeGroupMean(abbr, shift.statistic), message.assumeBands(abbr, convention!.label), message.assumeBandInterval());
          bandsSaid = true;
        }
        narrow(end.timepoint, toSums(interval));
        continue;
      }
      const categoryBands = perPatientBands(study, instrument, end.timepoint, unitsPerPoint);
      if (categoryBands) {
        perPatient.push(categoryBands.bands);
        assumptions.push(message.assumePerPatientBand(abbr, end.label, categoryBands.parts), ...categoryBands.missing.map((c) => message.assumeNoCutOff(c, abbr)));
        constrained.add(end.timepoint);
      } else {
        assumptions.push(message.assumeUnreported(abbr, end.timepoint, `"${end.label}" maps to no band of ${abbr}`));
      }
    }
    if (!shift.from && columns[0] !== shift.to.timepoint) {
      assumptions.push(message.assumeUnreported(abbr, columns[0] ?? "baseline", "the source gives no starting band"));
    }
  }
  for (const v of values) {
    if (v.kind !== "mean" || v.timepoint === undefined) continue;
    const u = unround(v.mean);
    narrow(v.timepoint, toSums(u));
    assumptions.push(message.assumeMeanValue(abbr, v.timepoint, v.mean));
    if (v.dispersion !== undefined) assumptions.push(message.assumeSpreadNotUsed(abbr, v.timepoint, v.dispersion));
  }

  const changes = values.filter((v): v is PercentChange => v.kind === "percent-change");
  let tuples: Record<string, number>[] | null = null;
  let tuplesComplete = true;
  let chain: ChainUse | null = null;
  if (changes.length > 0) {
    for (const c of changes) if (c.interpretation) assumptions.push(message.assumeInterpretation(c.id, c.timepointsAsReported, `${c.from}→${c.to}`));
    assumptions.push(message.assumeRounding());
    const result = chainTuples(study, instrument, unit, changes, options.subsetIndex ?? 0);
    chain = result.use;
    if (chain.used === "none") assumptions.push(chain.status === "undetermined" ? message.assumeChainTooLarge(unit.id, abbr, chain.dropped) : message.assumeChainNone(unit.id, abbr, chain.dropped));
    const scale = n * unitsPerPoint;
    tuples = chain.used === "none" ? null : result.tuples
      .map((tuple) => Object.fromEntries(Object.entries(tuple).map(([t, mean]) => [t, Math.round(mean * scale)])))
      .filter((tuple) => Object.entries(tuple).every(([t, sum]) => !intervals[t] || (sum >= intervals[t]!.lo && sum <= intervals[t]!.hi)));
    for (const t of Object.keys(tuples?.[0] ?? {})) constrained.add(t);
    if (tuples && tuples.length === 0) throw new CohortError({ message: message.infeasible(unit.id, abbr, "no group means fit both the percent changes and the other reported values") });
    const label = `${unit.id === "all" ? "all patients" : unit.id}`;
    if (chain.used === "primary") assumptions.push(message.assumeChainPrimary(label, abbr, chain.feasibleTuples));
    else if (chain.used === "explanation") assumptions.push(message.assumeChainExplanation(label, abbr, chain.explanation!.sentence, chain.explanation!.corrected, chain.feasibleTuples));
    else if (chain.used === "alternative") assumptions.push(message.assumeChainAlternative(label, abbr, chain.alternative!.label, chain.feasibleTuples));
    else if (chain.used === "subset") assumptions.push(message.assumeChainSubset(label, abbr, chain.kept, chain.dropped, chain.feasibleTuples));
    if (chain.used !== "none" && chain.feasibleTuples > result.tuples.length) tuplesComplete = false;
    if (chain.used !== "none" && chain.feasibleTuples > result.tuples.length) assumptions.push(message.assumeTuplesListed(label, abbr, result.tuples.length, chain.feasibleTuples));
    if (chain.offGrid && chain.offGrid.length > 0) assumptions.push(message.assumeOffGrid(label, abbr, chain.offGrid));
  }

  const improved = options.improvement === "not-assumed" ? null : improvementClaim(study, instrument.id, unit.id);
  if (improved) assumptions.push(message.assumeImproved(abbr, improved.quote));
  else if (improvementClaim(study, instrument.id, unit.id)) assumptions.push(message.assumeNoImprovement(abbr));
  if (improved && columns[0]) constrained.add(columns[0]);
  if (improved && columns.length > 0) constrained.add(columns[columns.length - 1]!);
  const timepoints = columns.filter((t) => constrained.has(t));
  const empty = columns.filter((t) => !constrained.has(t));
  if (empty.length > 0) assumptions.push(message.assumeLeftEmpty(unit.id === "all" ? "all patients" : unit.id, abbr, empty));
  for (const t of timepoints) {
    const reportedHere = intervals[t] || perPatient.some((p) => p.timepoint === t) || (tuples?.[0] && t in tuples[0]);
    if (!reportedHere && !assumptions.some((a) => a.startsWith(`${abbr} at ${t}:`))) assumptions.push(message.assumeUnreported(abbr, t, "no reported value; drawn only to satisfy the improvement reading"));
  }
  return { group: unit.id, instrument: instrument.id, n, unitsPerPoint, lowUnits, highUnits, higherIsWorse: instrument.higherIsWorse, timepoints, empty, intervals, tuples, tuplesComplete, chain, perPatient, improved, assumptions };
}

/** Per-category lowest-band ranges when the instrument's cut-offs are per category (SDS per substance). */
function perPatientBands(study: Study, instrument: Instrument, timepoint: string, unitsPerPoint: number): { bands: PerPatientBands; parts: string[]; missing: string[] } | null {
  const specific = instrument.bandConventions.filter((c) => c.appliesTo && c.appliesTo.length > 0);
  if (specific.length === 0) return null;
  const composition = study.reported.find((v): v is Composition => v.kind === "composition" && v.categories.some((c) => specific.some((s) => s.appliesTo!.includes(c.id))));
  if (!composition) return null;
  const ranges: Record<string, SumRange | null> = {};
  const parts: string[] = [];
  const missing: string[] = [];
  for (const category of composition.categories) {
    const convention = specific.find((s) => s.appliesTo!.includes(category.id));
    if (!convention) {
      ranges[category.id] = null;
      missing.push(category.label);
      continue;
    }
    const sorted = [...convention.bands].sort((a, b) => a.min - b.min);
    const best = instrument.higherIsWorse ? sorted[0]! : sorted[sorted.length - 1]!;
    ranges[category.id] = { lo: Math.round(best.min * unitsPerPoint), hi: Math.round(best.max * unitsPerPoint) };
    parts.push(`${category.label} ${best.min}–${best.max} (${convention.label})`);
  }
  return { bands: { timepoint, variable: composition.id, ranges }, parts, missing };
}

/** The values a study rebuild is pinned to: band shifts, percent changes and means on one instrument. */
export type RebuildValue = BandShift | PercentChange | Mean;

/**
 * The reported values on an instrument that the rebuild uses (band shifts, percent changes, group
 * means); the other kinds (medians, tests, effects…) do not pin patient-level values here.
 */
/** Whether a reported mean is of fewer people than its group (its own n is printed and smaller), so a rebuild of the whole group cannot use it. */
function isSubsetMean(study: Study, value: ReportedValue): value is Mean & { n: number } {
  if (value.kind !== "mean" || value.n === undefined) return false;
  const size = value.group === "all" ? study.design.sampleSize.value : study.design.arms.find((arm) => arm.id === value.group)?.size.value;
  return size !== undefined && value.n < size;
}

/**
 * The instrument means at a timepoint that a rebuild of whole groups leaves out, each with why: a mean
 * of n people of a larger group does not fix that group's total.
 *
 * @example
 * subsetMeans(yoga, registry)[0]; // => { instrument: "rand36-physical-functioning", note: "RAND-36 physical functioning at week-0: group mean 75.38 is of n = 26, not of the 30 rebuilt, …" }
 */
export function subsetMeans(study: Study, instruments: InstrumentRegistry): { instrument: string; note: string }[] {
  return study.reported
    .filter((v): v is Mean & { n: number } => isSubsetMean(study, v) && v.instrument !== undefined && v.timepoint !== undefined && instruments.has(v.instrument))
    .map((v) => ({
      instrument: v.instrument!,
      note: message.assumeMeanOfSubset(instruments.get(v.instrument!)!.abbreviation, v.timepoint!, v.mean, v.n, v.group === "all" ? study.design.sampleSize.value : study.design.arms.find((arm) => arm.id === v.group)!.size.value),
    }));
}

export function rebuildValues(reported: readonly ReportedValue[], instrumentId: string): RebuildValue[] {
  return reported.filter((v): v is RebuildValue => (v.kind === "band-shift" || v.kind === "percent-change" || v.kind === "mean") && v.instrument === instrumentId);
}
