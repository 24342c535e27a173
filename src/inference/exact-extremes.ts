import { CohortError, exitCodes, isCohortError } from "../errors.js";
import type { InstrumentRegistry } from "../io/load-instruments.js";
import * as message from "../messages/reconstruct-study.js";
import { rebuildValues } from "../reconstruct/study/mean-targets.js";
import type { Study } from "../schema/study.js";
import type { Extreme, SliceSource } from "./extreme.js";
import { mde } from "./mde.js";
import { pairModels, type GroupPairModel, type ImprovementReading } from "./pair-models.js";
import { rankSumExtremes, signedRankExtremes } from "./rank-extremes.js";
import { scoreSlices } from "./score-slices.js";
import { summaryPairedExtremes, summaryPairs } from "./summary-extremes.js";
import { DEFAULT_BUDGET, pairedTExtremes, welchTExtremes } from "./t-extremes.js";

export type TestKind = "paired-t" | "wilcoxon-signed-rank" | "welch-t" | "mann-whitney";

/** Whether p < alpha holds for every dataset, for none, for some and not others, or cannot be told from what was proven. */
export type SignificanceVerdict = "always" | "never" | "depends" | "undetermined";

/** A test's extremes under one reading of the claims, over every band convention. */
export interface ReadingExtremes {
  reading: ImprovementReading;
  /** From printed means and spreads: how the printed ± was read. */
  dispersion?: "sd" | "se" | "ci95";
  /** Band conventions (and chain subsets) the extremes range over. */
  tags: string[];
  statistic: { name: string; min: Extreme; max: Extreme } | null;
  p: { min: Extreme; max: Extreme } | null;
  verdict: SignificanceVerdict | null;
  /** Range of the mean change (within) or of the difference of the groups' means (between), in points. */
  meanDifference: [number, number] | null;
  /** The mean difference nearest 0 in size, in points (the allowed differences are a finite set). */
  nearestZero: number | null;
  /** Datasets where the test is undefined, and why (said, never dropped silently). */
  undefinedDatasets: { why: string; witness: import("./extreme.js").Witness } | null;
  /** What of the report the search leaves out (then every extreme is a bound). */
  notImposed: string[];
  chainReadings: string[];
  /** Why there is no result: the search was refused (budget) or the test does not exist under this reading. */
  missing?: string;
  /** Number of group-total pairs visited (within tests). */
  slices?: number;
}

export interface ExtremesTest {
  id: string;
  /** "scores": over every whole-number dataset the report allows; "summary": over the correlation and the rounding of printed means and SDs. */
  basis: "scores" | "summary";
  /** The measure's name when it is a variable, not an instrument. */
  measureLabel?: string;
  test: TestKind;
  comparison: "within-group" | "between-groups";
  groups: string[];
  instrument: string;
  from: string;
  to: string;
  on: "change" | "last";
  n: number[];
  unitsPerPoint: number;
  readings: ReadingExtremes[];
  mde?: { design: "paired" | "two-group"; n: number[]; effect: number };
  claims: { id: string; quote: string }[];
  caveats: string[];
}

export interface ExactExtremes {
  studyId: string;
  label: "exact extremes over every dataset consistent with the report — reconstructions, not results of the study";
  alpha: number;
  tests: ExtremesTest[];
}

export interface ExactExtremesOptions {
  alpha?: number;
  /** Most steps of each exact search before it is refused (default 50,000,000). */
  budget?: number;
}

/**
 * The attainable minimum and maximum of each test's statistic and p-value over every patient-level
 * dataset consistent with the report — scale bounds, whole-number scores, band and mean intervals,
 * percent-change chains, per-category cut-offs — under each reading of "improved in all" (strongest
 * first) and over every band convention, each with a dataset attaining it (a reconstruction) or a
 * proven bound. Tests: paired t and Wilcoxon signed-rank within each group from its first to its
 * last constrained timepoint; Welch t and Mann–Whitney between the first two groups on the changes
 * and at the last timepoint. Unlike a sweep of sampled datasets, nothing here depends on a seed or
 * on how the datasets were drawn.
 * Reference: Murota (2003) Discrete Convex Analysis; Heathers et al. (2018) SPRITE,
 * doi:10.7287/peerj.preprints.26968v1 (reconstruction); Welch (1947); Wilcoxon (1945); Mann & Whitney (1947).
 *
 * @param study a validated study
 * @param instruments the instrument registry
 * @param options alpha, budget
 * @throws CohortError on a bad alpha or budget (a search over budget is reported in `missing`, not thrown)
 * @example
 * exactExtremes(studyA, registry).tests[0].readings[0].p?.max.attained; // => the largest p any dataset gives
 */
