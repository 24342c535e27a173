import type { TopLevelSpec } from "vega-lite";
import { chartTitle, WIDE_CHART_WIDTH, type ChartLayout } from "./chart-layout.js";
import { wrapText } from "./wrap-text.js";
import { tickValues } from "./tick-values.js";
import { chartConfig, GROUP_COLOURS } from "./theme.js";

/** A timepoint on the x axis: its id (a key of each chain), label and position (e.g. session number). */
export interface ChainTimepoint {
  id: string;
  label: string;
  position: number;
}

/** A reported change drawn as a bracket over the chains: from/to timepoint ids and the text shown. */
export interface ChainAnnotation {
  from: string;
  to: string;
  label: string;
}

/** One arm: every feasible chain of group means (timepoint id → mean) and the reported changes. */
export interface MeanChainPanel {
  title: string;
  subtitle: string;
  chains: ReadonlyArray<Readonly<Record<string, number>>>;
  annotations: ChainAnnotation[];
  /** This panel's y scale when it differs from the chart's (panels on different instruments). */
  scale?: { min: number; max: number; title: string };
}

/**
 * Every feasible chain of group means, one thin line each (drawn as segments), per arm, with the reported percent
 * changes as brackets above. Why: the source describes a figure of mean pain over sessions that
 * it does not show; the chains are the means its percentages allow — reconstructions, not data.
 * Reference: Brown & Heathers (2017) granularity of means, doi:10.1177/1948550616673876
 *
 * @param panels one per arm
 * @param timepoints all timepoints, in time order
 * @param scale the instrument's score range, for the y axis (a panel may carry its own)
 * @param subtitle lines under the title (default: the reconstruction label and what a line is)
 * @param layout wide (files, desktop: panels side by side) or narrow (phones: panels one under another)
 * @example
 * meanChainChart([], [{ id: "t0", label: "baseline", position: 0 }], { min: 0, max: 10, title: "BPI" }, "Pain").hconcat; // => []
 */
