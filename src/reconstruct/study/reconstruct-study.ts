import { CohortError } from "../../errors.js";
import type { InstrumentRegistry } from "../../io/load-instruments.js";
import * as message from "../../messages/reconstruct-study.js";
import { RECONSTRUCTION_LABEL, type Reconstruction } from "../../schema/reconstruction.js";
import type { Study } from "../../schema/study.js";
import { createRng } from "../../stats/rng.js";
import { uniqueNames } from "../unique-names.js";
import { assignCategories } from "./assign-categories.js";
import { studyGroups } from "./groups.js";
import { chosenConvention, instrumentTimepoints, reconstructMeans, subsetMeans, type ChainUse, type MeanTarget } from "./mean-targets.js";
import { patientUnits, type MeanChoice } from "./patient-values.js";

export interface StudyReconstructionOptions {
  /** Seed of the random source (default 1). Reconstruction i uses a stream derived from (seed, i). */
  seed?: number;
  /** Reconstructions per band-convention combination (default 5, at most 1000). */
  count?: number;
  /**
   * Band convention id for every instrument that defines it (e.g. "palos-2006"), or "each" to
   * rebuild `count` datasets under every convention of every instrument with several. Default: each
   * instrument's first listed convention.
   */
  convention?: string;
  /** Fixed spread 0 (tightest) … 1 (widest); default: drawn per reconstruction. */
  spread?: number;
  /** How group means are picked among the feasible ones (default random). */
  means?: MeanChoice;
  /** "as-claimed" (default) applies "improved in all patients" claims; "not-assumed" lets patients worsen. */
  improvement?: "as-claimed" | "not-assumed";
}

/** Summary of the mean-level reconstruction of one instrument in one group. */
export interface MeanLevelSummary {
  group: string;
  instrument: string;
  convention: string | null;
  timepoints: string[];
  empty: string[];
  /** Group-mean ranges per timepoint from band shifts and reported means. */
  meanIntervals: Record<string, [number, number]>;
  chain: ChainUse | null;
  /** Per-patient score ranges by category (e.g. SDS below each substance's cut-off), as scores. */
  perPatient: { timepoint: string; variable: string; ranges: Record<string, [number, number] | null> }[];
  /** Feasible tuples of group means from the percent-change chain (up to 20 listed). */
  meanTuples: Record<string, number>[] | null;
  assumptions: string[];
}

export interface StudyReconstruction {
  studyId: string;
  label: typeof RECONSTRUCTION_LABEL;
  seed: number;
  count: number;
  /** How many patient-level datasets fit the report: not known (far too many to count). */
  of: "unknown";
  conventions: Record<string, string>[];
  crossTables: { group: string; variables: string[]; count: number | null }[];
  meanLevel: MeanLevelSummary[];
  /** What cannot be reconstructed, and why. */
  notes: string[];
  reconstructions: Reconstruction[];
}

/**
 * Rebuilds several patient-level datasets consistent with what a study reports — composition,
 * band shifts, means, percent-change chains and "improved in all" claims — each labelled
 * "reconstruction — not patient data" and listing every assumption it used. Driven entirely by
 * the study file, so it works for a user's study as for the seeds. It never presents one dataset as
 * the data: `of` is "unknown" and the feasible counts that are known (cross-tables, mean tuples)
 * are reported alongside.
 * Reference: Heathers et al. (2018) SPRITE, doi:10.7287/peerj.preprints.26968v1; Brown & Heathers
 * (2017) GRIM, doi:10.1177/1948550616673876.
 *
 * @param study a validated study
 * @param instruments the instrument registry
 * @param options seed, count, convention, spread, means, improvement
 * @param cache mean-level targets to reuse across calls for the same study and registry (the
 *   percent-change enumeration is the costly part); omit for a fresh one
 * @throws CohortError on a bad count, seed, spread or convention, or when the report admits no dataset
 * @example
 * reconstructStudy(studyA, registry, { seed: 1, count: 3 }).reconstructions.length; // => 3
 */
