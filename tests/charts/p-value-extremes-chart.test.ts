import { describe, expect, it } from "vitest";
import { P_FLOOR, pValueExtremesChart } from "../../src/charts/p-value-extremes-chart.js";
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
    // Of the four ends: 0.3 (exact) and 0.01 (attained) are dots on the axis; 0.9 is only a bound (a bar);
    // 2.3e-36 is below the axis floor, so it is an arrow at the edge instead of a dot.
    expect(markItems(svg, "symbol", "layer_1_marks")).toHaveLength(2);
    expect(markItems(svg, "rect", "layer_2_marks")).toHaveLength(1);
    expect(markItems(svg, "symbol", "layer_3_marks")).toHaveLength(1);
    const texts = svgTexts(svg);
    expect(texts).toContain("α = 0.05");
    // A p below the axis floor (1e-4) is drawn at the edge with its value written out.
    expect(texts).toContain("p = 2.3e-36");
    // Labels are whole: the row's two parts each on their own line, nothing cut with an ellipsis.
    expect(texts).toEqual(expect.arrayContaining(["arm A", "paired t", "arm B", "Welch t"]));
    expect(texts.some((t) => t.includes("…"))).toBe(false);
  });

  it("keeps the axis from 1e-4 to 1 whatever the values, so 0.001–1 keeps three quarters of the width", () => {
    const spec = pValueExtremesChart(rows, 0.05, "p", "s");
    const x = (spec.layer[0] as { encoding: { x: { scale: { domain: number[]; type: string } } } }).encoding.x;
    expect(x.scale.domain).toEqual([P_FLOOR, 1]);
    expect(x.scale.type).toBe("log");
    // On a log axis the share of 0.001–1 is log10(1/0.001) / log10(1/P_FLOOR) = 3/4.
    expect(Math.log10(1 / 0.001) / Math.log10(1 / P_FLOOR)).toBe(0.75);
  });

  it("wraps long labels in the narrow layout instead of cutting them", async () => {
    const long = [{ ...rows[0]!, label: "Psychedelic KAP vs Psycholytic KAP|BPI-SF interference baseline → after session 6|Mann–Whitney" }];
    const svg = await renderSvg(pValueExtremesChart(long, 0.05, "p", "s", "narrow"));
    const width = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)![1]);
    expect(width).toBeLessThanOrEqual(358);
    const words = svgTexts(svg).join(" ").split(/\s+/);
    for (const word of ["Psychedelic", "Psycholytic", "interference", "Mann–Whitney"]) expect(words).toContain(word);
  });
});
