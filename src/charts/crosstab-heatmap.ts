import type { TopLevelSpec } from "vega-lite";
import { chartTitle, wrapToPixels, type ChartLayout } from "./chart-layout.js";
import { chartConfig } from "./theme.js";

/** One cell of a two-way table: its row and column labels and the least and most people it can hold. */
export interface CrosstabCell {
  row: string;
  column: string;
  min: number;
  max: number;
}

/**
 * Heat map of a two-way table rebuilt from its margins: each cell shows the range of counts it
 * takes across every feasible table, coloured by how wide that range is (how little the margins
 * pin it down). Why: the source reports sex and substance separately; their cross-tab is unknown.
 * Reference: Diaconis P, Efron B (1985) Testing for independence in a two-way table, Ann Stat 13:845–874
 *
 * @param cells every cell, row-major
 * @param rowTitle the row variable; columnTitle the column variable
 * @param layout wide (files, desktop) or narrow (phones: narrower cells, column names wrapped, legend below)
 * @example
 * crosstabHeatmap([{ row: "female", column: "opioid", min: 0, max: 9 }], "sex", "substance", "Feasible tables").layer.length; // => 2
 */
export function crosstabHeatmap(
  cells: readonly CrosstabCell[],
  rowTitle: string,
  columnTitle: string,
  title: string,
  subtitle = "Each cell: least–most people across every feasible table",
  layout: ChartLayout = "wide",
): TopLevelSpec & { layer: unknown[] } {
  const narrow = layout === "narrow";
  const columns = [...new Set(cells.map((cell) => cell.column))];
  const step = narrow ? Math.max(44, Math.min(90, Math.floor(250 / Math.max(1, columns.length)))) : 90;
  // A column's name on as many lines as its cell's width needs ("|" separates them; a name's own "|" is dropped).
  const wrapped = new Map(columns.map((column) => [column, wrapToPixels(column.replace(/\|/g, " "), step - 6, 11).join("|")]));
  const values = cells.map((cell, order) => ({ ...cell, column: wrapped.get(cell.column)!, order, width: cell.max - cell.min, label: cell.min === cell.max ? String(cell.min) : `${cell.min}–${cell.max}` }));
  const x = { field: "column", type: "nominal", title: columnTitle, sort: null, axis: { labelAngle: 0, orient: "top", labelExpr: "split(datum.label, '|')", labelLimit: step } } as const;
  const y = { field: "row", type: "nominal", title: rowTitle, sort: null } as const;
  const widest = Math.max(1, ...values.map((v) => v.width));
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: chartTitle(title, subtitle, layout),
    config: chartConfig,
    data: { values },
    width: { step },
    height: { step: 44 },
    layer: [
      { mark: { type: "rect", stroke: "white" }, encoding: { x, y, color: { field: "width", type: "quantitative", title: "range width", scale: { domain: [0, widest], scheme: "oranges" }, ...(narrow ? { legend: { orient: "bottom", direction: "horizontal", gradientLength: 160 } } : {}) } } },
      { mark: { type: "text", fontSize: 13 }, encoding: { x, y, text: { field: "label" }, color: { condition: { test: `datum.width > ${widest * 0.6}`, value: "white" }, value: "black" } } },
    ],
  } as TopLevelSpec & { layer: unknown[] };
}