export function exactExtremes(study: Study, instruments: InstrumentRegistry, options: ExactExtremesOptions = {}): ExactExtremes {
  const alpha = options.alpha ?? 0.05;
  const budget = options.budget ?? DEFAULT_BUDGET;
  if (!(alpha > 0 && alpha < 1)) throw new CohortError({ message: message.alphaOutOfRange(alpha) }, exitCodes.usage);
  const byReading = pairModels(study, instruments);
  const modelsOf = (reading: ImprovementReading, group: string, instrument: string): GroupPairModel[] =>
    byReading.find((r) => r.reading === reading)?.models.filter((m) => m.group === group && m.instrument === instrument) ?? [];
  const readingsOf = (group: string, instrument: string): ImprovementReading[] => (["strongest", "weaker", "only"] as const).filter((r) => byReading.some((x) => x.reading === r && x.models.some((m) => m.group === group && m.instrument === instrument)));
  const keys: { group: string; instrument: string }[] = [];
  for (const { models } of byReading) for (const m of models) if (!keys.some((k) => k.group === m.group && k.instrument === m.instrument)) keys.push({ group: m.group, instrument: m.instrument });
  const order = (g: string) => (g === "all" ? -1 : study.design.arms.findIndex((a) => a.id === g));
  keys.sort((a, b) => study.instruments.findIndex((i) => i.ref === a.instrument) - study.instruments.findIndex((i) => i.ref === b.instrument) || order(a.group) - order(b.group));

  const tests: ExtremesTest[] = [];
  const claimsFor = (instrument: string) =>
    study.claims.filter((c) => (c.type === "significance" || c.type === "non-significance") && (!c.about || c.about.includes(instrument))).map((c) => ({ id: c.id, quote: c.source.quote }));
  for (const instrument of [...new Set(keys.map((k) => k.instrument))]) {
    const groups = keys.filter((k) => k.instrument === instrument).map((k) => k.group);
    for (const group of groups) {
      const readings = readingsOf(group, instrument);
      const sample = readings.flatMap((r) => modelsOf(r, group, instrument))[0]!;
      const n = sample.model.n;
      const common = { comparison: "within-group" as const, groups: [group], instrument, from: sample.from, to: sample.to, on: "change" as const, n: [n], unitsPerPoint: sample.unitsPerPoint, claims: claimsFor(instrument), caveats: caveats(study, instruments, instrument, sample) };
      for (const test of ["paired-t", "wilcoxon-signed-rank"] as const) {
        tests.push({
          ...common,
          id: `${group} ${instrument} ${sample.from}→${sample.to} ${test}`,
          basis: "scores",
          test,
          readings: allReadings(readings, (reading) => withinReading(reading, modelsOf(reading, group, instrument), test, alpha, budget)),
          ...(test === "paired-t" && n >= 2 ? { mde: { design: "paired" as const, n: [n], effect: mde("paired", n).mde } } : {}),
        });
      }
    }
    const pair = groups.filter((g) => g !== "all").slice(0, 2);
    if (pair.length < 2) continue;
    const [g1, g2] = pair as [string, string];
    const readings = [...new Set([...readingsOf(g1, instrument), ...readingsOf(g2, instrument)])].filter((r) => r !== "only" || (readingsOf(g1, instrument).includes("only") && readingsOf(g2, instrument).includes("only")));
    const modelsFor = (reading: ImprovementReading, g: string) => (modelsOf(reading, g, instrument).length > 0 ? modelsOf(reading, g, instrument) : modelsOf("only", g, instrument));
    const a = modelsFor(readings[0]!, g1)[0];
    const b = modelsFor(readings[0]!, g2)[0];
    if (!a || !b || a.from !== b.from || a.to !== b.to) continue;
    for (const on of ["change", "last"] as const) {
      for (const test of ["welch-t", "mann-whitney"] as const) {
        tests.push({
          id: `${g1} vs ${g2} ${instrument} ${on === "change" ? `change ${a.from}→${a.to}` : `at ${a.to}`} ${test}`,
          basis: "scores",
          test,
          comparison: "between-groups",
          groups: [g1, g2],
          instrument,
          from: a.from,
          to: a.to,
          on,
          n: [a.model.n, b.model.n],
          unitsPerPoint: a.unitsPerPoint,
          readings: readings.map((reading) => betweenReading(reading, modelsFor(reading, g1), modelsFor(reading, g2), test, on, alpha, budget)),
          ...(test === "welch-t" && a.model.n >= 2 && b.model.n >= 2 ? { mde: { design: "two-group" as const, n: [a.model.n, b.model.n], effect: mde("two-group", [a.model.n, b.model.n]).mde } } : {}),
          claims: claimsFor(instrument),
          caveats: [],
        });
      }
    }
  }
  tests.push(...summaryTests(study, alpha));
  return { studyId: study.id, label: "exact extremes over every dataset consistent with the report — reconstructions, not results of the study", alpha, tests };
}

