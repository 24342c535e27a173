import type { CheckResult } from "../schema/check-result.js";
import type { Mean, MeanChange, Median, Proportion, TestResult } from "../schema/reported-statistics.js";
import type { Study } from "../schema/study.js";
import type { RoundingMode } from "../stats/rounding.js";
import { personStep } from "../stats/step.js";
import { changeSd } from "./change-sd.js";
import { ciP } from "./ci-p.js";
import { hasWholeItems, type MeasureGrid } from "./measure-grid.js";
import { medianGrid } from "./median-grid.js";
import { percent } from "./percent.js";
import { sdOrSe } from "./sd-or-se.js";
import { effectChecks } from "./study-effect-checks.js";
import { designOf, pText, testChecks, type StudyContext } from "./study-test-checks.js";

/** Options of checkStatistics: the rounding assumption, and the grid of a value's measure (from its instrument or variable). */
export interface CheckStatisticsOptions {
  rounding: RoundingMode;
  threshold: number;
  gridOf: (value: { instrument?: string | undefined; variable?: string | undefined }) => MeasureGrid | undefined;
}

function groupSize(study: Study, group: string): number {
  if (group === "all") return study.design.sampleSize.value;
  return study.design.arms.find((arm) => arm.id === group)?.size.value ?? study.design.sampleSize.value;
}

/**
 * The checks of the reported statistics of a study, run by `cohort check` on every value they apply to:
 * p from a test statistic (statisticP) on every test printing t, F, χ², z or r with its df (printed or
 * derived) and p; the t-test from the two means a between-group test is `about` (summaryT, every reading
 * of a ± that is not a labelled SD), or the paired t-test from the mean change a within-group test is
 * about, or the 2×2 table of the two proportions it is about (twoByTwo); CI ↔ p (ciP) on every difference
 * or ratio with a CI, and on every mean change with a CI; an effect recomputed from the proportions it is
 * about (effectCounts, twoByTwo) and ηp² from the F it is about (etaSquaredF); SD or SE (sdOrSe) on every
 * mean whose ± is not labelled SD; change-score feasibility (changeSd); the grid of every median with a
 * declared step (medianGrid); and the percentage of every proportion, against its count when printed
 * and for the counts that fit when not. Each result names the values it is about.
 *
 * @example
 * checkStatistics(study, { rounding: "up_or_down", threshold: 5, gridOf }).map((r) => r.check); // => ["sd-or-se", "statistic-p", "summary-t", …]
 */
export function checkStatistics(study: Study, options: CheckStatisticsOptions): CheckResult[] {
  const assumption = { rounding: options.rounding, threshold: options.threshold };
  const means = study.reported.filter((value): value is Mean => value.kind === "mean");
  const tests = study.reported.filter((value): value is TestResult => value.kind === "test");
  const context: StudyContext = {
    byId: new Map(study.reported.map((value) => [value.id, value])),
    nOf: (value) => value.n ?? groupSize(study, value.group),
    groupSize: (group) => groupSize(study, group),
    assumption,
  };
  const results: CheckResult[] = [];
  for (const value of study.reported) {
    switch (value.kind) {
      case "mean":
        if (value.dispersion && value.dispersion.kind !== "sd" && context.nOf(value) >= 2) results.push(sdOrSeOf(value, means, tests, context, options));
        break;
      case "median": {
        const check = medianCheck(value, context, options);
        if (check) results.push(check);
        break;
      }
      case "test":
        results.push(...testChecks(value, context));
        break;
      case "effect":
        results.push(...effectChecks(value, context));
        break;
      case "mean-change":
        results.push(...changeChecks(value, means, context));
        break;
      case "proportion": {
        const check = percentCheck(value, context);
        if (check) results.push(check);
        break;
      }
    }
  }
  return results;
}

/**
 * The percentage of a proportion: against its count when printed, else which counts of its
 * denominator fit it. Not run when the percentage is of a base the source does not give.
 */
function percentCheck(value: Proportion, context: StudyContext): CheckResult | undefined {
  if (value.percent === undefined || value.denominatorUnknown) return undefined;
  const n = value.denominator ?? context.groupSize(value.group);
  if (value.count !== undefined && value.count > n) return undefined;
  const denominatorNote = value.denominator !== undefined ? "as printed" : `the size of group ${value.group}; no denominator is printed`;
  return { ...percent({ percent: value.percent, n, ...(value.count !== undefined ? { count: value.count } : {}), denominatorNote, ...context.assumption }), subject: [value.id] };
}

/** The grid of a median, when its measure declares a step. */
function medianCheck(value: Median, context: StudyContext, options: CheckStatisticsOptions): CheckResult | undefined {
  const grid = options.gridOf(value);
  if (!grid) return undefined;
  // One person's value is a multiple of itemStep/items within the item range (a mean of items stays within it).
  const step = personStep(grid.items, grid.itemStep);
  const result = medianGrid({ median: value.median, n: context.nOf(value), ...(value.spread ? { spread: value.spread } : {}), step, ...(grid.scale ? { scale: grid.scale } : {}), ...context.assumption });
  return { ...result, subject: [value.id] };
}

function sdOrSeOf(value: Mean, means: Mean[], tests: TestResult[], context: StudyContext, options: CheckStatisticsOptions): CheckResult {
  const grid = options.gridOf(value);
  const dispersion = value.dispersion!;
  // A between-group test about this mean and one other whose ± is of the same kind tests the readings too.
  const test = tests.find((t) => t.comparison === "between-groups" && t.p && t.about?.length === 2 && t.about.includes(value.id));
  const other = test ? means.find((m) => m.id !== value.id && test.about?.includes(m.id) && m.dispersion?.kind === dispersion.kind) : undefined;
  const result = sdOrSe({
    row: { mean: value.mean, spread: dispersion.value, n: context.nOf(value), dispersion: dispersion.kind },
    ...(grid?.scale ? { scale: grid.scale, granular: true, items: grid.items, ...(hasWholeItems(grid) ? {} : { itemStep: grid.itemStep }) } : {}),
    ...(test && other && other.dispersion ? { comparison: { other: { mean: other.mean, spread: other.dispersion.value, n: context.nOf(other), dispersion: dispersion.kind }, p: pText(test.p!), ...designOf(test) } } : {}),
    ...context.assumption,
  });
  return { ...result, subject: [value.id, ...(test && other ? [other.id, test.id] : [])] };
}

function changeChecks(change: MeanChange, means: Mean[], context: StudyContext): CheckResult[] {
  const out: CheckResult[] = [];
  const n = context.nOf(change);
  if (change.ci && n >= 2) {
    // A mean change's CI is a t interval with n − 1 df: its estimate must sit at the centre.
    const result = ciP({ scale: "difference", estimate: change.change, lower: change.ci.lower, upper: change.ci.upper, level: Number(change.ci.level), df: n - 1, ...context.assumption });
    out.push({ ...result, subject: [change.id] });
  }
  if (change.dispersion?.kind === "sd") {
    const sameMeasure = (m: Mean) => m.group === change.group && m.instrument === change.instrument && m.variable === change.variable && m.dispersion?.kind === "sd";
    const before = means.find((m) => sameMeasure(m) && m.timepoint === change.from);
    const after = means.find((m) => sameMeasure(m) && m.timepoint === change.to);
    if (before?.dispersion && after?.dispersion) {
      const result = changeSd({ sd1: before.dispersion.value, sd2: after.dispersion.value, sdChange: change.dispersion.value, ...context.assumption });
      out.push({ ...result, subject: [change.id, before.id, after.id] });
    }
  }
  return out;
}
