import { buildStatistic } from "./build-statistic.js";
import { headedCells } from "./cell-table.js";
import { measureOf } from "./format-headings.js";
import { contains } from "./guards.js";
import { pattern } from "./patterns.js";
import type { ScanContext } from "./scan-context.js";
import { INTERVAL_CELL, isNumber } from "./table-cell.js";
import type { ExtractedStatistic, StatisticFlag } from "./types.js";

const INTERVAL = pattern(String.raw`^${INTERVAL_CELL}`, "d");
const ESTIMATE = pattern(String.raw`^[-+]? {0,2}(?:\d{1,9}(?:\.\d{1,6})?|\.\d{1,6})`, "");
const LEVEL = pattern(String.raw`(\d{2}(?:\.\d)?) ?%`, "");

const cache = new WeakMap<ScanContext, ExtractedStatistic[]>();

/**
 * An estimate in one table cell and its CI in the next, under a "95% CI" heading (tables printed one
 * cell per line or with tabs): "-.48" under "Effect size", then "[-.60, -.35]" under "95% CI". The span
 * runs from the estimate to the end of the interval, across the cell break. The estimate's own heading
 * names the measure ("OR", "HR", "Mean difference"; a mean makes a mean-ci; anything else is `other`).
 * An interval that does not contain its estimate is not read as one.
 *
 * @example
 * // "OR\n\n95% CI\n\nAge\n\n1.8\n\n(1.1, 2.9)" → effect-ci { measure: "OR", estimate: "1.8", lower: "1.1", upper: "2.9", level: "95" }
 */
export function cellIntervals(context: ScanContext): ExtractedStatistic[] {
  let list = cache.get(context);
  if (list) return list;
  list = [];
  for (const cell of headedCells(context)) {
    const previous = cell.previous;
    if (cell.column !== "ci" || previous === undefined || !isNumber(previous) || !ESTIMATE.test(previous.text)) continue;
    const interval = INTERVAL.exec(context.shadow.slice(cell.start, cell.end));
    const spans = interval?.indices?.groups;
    if (!interval || !spans?.lower || !spans.upper) continue;
    const lower = context.text.slice(cell.start + spans.lower[0], cell.start + spans.lower[1]);
    const upper = context.text.slice(cell.start + spans.upper[0], cell.start + spans.upper[1]);
    const estimate = context.text.slice(previous.start, previous.start + ESTIMATE.exec(previous.text)![0].length);
    const heading = cell.heading ?? "";
    const level = LEVEL.exec(heading)?.[1];
    const flags: StatisticFlag[] = level === undefined ? ["read-from-heading", "ci-level-unstated"] : ["read-from-heading"];
    const measure = measureOf(` ${previous.heading} `);
    const end = cell.start + interval[0].length;
    const statistic =
      measure === "mean"
        ? buildStatistic(context, "mean-ci", previous.start, end, { mean: estimate, lower, upper, ...(level ? { level } : {}) }, flags, { acrossBlankLines: true })
        : buildStatistic(context, "effect-ci", previous.start, end, { measure, estimate, lower, upper, ...(level ? { level } : {}) }, flags, { acrossBlankLines: true });
    if (!statistic) continue;
    const values = statistic.values;
    if (!contains(values.lower!, values.estimate ?? values.mean!, values.upper!)) continue;
    list.push(statistic);
  }
  cache.set(context, list);
  return list;
}
