import { CohortError, exitCodes, isCohortError } from "../errors.js";
import type { InstrumentRegistry } from "../io/load-instruments.js";
import * as message from "../messages/reconstruct-study.js";
import { reconstructStudy, type StudyReconstructionOptions } from "../reconstruct/study/reconstruct-study.js";
import { rebuildValues, type MeanTarget } from "../reconstruct/study/mean-targets.js";
import type { Reconstruction } from "../schema/reconstruction.js";
import type { Study } from "../schema/study.js";
import { distributionSummary, type DistributionSummary } from "./distribution-summary.js";
import { mannWhitney } from "./mann-whitney.js";
import { mde } from "./mde.js";
import { pairedT } from "./paired-t.js";
import { welchT } from "./welch-t.js";
import { wilcoxonSignedRank } from "./wilcoxon-signed-rank.js";

/**
 * Estimated steps (rebuilt datasets × Σ over tested groups of n³, the cost of an exact signed-rank
 * distribution) beyond which the tests over reconstructions are refused before they start; about 10 s.
 */
export const INFERENCE_WORK_BUDGET = 4_000_000_000;

/** One family of rebuilt datasets: how group totals are split (spread) and which means are used. */
export interface Scenario {
  id: string;
  spread: number;
  means: "random" | "smallest-change" | "largest-change";
  improvement: "as-claimed" | "not-assumed";
  convention?: string;
  /** "low-spread" / "high-spread" mark the bracketing cases: tightest split with the largest change, widest split with the smallest. */
  role: "sweep" | "low-spread" | "high-spread";
}

export interface TestOutcome {
  p: number;
  effect: number;
}

/** One test run on every reconstruction (e.g. paired t on PHQ-9 baseline → after). */
export interface AnalysisOverReconstructions {
  id: string;
  test: "paired-t" | "wilcoxon-signed-rank" | "welch-t" | "mann-whitney";
  comparison: "within-group" | "between-groups";
  groups: string[];
  instrument: string;
  from: string;
  to: string;
  /** "change" (last − first per patient) or the last timepoint's scores. */
  on: "change" | "last";
  effectName: string;
  p: DistributionSummary;
  effect: DistributionSummary;
  /** Reconstructions where the test is undefined (e.g. every change equal, so no SD). */
  undefinedCount: number;
  lowSpread: TestOutcome | null;
  highSpread: TestOutcome | null;
  byScenario: { scenario: string; p: DistributionSummary; effect: DistributionSummary }[];
  /** p-values under each reading of "improved in all patients" (when the study makes that claim). */
  byReading: Partial<Record<Scenario["improvement"], DistributionSummary>>;
  /** True when some reconstructions give p < alpha and others not: the verdict depends on the unreported spread. */
  verdictDependsOnSpread: boolean;
  /** With a t-test: smallest effect detectable with 80% power at alpha, next to the observed effects. */
  mde?: { design: "paired" | "two-group"; n: number[]; effect: number; rawDifference?: DistributionSummary };
  claims: { id: string; quote: string }[];
  /** Why a result says less than it seems (e.g. no reported value at the first timepoint). */
  caveats: string[];
}

export interface InferenceOverReconstructions {
  studyId: string;
  label: "inference over sampled reconstructions — samples, not bounds, and not results of the study";
  seed: number;
  perScenario: number;
  alpha: number;
  scenarios: Scenario[];
  reconstructionsRun: number;
  analyses: AnalysisOverReconstructions[];
  summary: string[];
}

export interface OverReconstructionOptions {
  seed?: number;
  /** Reconstructions per sweep scenario (default 12, at most 500); bracketing scenarios get a quarter of it. */
  perScenario?: number;
  /** Spreads swept from tightest (0) to widest (1) (default 0, 0.25, 0.5, 0.75, 1). */
  spreads?: number[];
  alpha?: number;
}