/** Paired t from printed means and SDs at two timepoints, over every before–after correlation and the rounding. */
function summaryTests(study: Study, alpha: number): ExtremesTest[] {
  const pairs = summaryPairs(study);
  const keys = [...new Set(pairs.map((p) => `${p.group}|${p.measure}|${p.from}|${p.to}`))];
  return keys.map((key) => {
    const list = pairs.filter((p) => `${p.group}|${p.measure}|${p.from}|${p.to}` === key);
    const first = list[0]!;
    const variable = study.variables.find((v) => v.id === first.measure);
    const readings = list.map((pair): ReadingExtremes => {
      const base = { ...absent("only", ""), dispersion: pair.dispersion, notImposed: pair.notImposed };
      delete base.missing;
      if (pair.missing) return { ...base, missing: pair.missing };
      if (pair.n < 2) return { ...base, missing: "a paired t-test needs at least 2 patients" };
      const r = summaryPairedExtremes(pair);
      return {
        ...base,
        statistic: { name: "t", ...r.t },
        p: r.p,
        verdict: verdictOf(r.p, alpha),
        meanDifference: r.meanDifference,
        nearestZero: r.nearestZero,
        undefinedDatasets: r.sdChange[0] === 0 ? { why: "with equal SDs and a correlation of 1 every patient changes by the same amount: the SD of the changes is 0 there and t is undefined, so the smallest p is a limit (0), not attained", witness: [] } : null,
      };
    });
    return {
      id: `${first.group} ${first.measure} ${first.from}→${first.to} paired-t from printed means and spreads`,
      basis: "summary" as const,
      ...(variable ? { measureLabel: variable.label } : {}),
      test: "paired-t" as const,
      comparison: "within-group" as const,
      groups: [first.group],
      instrument: first.measure,
      from: first.from,
      to: first.to,
      on: "change" as const,
      n: [first.n],
      unitsPerPoint: 1,
      readings,
      ...(first.n >= 2 ? { mde: { design: "paired" as const, n: [first.n], effect: mde("paired", first.n).mde } } : {}),
      claims: study.claims.filter((c) => (c.type === "significance" || c.type === "non-significance") && (!c.about || c.about.includes(first.measure))).map((c) => ({ id: c.id, quote: c.source.quote })),
      caveats: [],
    };
  });
}

/** The readings of a within-group test; a reading without the test (e.g. no baseline without "improved in all") is listed with why. */
function allReadings(present: ImprovementReading[], run: (r: ImprovementReading) => ReadingExtremes): ReadingExtremes[] {
  const out = present.map(run);
  if (present.includes("strongest") && !present.includes("weaker")) out.push(absent("weaker", "under the weaker readings no value is reported at the first timepoint, so there is nothing to test"));
  return out;
}

function absent(reading: ImprovementReading, why: string): ReadingExtremes {
  return { reading, tags: [], statistic: null, p: null, verdict: null, meanDifference: null, nearestZero: null, undefinedDatasets: null, notImposed: [], chainReadings: [], missing: why };
}

function withinReading(reading: ImprovementReading, models: GroupPairModel[], test: "paired-t" | "wilcoxon-signed-rank", alpha: number, budget: number): ReadingExtremes {
  const sources: SliceSource[] = models.map((m) => ({ family: scoreSlices(m.model, "change"), tag: m.tag }));
  const base = meta(reading, models);
  const n = models[0]!.model.n;
  const perPoint = models[0]!.unitsPerPoint;
  try {
    if (test === "paired-t") {
      if (n < 2) return { ...base, missing: "a paired t-test needs at least 2 patients" };
      const r = pairedTExtremes(sources, budget);
      return {
        ...base,
        statistic: r.t ? { name: "t", ...r.t } : null,
        p: r.p,
        verdict: verdictOf(r.p, alpha),
        meanDifference: [r.meanChange[0] / perPoint, r.meanChange[1] / perPoint],
        nearestZero: r.nearestZero / perPoint,
        undefinedDatasets: r.constantChanges ? { why: `datasets where every patient changes by the same amount (${amounts(r.constantChanges.values.map((v) => v / perPoint), 1 / perPoint)} points) fit the report; the SD of the changes is 0 there and t is undefined`, witness: r.constantChanges.witness } : null,
        slices: r.slices,
      };
    }
    const directions = new Set(models.map((m) => m.model.direction));
    const forced = directions.size === 1 && !directions.has(null) ? [...directions][0]! : null;
    const r = signedRankExtremes(sources, budget, forced);
    return {
      ...base,
      statistic: r.statistic,
      p: r.p,
      verdict: verdictOf(r.p, alpha),
      meanDifference: null,
      undefinedDatasets: r.undefinedWitness ? { why: "a dataset where every change is 0 fits the report; the signed-rank test has nothing to rank there", witness: r.undefinedWitness } : null,
    };
  } catch (error) {
    if (isCohortError(error) && error.exitCode === exitCodes.refused) return { ...base, missing: error.message };
    throw error;
  }
}

