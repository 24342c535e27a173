import { defineAnalysis, skip } from "../src/report/analysis.js";
import { describeTest } from "../src/report/describe-inventory.js";
import { describeCell } from "../src/report/describe-reported.js";
import { columnOf, groupColumns, NOT_REPORTED_MARK } from "../src/report/group-columns.js";
import { measureLabel, timepointLabel, valueGroupLabel } from "../src/report/study-lookup.js";
import type { ReportedValue } from "../src/schema/reported-value.js";

const id = "outcomes";
const title = "Outcomes by group, as reported";

type OutcomeValue = Extract<ReportedValue, { kind: "mean" | "median" | "proportion" | "mean-change" | "percent-change" | "band-shift" }>;
type Comparison = Extract<ReportedValue, { kind: "test" | "effect" }>;

const STATISTIC: Record<OutcomeValue["kind"], string> = {
  mean: "mean",
  median: "median",
  proportion: "count (%)",
  "mean-change": "mean change",
  "percent-change": "% change of the mean",
  "band-shift": "severity band",
};

interface Row {
  fixed: { measure: string; when: string; statistic: string };
  sort: number[];
  timepoints: string[];
  ids: string[];
  cells: Map<string, string[]>;
  comparisons: string[];
}

/** An outcome value: a proportion (the data model's outcome count), a change or band, or a mean or median at a timepoint (without one it is a characteristic, in Table 1). */
function isOutcome(value: ReportedValue): value is OutcomeValue {
  if (value.kind === "mean" || value.kind === "median") return value.timepoint !== undefined;
  return value.kind === "proportion" || value.kind === "mean-change" || value.kind === "percent-change" || value.kind === "band-shift";
}

/**
 * Every outcome value the source reports — means, medians, proportions, changes, band shifts — one
 * row per measure, time and statistic, one column per group (as a paper's results table), with the
 * tests and effect estimates beside the values they compare. Nothing is recomputed here.
 */
export default defineAnalysis({
  id,
  title,
  section: "reported",
  run({ study, instruments }) {
    const outcomes = study.reported.filter(isOutcome);
    if (outcomes.length === 0) return skip(id, title, "the study reports no outcome value of a group (a mean, median, proportion, change or band at a timepoint)");
    const comparisons = study.reported.filter((v): v is Comparison => v.kind === "test" || v.kind === "effect");
    const within = comparisons.filter((c) => c.groups?.length === 1);
    const between = comparisons.filter((c) => c.groups?.length !== 1);
    const columns = groupColumns(study, [...outcomes.map((v) => v.group), ...within.map((c) => c.groups![0]!)]);
    const order = new Map(study.design.timepoints.map((t) => [t.id, t.order]));
    const measures: string[] = [];
    const measureOf = (v: OutcomeValue | Comparison): string => {
      const measure = v.kind === "proportion" ? v.outcome : v.kind === "effect" && v.outcome !== undefined ? v.outcome : (measureLabel(study, instruments, v) ?? "measure not named");
      if (!measures.includes(measure)) measures.push(measure);
      return measure;
    };
    const rows = new Map<string, Row>();
    const rowFor = (measure: string, timepoints: string[], statistic: string, rank: number): Row => {
      const when = timepoints.length > 0 ? timepoints.map((t) => timepointLabel(study, t)).join(" → ") : "time not stated";
      const key = `${measure}|${when}|${statistic}`;
      let row = rows.get(key);
      // Values at one time first, in time order, then changes between times, by start and end.
      const times = timepoints.map((t) => order.get(t) ?? 0);
      const sort = timepoints.length === 0 ? [measures.indexOf(measure), 2, 0, 0, rank] : [measures.indexOf(measure), timepoints.length > 1 ? 1 : 0, times[0]!, times[times.length - 1]!, rank];
      if (!row) rows.set(key, (row = { fixed: { measure, when, statistic }, sort, timepoints, ids: [], cells: new Map(), comparisons: [] }));
      return row;
    };
    const addCell = (row: Row, group: string, text: string) => {
      const column = columnOf(columns, group);
      if (column) row.cells.set(column.key, [...(row.cells.get(column.key) ?? []), text]);
    };
    for (const v of outcomes) {
      const timepoints = v.kind === "mean-change" || v.kind === "percent-change" ? [v.from, v.to] : v.kind === "band-shift" ? [...(v.from ? [v.from.timepoint] : []), v.to.timepoint] : v.timepoint !== undefined ? [v.timepoint] : [];
      const row = rowFor(measureOf(v), timepoints, STATISTIC[v.kind], Object.keys(STATISTIC).indexOf(v.kind));
      row.ids.push(v.id);
      addCell(row, v.group, describeCell(v));
    }
    // A test or effect goes beside the values it names (`about`), else beside the values on its measure and times.
    const timesOf = (c: Comparison) => (c.kind === "test" ? (c.timepoints ?? []) : c.timepoint !== undefined ? [c.timepoint] : []);
    const placeOf = (c: Comparison): Row | undefined => {
      const all = [...rows.values()];
      if (c.kind === "test" && c.about?.length) {
        const named = all.find((r) => r.ids.some((i) => c.about!.includes(i)));
        if (named) return named;
      }
      const measure = measureOf(c);
      const times = timesOf(c);
      return all.find((r) => r.fixed.measure === measure && times.length > 0 && times.length === r.timepoints.length && times.every((t, i) => r.timepoints[i] === t));
    };
    const nameOf = (c: Comparison) => (c.kind === "test" ? (c.method ?? "test") : (c.label ?? c.measure.replace(/-/g, " ")));
    for (const c of within) {
      const place = placeOf(c);
      const row = rowFor(place?.fixed.measure ?? measureOf(c), place?.timepoints ?? timesOf(c), `${nameOf(c)} within the group`, 10);
      addCell(row, c.groups![0]!, describeTest(c, study, instruments, false));
    }
    for (const c of between) {
      const row = placeOf(c) ?? rowFor(measureOf(c), timesOf(c), nameOf(c), 11);
      const groups = c.groups && c.groups.length > 0 ? ` (${valueGroupLabel(study, c)})` : "";
      row.comparisons.push(`${describeTest(c, study, instruments, false)}${groups}`);
    }
    const hasComparisons = between.length > 0;
    const tableRows = [...rows.values()]
      .sort((a, b) => a.sort.reduce((d, value, i) => d || value - b.sort[i]!, 0))
      .map((row) => ({
        ...row.fixed,
        ...Object.fromEntries(columns.map((column) => [column.key, row.cells.get(column.key)?.join(" · ") ?? NOT_REPORTED_MARK])),
        ...(hasComparisons ? { comparison: row.comparisons.join(" · ") } : {}),
      }));
    const single = columns.length === 1;
    return {
      id,
      title,
      section: "reported",
      paragraphs: [
        `Every outcome value the source reports, one row per measure, time and statistic, ${single ? `in one column for the study's single group (${columns[0]!.label})` : `one column per group (${columns.map((c) => c.label).join("; ")})`}; ${NOT_REPORTED_MARK} marks a value not reported${single ? "" : " for that group"}.${hasComparisons ? " Tests and effect estimates comparing groups are in the last column, beside the values they compare." : ""} Nothing here is recomputed.`,
      ],
      table: {
        columns: [{ key: "measure", label: "measure" }, { key: "when", label: "when" }, { key: "statistic", label: "statistic" }, ...columns, ...(hasComparisons ? [{ key: "comparison", label: "comparison as reported" }] : [])],
        rows: tableRows,
      },
    };
  },
});
