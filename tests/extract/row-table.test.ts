// Tables printed one row per line, cells parted by spaces. The examples are invented; the expected
// readings are what a person reads off each row: its last cells under the header line's last headings.
import { describe, expect, it } from "vitest";
import { rowTableCells } from "../../src/extract/row-table.js";
import { scanContext } from "../../src/extract/scan-context.js";
import { found } from "./helpers.js";

const columnsOf = (text: string): Array<[string, string]> => rowTableCells(scanContext(text)).map((cell) => [text.slice(cell.start, cell.end), cell.column]);

const contrasts = [
  "Contrast Effect tested F(1,212) P",
  "Recall scores",
  "H1: A < B Practice effect 7.12 .008a",
  "H2: A < C Practice effect 0.40 .527",
  "H3: B > C Load effect 21.50 < .001ab",
].join("\n");

describe("rowTableCells", () => {
  it("reads each row's last cells under the header line's last headings", () => {
    // "F(1,212)" names an F column (its df are in the heading, not in the cells); "P" a p column. The
    // section title "Recall scores" ends in no number and is skipped.
    expect(columnsOf(contrasts)).toEqual([
      ["7.12", "test"],
      [".008a", "p"],
      ["0.40", "test"],
      [".527", "p"],
      ["21.50", "test"],
      ["< .001ab", "p"],
    ]);
  });
  it("reads only a last p column when the cells before it cannot be told apart", () => {
    // "Age 45 [33, 59] 46 [35, 57] 0.407": only "0.407" is under a heading that names it ("p").
    const table = "Variable Cases (n = 40) Controls (n = 80) p\nAge 45 [33, 59] 46 [35, 57] 0.407\nSex (n, %) 0.021\n Female 20 (50.0) 41 (51.3)";
    expect(columnsOf(table)).toEqual([
      ["0.407", "p"],
      ["0.021", "p"],
    ]);
  });
  it("skips a row whose cell under p cannot be a p, and stops at a blank line", () => {
    expect(columnsOf("Item t P\nScore 2.10 3.5\nOther 1.20 .23\n\nLater 2.00 .01")).toEqual([
      ["1.20", "test"],
      [".23", "p"],
    ]);
  });
  it("is not set off by prose", () => {
    expect(columnsOf("The model fitted well.\nThe odds were 0.5 and 0.25 in the two arms.")).toEqual([]);
  });
  it("gives the statistics their heading's test and keeps footnote letters out of the p", () => {
    expect(found(contrasts, "test-statistic").map((statistic) => statistic.fields)).toEqual([
      { statistic: "F", value: "7.12" },
      { statistic: "F", value: "0.40" },
      { statistic: "F", value: "21.50" },
    ]);
    expect(found(contrasts, "p-value").map((statistic) => [statistic.quote, statistic.fields])).toEqual([
      [".008", { relation: "=", p: ".008" }],
      [".527", { relation: "=", p: ".527" }],
      ["< .001", { relation: "<", p: ".001" }],
    ]);
  });
  it("reads every cell of a tab-separated table by its column", () => {
    // Invented table pasted from a web page: tabs part the cells, an empty cell keeps its place.
    const table = "Variable\tGroup A (n = 40)\tGroup B (n = 38)\tt\tp\nAge\t45.1 (10.2)\t47.3 (11.0)\t\u22120.92\t0.36\nBMI\t24.0 (3.1)\t23.2 (2.9)\t\t\nScore\t12 (4)\t15 (5)\t2.95\t.004*";
    expect(columnsOf(table)).toEqual([
      ["\u22120.92", "test"],
      ["0.36", "p"],
      ["2.95", "test"],
      [".004*", "p"],
    ]);
    expect(found(table, "test-statistic").map((statistic) => statistic.fields)).toEqual([
      { statistic: "t", value: "\u22120.92" },
      { statistic: "t", value: "2.95" },
    ]);
  });
  it("does not take a tab table's cell that cannot be what its heading says", () => {
    // "12.5" under p is not a p; "n" cells must be whole numbers.
    expect(columnsOf("Group\tn\tp\nA\t20\t12.5\nB\t7.5\t0.04")).toEqual([
      ["20", "n"],
      ["0.04", "p"],
    ]);
  });
});
