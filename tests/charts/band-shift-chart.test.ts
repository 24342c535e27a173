import { describe, expect, it } from "vitest";
import { bandShiftChart } from "../../src/charts/band-shift-chart.js";
import { renderSvg } from "../../src/charts/render-svg.js";
import { markItems, svgTexts } from "./svg-marks.js";

describe("bandShiftChart", () => {
  it("draws every band of every convention and a bar for each end of the shift", async () => {
    const spec = bandShiftChart(
      [
        {
          title: "NRS: severe → moderate",
          min: 0,
          max: 10,
          conventions: [
            { convention: "A", bands: [{ label: "mild", start: 0, end: 4 }, { label: "moderate", start: 4, end: 7 }, { label: "severe", start: 7, end: 10 }], markers: [{ which: "before", label: "severe", start: 7, end: 10 }, { which: "after", label: "moderate", start: 4, end: 7 }] },
            { convention: "B", bands: [{ label: "mild", start: 0, end: 5 }, { label: "moderate", start: 5, end: 7 }, { label: "severe", start: 7, end: 10 }], markers: [{ which: "before", label: "severe", start: 7, end: 10 }, { which: "after", label: "moderate", start: 5, end: 7 }] },
          ],
        },
      ],
      "Bands",
    );
    const svg = await renderSvg(spec);
    // 2 conventions × 3 bands = 6 tiles; 2 "before" bars and 2 "after" bars.
    expect(markItems(svg, "rect", "concat_0_layer_0_marks")).toHaveLength(6);
    expect(markItems(svg, "rule", "concat_0_layer_2_marks")).toHaveLength(2);
    expect(markItems(svg, "rule", "concat_0_layer_3_marks")).toHaveLength(2);
    expect(svgTexts(svg)).toContain("NRS: severe → moderate");
  });
});