/**
 * A SAMPLE, not bounds: for the attainable extremes use `exactExtremes` (exact-extremes.ts), which the
 * reports show. This sweep stays for illustration and as the benchmark's baseline; its smallest and
 * largest p are the extremes of the datasets drawn, which move with the seed and the spread grid.
 *
 * Runs the tests the authors could have run — paired t and Wilcoxon signed-rank within each group,
 * Welch t and Mann–Whitney between groups on change scores and at the last timepoint — on many
 * datasets rebuilt from the report, and reports the range and distribution of p-values and effect
 * sizes. The SD is not reported, so datasets are rebuilt across a sweep of spreads plus two
 * bracketing cases (tightest split with the largest change the bands allow; widest split with the
 * smallest), under the "improved in all" reading and without it, and under every band convention.
 * The range shows that "significant" is a range, but not how wide it truly is.
 * Reference: Heathers et al. (2018) SPRITE, doi:10.7287/peerj.preprints.26968v1 (reconstruction);
 * Cohen (1988) for effect sizes and power.
 *
 * @param study a validated study
 * @param instruments the instrument registry
 * @param options seed, reconstructions per scenario, spreads, alpha
 * @throws CohortError on a bad option or a report that admits no dataset; `refused` (exit 3) when the
 *   estimated work (datasets × Σ n³ over the tested groups) is past INFERENCE_WORK_BUDGET
 * @example
 * inferenceOverReconstructions(studyA, registry).analyses[0].p.max; // => largest p over all rebuilt datasets
 */
