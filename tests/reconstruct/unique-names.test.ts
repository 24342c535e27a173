import { describe, expect, it } from "vitest";
import { crosstab } from "../../src/reconstruct/crosstab-summary.js";
import { uniqueNames } from "../../src/reconstruct/unique-names.js";

describe("uniqueNames", () => {
  it("keeps free names, numbers the rest from 2, and never takes a name another entry wants", () => {
    expect(uniqueNames(["id", "sex", "sex"], ["id", "arm"])).toEqual(["id (2)", "sex", "sex (2)"]);
    expect(uniqueNames(["a", "a", "a (2)"])).toEqual(["a", "a (3)", "a (2)"]);
    expect(uniqueNames([])).toEqual([]);
  });
});

describe("crosstab with repeated labels (red team finding 5, the same class)", () => {
  it("gives every row and column its own name, so the illustrative table keeps every column", () => {
    const result = crosstab([2, 2], [1, 1, 2], { rows: ["x", "x"], cols: ["a", "a", "row"] });
    expect(result.rows.map((row) => row.label)).toEqual(["x", "x (2)"]);
    expect(result.cols.map((col) => col.label)).toEqual(["a", "a (2)", "row (2)"]);
    expect(result.illustrative.columns).toEqual(["row", "a", "a (2)", "row (2)"]);
    // Each illustrative row still sums to its margin (2), which overwritten columns would break.
    for (const row of result.illustrative.rows) expect((row.a as number) + (row["a (2)"] as number) + (row["row (2)"] as number)).toBe(2);
  });
});