export function reconstructStudy(study: Study, instruments: InstrumentRegistry, options: StudyReconstructionOptions = {}, cache: Map<string, MeanTarget[]> = new Map()): StudyReconstruction {
  const seed = options.seed ?? 1;
  const count = options.count ?? 5;
  if (!Number.isInteger(seed)) throw new CohortError({ message: message.badSeed(seed) });
  if (!Number.isInteger(count) || count < 1 || count > 1000) throw new CohortError({ message: message.badCount(count) });
  if (options.spread !== undefined && !(options.spread >= 0 && options.spread <= 1)) throw new CohortError({ message: message.spreadOutOfRange(options.spread) });
  const means = options.means ?? "random";
  if (!["random", "smallest-change", "largest-change"].includes(means)) throw new CohortError({ message: message.unknownMeans(means) });
  const improvement = options.improvement ?? "as-claimed";
  if (!["as-claimed", "not-assumed"].includes(improvement)) throw new CohortError({ message: message.unknownImprovement(improvement) });
  if (study.reported.length === 0) throw new CohortError({ message: message.nothingToReconstruct(study.id) });

  const combos = conventionCombos(study, instruments, options.convention);
  const groups = studyGroups(study);
  const targetsFor = (combo: Record<string, string>, subset: number): MeanTarget[] => {
    const key = `${study.id}|${improvement}|${JSON.stringify(combo)}|${subset}`;
    let hit = cache.get(key);
    if (!hit) {
      hit = reconstructMeans(study, instruments, { conventions: combo, improvement, subsetIndex: subset });
      cache.set(key, hit);
    }
    return hit;
  };
  const subsetCycle = Math.max(1, ...targetsFor(combos[0]!, 0).map((t) => t.chain?.subsetsOfThisSize ?? 1));
  const columns = columnsOf(study, instruments, groups.arms.length > 1);

  const reconstructions: Reconstruction[] = [];
  let crossTables: StudyReconstruction["crossTables"] = [];
  const notes = new Set<string>();
  combos.forEach((combo, c) => {
    for (let k = 0; k < count; k++) {
      const index = c * count + k;
      const rng = createRng(streamSeed(seed, index));
      const targets = targetsFor(combo, index % subsetCycle);
      const assignment = assignCategories(study, rng);
      // A composition's column is named by its id, made unique against the fixed columns (an id
      // `id` or `arm` would otherwise overwrite the patient's id or arm in every row). "arm" is kept
      // free even in a single-arm study: readers take a column "arm" to mean the study's arms.
      const variableColumns = uniqueNames(assignment.variables, ["id", "arm"]);
      crossTables = assignment.crossTables;
      assignment.notes.forEach((n) => notes.add(n));
      const spread = options.spread ?? Math.round(rng.next() * 100) / 100;
      const rows: Record<string, string | number | null>[] = groups.all.patients.map((p) => {
        const row: Record<string, string | number | null> = { id: `p${String(p + 1).padStart(2, "0")}` };
        if (groups.arms.length > 1) row.arm = groups.arms.find((a) => a.patients.includes(p))!.id;
        assignment.variables.forEach((v, i) => (row[variableColumns[i]!] = assignment.categories[v]![p] || null));
        return row;
      });
      for (const row of rows) for (const column of columns.scores) row[column] = null;
      const assumptions: string[] = [...assignment.assumptions];
      for (const target of targets) {
        const group = target.group === "all" ? groups.all : groups.arms.find((a) => a.id === target.group)!;
        const categories: Record<string, string[]> = {};
        for (const v of assignment.variables) categories[v] = group.patients.map((p) => assignment.categories[v]![p]!);
        const units = patientUnits(target, categories, { spread, mode: means }, rng);
        for (const [t, values] of Object.entries(units)) {
          values.forEach((u, i) => {
            rows[group.patients[i]!]![`${target.instrument}_${t}`] = u / target.unitsPerPoint;
          });
        }
        assumptions.push(...target.assumptions);
      }
      assumptions.push(message.assumeSpread(spread), message.assumeMeans(means));
      // Built to the Reconstruction schema by construction (tests parse it), so no runtime parse here.
      reconstructions.push(
        ({
          label: RECONSTRUCTION_LABEL,
          studyId: study.id,
          method: "study-reconstruction",
          seed,
          index,
          of: "unknown",
          assumptions: [...new Set(assumptions)],
          columns: [...columns.fixed, ...variableColumns, ...columns.scores],
          rows,
        }) satisfies Reconstruction,
      );
    }
  });

  const firstTargets = targetsFor(combos[0]!, 0);
  const ofFewer = subsetMeans(study, instruments);
  for (const entry of study.instruments) {
    const abbreviation = instruments.get(entry.ref)?.abbreviation ?? entry.ref;
    const own = firstTargets.filter((t) => t.instrument === entry.ref);
    // An instrument whose only numbers are means of fewer people than the group is said so below, not "no number".
    const onlySubsetMeans = ofFewer.some((mean) => mean.instrument === entry.ref);
    if (own.length === 0) {
      if (!onlySubsetMeans) notes.add(message.noteNoNumbers(abbreviation));
    } else if (!own.some((t) => t.group === "all")) for (const arm of groups.arms) if (!own.some((t) => t.group === arm.id)) notes.add(message.noteArmEmpty(arm.id, abbreviation));
  }
  const meanLevel = combos.flatMap((combo) => targetsFor(combo, 0).map((t) => summarise(t, combo)));
  for (const t of meanLevel) for (const a of t.assumptions) if (/not reported|left empty|no published cut-off|drops|cannot/.test(a)) notes.add(a);
  for (const mean of ofFewer) notes.add(mean.note);
  return { studyId: study.id, label: RECONSTRUCTION_LABEL, seed, count: reconstructions.length, of: "unknown", conventions: combos, crossTables, meanLevel, notes: [...notes], reconstructions };
}

