import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvRows, csvText, neutraliseFormula } from "../../src/io/csv-text.js";

describe("neutraliseFormula", () => {
  // OWASP CSV Injection: cells starting with =, +, -, @, tab or carriage return are formulas to a spreadsheet.
  it.each([
    ["=HYPERLINK(\"http://evil.example\",\"x\")", "'=HYPERLINK(\"http://evil.example\",\"x\")"],
    ["+1+1", "'+1+1"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ["@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["\t=1", "'\t=1"],
    ["\r=1", "'\r=1"],
    ["-", "'-"],
    ["- 3", "'- 3"],
    ["-3.39 points", "'-3.39 points"],
  ])("neutralises %j", (cell, expected) => {
    expect(neutraliseFormula(cell)).toBe(expected);
  });

  // Whole plain numbers are numbers to a spreadsheet, never formulas: they stay numbers.
  it.each(["-3.39", "+24.56", "-0", "-.5", "1e-9", "-1.5E+3", "-12.5%", "2.50", "0"])("keeps the plain number %j", (cell) => {
    expect(neutraliseFormula(cell)).toBe(cell);
  });

  it("leaves text that does not start with a trigger alone, including a Unicode minus", () => {
    for (const cell of ["a=b", "−3.39", "psychedelic", " =1", ""]) expect(neutraliseFormula(cell)).toBe(cell);
  });
});

describe("csvText", () => {
  it("round-trips through csv-parse (RFC 4180): commas, quotes, line breaks, padding, trailing zeros, empty cells", () => {
    const rows = [
      ["2.50", 'say "hi"', "a,b", ""],
      ["55", "line one\nline two", " padded ", "x\r\ny"],
    ];
    const text = csvText(["mean", "quote", "list, of", "empty"], rows);
    expect(parse(text, { relax_column_count: false })).toEqual([["mean", "quote", "list, of", "empty"], ...rows]);
    expect(text.endsWith("\n")).toBe(true);
  });

  it("writes numbers as JavaScript prints them and null as an empty cell", () => {
    expect(csvText(["a", "b", "c"], [[-3.39, null, 6.571428571428571]])).toBe("a,b,c\n-3.39,,6.571428571428571\n");
  });

  it("neutralises formulas in header and cells, and they parse back with the quote in front", () => {
    const text = csvText(["=cmd"], [["@x"], ["-1"]]);
    expect(parse(text)).toEqual([["'=cmd"], ["'@x"], ["-1"]]);
  });

  it("quotes a cell with a carriage return inside, so a reader that takes CR as a line end keeps one row (found by the CSV fuzz)", () => {
    // By hand: unquoted, "a\rb" made csv-parse (and spreadsheets) start a new record after "a".
    const text = csvText(["x", "y"], [["a\rb", "c"], ["d", "e"]]);
    expect(text).toBe('x,y\n"a\rb",c\nd,e\n');
    expect(parse(text)).toEqual([["x", "y"], ["a\rb", "c"], ["d", "e"]]);
  });

  it("writes a header alone for no rows, and csvRows nothing", () => {
    expect(csvText(["A", "B"], [])).toBe("A,B\n");
    expect(csvRows([])).toBe("");
  });
});

describe("csvRows against csv-stringify itself", () => {
  it("writes every random table exactly as csv-stringify does (after formula neutralisation)", () => {
    const alphabet = ["a", "1", ",", '"', "\n", "\r", " ", "\t", "=", "-", "+", "@", ".", "é", "'"];
    fc.assert(
      fc.property(fc.array(fc.array(fc.oneof(fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 6 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(null)), { minLength: 1, maxLength: 4 }), { maxLength: 5 }), (rows) => {
        const cells = rows.map((row) => row.map((cell) => (cell === null ? "" : neutraliseFormula(typeof cell === "number" ? String(cell) : cell))));
        // csv-stringify told to quote a cell with a carriage return as well (it quotes only its record delimiter, \n).
        const expected = cells.length === 0 ? "" : stringify(cells, { quoted_match: /^\s|\s$|\r/, record_delimiter: "unix", eof: true });
        expect(csvRows(rows)).toBe(expected);
      }),
      { seed: 20260402, numRuns: 2000 },
    );
  });
});
