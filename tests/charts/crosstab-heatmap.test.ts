import { describe, expect, it } from "vitest";
import { crosstabHeatmap } from "../../src/charts/crosstab-heatmap.js";
import { renderSvg } from "../../src/charts/render-svg.js";
import { markItems } from "./svg-marks.js";

describe("crosstabHeatmap", () => {
  it("draws one tile and one min–max label per cell", async () => {
    const cells = [
      { row: "female", column: "opioid", min: 0, max: 9 },
      { row: "female", column: "kratom", min: 0, max: 2 },
      { row: "male", column: "opioid", min: 0, max: 9 },
      { row: "male", column: "kratom", min: 0, max: 2 },
    ];
    const svg = await renderSvg(crosstabHeatmap(cells, "sex", "substance", "t"));
    expect(markItems(svg, "rect", "layer_0_marks")).toHaveLength(4);
    expect(markItems(svg, "text", "layer_1_marks").sort()).toEqual(["0–2", "0–2", "0–9", "0–9"]);
  });
});
