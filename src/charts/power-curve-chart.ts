import type { TopLevelSpec } from "vega-lite";
import { chartTitle, type ChartLayout } from "./chart-layout.js";
import { chartConfig } from "./theme.js";

/** One point of a power curve: standardised effect and the power to detect it. */
export interface PowerPoint {
  effect: number;
  power: number;
}

/**
 * Power against standardised effect size for a design, with the 80% line and the minimal
 * detectable effect marked. Why: "not significant due to the small sample" means little until one
 * sees which effects the sample could have detected at all.
 * Reference: Cohen J (1988) Statistical power analysis for the behavioral sciences, 2nd ed.
 *
 * @param points the curve, in increasing effect
 * @param mde the effect at 80% power
 * @param title chart title
 * @param subtitle design, n and alpha
 * @param layout wide (files, desktop) or narrow (phones: smaller plot, the label on two lines)
 * @example
 * powerCurveChart([{ effect: 0, power: 0.05 }], 1.9, "Power", "two groups, 5 vs 5").layer.length; // => 4
 */
export function powerCurveChart(points: readonly PowerPoint[], mde: number, title: string, subtitle: string, layout: ChartLayout = "wide"): TopLevelSpec & { layer: unknown[] } {
  const narrow = layout === "narrow";
  const x = { type: "quantitative", title: "standardised effect (Cohen's d or dz)", scale: { domain: [0, Math.max(...points.map((p) => p.effect))], nice: false }, ...(narrow ? { axis: { tickCount: 5 } } : {}) } as const;
  const rightHalf = mde > Math.max(...points.map((p) => p.effect)) / 2;
  const y = { type: "quantitative", title: "power", scale: { domain: [0, 1] }, axis: { format: ".0%" } } as const;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: chartTitle(title, subtitle, layout),
    config: chartConfig,
    width: narrow ? 250 : 420,
    height: narrow ? 200 : 240,
    layer: [
      { data: { values: points }, mark: { type: "line", strokeWidth: 2, interpolate: "monotone" }, encoding: { x: { ...x, field: "effect" }, y: { ...y, field: "power" } } },
      { data: { values: [{ power: 0.8 }] }, mark: { type: "rule", strokeDash: [4, 4], color: "#888" }, encoding: { y: { ...y, field: "power" } } },
      { data: { values: [{ effect: mde, power: 0.8 }] }, mark: { type: "point", filled: true, size: 70, color: "#d62728" }, encoding: { x: { ...x, field: "effect" }, y: { ...y, field: "power" } } },
      {
        data: { values: [{ effect: mde, power: 0.8, label: narrow ? ["minimal detectable effect", `${mde.toFixed(2)} at 80% power`] : `minimal detectable effect ${mde.toFixed(2)} at 80% power` }] },
        // On the side of the point with more room, and on the side of the 80% line the rising curve is not (above it to the left, below it to the right).
        mark: { type: "text", align: rightHalf ? "right" : "left", dx: rightHalf ? -10 : 10, dy: rightHalf ? (narrow ? -24 : -10) : 14, fontSize: 11, ...(narrow ? { baseline: rightHalf ? "bottom" : "top" } : {}) },
        encoding: { x: { ...x, field: "effect" }, y: { ...y, field: "power" }, text: { field: "label" } },
      },
    ],
  } as TopLevelSpec & { layer: unknown[] };
}
