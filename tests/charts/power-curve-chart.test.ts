import { describe, expect, it } from "vitest";
import { powerCurveChart } from "../../src/charts/power-curve-chart.js";
import { renderSvg } from "../../src/charts/render-svg.js";
import { svgTexts } from "./svg-marks.js";

describe("powerCurveChart", () => {
  it("marks the minimal detectable effect with its value", async () => {
    const svg = await renderSvg(powerCurveChart([{ effect: 0, power: 0.05 }, { effect: 1, power: 0.5 }, { effect: 2, power: 0.9 }], 1.5, "Power", "n = 5 vs 5"));
    expect(svgTexts(svg)).toContain("minimal detectable effect 1.50 at 80% power");
  });
});
