import { crosstabHeatmap } from "../src/charts/crosstab-heatmap.js";
import { cellRanges, countTables, illustrativeTable } from "../src/reconstruct/crosstab.js";
import { defineAnalysis, skip } from "../src/report/analysis.js";
import { compositions } from "../src/report/study-lookup.js";
import { uniqueNames } from "../src/reconstruct/unique-names.js";

const id = "crosstab";
const title = "Cross-tabulation rebuilt from the margins";

/** Every two-way table consistent with two reported compositions of the same people: count, per-cell ranges, heat map. */
export default defineAnalysis({
  id,
  title,
  section: "reconstructed",
  run({ study }) {
    // A cross-table needs every category of both variables: a partial composition (allCategoriesListed false) has not.
    const usable = compositions(study).filter((c) => c.categoriesAre === "exclusive" && c.allCategoriesListed !== false && c.categories.every((k) => k.count !== undefined));
    const pairs = usable.flatMap((a, i) => usable.slice(i + 1).filter((b) => b.group === a.group && b.n.value === a.n.value).map((b) => [a, b] as const));
    if (pairs.length === 0) return skip(id, title, "needs two compositions of the same group with exclusive categories, all listed, and reported counts");
    return pairs.map(([a, b]) => {
      const rows = a.categories.map((k) => k.count!);
      const cols = b.categories.map((k) => k.count!);
      const count = countTables(rows, cols);
      const ranges = cellRanges(rows, cols);
      const example = illustrativeTable(rows, cols);
      const artefactId = `${id}-${a.id}-${b.id}`;
      // Two categories with one label would share a tile of the heat map: labels made unique first.
      const rowLabels = uniqueNames(a.categories.map((k) => k.label));
      const colLabels = uniqueNames(b.categories.map((k) => k.label));
      const cells = a.categories.flatMap((_, r) => b.categories.map((__, c) => ({ row: rowLabels[r]!, column: colLabels[c]!, min: ranges[r]![c]!.min, max: ranges[r]![c]!.max })));
      return {
        id: artefactId,
        title: `${a.variable} × ${b.variable}: feasible tables`,
        section: "reconstructed" as const,
        reconstruction: true,
        paragraphs: [
          `The source reports ${a.variable} (${rows.join("/")}) and ${b.variable} (${cols.join("/")}) separately, not crossed. ${count} different ${a.variable} × ${b.variable} tables of whole counts have these margins; the data cannot say which one is true.`,
          `Each cell below gives the least and most people it holds across all ${count} tables. One of them (row by row: ${example.table.map((r) => r.join(", ")).join(" / ")}) is shown in the CSV's last column as an illustration only — reconstruction, not patient data.`,
        ],
        summary: `${count} different ${a.variable} × ${b.variable} tables fit the reported margins; the cross-tabulation is not determined by the report.`,
        table: {
          columns: [
            { key: "row", label: a.variable },
            { key: "column", label: b.variable },
            { key: "min", label: "least", align: "right" as const },
            { key: "max", label: "most", align: "right" as const },
            { key: "example", label: `one of ${count} tables (illustrative)`, align: "right" as const },
          ],
          rows: cells.map((cell, index) => ({ row: cell.row, column: cell.column, min: String(cell.min), max: String(cell.max), example: String(example.table[Math.floor(index / cols.length)]![index % cols.length]!) })),
        },
        figure: {
          spec: crosstabHeatmap(cells, a.variable, b.variable, `${a.variable} × ${b.variable}: ${count} feasible tables`, "Reconstruction — not patient data. Each cell: least–most people across every feasible table"),
          narrowSpec: crosstabHeatmap(cells, a.variable, b.variable, `${a.variable} × ${b.variable}: ${count} feasible tables`, "Reconstruction — not patient data. Each cell: least–most people across every feasible table", "narrow"),
          alt: `Heat map of the ${rows.length} × ${cols.length} table: per-cell ranges of counts over ${count} feasible tables.`,
        },
        exercises: [
          {
            question: `The source gives ${a.variable} ${rows.join("/")} and ${b.variable} ${cols.join("/")}. How many ${a.variable} × ${b.variable} tables fit these margins?`,
            answer: `${count} tables. For example, the ${a.categories[0]!.label} × ${b.categories[0]!.label} cell can hold anywhere from ${ranges[0]![0]!.min} to ${ranges[0]![0]!.max} people.`,
            method: `countTables([${rows.join(", ")}], [${cols.join(", ")}]) and cellRanges from src/reconstruct/crosstab`,
            ...(count <= BigInt(Number.MAX_SAFE_INTEGER) ? { input: { kind: "number" as const, label: `Number of ${a.variable} × ${b.variable} tables`, call: { fn: "countTables" as const, rows, cols } } } : {}),
            hint: "Choose the counts of every cell outside the last row and the last column; the margins then fix the rest. Count the choices that leave no cell negative.",
          },
        ],
      };
    });
  },
});