function columnsOf(study: Study, instruments: InstrumentRegistry, multiArm: boolean): { fixed: string[]; scores: string[] } {
  const scores: string[] = [];
  for (const entry of study.instruments) {
    if (!instruments.has(entry.ref)) continue;
    for (const t of instrumentTimepoints(study, entry.ref)) scores.push(`${entry.ref}_${t}`);
  }
  return { fixed: multiArm ? ["id", "arm"] : ["id"], scores };
}

/** Combinations of band conventions to rebuild under. */
function conventionCombos(study: Study, instruments: InstrumentRegistry, requested: string | undefined): Record<string, string>[] {
  const banded = [...new Set(study.reported.flatMap((v) => (v.kind === "band-shift" && (v.from?.band || v.to.band) ? [v.instrument] : [])))]
    .map((id) => instruments.get(id))
    .filter((i): i is NonNullable<typeof i> => i !== undefined);
  const general = (id: string) => instruments.get(id)!.bandConventions.filter((c) => !c.appliesTo);
  const base: Record<string, string> = {};
  for (const i of banded) {
    const c = chosenConvention(i, undefined);
    if (c) base[i.id] = c.id;
  }
  if (requested === undefined) return [base];
  if (requested === "each") {
    let combos: Record<string, string>[] = [{}];
    for (const i of banded) {
      const options = general(i.id).length > 0 ? general(i.id) : i.bandConventions.slice(0, 1);
      combos = combos.flatMap((combo) => options.map((o) => ({ ...combo, [i.id]: o.id })));
    }
    return combos;
  }
  const owners = banded.filter((i) => i.bandConventions.some((c) => c.id === requested));
  if (owners.length === 0) throw new CohortError({ message: message.unknownConvention(requested, banded.flatMap((i) => general(i.id).map((c) => c.id))) });
  return [{ ...base, ...Object.fromEntries(owners.map((i) => [i.id, requested])) }];
}

/** A 32-bit seed for reconstruction `index`, so each one is the same whatever `count` is. */
function streamSeed(seed: number, index: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x27d4eb2f);
  return (h ^ (h >>> 15)) | 0;
}

function summarise(t: MeanTarget, combo: Record<string, string>): MeanLevelSummary {
  const scale = t.n * t.unitsPerPoint;
  const round = (v: number): number => Math.round(v * 1e9) / 1e9;
  return {
    group: t.group,
    instrument: t.instrument,
    convention: combo[t.instrument] ?? null,
    timepoints: t.timepoints,
    empty: t.empty,
    meanIntervals: Object.fromEntries(Object.entries(t.intervals).map(([k, r]) => [k, [round(r.lo / scale), round(r.hi / scale)]])),
    chain: t.chain,
    perPatient: t.perPatient.map((p) => ({
      timepoint: p.timepoint,
      variable: p.variable,
      ranges: Object.fromEntries(Object.entries(p.ranges).map(([k, r]) => [k, r ? ([r.lo / t.unitsPerPoint, r.hi / t.unitsPerPoint] as [number, number]) : null])),
    })),
    meanTuples: t.tuples ? t.tuples.slice(0, 20).map((tuple) => Object.fromEntries(Object.entries(tuple).map(([k, s]) => [k, round(s / scale)]))) : null,
    assumptions: t.assumptions,
  };
}
