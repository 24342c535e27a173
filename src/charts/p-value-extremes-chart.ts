import type { TopLevelSpec } from "vega-lite";
import { chartTitle, wrapToPixels, type ChartLayout } from "./chart-layout.js";
import { chartConfig } from "./theme.js";

/** The smallest and largest p of one test under one reading, and how each end is known. */
export interface PExtremesRow {
  /** The row's label; a "|" starts a new line (each part is wrapped further to the plot's width). */
  label: string;
  min: number;
  max: number;
  /** "exact": attained and proven; "attained": a dataset gives it, none proven beyond; "bound": proven, no dataset shown; "limit": approached, not attained. */
  minKind: "exact" | "attained" | "bound" | "limit";
  maxKind: "exact" | "attained" | "bound" | "limit";
}

/** Lowest p drawn; smaller values sit at this edge, marked with an arrow and their value written out. */
export const P_FLOOR = 1e-4;

const LINE_HEIGHT = 13;

/**
 * The range of p each test can give over the datasets a report allows, on a log axis from 10⁻⁴ to 1
 * so that 0.001–1 keeps three quarters of the width: a line from the smallest to the largest p, a
 * filled dot at an exact end, an open dot at an end a dataset reaches but no proof closes, a bar at a
 * proven bound no dataset is shown for, an arrow at the edge for an end below 10⁻⁴ with its value
 * written under it, and the α line. Each row's label sits above its line, wrapped to the plot's
 * width, so no label is cut and the chart is no wider than its plot.
 * Why: whether "significant" can be confirmed is where α falls against the range.
 *
 * @param rows one per test and reading, in display order
 * @param alpha the significance level drawn
 * @param title chart title
 * @param subtitle chart subtitle (says it is a reconstruction)
 * @param layout wide (files, desktop) or narrow (phones)
 * @example
 * pValueExtremesChart([{ label: "paired t", min: 1e-8, max: 0.3, minKind: "exact", maxKind: "exact" }], 0.05, "p", "s").layer.length; // => 8
 */
export function pValueExtremesChart(rows: readonly PExtremesRow[], alpha: number, title: string, subtitle: string, layout: ChartLayout = "wide"): TopLevelSpec & { layer: unknown[] } {
  const narrow = layout === "narrow";
  const width = narrow ? 270 : 460;
  const clamp = (p: number) => Math.max(P_FLOOR, Math.min(1, p));
  const fmt = (p: number) => (p === 0 ? "0" : p < 0.001 ? p.toExponential(1) : String(Number(p.toPrecision(2))));
  const lines = rows.map((r) => r.label.split("|").flatMap((part) => wrapToPixels(part, width, 11)));
  // Rows laid out in pixels, top down: the label's lines, then the range line, then room for a value written under it.
  const tops: number[] = [];
  let height = 4;
  for (const l of lines) {
    tops.push(height);
    height += LINE_HEIGHT * l.length + 30;
  }
  const lineY = (order: number) => tops[order]! + LINE_HEIGHT * lines[order]!.length + 9;
  const values = rows.map((r, order) => ({ y: lineY(order), min: clamp(r.min), max: clamp(r.max) }));
  const ends = rows.flatMap((r, order) => [
    { y: lineY(order), p: clamp(r.min), kind: r.minKind, below: r.min < P_FLOOR },
    { y: lineY(order), p: clamp(r.max), kind: r.maxKind, below: r.max < P_FLOOR },
  ]);
  // What the axis cannot show, written under the line: ends below the floor, and a limit never attained.
  const notes = rows.flatMap((r, order) => {
    const low = r.minKind === "limit" ? `p → ${fmt(r.min)} (limit)` : r.min < P_FLOOR ? `p = ${fmt(r.min)}` : "";
    const high = r.max < P_FLOOR && fmt(r.max) !== fmt(r.min) ? `${fmt(r.max)}` : "";
    const text = low && high ? `${low} to ${high}` : low || (high ? `p up to ${high}` : "");
    return text ? [{ y: lineY(order), p: clamp(r.min), text }] : [];
  });
  const labelRows = lines.flatMap((l, order) => l.map((text, index) => ({ y: tops[order]! + LINE_HEIGHT * (index + 1), text })));
  const y = { field: "y", type: "quantitative", scale: { domain: [0, height], range: [0, height], nice: false, zero: true }, axis: null } as const;
  const x = {
    type: "quantitative",
    scale: { type: "log", domain: [P_FLOOR, 1], nice: false },
    title: narrow ? ["p-value (log scale)", "below 0.0001: at the edge, with ◄"] : "p-value (log scale; below 0.0001: at the edge, with ◄)",
    axis: { values: narrow ? [1e-4, 0.001, 0.01, 0.05, 1] : [1e-4, 0.001, 0.01, 0.05, 0.1, 0.5, 1], labelExpr: "datum.value < 0.0005 ? '0.0001' : format(datum.value, '~g')", grid: true },
  } as const;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: chartTitle(title, subtitle, layout),
    config: { ...chartConfig, legend: { ...chartConfig.legend, orient: "bottom", direction: "vertical" } },
    width,
    height,
    layer: [
      { data: { values }, mark: { type: "rule", color: "#555", strokeWidth: 2 }, encoding: { y, x: { ...x, field: "min" }, x2: { field: "max" } } },
      {
        data: { values: ends.filter((e) => (e.kind === "exact" || e.kind === "attained") && !e.below) },
        mark: { type: "point", size: 60, strokeWidth: 1.5, color: "#08306b", opacity: 1 },
        encoding: { y, x: { ...x, field: "p" }, fill: { field: "kind", type: "nominal", scale: { domain: ["exact", "attained"], range: ["#08306b", "white"] }, legend: { title: "end of the range", labelExpr: "datum.label === 'exact' ? 'exact (attained and proven)' : 'attained, not proven extreme'" } } },
      },
      { data: { values: ends.filter((e) => (e.kind === "bound" || e.kind === "limit") && !e.below) }, mark: { type: "tick", orient: "vertical", color: "#08306b", thickness: 2, size: 14 }, encoding: { y, x: { ...x, field: "p" } } },
      { data: { values: ends.filter((e) => e.below) }, mark: { type: "point", shape: "triangle-left", size: 70, filled: true, color: "#08306b", opacity: 1 }, encoding: { y, x: { ...x, field: "p" } } },
      { data: { values: notes }, mark: { type: "text", align: "left", baseline: "top", dx: 8, dy: 5, fontSize: 11, color: "#333" }, encoding: { y, x: { ...x, field: "p" }, text: { field: "text" } } },
      { data: { values: [{ alpha }] }, mark: { type: "rule", color: "#d62728", strokeDash: [4, 3] }, encoding: { x: { ...x, field: "alpha" } } },
      { data: { values: [{ alpha, label: `α = ${alpha}` }] }, mark: { type: "text", color: "#d62728", align: "center", baseline: "bottom", y: -3, fontSize: 11 }, encoding: { x: { ...x, field: "alpha" }, text: { field: "label" } } },
      { data: { values: labelRows }, mark: { type: "text", align: "left", baseline: "bottom", fontSize: 11, color: "#111", x: 0 }, encoding: { y, text: { field: "text" } } },
    ],
  } as unknown as TopLevelSpec & { layer: unknown[] };
}
