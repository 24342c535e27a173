import { describe, expect, it } from "vitest";
import { cohortMixChart } from "../../src/charts/cohort-mix-chart.js";
import { renderSvg } from "../../src/charts/render-svg.js";
import { svgTexts } from "./svg-marks.js";

describe("cohortMixChart", () => {
  it("has one panel per variable and labels every category with count/n", async () => {
    const rows = [
      { variable: "sex", category: "female", count: 11, n: 20, wilson: [0.34, 0.74] as const, exact: [0.31, 0.77] as const },
      { variable: "sex", category: "male", count: 9, n: 20, wilson: [0.26, 0.66] as const, exact: [0.23, 0.68] as const },
      { variable: "substance", category: "kratom", count: 2, n: 20, wilson: [0.03, 0.3] as const, exact: [0.01, 0.32] as const },
    ];
    const spec = cohortMixChart(rows, "Mix");
    expect(spec.vconcat).toHaveLength(2);
    const texts = svgTexts(await renderSvg(spec));
    for (const label of ["11/20", "9/20", "2/20", "female", "male", "kratom"]) expect(texts).toContain(label);
  });
});
