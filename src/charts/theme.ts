import type { Config } from "vega-lite";

/**
 * The one font of every chart: Arimo (metric-compatible with Arial and Liberation Sans), whose files come
 * with the npm package @expo-google-fonts/arimo, so PNGs render the same on any operating system.
 */
export const CHART_FONT = "Arimo";

/** The font-family of chart text in SVG: Arimo, then metric-compatible fonts for browsers that lack it. */
export const CHART_FONT_STACK = "Arimo, Liberation Sans, Arial, sans-serif";

/**
 * Shared look of every report chart. Why: one font that both resvg (PNG) and the browser
 * (inline SVG) can resolve, a white background so PNGs are readable on any viewer, and label
 * limits wide enough for the instruments' band names.
 */
export const chartConfig: Config = {
  font: CHART_FONT_STACK,
  // No per-mark descriptions ("position: 0; mean: 1.6; …", thousands per chart): the page names and
  // describes each chart once, and its numbers are in a table beside it (stripVegaAria removes the rest).
  aria: false,
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