export function meanChainChart(
  panels: readonly MeanChainPanel[],
  timepoints: readonly ChainTimepoint[],
  scale: { min: number; max: number; title: string },
  title: string,
  subtitle: string[] = ["Reconstruction — not patient data.", "Every chain of group means consistent with the reported percentages, one line each."],
  layout: ChartLayout = "wide",
): TopLevelSpec {
  const narrow = layout === "narrow";
  const positions = new Map(timepoints.map((t) => [t.id, t.position]));
  // Labels go into a vega expression string: quotes, backslashes and line breaks are dropped so a
  // label from a data file can neither end the string nor break the expression.
  const safe = (label: string) => label.replace(/['"\\\u0000-\u001f\u2028\u2029]/g, "");
  const labelExpr = timepoints.map((t) => `datum.value == ${t.position} ? '${safe(t.label)}'`).join(" : ") + " : ''";
  const x = {
    type: "quantitative",
    scale: { domain: [Math.min(...timepoints.map((t) => t.position)) - 0.4, Math.max(...timepoints.map((t) => t.position)) + 0.4], nice: false, zero: false },
    axis: { values: timepoints.map((t) => t.position), labelExpr, labelAngle: 0, labelLimit: 400, grid: false, title: null },
  };
  // Room above the scale for the brackets of the reported changes; ticks stay on the scale itself.
  const yFor = (panel: MeanChainPanel) => {
    const own = panel.scale ?? scale;
    const headroom = panel.annotations.length > 0 ? (own.max - own.min) * 0.32 : 0;
    return {
      own,
      headroom,
      yScale: { domain: [own.min, own.max + headroom], nice: false },
      yAxis: { values: tickValues(own.min, own.max), title: own.title },
    };
  };
  // Every panel's subtitle gets the same number of lines, so the plots line up side by side.
  const subtitles = panels.map((panel) => wrapText(panel.subtitle, 48));
  const subtitleLines = Math.max(1, ...subtitles.map((lines) => lines.length));
  const drawn = panels.map((panel, index) => {
      const colour = GROUP_COLOURS[index % GROUP_COLOURS.length];
      const points = panel.chains.flatMap((chain, chainIndex) =>
        Object.entries(chain)
          .filter(([id]) => positions.has(id))
          .map(([id, mean]) => ({ chain: chainIndex, position: positions.get(id)!, mean })),
      );
      // Each chain as straight segments between its timepoints, all in one rule mark: with
      // hundreds of chains this draws and renders far faster than one line mark per chain.
      // strokeOpacity, not opacity: the same look for a lone stroke, but SVG `opacity` makes resvg
      // composite every element in a layer of its own (measured: the 1,501-chain PNG took 529 ms, now 148 ms).
      const segments = panel.chains.flatMap((chain) => {
        const known = timepoints.filter((t) => chain[t.id] !== undefined);
        // A segment passing over a timepoint the chain has no value at is dashed: nothing constrains the line there.
        return known.slice(1).map((t, i) => ({ position: known[i]!.position, position2: t.position, mean: chain[known[i]!.id]!, mean2: chain[t.id]!, skips: timepoints.some((o) => o.position > known[i]!.position && o.position < t.position) }));
      });
      const { own, headroom, yScale, yAxis } = yFor(panel);
      const top = own.max;
      const brackets = panel.annotations.map((annotation, level) => {
        const a = positions.get(annotation.from) ?? 0;
        const b = positions.get(annotation.to) ?? 0;
        const y = top + headroom * (0.85 - 0.3 * level);
        return { start: Math.min(a, b), end: Math.max(a, b), middle: (a + b) / 2, y, label: annotation.label };
      });
      return {
        // Side by side, every panel's subtitle is padded to the same number of lines so the plots line up.
        title: { text: panel.title, subtitle: narrow ? subtitles[index]! : [...subtitles[index]!, ...Array<string>(subtitleLines - subtitles[index]!.length).fill(" ")], fontSize: 12, subtitleFontSize: 11 },
        // Side by side, the panels share the page's width (WIDE_CHART_WIDTH less axes and labels).
        width: narrow ? 250 : Math.min(280, Math.floor((WIDE_CHART_WIDTH - 80) / Math.max(1, panels.length)) - 90),
        height: narrow ? 220 : 300,
        layer: [
          {
            data: { values: segments },
            mark: { type: "rule", strokeWidth: 0.8, strokeOpacity: Math.max(0.03, Math.min(0.8, 1.6 / Math.sqrt(panel.chains.length + 1))), color: colour },
            encoding: {
              x: { ...x, field: "position" },
              x2: { field: "position2" },
              y: { field: "mean", type: "quantitative", scale: yScale, axis: yAxis },
              y2: { field: "mean2" },
              strokeDash: { field: "skips", type: "nominal", scale: { domain: [false, true], range: [[1, 0], [5, 3]] }, legend: null },
            },
          },
          // Dots only while they can be told apart; with hundreds of chains they would hide the lines.
          ...(panel.chains.length <= 60
            ? [{ data: { values: points }, mark: { type: "point", size: 12, filled: true, opacity: 1, fillOpacity: 0.7, color: colour }, encoding: { x: { ...x, field: "position" }, y: { field: "mean", type: "quantitative", scale: yScale } } }]
            : []),
          {
            data: { values: brackets },
            mark: { type: "rule", color: "#333", strokeWidth: 1.2 },
            encoding: { x: { ...x, field: "start" }, x2: { field: "end" }, y: { field: "y", type: "quantitative", scale: yScale } },
          },
          {
            data: { values: brackets },
            mark: { type: "text", fontSize: 11, dy: -7, color: "#111" },
            encoding: { x: { ...x, field: "middle" }, y: { field: "y", type: "quantitative", scale: yScale }, text: { field: "label" } },
          },
        ],
      };
    });
  const skipping = panels.some((panel) => panel.chains.some((chain) => {
    const known = timepoints.filter((t) => chain[t.id] !== undefined);
    return known.length > 0 && known.length < timepoints.length && known[known.length - 1]!.position - known[0]!.position > 0 && timepoints.some((t) => chain[t.id] === undefined && t.position > known[0]!.position && t.position < known[known.length - 1]!.position);
  }));
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: chartTitle(title, skipping ? [...subtitle, "Dashed: a line passing over a timepoint no reported number constrains."] : subtitle, layout),
    config: chartConfig,
    spacing: 30,
    ...(narrow ? { vconcat: drawn } : { hconcat: drawn }),
  } as TopLevelSpec;
}