export function inferenceOverReconstructions(study: Study, instruments: InstrumentRegistry, options: OverReconstructionOptions = {}): InferenceOverReconstructions {
  const seed = options.seed ?? 1;
  const perScenario = options.perScenario ?? 12;
  const alpha = options.alpha ?? 0.05;
  const spreads = options.spreads ?? [0, 0.25, 0.5, 0.75, 1];
  if (!Number.isInteger(perScenario) || perScenario < 1 || perScenario > 500) throw new CohortError({ message: message.badPerScenario(perScenario) });
  if (spreads.length === 0 || spreads.some((s) => !(s >= 0 && s <= 1))) throw new CohortError({ message: message.spreadOutOfRange(spreads.join(", ")) });
  if (!(alpha > 0 && alpha < 1)) throw new CohortError({ message: message.alphaOutOfRange(alpha) });

  const reported = new Set(study.reported.flatMap((v) => ("instrument" in v ? [v.instrument] : [])));
  const improvements: Scenario["improvement"][] = study.claims.some((c) => c.type === "all-improved" && (c.about ?? []).some((a) => reported.has(a))) ? ["as-claimed", "not-assumed"] : ["as-claimed"];
  const probe = reconstructStudy(study, instruments, { seed, count: 1, convention: "each" });
  const conventions = probe.conventions;
  // One instrument with several band conventions (study A's NRS) gets a scenario per convention.
  const varyingKeys = Object.keys(conventions[0] ?? {}).filter((k) => new Set(conventions.map((c) => c[k])).size > 1);
  const varying = varyingKeys.length === 1 ? varyingKeys[0] : undefined;
  const conventionRuns = varying ? conventions : [conventions[0] ?? {}];
  const scenarios: Scenario[] = [];
  for (const improvement of improvements) {
    for (const combo of conventionRuns) {
      const convention = varying ? combo[varying] : undefined;
      const tag = `${improvement}${convention ? `/${convention}` : ""}`;
      const base = { improvement, ...(convention ? { convention } : {}) };
      for (const spread of spreads) scenarios.push({ id: `${tag}/spread-${spread}`, spread, means: "random", role: "sweep", ...base });
      scenarios.push({ id: `${tag}/low-spread`, spread: 0, means: "largest-change", role: "low-spread", ...base });
      scenarios.push({ id: `${tag}/high-spread`, spread: 1, means: "smallest-change", role: "high-spread", ...base });
    }
  }

  // The exact signed-rank distribution of a group of n costs about n³ steps per dataset; the groups
  // tested are those with two filled timepoints of an instrument in a rebuilt dataset (the probe).
  const datasets = scenarios.reduce((sum, scenario) => sum + (scenario.role === "sweep" ? perScenario : Math.max(1, Math.ceil(perScenario / 4))), 0);
  const work = datasets * (probe.reconstructions[0] ? pairedGroupSizes(probe.reconstructions[0], study) : []).reduce((sum, size) => sum + size ** 3, 0);
  if (work > INFERENCE_WORK_BUDGET) throw new CohortError({ message: message.inferenceTooMuchWork(work, INFERENCE_WORK_BUDGET, datasets) }, exitCodes.refused);

  const cache = new Map<string, MeanTarget[]>();
  const results = new Map<string, { meta: Meta; runs: { scenario: Scenario; outcome: TestOutcome | null; pooledSd?: number }[] }>();
  let reconstructionsRun = 0;
  scenarios.forEach((scenario, s) => {
    const reconstructionOptions: StudyReconstructionOptions = {
      seed: (seed * 7919 + s * 104729) | 0,
      count: scenario.role === "sweep" ? perScenario : Math.max(1, Math.ceil(perScenario / 4)),
      spread: scenario.spread,
      means: scenario.means,
      improvement: scenario.improvement,
      ...(scenario.convention ? { convention: scenario.convention } : {}),
    };
    for (const reconstruction of reconstructStudy(study, instruments, reconstructionOptions, cache).reconstructions) {
      reconstructionsRun++;
      for (const run of testsOnReconstruction(reconstruction, study)) {
        let entry = results.get(run.meta.id);
        if (!entry) results.set(run.meta.id, (entry = { meta: run.meta, runs: [] }));
        entry.runs.push({ scenario, outcome: run.outcome, ...(run.pooledSd !== undefined ? { pooledSd: run.pooledSd } : {}) });
      }
    }
  });

  const analyses: AnalysisOverReconstructions[] = [];
  for (const { meta, runs } of results.values()) {
    const defined = runs.filter((r): r is typeof r & { outcome: TestOutcome } => r.outcome !== null);
    if (defined.length === 0) continue;
    const p = distributionSummary(defined.map((r) => r.outcome.p), alpha);
    // The bracketing cases: the smallest p of the tightest split, the largest p of the widest.
    const extreme = (role: Scenario["role"], pick: (a: number, b: number) => boolean): TestOutcome | null =>
      defined.filter((r) => r.scenario.role === role).reduce<TestOutcome | null>((best, r) => (best === null || pick(r.outcome.p, best.p) ? r.outcome : best), null);
    const byScenario = scenarios
      .map((sc) => ({ sc, list: defined.filter((r) => r.scenario === sc) }))
      .filter((x) => x.list.length > 0)
      .map(({ sc, list }) => ({ scenario: sc.id, p: distributionSummary(list.map((r) => r.outcome.p), alpha), effect: distributionSummary(list.map((r) => r.outcome.effect), alpha) }));
    const analysis: AnalysisOverReconstructions = {
      ...meta,
      caveats: [...meta.caveats],
      p,
      effect: distributionSummary(defined.map((r) => r.outcome.effect), alpha),
      undefinedCount: runs.length - defined.length,
      lowSpread: extreme("low-spread", (a, b) => a < b),
      highSpread: extreme("high-spread", (a, b) => a > b),
      byScenario,
      byReading: Object.fromEntries(
        improvements.flatMap((reading) => {
          const list = defined.filter((r) => r.scenario.improvement === reading).map((r) => r.outcome.p);
          return list.length > 0 ? [[reading, distributionSummary(list, alpha)]] : [];
        }),
      ),
      verdictDependsOnSpread: p.min < alpha && p.max >= alpha,
    };
    if (meta.test === "paired-t") analysis.mde = { design: "paired", n: [groupSizeOf(study, meta.groups[0]!)], effect: mde("paired", groupSizeOf(study, meta.groups[0]!)).mde };
    if (meta.test === "welch-t") {
      const sizes: [number, number] = [groupSizeOf(study, meta.groups[0]!), groupSizeOf(study, meta.groups[1]!)];
      const effect = mde("two-group", sizes).mde;
      const raw = defined.map((r) => effect * (r.pooledSd ?? 0)).filter((v) => v > 0);
      analysis.mde = { design: "two-group", n: sizes, effect, ...(raw.length > 0 ? { rawDifference: distributionSummary(raw, alpha) } : {}) };
    }
    const reportedAt = (t: string) =>
      rebuildValues(study.reported, meta.instrument).some((v) => (v.kind === "band-shift" ? v.from?.timepoint === t || v.to.timepoint === t : v.kind === "percent-change" ? v.from === t || v.to === t : v.timepoint === t));
    for (const t of [meta.from, meta.to]) if (!reportedAt(t)) analysis.caveats.push(message.caveatUnreported(meta.instrument, t));
    analyses.push(analysis);
  }
  return {
    studyId: study.id,
    label: "inference over sampled reconstructions — samples, not bounds, and not results of the study",
    seed,
    perScenario,
    alpha,
    scenarios,
    reconstructionsRun,
    analyses,
    summary: analyses.map((a) => summaryLine(a, alpha)),
  };
}

