import { describe, expect, it } from "vitest";
import { pValueRangeChart } from "../../src/charts/p-value-range-chart.js";
import { renderSvg } from "../../src/charts/render-svg.js";
import { markItems, svgTexts } from "./svg-marks.js";

describe("pValueRangeChart", () => {
  it("draws a range, a middle bar and a median per test, a dot per scenario, and the α line", async () => {
    const rows = [
      { test: "arm A|paired t", min: 1e-6, q1: 1e-4, median: 0.01, q3: 0.1, max: 0.3, scenarioMedians: [0.001, 0.02, 0.2] },
      { test: "arm B|Welch t", min: 0.01, q1: 0.05, median: 0.2, q3: 0.5, max: 0.9, scenarioMedians: [0.3] },
    ];
    const svg = await renderSvg(pValueRangeChart(rows, 0.05, "p", "two tests"));
    expect(markItems(svg, "rule", "layer_0_marks")).toHaveLength(2);
    expect(markItems(svg, "rect", "layer_1_marks")).toHaveLength(2);
    // 3 + 1 scenario medians.
    expect(markItems(svg, "symbol", "layer_2_marks")).toHaveLength(4);
    expect(markItems(svg, "rect", "layer_3_marks")).toHaveLength(2);
    const texts = svgTexts(svg);
    // "|" splits a name over lines: each part is its own tspan/text.
    expect(texts.join(" ")).toContain("arm A");
    expect(texts.join(" ")).toContain("paired t");
    expect(texts).toContain("α = 0.05");
  });

  it("puts a p-value of zero (underflow) at the floor of the log axis instead of dropping it", () => {
    const spec = pValueRangeChart([{ test: "t", min: 0, q1: 0, median: 1e-3, q3: 0.01, max: 0.1, scenarioMedians: [0] }], 0.05, "p", "s");
    const values = (spec.layer[0] as { data: { values: Array<{ min: number }> } }).data.values;
    // floor: min(0.05/10, 0) = 0 → max(0, 1e-300) = 1e-300 → 10^-300.
    expect(values[0]!.min).toBe(1e-300);
  });
});
