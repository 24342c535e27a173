import type { StatisticKind } from "../inference/statistic-p.js";
import type { CheckResult } from "../schema/check-result.js";
import type { EffectEstimate, Mean, MeanChange, Proportion, TestResult } from "../schema/reported-statistics.js";
import type { PValue } from "../schema/statistic-parts.js";
import type { Study } from "../schema/study.js";
import type { RoundingMode } from "../stats/rounding.js";
import { changeSd } from "./change-sd.js";
import { ciP } from "./ci-p.js";
import type { MeasureGrid } from "./measure-grid.js";
import { percent } from "./percent.js";
import { sdOrSe } from "./sd-or-se.js";
import { statisticP } from "./statistic-p.js";
import { summaryT } from "./summary-t.js";
import { twoByTwo } from "./two-by-two.js";

/** Options of checkStatistics: the rounding assumption, and the grid of a value's measure (from its instrument or variable). */
export interface CheckStatisticsOptions {
  rounding: RoundingMode;
  threshold: number;
  gridOf: (value: { instrument?: string | undefined; variable?: string | undefined }) => MeasureGrid | undefined;
}

const STATISTICS: readonly string[] = ["t", "F", "chi2", "z", "r"];
const RATIOS = new Set(["risk-ratio", "odds-ratio", "hazard-ratio"]);
const DIFFERENCES = new Set(["mean-difference", "risk-difference"]);

/** A p-value of the data model as the checks read it ("<=" printed as ≤). */
function pText(p: PValue): string {
  return `p ${p.relation === "<=" ? "≤" : p.relation === ">=" ? "≥" : p.relation} ${p.value}`;
}

function groupSize(study: Study, group: string): number {
  if (group === "all") return study.design.sampleSize.value;
  return study.design.arms.find((arm) => arm.id === group)?.size.value ?? study.design.sampleSize.value;
}

/**
 * The checks of the reported statistics of a study, run by `cohort check` on every value they apply to:
 * p from a test statistic (statisticP) on every test printing t, F, χ², z or r with its df and p; the
 * t-test from the two means a between-group test is `about` (summaryT), or the 2×2 table of the two
 * proportions it is about (twoByTwo); CI ↔ p (ciP) on every difference or ratio with a CI, and on every
 * mean change with a CI; SD or SE (sdOrSe) on every mean whose ± is not labelled SD; change-score
 * feasibility (changeSd) on every mean change with an SD whose two timepoints' means have SDs; and the
 * percentage of every proportion against its count. Each result names the values it is about.
 *
 * @example
 * checkStatistics(study, { rounding: "up_or_down", threshold: 5, gridOf }).map((r) => r.check); // => ["sd-or-se", "statistic-p", "summary-t", …]
 */
export function checkStatistics(study: Study, options: CheckStatisticsOptions): CheckResult[] {
  const assumption = { rounding: options.rounding, threshold: options.threshold };
  const byId = new Map(study.reported.map((value) => [value.id, value]));
  const means = study.reported.filter((value): value is Mean => value.kind === "mean");
  const tests = study.reported.filter((value): value is TestResult => value.kind === "test");
  const results: CheckResult[] = [];
  const nOf = (value: { n?: number | undefined; group: string }) => value.n ?? groupSize(study, value.group);

  for (const value of study.reported) {
    switch (value.kind) {
      case "mean":
        if (value.dispersion && value.dispersion.kind !== "sd" && nOf(value) >= 2) results.push(sdOrSeOf(value, means, tests, nOf, options, assumption));
        break;
      case "test":
        results.push(...testChecks(value, byId, nOf, study, assumption));
        break;
      case "effect":
        if (value.ci && (RATIOS.has(value.measure) || DIFFERENCES.has(value.measure))) results.push(effectCheck(value, assumption));
        break;
      case "mean-change":
        results.push(...changeChecks(value, means, nOf, assumption));
        break;
      case "proportion":
        if (value.count !== undefined && value.percent !== undefined) {
          const n = value.denominator ?? groupSize(study, value.group);
          if (value.count <= n) results.push({ ...percent({ percent: value.percent, n, count: value.count, ...assumption }), subject: [value.id] });
        }
        break;
    }
  }
  return results;
}

function sdOrSeOf(value: Mean, means: Mean[], tests: TestResult[], nOf: (v: Mean) => number, options: CheckStatisticsOptions, assumption: { rounding: RoundingMode; threshold: number }): CheckResult {
  const grid = options.gridOf(value);
  const dispersion = value.dispersion!;
  // A between-group test about this mean and one other whose ± is of the same kind tests the readings too.
  const test = tests.find((t) => t.comparison === "between-groups" && t.p && t.about?.length === 2 && t.about.includes(value.id));
  const other = test ? means.find((m) => m.id !== value.id && test.about?.includes(m.id) && m.dispersion?.kind === dispersion.kind) : undefined;
  const result = sdOrSe({
    row: { mean: value.mean, spread: dispersion.value, n: nOf(value), dispersion: dispersion.kind },
    ...(grid?.scale ? { scale: grid.scale, granular: true, items: grid.items, ...(grid.itemStep.num === 1 && grid.itemStep.den === 1 ? {} : { itemStep: grid.itemStep }) } : {}),
    ...(test && other && other.dispersion ? { comparison: { other: { mean: other.mean, spread: other.dispersion.value, n: nOf(other), dispersion: dispersion.kind }, p: pText(test.p!), ...designOf(test) } } : {}),
    ...assumption,
  });
  return { ...result, subject: [value.id, ...(test && other ? [other.id, test.id] : [])] };
}

