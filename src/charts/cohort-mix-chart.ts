import type { TopLevelSpec } from "vega-lite";
import { chartTitle, wrapToPixels, type ChartLayout } from "./chart-layout.js";
import { chartConfig } from "./theme.js";

/** One category of a composition with its share and two 95% intervals (proportions 0–1). */
export interface CohortMixRow {
  variable: string;
  category: string;
  count: number;
  n: number;
  wilson: readonly [number, number];
  exact: readonly [number, number];
}

/**
 * Dot-and-interval chart of a cohort's composition: each category's share of n as a dot, its
 * Wilson and Clopper–Pearson 95% intervals as two lines, one panel per variable. Why: a Table 1
 * percentage from n = 20 reads as precise; the interval shows how little it pins down.
 * Reference: Newcombe RG (1998) Stat Med 17:857–872, doi:10.1002/(SICI)1097-0258(19980430)17:8<857::AID-SIM777>3.0.CO;2-E
 *
 * @param rows one per category, in display order
 * @param title chart title
 * @param layout wide (files, desktop) or narrow (phones: a narrower plot, category names wrapped)
 * @example
 * cohortMixChart([{ variable: "sex", category: "female", count: 11, n: 20, wilson: [0.342, 0.742], exact: [0.315, 0.769] }], "Cohort mix").vconcat.length; // => 1
 */
export function cohortMixChart(rows: readonly CohortMixRow[], title: string, layout: ChartLayout = "wide"): TopLevelSpec & { vconcat: unknown[] } {
  const narrow = layout === "narrow";
  // A category's name on as many lines as the label column needs ("|" separates them).
  const labelWidth = narrow ? 96 : 220;
  const values = rows.map((row, order) => ({
    variable: row.variable,
    category: `${wrapToPixels(row.category.replace(/\|/g, " "), labelWidth, 11).join("|")}`,
    order,
    share: (100 * row.count) / row.n,
    label: `${row.count}/${row.n}`,
    wilsonLow: row.wilson[0] * 100,
    wilsonHigh: row.wilson[1] * 100,
    exactLow: row.exact[0] * 100,
    exactHigh: row.exact[1] * 100,
  }));
  const variables = [...new Set(rows.map((row) => row.variable))];
  const methods = ["Wilson", "Clopper–Pearson (exact)"];
  const colour = { scale: { domain: methods, range: ["#1f77b4", "#ff7f0e"] }, legend: { title: "95% interval", orient: "bottom", direction: narrow ? "vertical" : "horizontal" } };
  const lines = Math.max(1, ...values.map((v) => v.category.split("|").length));
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: chartTitle(title, "Share of n (dot) with 95% confidence intervals: Wilson (upper line), Clopper–Pearson exact (lower line)", layout),
    config: chartConfig,
    spacing: 18,
    vconcat: variables.map((variable, index) => {
      const y = { field: "category", type: "nominal", sort: { field: "order" }, title: null, axis: { labelExpr: "split(datum.label, '|')", labelLimit: labelWidth + 10 } };
      const x = { type: "quantitative", scale: { domain: [0, 100] }, title: index === variables.length - 1 ? "% of n" : null, ...(narrow ? { axis: { values: [0, 20, 40, 60, 80, 100] } } : {}) };
      return {
        title: { text: variable, fontSize: 12, anchor: "start" },
        data: { values: values.filter((v) => v.variable === variable) },
        width: narrow ? 200 : 420,
        height: { step: Math.max(34, 14 * lines + 8) },
        layer: [
          { mark: { type: "rule", strokeWidth: 2.5, yOffset: -4 }, encoding: { y, x: { ...x, field: "wilsonLow" }, x2: { field: "wilsonHigh" }, color: { datum: methods[0], ...colour } } },
          { mark: { type: "rule", strokeWidth: 2.5, yOffset: 4 }, encoding: { y, x: { ...x, field: "exactLow" }, x2: { field: "exactHigh" }, color: { datum: methods[1], ...colour } } },
          { mark: { type: "point", filled: true, size: 55, color: "black", opacity: 1 }, encoding: { y, x: { ...x, field: "share" } } },
          { mark: { type: "text", align: "left", dx: 6, dy: -12, fontSize: 11 }, encoding: { y, x: { ...x, field: "share" }, text: { field: "label" } } },
        ],
      };
    }),
  } as TopLevelSpec & { vconcat: unknown[] };
}
