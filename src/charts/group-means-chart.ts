import type { TopLevelSpec } from "vega-lite";
import { chartTitle, type ChartLayout } from "./chart-layout.js";
import type { ChainTimepoint } from "./mean-chain-chart.js";
import { tickValues } from "./tick-values.js";
import { chartConfig, GROUP_COLOURS } from "./theme.js";

/** A reported change drawn as a bracket: from/to timepoint ids, the printed figure, and a footnote when it is read in an unusual way. */
export interface GroupMeansAnnotation {
  from: string;
  to: string;
  label: string;
  /** Said under the title, after the footnote mark the bracket's label gets (so no long label runs past the plot). */
  note?: string;
}

/** One group: its name and every feasible chain of its group means (timepoint id → mean). */
export interface GroupMeansSeries {
  /** The legend's entry (group, n, how many chains). */
  label: string;
  /** The group's name where a footnote names it (default: the label). */
  name?: string;
  chains: ReadonlyArray<Readonly<Record<string, number>>>;
  annotations: GroupMeansAnnotation[];
}

/** How a line joins two timepoints of a chain, and how a timepoint with no number is shown (the line-style legend). */
export const LINE_KINDS = ["joins reported timepoints", "skips a timepoint no number constrains", "no number constrains this group here"] as const;

const FOOTNOTE_MARKS = ["*", "†", "‡", "§", "¶"];

/**
 * Feasible chains of group means over time, every group on one axis (as a paper's figure of group
 * means over sessions shows them): one thin line per chain in the group's colour joining the
 * timepoints a reported number constrains, dashed where it passes over one that none constrains
 * (while there are few enough lines to tell apart), and a dotted vertical line at such a timepoint
 * (the mean there could be anything on the scale). Reported changes are brackets above the plot in the group's colour; one read in an unusual
 * way gets a footnote mark and its note under the title. Reconstructions, not data: the caller's
 * subtitle says how many chains there are and that none is weighted.
 * Reference: Brown & Heathers (2017) granularity of means, doi:10.1177/1948550616673876
 *
 * @param series one per group, in legend order
 * @param timepoints every timepoint of the study, in time order
 * @param scale the instrument's score range and the y-axis title
 * @param title chart title
 * @param subtitle lines under the title (the reconstruction label, the chain counts, what a line is)
 * @param layout wide (files, desktop) or narrow (phones)
 * @example
 * groupMeansChart([{ label: "A", chains: [{ t0: 4, t1: 3 }], annotations: [] }], [{ id: "t0", label: "baseline", position: 0 }, { id: "t1", label: "end", position: 1 }], { min: 0, max: 10, title: "mean" }, "Means", ["s"]).layer.length; // => 5
 */
