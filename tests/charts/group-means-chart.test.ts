import { describe, expect, it } from "vitest";
import { groupMeansChart, LINE_KINDS } from "../../src/charts/group-means-chart.js";
import { renderSvg } from "../../src/charts/render-svg.js";
import { svgTexts } from "./svg-marks.js";

// Two groups on one axis, as a paper's figure of group means over sessions: A reported at every
// timepoint (two chains), B only at baseline and the end (one chain), so B's middle timepoint is unconstrained.
const timepoints = [
  { id: "t0", label: "Baseline", position: 0 },
  { id: "t1", label: "S1", position: 1 },
  { id: "t2", label: "S6", position: 6 },
];
const series = [
  { label: "A (n = 5): 2 chains", chains: [{ t0: 6, t1: 5, t2: 4 }, { t0: 7, t1: 6, t2: 5 }], annotations: [{ from: "t0", to: "t2", label: "−33%" }] },
  { label: "B (n = 5): 1 chain", name: "B", chains: [{ t0: 6, t2: 8 }], annotations: [{ from: "t0", to: "t2", label: "+33%", note: "read as relative to the later value" }] },
];
type Layer = { data: { values: Array<Record<string, unknown>> } };

describe("groupMeansChart", () => {
  const spec = groupMeansChart(series, timepoints, { min: 0, max: 10, title: "mean" }, "Means", ["Reconstruction — not patient data."]);
  const [segments, open] = spec.layer as Layer[];

  it("draws every group's chains on one axis, one segment per pair of consecutive reported timepoints", () => {
    // A: 2 chains × 2 segments; B: 1 chain × 1 segment (t0 → t2), 5 in all.
    expect(segments!.data.values).toHaveLength(5);
    expect(new Set(segments!.data.values.map((v) => v.group))).toEqual(new Set(series.map((s) => s.label)));
  });

  it("dashes a line over a timepoint no number constrains and marks that timepoint for that group only", () => {
    const kinds = segments!.data.values.map((v) => `${v.group}: ${v.kind}`);
    expect(kinds.filter((k) => k.startsWith("A")).every((k) => k.endsWith(LINE_KINDS[0]))).toBe(true);
    expect(kinds.filter((k) => k.startsWith("B"))).toEqual([`B (n = 5): 1 chain: ${LINE_KINDS[1]}`]);
    // One open timepoint: B at S1, drawn across the whole scale (any mean fits there).
    expect(open!.data.values).toHaveLength(1);
    expect(open!.data.values[0]).toMatchObject({ group: series[1]!.label, mean: 0, mean2: 10 });
  });

  it("puts an unusual reading in a footnote under the title, marked on its bracket, and names the groups in the legend", async () => {
    expect(spec.title).toMatchObject({ subtitle: expect.arrayContaining(["* B, +33%: read as relative to the later value"]) });
    const texts = svgTexts(await renderSvg(spec));
    expect(texts).toEqual(expect.arrayContaining(["+33%*", "−33%", series[0]!.label, series[1]!.label, LINE_KINDS[1], LINE_KINDS[2]]));
  });

  it("fits a phone in the narrow layout", async () => {
    const svg = await renderSvg(groupMeansChart(series, timepoints, { min: 0, max: 10, title: "mean" }, "Means", ["Reconstruction — not patient data."], "narrow"));
    expect(Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)![1])).toBeLessThanOrEqual(358);
  });
});
