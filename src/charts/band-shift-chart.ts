import type { TopLevelSpec } from "vega-lite";
import { chartTitle, wrapToPixels, type ChartLayout } from "./chart-layout.js";
import { chartConfig } from "./theme.js";

/** A band as a stretch of the score axis for a group mean: [start, end) (the top band is closed). */
export interface BandSpan {
  label: string;
  start: number;
  end: number;
}

/** Where the reported band puts the group mean at one end of the shift, under one convention. */
export interface BandMarker {
  which: "before" | "after";
  label: string;
  start: number;
  end: number;
}

/** One band convention of an instrument, its bands, and the reported shift drawn on it. */
export interface BandConventionPanel {
  convention: string;
  bands: BandSpan[];
  markers: BandMarker[];
}

/** One reported band shift: the instrument's score range and every convention. */
export interface BandShiftPanel {
  title: string;
  note?: string;
  min: number;
  max: number;
  conventions: BandConventionPanel[];
}

const LINE_HEIGHT = 13;

/**
 * Band-shift chart: for each reported shift, the instrument's score axis with the bands of every
 * published convention (one row each, its name above it, wrapped, never cut), and the interval the
 * reported band puts the group mean in before (grey) and after (black) treatment. Band names are
 * written inside their bands, wrapped to the band's width. Why: "moderately severe → mild" is a
 * range, not a number, and where the bands are cut (pain NRS, SDS per substance) changes the range.
 * Reference: the instruments' band conventions in data/instruments (e.g. Kroenke et al. 2001, doi:10.1046/j.1525-1497.2001.016009606.x)
 *
 * @param panels one per reported shift
 * @param title chart title
 * @param layout wide (files, desktop) or narrow (phones)
 * @example
 * bandShiftChart([], "Band shifts").title; // => { text: ["Band shifts"], subtitle: [...] }
 */
export function bandShiftChart(panels: readonly BandShiftPanel[], title: string, layout: ChartLayout = "wide"): TopLevelSpec {
  const width = layout === "narrow" ? 290 : 480;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: chartTitle(title, "Bands of each published convention; bars: where the reported band puts the group mean (grey before, black after)", layout),
    config: chartConfig,
    spacing: 28,
    vconcat: panels.map((panel) => panelSpec(panel, width, layout)),
  } as unknown as TopLevelSpec;
}

function panelSpec(panel: BandShiftPanel, width: number, layout: ChartLayout): Record<string, unknown> {
  const pixels = (score: number) => ((score - panel.min) / (panel.max - panel.min)) * width;
  // Rows laid out in pixels, top down: the convention's name, its bands (names inside), the two bars under them.
  let height = 2;
  const bandRows: Array<Record<string, unknown>> = [];
  const nameRows: Array<Record<string, unknown>> = [];
  const textRows: Array<Record<string, unknown>> = [];
  const markerRows: Array<Record<string, unknown>> = [];
  for (const convention of panel.conventions) {
    const name = wrapToPixels(convention.convention, width, 11);
    name.forEach((line, index) => nameRows.push({ y: height + LINE_HEIGHT * (index + 1), text: line }));
    height += LINE_HEIGHT * name.length + 4;
    const texts = convention.bands.map((band) => wrapToPixels(band.label, pixels(band.end) - pixels(band.start) - 4, 11));
    const tall = LINE_HEIGHT * Math.max(1, ...texts.map((t) => t.length)) + 8;
    convention.bands.forEach((band, index) => {
      const shade = convention.bands.length > 1 ? index / (convention.bands.length - 1) : 0;
      bandRows.push({ start: band.start, end: band.end, y: height, y2: height + tall, shade });
      textRows.push({ middle: (band.start + band.end) / 2, y: height + 4, text: texts[index]! });
    });
    height += tall;
    for (const marker of convention.markers) markerRows.push({ which: marker.which, start: marker.start, end: marker.end, y: height + (marker.which === "before" ? 5 : 13) });
    height += 22;
  }
  const y = { type: "quantitative", scale: { domain: [0, height], range: [0, height], nice: false, zero: true }, axis: null } as const;
  const x = { type: "quantitative", scale: { domain: [panel.min, panel.max], nice: false }, title: "score" };
  return {
    title: { ...chartTitle(panel.title, panel.note, layout), fontSize: 12 },
    width,
    height,
    layer: [
      {
        data: { values: bandRows },
        mark: { type: "rect", stroke: "white", strokeWidth: 1 },
        encoding: {
          x: { ...x, field: "start" },
          x2: { field: "end" },
          y: { ...y, field: "y" },
          y2: { field: "y2" },
          color: { field: "shade", type: "quantitative", scale: { domain: [0, 1], range: ["#e8f1e4", "#f2c9b8"] }, legend: null },
        },
      },
      { data: { values: textRows }, mark: { type: "text", fontSize: 11, baseline: "top", lineHeight: LINE_HEIGHT, color: "#222" }, encoding: { x: { ...x, field: "middle" }, y: { ...y, field: "y" }, text: { field: "text" } } },
      ...(["before", "after"] as const)
        .filter((which) => markerRows.some((row) => row.which === which))
        .map((which) => ({
          data: { values: markerRows.filter((row) => row.which === which) },
          mark: { type: "rule", strokeWidth: 6, strokeCap: "butt", color: which === "before" ? "#8a8a8a" : "#111111" },
          encoding: { x: { ...x, field: "start" }, x2: { field: "end" }, y: { ...y, field: "y" } },
        })),
      { data: { values: nameRows }, mark: { type: "text", align: "left", baseline: "bottom", fontSize: 11, color: "#111", x: 0 }, encoding: { y: { ...y, field: "y" }, text: { field: "text" } } },
    ],
  };
}