export function groupMeansChart(
  series: readonly GroupMeansSeries[],
  timepoints: readonly ChainTimepoint[],
  scale: { min: number; max: number; title: string },
  title: string,
  subtitle: readonly string[],
  layout: ChartLayout = "wide",
): TopLevelSpec & { layer: unknown[] } {
  const narrow = layout === "narrow";
  const positions = new Map(timepoints.map((t) => [t.id, t.position]));
  const sorted = [...timepoints].sort((a, b) => a.position - b.position);
  const labels = series.map((s) => s.label);
  const narrowLegend = { orient: "bottom", direction: "vertical", labelLimit: narrow ? 320 : 560 } as const;
  const colour = {
    field: "group",
    type: "nominal",
    scale: { domain: labels, range: labels.map((_, i) => GROUP_COLOURS[i % GROUP_COLOURS.length]) },
    legend: { ...narrowLegend, title: null, symbolType: "stroke", symbolStrokeWidth: 3 },
  } as const;
  // Labels go into a vega expression string: quotes, backslashes and line breaks are dropped.
  const safe = (label: string) => label.replace(/['"\\\u0000-\u001f\u2028\u2029]/g, "");
  const labelExpr = sorted.map((t) => `datum.value == ${t.position} ? '${safe(t.label)}'`).join(" : ") + " : ''";
  const span = Math.max(1, sorted[sorted.length - 1]!.position - sorted[0]!.position);
  const x = {
    type: "quantitative",
    scale: { domain: [sorted[0]!.position - span * 0.06, sorted[sorted.length - 1]!.position + span * 0.06], nice: false, zero: false },
    axis: { values: sorted.map((t) => t.position), labelExpr, labelAngle: 0, labelLimit: 400, grid: false, title: null, labelOverlap: false },
  };
  const footnotes: string[] = [];
  const brackets = series.flatMap((s) =>
    s.annotations.map((a) => {
      let label = a.label;
      if (a.note !== undefined) {
        const mark = FOOTNOTE_MARKS[footnotes.length % FOOTNOTE_MARKS.length]!;
        footnotes.push(`${mark} ${s.name ?? s.label}, ${a.label}: ${a.note}`);
        label = `${a.label}${mark}`;
      }
      const from = positions.get(a.from) ?? 0;
      const to = positions.get(a.to) ?? 0;
      return { group: s.label, start: Math.min(from, to), end: Math.max(from, to), middle: (from + to) / 2, label };
    }),
  );
  // One row of headroom per bracket, above the scale; the axis ticks stay on the scale itself.
  const range = scale.max - scale.min;
  const row = range * (narrow ? 0.1 : 0.08);
  const headroom = brackets.length > 0 ? row * (brackets.length + 0.4) : 0;
  const placed = brackets.map((b, index) => ({ ...b, y: scale.max + headroom - row * (index + 0.7) }));
  const y = { field: "mean", type: "quantitative", scale: { domain: [scale.min, scale.max + headroom], nice: false }, axis: { values: tickValues(scale.min, scale.max), title: scale.title } } as const;

  const segments: Array<Record<string, unknown>> = [];
  const points: Array<Record<string, unknown>> = [];
  const open: Array<Record<string, unknown>> = [];
  series.forEach((s, index) => {
    const shift = (index - (series.length - 1) / 2) * span * 0.012;
    const reached = new Set(s.chains.flatMap((chain) => Object.keys(chain).filter((id) => positions.has(id))));
    for (const chain of s.chains) {
      const known = sorted.filter((t) => chain[t.id] !== undefined);
      known.slice(1).forEach((t, i) => {
        const before = known[i]!;
        // Dashes only while the lines can be told apart: hundreds of dashed lines of different slopes make a moiré.
        const skips = s.chains.length <= 60 && sorted.some((other) => other.position > before.position && other.position < t.position);
        segments.push({ group: s.label, kind: LINE_KINDS[skips ? 1 : 0], position: before.position, position2: t.position, mean: chain[before.id]!, mean2: chain[t.id]! });
      });
      if (s.chains.length <= 60) for (const t of known) points.push({ group: s.label, position: t.position, mean: chain[t.id]! });
    }
    // A timepoint none of the group's chains reaches: any mean on the scale fits there.
    if (s.chains.length > 0) for (const t of sorted) if (!reached.has(t.id)) open.push({ group: s.label, kind: LINE_KINDS[2], position: t.position + shift, mean: scale.min, mean2: scale.max });
  });
  const many = Math.max(0, ...series.map((s) => s.chains.length)) > 60;
  // The legend lists only the kinds of line the chart draws.
  const kinds = LINE_KINDS.map((kind, index) => ({ kind, dash: [[1, 0], [6, 4], [1, 3]][index]! })).filter(({ kind }) => [...segments, ...open].some((row) => row.kind === kind));
  const dash = {
    field: "kind",
    type: "nominal",
    title: null,
    scale: { domain: kinds.map((k) => k.kind), range: kinds.map((k) => k.dash) },
    legend: { ...narrowLegend, symbolType: "stroke", symbolStrokeWidth: 1.5, symbolSize: 300 },
  } as const;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: chartTitle(title, [...subtitle, ...footnotes], layout),
    // Legends under the plot, one above the other (vega's legend layout; side by side they would widen a phone's chart).
    config: { ...chartConfig, legend: { ...chartConfig.legend, layout: { bottom: { anchor: "start", direction: "vertical", margin: 6 } } } },
    width: narrow ? 250 : 560,
    height: narrow ? 230 : 320,
    layer: [
      {
        data: { values: segments },
        // strokeOpacity, not opacity: element opacity makes resvg composite each line in a layer of its own.
        mark: { type: "rule", strokeWidth: many ? 0.7 : 1.2, strokeOpacity: many ? 0.35 : 0.85 },
        encoding: {
          x: { ...x, field: "position" },
          x2: { field: "position2" },
          y,
          y2: { field: "mean2" },
          color: colour,
          strokeDash: dash,
        },
      },
      {
        data: { values: open },
        mark: { type: "rule", strokeWidth: 1.5, strokeOpacity: 0.9 },
        encoding: { x: { ...x, field: "position" }, y: { ...y }, y2: { field: "mean2" }, color: colour, strokeDash: dash },
      },
      { data: { values: points }, mark: { type: "point", size: 14, filled: true, opacity: 1, fillOpacity: 0.8 }, encoding: { x: { ...x, field: "position" }, y, color: colour } },
      { data: { values: placed }, mark: { type: "rule", strokeWidth: 1.5 }, encoding: { x: { ...x, field: "start" }, x2: { field: "end" }, y: { ...y, field: "y" }, color: colour } },
      {
        data: { values: placed },
        mark: { type: "text", fontSize: 11, dy: -7, fontWeight: "bold" },
        encoding: { x: { ...x, field: "middle" }, y: { ...y, field: "y" }, text: { field: "label" }, color: colour },
      },
    ],
  } as unknown as TopLevelSpec & { layer: unknown[] };
}