function designOf(test: TestResult): { design?: "student" | "welch" } {
  if (test.method && /welch/i.test(test.method)) return { design: "welch" };
  if (test.method && /student|pooled|equal variance/i.test(test.method)) return { design: "student" };
  return {};
}

function testChecks(test: TestResult, byId: Map<string, Study["reported"][number]>, nOf: (v: { n?: number | undefined; group: string }) => number, study: Study, assumption: { rounding: RoundingMode; threshold: number }): CheckResult[] {
  const out: CheckResult[] = [];
  const statistic = test.statistic;
  const tails = test.tails === "one" ? 1 : 2;
  if (statistic && test.p && STATISTICS.includes(statistic.name)) {
    const df = (statistic.df ?? []).map(Number);
    const kind = statistic.name as StatisticKind;
    const dfs = kind === "F" ? { df1: df[0], df2: df[1] } : kind === "chi2" ? { df1: df[0] } : kind === "z" ? {} : { df2: df[0] };
    if (Object.values(dfs).every((d) => d !== undefined)) {
      const result = statisticP({ test: kind, statistic: statistic.value, ...(dfs as { df1?: number; df2?: number }), p: pText(test.p), tails, ...assumption });
      out.push({ ...result, subject: [test.id], assumptions: { ...result.assumptions, ...(test.tails === "unstated" ? { tails: "two-tailed (the paper does not say; the one-tailed reading is in the details)" } : {}) } });
    }
  }
  const about = (test.about ?? []).map((id) => byId.get(id));
  if (test.comparison === "between-groups" && about.length === 2) {
    const [a, b] = about;
    if (a?.kind === "mean" && b?.kind === "mean" && a.dispersion?.kind === "sd" && b.dispersion?.kind === "sd" && (test.p || statistic?.name === "t")) {
      const design = designOf(test).design ?? "student";
      const result = summaryT({
        design,
        groups: [
          { mean: a.mean, sd: a.dispersion.value, n: nOf(a) },
          { mean: b.mean, sd: b.dispersion.value, n: nOf(b) },
        ],
        ...(test.p ? { p: pText(test.p) } : {}),
        ...(statistic?.name === "t" ? { t: statistic.value, ...(statistic.df?.[0] !== undefined ? { df: statistic.df[0] } : {}) } : {}),
        ...assumption,
      });
      out.push({ ...result, subject: [test.id, a.id, b.id] });
    }
    if (a?.kind === "proportion" && b?.kind === "proportion" && a.count !== undefined && b.count !== undefined && test.p) {
      const na = a.denominator ?? groupSize(study, a.group);
      const nb = b.denominator ?? groupSize(study, b.group);
      if (a.count <= na && b.count <= nb) {
        const method = test.method ?? "";
        const named = /fisher/i.test(method) ? "fisher" : /yates|continuity/i.test(method) ? "chi2-yates" : undefined;
        const result = twoByTwo({ table: [[a.count, na - a.count], [b.count, nb - b.count]], p: pText(test.p), ...(named ? { test: named } : {}), ...assumption });
        out.push({ ...result, subject: [test.id, a.id, b.id] });
      }
    }
  }
  return out;
}

function effectCheck(effect: EffectEstimate, assumption: { rounding: RoundingMode; threshold: number }): CheckResult {
  const ci = effect.ci!;
  const result = ciP({ scale: RATIOS.has(effect.measure) ? "ratio" : "difference", estimate: effect.estimate, lower: ci.lower, upper: ci.upper, level: Number(ci.level), ...(effect.p ? { p: pText(effect.p) } : {}), ...assumption });
  return { ...result, subject: [effect.id] };
}

function changeChecks(change: MeanChange, means: Mean[], nOf: (v: { n?: number | undefined; group: string }) => number, assumption: { rounding: RoundingMode; threshold: number }): CheckResult[] {
  const out: CheckResult[] = [];
  const n = nOf(change);
  if (change.ci && n >= 2) {
    // A mean change's CI is a t interval with n − 1 df: its estimate must sit at the centre.
    const result = ciP({ scale: "difference", estimate: change.change, lower: change.ci.lower, upper: change.ci.upper, level: Number(change.ci.level), df: n - 1, ...assumption });
    out.push({ ...result, subject: [change.id] });
  }
  if (change.dispersion?.kind === "sd") {
    const sameMeasure = (m: Mean) => m.group === change.group && m.instrument === change.instrument && m.variable === change.variable && m.dispersion?.kind === "sd";
    const before = means.find((m) => sameMeasure(m) && m.timepoint === change.from);
    const after = means.find((m) => sameMeasure(m) && m.timepoint === change.to);
    if (before?.dispersion && after?.dispersion) {
      const result = changeSd({ sd1: before.dispersion.value, sd2: after.dispersion.value, sdChange: change.dispersion.value, ...assumption });
      out.push({ ...result, subject: [change.id, before.id, after.id] });
    }
  }
  return out;
}