/** The size of each group a paired test runs on in a rebuilt dataset: per instrument, each group with two filled timepoints (as testsOnReconstruction picks them). */
function pairedGroupSizes(r: Reconstruction, study: Study): number[] {
  const groups = r.columns.includes("arm") ? study.design.arms.map((a) => a.id) : ["all"];
  const instruments = [...new Set(r.columns.filter((c) => c.includes("_")).map((c) => c.slice(0, c.indexOf("_"))))];
  const sizes: number[] = [];
  for (const instrument of instruments) {
    const columns = r.columns.filter((c) => c.startsWith(`${instrument}_`));
    for (const g of groups) {
      const rows = g === "all" ? r.rows : r.rows.filter((row) => row.arm === g);
      if (rows.length > 0 && columns.filter((c) => rows.every((row) => typeof row[c] === "number")).length >= 2) sizes.push(rows.length);
    }
  }
  return sizes;
}

function groupSizeOf(study: Study, group: string): number {
  return group === "all" ? study.design.arms.reduce((s, a) => s + a.size.value, 0) : (study.design.arms.find((a) => a.id === group)?.size.value ?? 0);
}

type Meta = Omit<AnalysisOverReconstructions, "p" | "effect" | "undefinedCount" | "lowSpread" | "highSpread" | "byScenario" | "byReading" | "verdictDependsOnSpread">;

/**
 * Every test the authors could have run on one rebuilt dataset: paired t and Wilcoxon signed-rank
 * (exact) within each group from its first to its last filled timepoint, and Welch t and
 * Mann–Whitney (exact) between the first two groups on the change scores and at the last
 * timepoint. A test that is undefined on this dataset (every change equal) gives outcome null.
 *
 * @param r one reconstruction (columns `<instrument>_<timepoint>`, optional `arm`)
 * @param study the study it was rebuilt from (arms, claims)
 * @example
 * testsOnReconstruction(reconstruction, studyB).map((t) => t.meta.test); // => ["paired-t", "wilcoxon-signed-rank", …]
 */
export function testsOnReconstruction(r: Reconstruction, study: Study): { meta: Meta; outcome: TestOutcome | null; pooledSd?: number }[] {
  const out: { meta: Meta; outcome: TestOutcome | null; pooledSd?: number }[] = [];
  const groups = r.columns.includes("arm") ? study.design.arms.map((a) => a.id) : ["all"];
  const rowsOf = (g: string) => (g === "all" ? r.rows : r.rows.filter((row) => row.arm === g));
  const instruments = [...new Set(r.columns.filter((c) => c.includes("_")).map((c) => c.slice(0, c.indexOf("_"))))];
  const claimsFor = (instrument: string) =>
    study.claims.filter((c) => (c.type === "significance" || c.type === "non-significance") && (!c.about || c.about.includes(instrument))).map((c) => ({ id: c.id, quote: c.source.quote }));
  for (const instrument of instruments) {
    const columns = r.columns.filter((c) => c.startsWith(`${instrument}_`));
    const pairs = new Map<string, { from: string; to: string; before: number[]; after: number[] }>();
    for (const g of groups) {
      const rows = rowsOf(g);
      const filled = columns.filter((c) => rows.length > 0 && rows.every((row) => typeof row[c] === "number"));
      if (filled.length < 2) continue;
      const from = filled[0]!;
      const to = filled[filled.length - 1]!;
      const before = rows.map((row) => row[from] as number);
      const after = rows.map((row) => row[to] as number);
      pairs.set(g, { from, to, before, after });
      const base = { comparison: "within-group" as const, groups: [g], instrument, from: from.slice(instrument.length + 1), to: to.slice(instrument.length + 1), on: "change" as const, claims: claimsFor(instrument), caveats: [] as string[] };
      // Tests get (0, change) pairs: the snapped changes are exact, where after − before of k/7 scores is not.
      const changes = after.map((v, i) => snap(v - before[i]!));
      const zeros = changes.map(() => 0);
      const constant = new Set(changes).size === 1;
      out.push({ meta: { ...base, id: `${g} ${instrument} ${base.from}→${base.to} paired-t`, test: "paired-t", effectName: "dz" }, outcome: constant ? null : safe(() => pairedT(zeros, changes)) });
      out.push({ meta: { ...base, id: `${g} ${instrument} ${base.from}→${base.to} wilcoxon-signed-rank`, test: "wilcoxon-signed-rank", effectName: "rank-biserial" }, outcome: safe(() => wilcoxonSignedRank(zeros, changes)) });
    }
    const withData = groups.filter((g) => pairs.has(g));
    if (withData.length < 2) continue;
    const [g1, g2] = withData as [string, string];
    const a = pairs.get(g1)!;
    const b = pairs.get(g2)!;
    if (a.from !== b.from || a.to !== b.to) continue;
    const series = {
      change: [a.after.map((v, i) => snap(v - a.before[i]!)), b.after.map((v, i) => snap(v - b.before[i]!))] as const,
      last: [a.after.map(snap), b.after.map(snap)] as const,
    };
    for (const on of ["change", "last"] as const) {
      const [x, y] = series[on];
      const base = { comparison: "between-groups" as const, groups: [g1, g2], instrument, from: a.from.slice(instrument.length + 1), to: a.to.slice(instrument.length + 1), on, claims: claimsFor(instrument), caveats: [] as string[] };
      const label = `${g1} vs ${g2} ${instrument} ${on === "change" ? `change ${base.from}→${base.to}` : `at ${base.to}`}`;
      const noSpread = new Set(x).size === 1 && new Set(y).size === 1;
      out.push({ meta: { ...base, id: `${label} welch-t`, test: "welch-t", effectName: "d" }, outcome: noSpread ? null : safe(() => welchT(x, y)), pooledSd: pooledSd(x, y) });
      out.push({ meta: { ...base, id: `${label} mann-whitney`, test: "mann-whitney", effectName: "rank-biserial" }, outcome: safe(() => mannWhitney(x, y)) });
    }
  }
  return out;
}

