import { describe, expect, it } from "vitest";
import { tablesToCsv } from "../../src/report/tables-to-csv.js";

/** An RFC 4180 reader written for this test (quoted fields, doubled quotes, commas and newlines inside quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\n") row.push(field), rows.push(row), (row = []), (field = "");
    else field += c;
  }
  if (field !== "" || row.length > 0) row.push(field), rows.push(row);
  return rows;
}

describe("tablesToCsv", () => {
  it("round-trips every cell, including commas, quotes, newlines and trailing zeros", async () => {
    const cells = [
      ["2.50", 'say "hi"', "a,b"],
      ["55", "line one\nline two", " padded "],
    ];
    const [csv] = await tablesToCsv([{ columns: [{ key: "a", label: "mean" }, { key: "b", label: "quote" }, { key: "c", label: "list, of" }], rows: cells.map(([a, b, c]) => ({ a: a!, b: b!, c: c! })) }]);
    expect(parseCsv(csv!)).toEqual([["mean", "quote", "list, of"], ...cells]);
    expect(csv!.endsWith("\n")).toBe(true);
  });

  it("writes only the header for a table without rows", async () => {
    const [csv] = await tablesToCsv([{ columns: [{ key: "a", label: "A" }, { key: "b", label: "B" }], rows: [] }]);
    expect(csv).toBe("A,B\n");
  });

  it("neutralises formula cells from a hostile study (issue 15, finding 2) but keeps negative numbers as numbers", async () => {
    const [csv] = await tablesToCsv([{ columns: [{ key: "a", label: "label" }, { key: "b", label: "change" }], rows: [{ a: '=HYPERLINK("http://evil.example")', b: "-3.39" }, { a: "@cmd", b: "+24.56" }] }]);
    expect(parseCsv(csv!)).toEqual([["label", "change"], ['\'=HYPERLINK("http://evil.example")', "-3.39"], ["'@cmd", "+24.56"]]);
  });
});
