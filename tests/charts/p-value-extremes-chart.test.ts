import { describe, expect, it } from "vitest";
import { pValueExtremesChart } from "../../src/charts/p-value-extremes-chart.js";
import { renderSvg } from "../../src/charts/render-svg.js";
import { markItems, svgTexts } from "./svg-marks.js";

describe("pValueExtremesChart", () => {
  const rows = [
    { label: "arm A|paired t", min: 2.3e-36, max: 0.3, minKind: "exact" as const, maxKind: "exact" as const },
    { label: "arm B|Welch t", min: 0.01, max: 0.9, minKind: "attained" as const, maxKind: "bound" as const },
  ];

  it("draws a range per row, dots at ends a dataset reaches, a bar at a bound, and the α line", async () => {
    const svg = await renderSvg(pValueExtremesChart(rows, 0.05, "p", "two tests"));
    expect(markItems(svg, "rule", "layer_0_marks")).toHaveLength(2);
    // Three ends are reached by a dataset (two exact, one attained); one is only a bound.
    expect(markItems(svg, "symbol", "layer_1_marks")).toHaveLength(3);
    expect(markItems(svg, "rect", "layer_2_marks")).toHaveLength(1);
    const texts = svgTexts(svg);
    expect(texts).toContain("α = 0.05");
    // A p below the axis floor (1e-6) is drawn at the edge with its value written out.
    expect(texts).toContain("p = 2.3e-36");
  });

  it("keeps the axis from 1e-6 to 1 whatever the values, so 0.001–1 stays half the width", () => {
    const spec = pValueExtremesChart(rows, 0.05, "p", "s");
    const x = (spec.layer[0] as { encoding: { x: { scale: { domain: number[] } } } }).encoding.x;
    expect(x.scale.domain).toEqual([1e-6, 1]);
  });
});
