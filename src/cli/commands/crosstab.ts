import type { Command } from "commander";
import { crosstab } from "../../reconstruct/crosstab-summary.js";
import { TABLES_WORK_BUDGET } from "../../reconstruct/crosstab-work.js";
import { parseIntegerList, parsePositiveInteger } from "../options.js";
import { action, withJson } from "../run.js";
import { visibleControls } from "../../io/visible-controls.js";

const labelList = (value: string): string[] => value.split(",").map((part) => part.trim());

/** `cohort crosstab`: every contingency table consistent with reported row and column totals. */
export function register(program: Command): void {
  withJson(
    program
      .command("crosstab")
      .description("count the contingency tables consistent with reported row and column totals, give each cell's range and one illustrative table (one of N, not the data)")
      .requiredOption("--rows <totals>", "row totals, comma-separated (e.g. 11,9)", parseIntegerList)
      .requiredOption("--cols <totals>", "column totals, comma-separated (e.g. 9,5,4,2)", parseIntegerList)
      .option("--row-labels <labels>", "row labels, comma-separated", labelList)
      .option("--col-labels <labels>", "column labels, comma-separated", labelList)
      .option("--max-work <steps>", `most estimated counting steps to start on (the work is estimated first; default ${TABLES_WORK_BUDGET}, about 2 s)`, parsePositiveInteger),
  )
    .addHelpText(
      "after",
      `
Examples:
  $ cohort crosstab --rows 11,9 --cols 9,5,4,2 --row-labels female,male --col-labels opioid,benzodiazepine,cocaine,kratom
  $ cohort crosstab --rows 11,9 --cols 9,5,4,2 --json    # top level: count, cells, cols, illustrative, note, rows

Counting is exact and its work grows fast with the number and size of the margins; it is estimated
before it starts and refused (exit 3, with the estimate) past --max-work.`,
    )
    .action(
      action((options: { rows: number[]; cols: number[]; rowLabels?: string[]; colLabels?: string[]; maxWork?: number }) => {
        const result = crosstab(options.rows, options.cols, { rows: options.rowLabels, cols: options.colLabels }, options.maxWork);
        const colNames = result.cols.map((col) => col.label);
        const width = Math.max(5, ...result.rows.map((row) => row.label.length), ...colNames.map((name) => name.length));
        const pad = (text: string | number) => String(text).padStart(width);
        const lines = [
          `${result.count} tables have row totals ${result.rows.map((row) => row.total).join("/")} and column totals ${result.cols.map((col) => col.total).join("/")}.`,
          "",
          "Range of each cell over all of them:",
          [pad(""), ...colNames.map(pad)].join(" "),
          ...result.rows.map((row) =>
            [pad(row.label), ...result.cells.filter((cell) => cell.row === row.label).map((cell) => pad(cell.min === cell.max ? `${cell.min}` : `${cell.min}–${cell.max}`))].join(" "),
          ),
          "",
          `${result.note} (${result.illustrative.label}):`,
          [pad(""), ...colNames.map(pad)].join(" "),
          ...result.illustrative.rows.map((row) => [pad(String(row.row)), ...colNames.map((name) => pad(row[name] as number))].join(" ")),
        ];
        // Labels come from the command line: a line break inside one is shown (␊), never obeyed.
        return { json: result, text: lines.map((line) => visibleControls(line)).join("\n") };
      }),
    );
}