/**
 * Scores on grids like k/7 are not exact in binary; snapping (raw) values and differences to 1e-6 —
 * far finer than any scoring grid — makes equal changes compare equal (else an SD of 1e-16 gives an absurd t).
 */
function snap(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function safe(run: () => { p: number; effectSize: { value: number } }): TestOutcome | null {
  try {
    const result = run();
    return { p: result.p, effect: result.effectSize.value };
  } catch (error) {
    if (isCohortError(error)) return null;
    throw error;
  }
}

function pooledSd(x: readonly number[], y: readonly number[]): number {
  const ss = (v: readonly number[]) => {
    const m = v.reduce((s, t) => s + t, 0) / v.length;
    return v.reduce((s, t) => s + (t - m) ** 2, 0);
  };
  return Math.sqrt((ss(x) + ss(y)) / (x.length + y.length - 2));
}

/**
 * One line per test, worded as what it is: a sample. Its smallest and largest p are the extremes of
 * the datasets drawn, not bounds (exactExtremes gives those), and the share below alpha describes
 * the sweep, not a probability.
 */
function summaryLine(a: AnalysisOverReconstructions, alpha: number): string {
  const reading = a.byReading["as-claimed"] && a.byReading["not-assumed"] ? ` (largest sampled p under the strongest reading of "improved in all": ${fmt(a.byReading["as-claimed"].max)}; without it: ${fmt(a.byReading["not-assumed"].max)})` : "";
  const f = fmt;
  const share = `${Math.round(a.p.shareBelow * 100)}%`;
  const verdict = a.verdictDependsOnSpread ? `sampled datasets fall on both sides of ${alpha}` : a.p.max < alpha ? `every sampled dataset below ${alpha}` : `no sampled dataset below ${alpha}`;
  const detect = a.mde ? `; detectable with 80% power: ${a.mde.design === "paired" ? "dz" : "d"} ≥ ${a.mde.effect.toFixed(2)}` : "";
  const skipped = a.undefinedCount > 0 ? `; ${a.undefinedCount} sampled datasets left the test undefined and are not in the range` : "";
  return `${a.id}: sampled p ${f(a.p.min)}–${f(a.p.max)} (median ${f(a.p.median)}; ${share} of the sample below ${alpha}, a property of the sweep); ${a.effectName} ${a.effect.min.toFixed(2)} to ${a.effect.max.toFixed(2)}; ${verdict}${reading}${skipped}${detect} — samples, not bounds${a.caveats.length > 0 ? ` — caution: ${a.caveats.join("; ")}` : ""}`;
}

function fmt(v: number): string {
  return v < 0.001 ? v.toExponential(1) : v.toFixed(3);
}
