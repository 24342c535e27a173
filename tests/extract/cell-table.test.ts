// Tables printed one cell per line or per paragraph (BMC, Nature, PMC pages as a browser's text view
// gives them). Every example is invented for the test; the expected readings are what a person reads
// off the table: the column heading above each cell, counting the row's cells from the right.
import { describe, expect, it } from "vitest";
import { headedCells } from "../../src/extract/cell-table.js";
import { scanContext } from "../../src/extract/scan-context.js";
import { found } from "./helpers.js";

const columnsOf = (text: string): Array<[string, string]> => headedCells(scanContext(text)).map((cell) => [text.slice(cell.start, cell.end), cell.column]);

// BMC style: each cell on its own line, cells parted by lines holding only "|".
const bmc = ["Scale", "|", "n", "|", "Median", "|", "U", "|", "Z", "|", "p", "|", "---|", "Walking", "|", "30", "|", "12.00", "|", "1,204.50", "|", "−2.104", "|", "0.036", "|", "Sleep", "|", "28", "|", "9.00", "|", "980.00", "|", "-0.512", "|", "< 0.001"].join("\n");

// Nature style: cells parted by blank lines; "Mean (SD)" spans two sub-columns printed after the header row.
const nature = ["Outcome", "Mean (SD)", "F-statistic", "p-value", "Week 0", "Week 8", "Pain", "4.1 (1.2)", "3.2 (1.1)", "5.40", "0.024a", "Fatigue", "3.0 (0.9)", "2.9 (1.0)", "0.31", "0.581‡"].join("\n\n");

describe("headedCells", () => {
  it("matches a row's cells to the header from the right (pipe lines between cells)", () => {
    // Row "Walking | 30 | 12.00 | 1,204.50 | −2.104 | 0.036" under "Scale | n | Median | U | Z | p".
    expect(columnsOf(bmc)).toEqual([
      ["30", "n"],
      ["1,204.50", "test"],
      ["−2.104", "test"],
      ["0.036", "p"],
      ["28", "n"],
      ["980.00", "test"],
      ["-0.512", "test"],
      ["< 0.001", "p"],
    ]);
  });
  it("shifts past a second header row the cells do not reach", () => {
    // Header "Outcome | Mean (SD) | F-statistic | p-value" then sub-columns "Week 0 | Week 8": aligned at the
    // last header cell, "0.024a" would sit under "Week 8"; one shift left puts it under "p-value", 5.40 under F.
    expect(columnsOf(nature)).toEqual([
      ["5.40", "test"],
      ["0.024a", "p"],
      ["0.31", "test"],
      ["0.581‡", "p"],
    ]);
  });
  it("leaves a row unread when no alignment puts a p under the p heading", () => {
    // "IQR | 3.75 | 7 | 7.57": nothing in it can be a p, so none of its cells is taken for a test.
    const table = ["Scale", "U", "p", "Pain", "45.00", "0.020", "IQR", "3.75", "7.57"].join("\n\n");
    expect(columnsOf(table)).toEqual([
      ["45.00", "test"],
      ["0.020", "p"],
    ]);
  });
  it("reads a row headed N as group sizes", () => {
    const table = ["Group A", "Group B", "U", "p", "Score", "N", "22", "18", "Median", "24", "18", "73.50", "< .001"].join("\n\n");
    expect(columnsOf(table)).toEqual([
      ["22", "n"],
      ["18", "n"],
      ["73.50", "test"],
      ["< .001", "p"],
    ]);
  });
  it("starts a new row at a label that begins with a number joined to a word", () => {
    // "30-s sit-to-stand" is the next row's label, not a fourth cell of the row "Balance": 1.328 is under F, 0.274 under p.
    const table = ["Outcome", "Range", "F", "p", "Balance", "0\u201345", "1.328", "0.274\u2020,\u2021", "30-s sit-to-stand", "0\u201340", "2.210", "0.119"].join("\n\n");
    expect(columnsOf(table)).toEqual([
      ["1.328", "test"],
      ["0.274\u2020,\u2021", "p"],
      ["2.210", "test"],
      ["0.119", "p"],
    ]);
  });
  it("knows a test column by the test's name before it, and SPSS's Sig. as a p column", () => {
    const table = ["Item", "Mann–Whitney U", "Sig. (2-tailed)", "Mood", "312.5", ".041"].join("\n\n");
    expect(columnsOf(table)).toEqual([
      ["312.5", "test"],
      [".041", "p"],
    ]);
    expect(found(table, "test-statistic").map((statistic) => statistic.fields)).toEqual([{ statistic: "U", value: "312.5" }]);
  });
  it("does not read prose, nor cells not parted by blank or pipe lines", () => {
    expect(columnsOf("p\n\nThe sample of adults was small and the trial was stopped after 0.5 of the planned recruitment had been reached, as the data monitoring committee advised.")).toEqual([]);
    expect(columnsOf("Scale\nU\np\nPain\n45.00\n0.020")).toEqual([]);
  });
});

describe("statistics read from one-cell-per-line tables", () => {
  it("names the test by its heading and keeps footnote marks out of the p", () => {
    const tests = found(bmc, "test-statistic").map((statistic) => [statistic.quote, statistic.fields]);
    expect(tests).toEqual([
      ["1,204.50", { statistic: "U", value: "1,204.50" }],
      ["−2.104", { statistic: "z", value: "−2.104" }],
      ["980.00", { statistic: "U", value: "980.00" }],
      ["-0.512", { statistic: "z", value: "-0.512" }],
    ]);
    expect(found(nature, "p-value").map((statistic) => [statistic.quote, statistic.fields])).toEqual([
      ["0.024", { relation: "=", p: "0.024" }],
      ["0.581", { relation: "=", p: "0.581" }],
    ]);
    expect(found(nature, "test-statistic").map((statistic) => statistic.fields)).toEqual([
      { statistic: "F", value: "5.40" },
      { statistic: "F", value: "0.31" },
    ]);
    expect(found(bmc, "sample-size").map((statistic) => statistic.quote)).toEqual(["30", "28"]);
  });
  it("flags every cell reading as read from a heading", () => {
    for (const statistic of [...found(bmc, "p-value"), ...found(bmc, "test-statistic"), ...found(bmc, "sample-size")]) expect(statistic.flags).toContain("read-from-heading");
  });
});
