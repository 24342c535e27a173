import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { guessTableFormat, readTable, type TableFormat, type TableRow } from "../../src/batch/read-rows.js";
import * as msg from "../../src/messages/map.js";

async function read(chunks: string[], format: TableFormat): Promise<{ header: string[]; rows: TableRow[] }> {
  let header: string[] = [];
  const rows: TableRow[] = [];
  for await (const batch of readTable(Readable.from(chunks.map((chunk) => Buffer.from(chunk))), format)) {
    header = batch.header;
    rows.push(...batch.rows);
  }
  return { header, rows };
}

describe("readTable", () => {
  it("reads CSV with a byte-order mark, quoted cells, blank lines and a record split across chunks", async () => {
    const { header, rows } = await read(["\uFEFFstudy,x,n\n", '"A, 2019",5.1', '0,28\n\n"say ""hi""",5.19,32\n'], "csv");
    expect(header).toEqual(["study", "x", "n"]);
    expect(rows).toEqual([
      { row: 1, cells: ["A, 2019", "5.10", "28"] },
      { row: 2, cells: ['say "hi"', "5.19", "32"] },
    ]);
  });

  it("reads TSV", async () => {
    expect((await read(["x\tn\r\n5.19\t28\r\n"], "tsv")).rows).toEqual([{ row: 1, cells: ["5.19", "28"] }]);
  });

  it("reads JSON lines by the first object's keys; a bad line is that row's error and reading goes on", async () => {
    const { header, rows } = await read(['{"x":"5.19","n":28}\n[1]\n{"x":', '"5.10"}\nnope\n{"n":3,"x":"1.5","extra":1}'], "jsonl");
    expect(header).toEqual(["x", "n"]);
    expect(rows[0]).toEqual({ row: 1, cells: ["5.19", 28] });
    expect(rows[1]).toEqual({ row: 2, error: msg.notAnObject(2) });
    expect(rows[2]).toEqual({ row: 3, cells: ["5.10", undefined] });
    expect(rows[3]!.error).toMatch(/^line 4 is not valid JSON: /);
    expect(rows[4]).toEqual({ row: 5, cells: ["1.5", 3] });
  });

  it("refuses a line longer than 1 MiB instead of holding it (a device or binary file)", async () => {
    await expect(read(["x".repeat(1_100_000)], "jsonl")).rejects.toThrow(/longer than/);
    await expect(read(["x\n" + "1".repeat(1_100_000)], "csv")).rejects.toThrow(/cannot read the table/);
  });
});

describe("guessTableFormat", () => {
  it("goes by the file name, else by the first bytes", () => {
    expect(guessTableFormat("a.TSV", "")).toBe("tsv");
    expect(guessTableFormat("a.ndjson", "")).toBe("jsonl");
    expect(guessTableFormat(undefined, '  {"x":1}')).toBe("jsonl");
    expect(guessTableFormat(undefined, "x\tn\n")).toBe("tsv");
    expect(guessTableFormat(undefined, "x,n\n")).toBe("csv");
  });
});
