import type { TopLevelSpec } from "vega-lite";
import { wrapText } from "./wrap-text.js";
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

/**
 * Band-shift chart: for each reported shift, the instrument's score axis with the bands of every
 * published convention (one row each), and the interval the reported band puts the group mean in
 * before (grey) and after (black) treatment. Why: "moderately severe → mild" is a range, not a
 * number, and where the bands are cut (pain NRS, SDS per substance) changes the range.
 * Reference: the instruments' band conventions in data/instruments (e.g. Kroenke et al. 2001, doi:10.1046/j.1525-1497.2001.016009606.x)
 *
 * @param panels one per reported shift
 * @param title chart title
 * @example
 * bandShiftChart([], "Band shifts").title; // => { text: "Band shifts", ... }
 */
export function bandShiftChart(panels: readonly BandShiftPanel[], title: string): TopLevelSpec {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: title, subtitle: wrapText("Bands of each published convention; bars: where the reported band puts the group mean (grey before, black after)", 80) },
    config: chartConfig,
    spacing: 28,
    vconcat: panels.map((panel) => panelSpec(panel)),
  } as unknown as TopLevelSpec;
}

function panelSpec(panel: BandShiftPanel): Record<string, unknown> {
  const bandRows = panel.conventions.flatMap((convention, conventionIndex) =>
    convention.bands.map((band, index) => ({
      convention: convention.convention,
      conventionIndex,
      band: band.label,
      start: band.start,
      end: band.end,
      middle: (band.start + band.end) / 2,
      shade: convention.bands.length > 1 ? index / (convention.bands.length - 1) : 0,
    })),
  );
  const markerRows = panel.conventions.flatMap((convention, conventionIndex) =>
    convention.markers.map((marker) => ({ convention: convention.convention, conventionIndex, which: marker.which, label: marker.label, start: marker.start, end: marker.end })),
  );
  const y = { field: "convention", type: "nominal", title: null, sort: { field: "conventionIndex" }, axis: { labelLimit: 400 } };
  const x = { type: "quantitative", scale: { domain: [panel.min, panel.max], nice: false }, title: "score" };
  return {
    title: { text: panel.title, ...(panel.note ? { subtitle: wrapText(panel.note, 80) } : {}), fontSize: 12 },
    width: 460,
    height: { step: 46 },
    layer: [
      {
        data: { values: bandRows },
        mark: { type: "rect", stroke: "white", strokeWidth: 1 },
        encoding: {
          y,
          x: { ...x, field: "start" },
          x2: { field: "end" },
          color: { field: "shade", type: "quantitative", scale: { domain: [0, 1], range: ["#e8f1e4", "#f2c9b8"] }, legend: null },
        },
      },
      {
        data: { values: bandRows },
        mark: { type: "text", fontSize: 9, baseline: "middle", dy: -9, color: "#333" },
        encoding: { y, x: { ...x, field: "middle" }, text: { field: "band" } },
      },
      ...(["before", "after"] as const)
        .filter((which) => markerRows.some((row) => row.which === which))
        .map((which) => ({
          data: { values: markerRows.filter((row) => row.which === which) },
          mark: { type: "rule", strokeWidth: 6, strokeCap: "butt", color: which === "before" ? "#8a8a8a" : "#111111", yOffset: which === "before" ? 4 : 14 },
          encoding: { y, x: { ...x, field: "start" }, x2: { field: "end" } },
        })),
    ],
  };
}