function betweenReading(reading: ImprovementReading, first: GroupPairModel[], second: GroupPairModel[], test: "welch-t" | "mann-whitney", on: "change" | "last", alpha: number, budget: number): ReadingExtremes {
  const sourcesOf = (models: GroupPairModel[]): SliceSource[] => models.map((m) => ({ family: scoreSlices(m.model, on), tag: m.tag }));
  const base = meta(reading, [...first, ...second]);
  const perPoint = first[0]!.unitsPerPoint;
  try {
    if (test === "welch-t") {
      if (first[0]!.model.n < 2 || second[0]!.model.n < 2) return { ...base, missing: "Welch's t-test needs at least 2 patients in each group" };
      const r = welchTExtremes(sourcesOf(first), sourcesOf(second), budget);
      return {
        ...base,
        statistic: r.t ? { name: "t", ...r.t } : null,
        p: r.p,
        verdict: verdictOf(r.p, alpha),
        meanDifference: [r.meanDifference[0] / perPoint, r.meanDifference[1] / perPoint],
        nearestZero: r.nearestZero / perPoint,
        undefinedDatasets: r.bothConstant ? { why: "datasets where neither group has any spread fit the report; Welch's t is undefined there", witness: r.bothConstant } : null,
      };
    }
    const r = rankSumExtremes(sourcesOf(first), sourcesOf(second), budget);
    return { ...base, statistic: r.statistic, p: r.p, verdict: verdictOf(r.p, alpha), meanDifference: null, undefinedDatasets: null };
  } catch (error) {
    if (isCohortError(error) && error.exitCode === exitCodes.refused) return { ...base, missing: error.message };
    throw error;
  }
}

function meta(reading: ImprovementReading, models: GroupPairModel[]): ReadingExtremes {
  return {
    reading,
    tags: [...new Set(models.map((m) => m.tag).filter((t) => t !== ""))],
    statistic: null,
    p: null,
    verdict: null,
    meanDifference: null,
    nearestZero: null,
    undefinedDatasets: null,
    notImposed: [...new Set(models.flatMap((m) => m.notImposed))],
    chainReadings: [...new Set(models.flatMap((m) => (m.chainReading ? [m.chainReading] : [])))],
  };
}

/**
 * p < alpha for every dataset ("always"), for none ("never"), for some and not others ("depends"),
 * from proven bounds and attained values only; otherwise "undetermined".
 *
 * @example
 * verdictOf({ min: { attained: 0.01, bound: 0.01, … }, max: { attained: 0.2, bound: 0.2, … } }, 0.05); // => "depends"
 */
export function verdictOf(p: { min: Extreme; max: Extreme } | null, alpha: number): SignificanceVerdict | null {
  if (!p) return null;
  if (p.max.bound < alpha) return "always";
  if (p.min.bound >= alpha) return "never";
  if (p.min.attained !== null && p.min.attained < alpha && p.max.attained !== null && p.max.attained >= alpha) return "depends";
  return "undetermined";
}

function caveats(study: Study, instruments: InstrumentRegistry, instrument: string, model: GroupPairModel): string[] {
  const reportedAt = (t: string) =>
    rebuildValues(study.reported, instrument).some((v) => (v.kind === "band-shift" ? v.from?.timepoint === t || v.to.timepoint === t : v.kind === "percent-change" ? v.from === t || v.to === t : v.timepoint === t));
  return [model.from, model.to].filter((t) => !reportedAt(t)).map((t) => message.caveatUnreported(instruments.get(instrument)?.abbreviation ?? instrument, t));
}

/** Amounts in points, runs of consecutive grid steps written as "a to b". */
function amounts(values: number[], step: number): string {
  const text = (v: number) => String(Math.round(v * 1000) / 1000);
  const runs: [number, number][] = [];
  for (const v of values) {
    const last = runs[runs.length - 1];
    if (last && Math.abs(v - last[1] - step) < 1e-9) last[1] = v;
    else runs.push([v, v]);
  }
  return runs.map(([a, b]) => (a === b ? text(a) : `${text(a)} to ${text(b)}${step !== 1 ? ` in steps of ${text(step)}` : ""}`)).join(", ");
}
