import { describe, expect, it } from "vitest";
import { cellRanges, countTables, crosstab, illustrativeTable, streamTables } from "../../src/reconstruct/index.js";
import { RECONSTRUCTION_LABEL } from "../../src/schema/reconstruction.js";
import * as message from "../../src/messages/reconstruct.js";

// Independent oracle: every r × c table with cells 0…min(row, col), filtered by both margins.
function bruteTables(rows: number[], cols: number[]): number[][][] {
  const r = rows.length;
  const c = cols.length;
  const cells = new Array<number>(r * c).fill(0);
  const out: number[][][] = [];
  const walk = (index: number) => {
    if (index === r * c) {
      const table = rows.map((_, i) => cells.slice(i * c, i * c + c));
      if (table.every((row, i) => row.reduce((a, b) => a + b, 0) === rows[i]) && cols.every((col, j) => table.reduce((a, row) => a + (row[j] as number), 0) === col)) out.push(table);
      return;
    }
    const i = Math.floor(index / c);
    const j = index % c;
    for (let value = 0; value <= Math.min(rows[i] as number, cols[j] as number); value++) {
      cells[index] = value;
      walk(index + 1);
    }
  };
  walk(0);
  return out;
}

const smallCases: [number[], number[]][] = [
  [[3, 2], [2, 2, 1]],
  [[2, 2, 2], [3, 3]],
  [[4, 1, 2], [2, 3, 2]],
  [[0, 3], [1, 2]],
  [[5], [2, 3]],
  [[3, 3, 2], [1, 4, 3]],
];

describe("countTables", () => {
  it("counts 86 tables for study A's margins 11/9 × 9/5/4/2", () => {
    // Hand: a 2-row table is fixed by its first row (x1..x4), 0 ≤ xj ≤ cj, Σ = 11. For s = 11 − x3 − x4
    // the number of (x1 ≤ 9, x2 ≤ 5) with x1 + x2 = s is 4, 5, 6, 6, 6, 6, 6 for s = 11…5.
    // x4 = 0: s = 11…7 → 4+5+6+6+6 = 27; x4 = 1: s = 10…6 → 29; x4 = 2: s = 9…5 → 30; total 86.
    expect(countTables([11, 9], [9, 5, 4, 2])).toBe(86n);
  });

  it("agrees with brute force on small tables", () => {
    for (const [rows, cols] of smallCases) expect(countTables(rows, cols)).toBe(BigInt(bruteTables(rows, cols).length));
  });

  it("rejects margins whose totals differ", () => {
    expect(() => countTables([11, 9], [9, 5, 4])).toThrow(message.marginsDisagree(20, 18));
    expect(() => countTables([], [1])).toThrow(message.emptyMargins("rows"));
    expect(() => countTables([1, -1], [0])).toThrow(message.negativeMargin("rows", 1, -1));
  });
});

describe("streamTables", () => {
  it("yields exactly the brute-force tables, in row-major lexicographic order", () => {
    for (const [rows, cols] of smallCases) expect([...streamTables(rows, cols)]).toEqual(bruteTables(rows, cols));
    expect([...streamTables([11, 9], [9, 5, 4, 2])]).toEqual(bruteTables([11, 9], [9, 5, 4, 2]));
  });
});

describe("cellRanges", () => {
  it("matches the smallest and largest value of each cell over all tables", () => {
    for (const [rows, cols] of [...smallCases, [[11, 9], [9, 5, 4, 2]] as [number[], number[]]]) {
      const tables = bruteTables(rows, cols);
      const ranges = cellRanges(rows, cols);
      rows.forEach((_, i) =>
        cols.forEach((__, j) => {
          const seen = tables.map((table) => (table[i] as number[])[j] as number);
          expect(ranges[i]?.[j]).toEqual({ min: Math.min(...seen), max: Math.max(...seen) });
        }),
      );
    }
  });
});

describe("illustrativeTable", () => {
  it("picks the table with the smallest Pearson distance to independence", () => {
    const rows = [11, 9];
    const cols = [9, 5, 4, 2];
    const distance = (table: number[][]) => table.reduce((sum, row, i) => sum + row.reduce((s, x, j) => s + (x - (rows[i]! * cols[j]!) / 20) ** 2 / ((rows[i]! * cols[j]!) / 20), 0), 0);
    const best = Math.min(...bruteTables(rows, cols).map(distance));
    const { table, exhaustive } = illustrativeTable(rows, cols);
    expect(exhaustive).toBe(true);
    expect(distance(table)).toBeCloseTo(best, 12);
  });
});

describe("crosstab", () => {
  it("labels the illustrative table as one reconstruction of N", () => {
    const result = crosstab([11, 9], [9, 5, 4, 2], { rows: ["female", "male"], cols: ["opioid", "benzodiazepine", "cocaine", "kratom"] });
    expect(result.count).toBe(86);
    expect(result.illustrative.label).toBe(RECONSTRUCTION_LABEL);
    expect(result.illustrative.of).toBe(86);
    expect(result.note).toBe(message.illustrativeLabel("86"));
    const female = result.illustrative.rows[0] as Record<string, number>;
    expect(female.opioid! + female.benzodiazepine! + female.cocaine! + female.kratom!).toBe(11);
  });

  it("rejects a wrong number of labels", () => {
    expect(() => crosstab([11, 9], [9, 11], { rows: ["only one"] })).toThrow(message.labelCount("row", 2, 1));
  });
});
