import { isCohortError } from "../errors.js";
import type { InstrumentRegistry } from "../io/load-instruments.js";
import { reconstructMeans, type MeanTarget } from "../reconstruct/study/mean-targets.js";
import { reconstructStudy } from "../reconstruct/study/reconstruct-study.js";
import type { Composition } from "../schema/reported-value.js";
import type { Study } from "../schema/study.js";
import type { PairModel, PatientClass } from "./score-slices.js";

/**
 * Which reading of an "improved in all" claim a model follows: the strongest (every patient improved
 * on this outcome), the weaker ones (only the reported group values), or the only one (no such claim
 * covers the outcome).
 */
export type ImprovementReading = "strongest" | "weaker" | "only";

/** One group's constraints on one instrument between its first and last constrained timepoints. */
export interface GroupPairModel {
  group: string;
  instrument: string;
  from: string;
  to: string;
  unitsPerPoint: number;
  model: PairModel;
  /** What of the report the model leaves out; its extremes are then bounds. */
  notImposed: string[];
  /** Band convention (and chain subset) the model follows, "" when there is one. */
  tag: string;
  /** How the percent-change chain was read, when not as printed (said in the reconstruction's assumptions). */
  chainReading: string | null;
}

/**
 * The constraints of every group and instrument of a study at its first and last constrained
 * timepoints, under each reading of "improved in all" and each band convention: the sets the exact
 * extremes range over. Built from the same mean-level reconstruction as the rebuilt datasets
 * (reconstructMeans), so the scale, whole-number scores (in scoring units), band and mean
 * intervals, percent-change chains and per-category cut-offs are the ones the report implies.
 *
 * @param study a validated study
 * @param instruments the instrument registry
 * @example
 * pairModels(studyA, registry).find((m) => m.reading === "strongest")?.models[0].model.direction; // => "down"
 */
export function pairModels(study: Study, instruments: InstrumentRegistry): { reading: ImprovementReading; models: GroupPairModel[] }[] {
  let combos: Record<string, string>[];
  try {
    combos = reconstructStudy(study, instruments, { seed: 1, count: 1, convention: "each" }).conventions;
  } catch (error) {
    if (isCohortError(error)) return [];
    throw error;
  }
  const build = (improvement: "as-claimed" | "not-assumed"): GroupPairModel[] => {
    const out: GroupPairModel[] = [];
    const seen = new Set<string>();
    for (const combo of combos.length > 0 ? combos : [{}]) {
      const first = safeMeans(study, instruments, combo, improvement, 0);
      const cycle = Math.max(1, ...first.map((t) => (t.chain?.used === "subset" ? (t.chain.subsetsOfThisSize ?? 1) : 1)));
      for (let subset = 0; subset < cycle; subset++) {
        const targets = subset === 0 ? first : safeMeans(study, instruments, combo, improvement, subset);
        for (const target of targets) {
          const model = groupModel(study, target, combo, subset, cycle);
          if (!model) continue;
          const key = `${model.group}|${model.instrument}|${model.tag}|${JSON.stringify(model.model)}`;
          if (seen.has(key)) continue;
          seen.add(key);
          out.push(model);
        }
      }
    }
    return out;
  };
  const claimed = build("as-claimed");
  const notAssumed = build("not-assumed");
  const covered = (m: GroupPairModel) => m.model.direction !== null;
  const coveredKeys = new Set(claimed.filter(covered).map((m) => `${m.group}|${m.instrument}`));
  const isCovered = (m: GroupPairModel) => coveredKeys.has(`${m.group}|${m.instrument}`);
  return [
    { reading: "strongest" as const, models: claimed.filter(isCovered) },
    { reading: "weaker" as const, models: notAssumed.filter(isCovered) },
    { reading: "only" as const, models: claimed.filter((m) => !isCovered(m)) },
  ].filter((r) => r.models.length > 0);
}

function safeMeans(study: Study, instruments: InstrumentRegistry, conventions: Record<string, string>, improvement: "as-claimed" | "not-assumed", subsetIndex: number): MeanTarget[] {
  try {
    return reconstructMeans(study, instruments, { conventions, improvement, subsetIndex });
  } catch (error) {
    if (isCohortError(error)) return [];
    throw error;
  }
}

