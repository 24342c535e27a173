import type { Config } from "vega-lite";

/** The one font of every chart: Liberation Sans (metric-compatible with Arial, shipped by Debian's fonts-liberation). */
export const CHART_FONT = "Liberation Sans";

/**
 * Shared look of every report chart. Why: one font that both resvg (PNG) and the browser
 * (inline SVG) can resolve, a white background so PNGs are readable on any viewer, and label
 * limits wide enough for the instruments' band names.
 */
export const chartConfig: Config = {
  font: CHART_FONT,
  background: "white",
  padding: 12,
  title: { fontSize: 14, anchor: "start", subtitleFontSize: 11, subtitleColor: "#444", offset: 8 },
  axis: { labelFontSize: 11, titleFontSize: 12, labelLimit: 260 },
  legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 260 },
  header: { labelFontSize: 12, titleFontSize: 12 },
  view: { stroke: "#ddd" },
};

/** The colour of each arm or group, in order (Tableau 10, colour-blind-safe first pair). */
export const GROUP_COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2"] as const;
