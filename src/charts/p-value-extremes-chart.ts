import type { TopLevelSpec } from "vega-lite";
import { wrapText } from "./wrap-text.js";
import { chartConfig } from "./theme.js";

/** The smallest and largest p of one test under one reading, and how each end is known. */
export interface PExtremesRow {
  /** Axis label; a "|" breaks it onto another line. */
  label: string;
  min: number;
  max: number;
  /** "exact": attained and proven; "attained": a dataset gives it, none proven beyond; "bound": proven, no dataset shown; "limit": approached, not attained. */
  minKind: "exact" | "attained" | "bound" | "limit";
  maxKind: "exact" | "attained" | "bound" | "limit";
}

/** Lowest p drawn; smaller values sit at this edge with their value written beside them. */
const FLOOR = 1e-6;

/**
 * The range of p each test can give over the datasets a report allows, on a log axis from 10⁻⁶ to 1
 * so that 0.001–1 keeps half the width: a line from the smallest to the largest p, a filled dot at
 * an exact end, an open dot at an end a dataset reaches but no proof closes, a bar at a proven bound
 * no dataset is shown for, the value written beside an end below 10⁻⁶, and the α line.
 * Why: whether "significant" can be confirmed is where α falls against the range.
 *
 * @param rows one per test and reading, in display order
 * @param alpha the significance level drawn
 * @param title chart title
 * @param subtitle chart subtitle (says it is a reconstruction)
 * @example
 * pValueExtremesChart([{ label: "paired t", min: 1e-8, max: 0.3, minKind: "exact", maxKind: "exact" }], 0.05, "p", "s").layer.length; // => 6
 */
export function pValueExtremesChart(rows: readonly PExtremesRow[], alpha: number, title: string, subtitle: string): TopLevelSpec & { layer: unknown[] } {
  const clamp = (p: number) => Math.max(FLOOR, Math.min(1, p));
  const fmt = (p: number) => (p === 0 ? "0" : p < 0.001 ? p.toExponential(1) : String(Number(p.toPrecision(2))));
  const values = rows.map((r, order) => ({ label: r.label, order, min: clamp(r.min), max: clamp(r.max) }));
  const ends = rows.flatMap((r, order) => [
    { label: r.label, order, p: clamp(r.min), kind: r.minKind, side: "min", text: r.minKind === "limit" ? `p → ${fmt(r.min)} (limit)` : r.min < FLOOR ? `p = ${fmt(r.min)}` : "" },
    { label: r.label, order, p: clamp(r.max), kind: r.maxKind, side: "max", text: r.max < FLOOR ? `p = ${fmt(r.max)}` : "" },
  ]);
  const y = { field: "label", type: "nominal", sort: { field: "order" }, title: null, axis: { labelLimit: 600, labelExpr: "split(datum.value, '|')", labelLineHeight: 13 } } as const;
  const x = {
    type: "quantitative",
    scale: { type: "log", domain: [FLOOR, 1], nice: false },
    title: "p-value (log scale; below 1e-6 drawn at the edge)",
    axis: { values: [1e-6, 1e-5, 1e-4, 0.001, 0.01, 0.05, 0.1, 1], labelExpr: "datum.value < 0.001 ? format(datum.value, '.0e') : format(datum.value, '~g')" },
  } as const;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: title, subtitle: wrapText(subtitle, 80) },
    config: { ...chartConfig, axis: { ...chartConfig.axis, labelLimit: 600 } },
    width: 440,
    height: { step: 16 + 14 * Math.max(1, ...rows.map((r) => r.label.split("|").length)) },
    layer: [
      { data: { values }, mark: { type: "rule", color: "#555", strokeWidth: 2 }, encoding: { y, x: { ...x, field: "min" }, x2: { field: "max" } } },
      { data: { values: ends.filter((e) => e.kind === "exact" || e.kind === "attained") }, mark: { type: "point", size: 60, strokeWidth: 1.5, color: "#08306b", opacity: 1 }, encoding: { y, x: { ...x, field: "p" }, fill: { field: "kind", type: "nominal", scale: { domain: ["exact", "attained"], range: ["#08306b", "white"] }, legend: { title: "end of the range", labelExpr: "datum.label === 'exact' ? 'exact (attained and proven)' : 'attained, not proven extreme'" } } } },
      { data: { values: ends.filter((e) => e.kind === "bound" || e.kind === "limit") }, mark: { type: "tick", color: "#08306b", thickness: 2, size: 14 }, encoding: { y, x: { ...x, field: "p" } } },
      { data: { values: ends.filter((e) => e.text !== "") }, mark: { type: "text", align: "left", baseline: "bottom", dx: 2, dy: -5, fontSize: 10, color: "#333" }, encoding: { y, x: { ...x, field: "p" }, text: { field: "text" } } },
      { data: { values: [{ alpha }] }, mark: { type: "rule", color: "#d62728", strokeDash: [4, 3] }, encoding: { x: { ...x, field: "alpha" } } },
      { data: { values: [{ alpha, label: `α = ${alpha}` }] }, mark: { type: "text", color: "#d62728", align: "center", baseline: "bottom", y: -3 }, encoding: { x: { ...x, field: "alpha" }, text: { field: "label" } } },
    ],
  } as unknown as TopLevelSpec & { layer: unknown[] };
}