function groupModel(study: Study, target: MeanTarget, combo: Record<string, string>, subset: number, cycle: number): GroupPairModel | null {
  const from = target.timepoints[0];
  const to = target.timepoints[target.timepoints.length - 1];
  if (from === undefined || to === undefined || from === to) return null;
  const { n, lowUnits: L, highUnits: H } = target;
  const notImposed: string[] = [];
  const classes = patientClasses(study, target, from, to, notImposed);
  let totals: PairModel["totals"];
  const interval = (t: string): [number, number] => {
    const r = target.intervals[t];
    return r ? [r.lo, r.hi] : [n * L, n * H];
  };
  const tuples = target.tuples ?? [];
  if (tuples.length > 0 && target.tuplesComplete !== false && tuples.every((t) => from in t && to in t)) {
    totals = { kind: "pairs", pairs: tuples.map((t) => [t[from]!, t[to]!] as [number, number]) };
  } else {
    if (tuples.length > 0) notImposed.push("the percent-change chain (more group means fit it than were listed)");
    totals = { kind: "rectangle", first: interval(from), last: interval(to) };
  }
  if (target.chain?.used === "none") notImposed.push("the percent changes (no reading of them fits the other values)");
  for (const v of study.reported) {
    if (!("instrument" in v) || v.instrument !== target.instrument) continue;
    const groups = "group" in v && typeof v.group === "string" ? [v.group] : "groups" in v && Array.isArray(v.groups) ? v.groups : ["all"];
    if (!groups.some((g) => sameGroup(study, g, target.group))) continue;
    if (v.kind === "mean" && v.dispersion && (v.timepoint === from || v.timepoint === to)) notImposed.push(`the reported ${v.dispersion.kind === "unstated" ? "spread" : v.dispersion.kind.toUpperCase()} at ${v.timepoint}`);
    if (v.kind === "median" || v.kind === "mean-change" || v.kind === "test" || v.kind === "effect" || v.kind === "proportion" || v.kind === "eligibility") notImposed.push(`the reported ${v.kind.replace("-", " ")} (${v.id})`);
  }
  const convention = combo[target.instrument] ?? "";
  const tag = cycle > 1 ? `${convention}${convention ? ", " : ""}subset ${subset + 1} of ${cycle}` : convention;
  const chainReading = target.chain && target.chain.used !== "primary" && target.chain.used !== "none" ? target.chain.used : null;
  const direction = target.improved ? (target.higherIsWorse ? "down" : "up") : null;
  return { group: target.group, instrument: target.instrument, from, to, unitsPerPoint: target.unitsPerPoint, model: { n, classes, direction, totals }, notImposed: [...new Set(notImposed)], tag, chainReading };
}

/** Per-category bounds at the two timepoints (e.g. each substance's SDS cut-off), or one class of n. */
function patientClasses(study: Study, target: MeanTarget, from: string, to: string, notImposed: string[]): PatientClass[] {
  const { n, lowUnits: L, highUnits: H } = target;
  const whole: PatientClass[] = [{ count: n, before: [L, H], after: [L, H] }];
  const bands = target.perPatient.filter((p) => p.timepoint === from || p.timepoint === to);
  if (bands.length === 0) return whole;
  const variable = bands[0]!.variable;
  const composition = study.reported.find((v): v is Composition => v.kind === "composition" && v.id === variable && sameGroup(study, v.group, target.group) && v.categoriesAre === "exclusive");
  const counts = composition?.categories.map((c) => c.count ?? Math.round((Number(c.percent) * n) / 100));
  if (!composition || !counts || bands.some((b) => b.variable !== variable) || counts.reduce((s, c) => s + c, 0) !== n) {
    notImposed.push("per-category bounds (the categories of this group's patients are not known)");
    return whole;
  }
  const cut = (r: [number, number], band: { ranges: Record<string, { lo: number; hi: number } | null> } | undefined, id: string): [number, number] => {
    const range = band?.ranges[id];
    return range ? [Math.max(r[0], range.lo), Math.min(r[1], range.hi)] : r;
  };
  const atFrom = bands.find((b) => b.timepoint === from);
  const atTo = bands.find((b) => b.timepoint === to);
  return composition.categories.flatMap((c, i) => (counts[i]! > 0 ? [{ count: counts[i]!, before: cut([L, H], atFrom, c.id), after: cut([L, H], atTo, c.id), category: c.id }] : []));
}

function sameGroup(study: Study, valueGroup: string, group: string): boolean {
  if (valueGroup === group) return true;
  const arms = study.design.arms;
  return arms.length === 1 && [valueGroup, group].every((g) => g === "all" || g === arms[0]!.id);
}
