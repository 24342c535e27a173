import type { TopLevelSpec } from "vega-lite";
import { wrapText } from "./wrap-text.js";
import { chartConfig } from "./theme.js";

/** The p-values one test gave over many rebuilt datasets: five-number summary and per-scenario medians. */
export interface PValueRow {
  test: string;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  /** Median p of each family of reconstructions (e.g. each assumed spread). */
  scenarioMedians: number[];
}

/**
 * Range of p-values per test over reconstructions, on a log axis: a thin line from the smallest to
 * the largest p, a thick bar over the middle half, a tick at the median, grey dots for each
 * scenario's median, and the α line. Why: when the SD is not reported, "significant" is a range of
 * p-values, and where α falls in it is the finding.
 * Reference: Heathers et al. (2018) SPRITE, doi:10.7287/peerj.preprints.26968v1
 *
 * @param rows one per test, in display order (a "|" in a name breaks the axis label there)
 * @param alpha the significance level drawn
 * @param title chart title
 * @example
 * pValueRangeChart([{ test: "paired t", min: 1e-6, q1: 1e-4, median: 0.01, q3: 0.1, max: 0.3, scenarioMedians: [0.01] }], 0.05, "p").layer.length; // => 6
 */
export function pValueRangeChart(rows: readonly PValueRow[], alpha: number, title: string, subtitle: string): TopLevelSpec & { layer: unknown[] } {
  const floor = Math.min(alpha / 10, ...rows.map((r) => r.min));
  // Log axis: a p of exactly 0 (underflow) would have no position, so it is drawn at the floor.
  const lower = 10 ** Math.floor(Math.log10(Math.max(floor, 1e-300)));
  const clamp = (p: number) => Math.max(lower, Math.min(1, p));
  const values = rows.map((r, order) => ({ test: r.test, order, min: clamp(r.min), q1: clamp(r.q1), median: clamp(r.median), q3: clamp(r.q3), max: clamp(r.max) }));
  const dots = rows.flatMap((r, order) => r.scenarioMedians.map((p) => ({ test: r.test, order, p: clamp(p) })));
  // A test name may carry "|" where it should break onto another line.
  const y = { field: "test", type: "nominal", sort: { field: "order" }, title: null, axis: { labelLimit: 600, labelExpr: "split(datum.value, '|')", labelLineHeight: 13 } } as const;
  const x = { type: "quantitative", scale: { type: "log", domain: [lower, 1], nice: false }, title: "p-value (log scale)", axis: { format: "~e", tickCount: 8 } } as const;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: title, subtitle: wrapText(subtitle, 80) },
    // Long test names: vega estimates text at 0.8 × font size per character (no canvas), so the shared limit would cut them.
    config: { ...chartConfig, axis: { ...chartConfig.axis, labelLimit: 600 } },
    width: 440,
    height: { step: 16 + 14 * Math.max(1, ...rows.map((r) => r.test.split("|").length)) },
    layer: [
      { data: { values }, mark: { type: "rule", color: "#555" }, encoding: { y, x: { ...x, field: "min" }, x2: { field: "max" } } },
      { data: { values }, mark: { type: "bar", height: 10, color: "#9ecae1" }, encoding: { y, x: { ...x, field: "q1" }, x2: { field: "q3" } } },
      { data: { values: dots }, mark: { type: "point", size: 14, color: "#666", opacity: 1, strokeOpacity: 0.7 }, encoding: { y, x: { ...x, field: "p" } } },
      { data: { values }, mark: { type: "tick", color: "#08306b", thickness: 2, size: 16 }, encoding: { y, x: { ...x, field: "median" } } },
      { data: { values: [{ alpha }] }, mark: { type: "rule", color: "#d62728", strokeDash: [4, 3] }, encoding: { x: { ...x, field: "alpha" } } },
      { data: { values: [{ alpha, label: `α = ${alpha}` }] }, mark: { type: "text", color: "#d62728", align: "center", baseline: "bottom", y: -3 }, encoding: { x: { ...x, field: "alpha" }, text: { field: "label" } } },
    ],
  } as unknown as TopLevelSpec & { layer: unknown[] };
}
