import { describe, expect, it } from "vitest";
import { meanChainChart } from "../../src/charts/mean-chain-chart.js";
import { renderSvg } from "../../src/charts/render-svg.js";
import { markItems, svgTexts } from "./svg-marks.js";

const timepoints = [
  { id: "t0", label: "baseline", position: 0 },
  { id: "t1", label: "S1", position: 1 },
  { id: "t6", label: "S6", position: 6 },
];

describe("meanChainChart", () => {
  it("draws one line per chain in each panel and every annotation", async () => {
    const spec = meanChainChart(
      [
        { title: "arm A", subtitle: "2 chains", chains: [{ t0: 3.2, t6: 2.5 }, { t0: 6.4, t6: 5 }], annotations: [{ from: "t0", to: "t6", label: "−21.88%" }] },
        { title: "arm B", subtitle: "3 chains", chains: [{ t0: 1, t1: 2, t6: 1.5 }, { t0: 2, t1: 3, t6: 2.5 }, { t0: 3, t1: 4, t6: 3.5 }], annotations: [{ from: "t0", to: "t1", label: "+100%" }, { from: "t1", to: "t6", label: "−25%" }] },
      ],
      timepoints,
      { min: 0, max: 10, title: "mean" },
      "Chains",
    );
    const svg = await renderSvg(spec);
    // Each chain is drawn as segments between its timepoints: 2 chains × 1 segment in panel 0,
    // 3 chains × 2 segments in panel 1.
    expect(markItems(svg, "rule", "concat_0_layer_0_marks")).toHaveLength(2);
    expect(markItems(svg, "rule", "concat_1_layer_0_marks")).toHaveLength(6);
    const texts = svgTexts(svg);
    for (const label of ["−21.88%", "+100%", "−25%", "arm A", "arm B", "baseline", "S1", "S6"]) expect(texts).toContain(label);
  });
});

describe("meanChainChart transparency", () => {
  it("makes its many lines and dots see-through with stroke and fill opacity, never element opacity", async () => {
    // Element opacity makes a renderer composite each line in a layer of its own (resvg: 3.6x slower
    // on the 1,501-chain chart); stroke-opacity looks the same for a lone stroke.
    const chains = Array.from({ length: 40 }, (_, i) => ({ t0: i / 5, t6: i / 6 }));
    const svg = await renderSvg(meanChainChart([{ title: "arm", subtitle: "40 chains", chains, annotations: [] }], timepoints, { min: 0, max: 10, title: "mean" }, "t"));
    const rules = markItems(svg, "rule", "concat_0_layer_0_marks");
    const dots = markItems(svg, "symbol", "concat_0_layer_1_marks");
    expect(rules).toHaveLength(40);
    expect(dots).toHaveLength(80);
    for (const item of [...rules, ...dots]) expect(item).not.toMatch(/\sopacity="0\.\d+"/);
    for (const rule of rules) expect(rule).toMatch(/stroke-opacity="0\.\d+"/);
    for (const dot of dots) expect(dot).toMatch(/fill-opacity="0\.7"/);
  });
});

describe("meanChainChart with awkward labels", () => {
  it("renders timepoint labels with quotes, backslashes and line breaks, minus those characters", async () => {
    const spec = meanChainChart(
      [{ title: "arm", subtitle: "s", chains: [{ a: 1, b: 2 }], annotations: [] }],
      [
        { id: "a", label: "it's \"day\" 0", position: 0 },
        { id: "b", label: "back\\slash\nnext", position: 1 },
      ],
      { min: 0, max: 10, title: "mean" },
      "t",
    );
    const texts = svgTexts(await renderSvg(spec));
    expect(texts).toContain("its day 0");
    expect(texts).toContain("backslashnext");
  });
});

describe("meanChainChart over a timepoint no number constrains", () => {
  it("dashes a segment that passes over a timepoint the chain has no value at, and says so under the title", () => {
    const timepoints = [
      { id: "t0", label: "Baseline", position: 0 },
      { id: "t1", label: "S1", position: 1 },
      { id: "t2", label: "S6", position: 6 },
    ];
    // One chain known at every timepoint (2 solid segments), one only at t0 and t2 (1 dashed segment over t1).
    const spec = meanChainChart([{ title: "A", subtitle: "s", chains: [{ t0: 5, t1: 4, t2: 3 }, { t0: 6, t2: 2 }], annotations: [] }], timepoints, { min: 0, max: 10, title: "m" }, "T", ["Reconstruction — not patient data."]) as unknown as {
      title: { subtitle: string[] };
      hconcat: Array<{ layer: Array<{ data: { values: Array<{ skips: boolean }> } }> }>;
    };
    expect(spec.hconcat[0]!.layer[0]!.data.values.map((v) => v.skips)).toEqual([false, false, true]);
    expect(spec.title.subtitle).toContain("Dashed: a line passing over a timepoint no reported number constrains.");
  });
});
