import { describe, expect, it } from "vitest";
import { loadInstruments } from "../../../src/io/load-instruments.js";
import { parseStudy } from "../../../src/io/load-study.js";
import { countCrossTables, CROSS_TABLE_WORK_BUDGET, drawCrossTable } from "../../../src/reconstruct/study/cross-table.js";
import { estimateTablesWork } from "../../../src/reconstruct/crosstab-work.js";
import { reconstructStudy } from "../../../src/reconstruct/study/reconstruct-study.js";
import { createRng } from "../../../src/stats/rng.js";
import { bigCompositionsStudy, clashingColumnsStudy } from "../../helpers/hostile-studies.js";

const registry = loadInstruments();
const forty = [40, 40, 40, 40, 40];

describe("drawCrossTable under a work budget (red team finding 3: n = 200, two 5-category compositions hung reports)", () => {
  it("does not attempt a uniform draw past the budget: pairs at random instead, and says it is not uniform", () => {
    expect(estimateTablesWork(forty, forty)).toBeGreaterThan(CROSS_TABLE_WORK_BUDGET);
    expect(countCrossTables(forty, forty)).toBeNull();
    const { table, uniform } = drawCrossTable(forty, forty, createRng(3));
    expect(uniform).toBe(false);
    // Still a table with the reported margins.
    expect(table.map((row) => row.reduce((a, b) => a + b, 0))).toEqual(forty);
    expect(forty.map((_, j) => table.reduce((sum, row) => sum + row[j]!, 0))).toEqual(forty);
  });

  it("rebuilds the red team's n = 200 study: every dataset has both compositions' reported counts", () => {
    const study = parseStudy(bigCompositionsStudy(), registry);
    const result = reconstructStudy(study, registry, { seed: 1, count: 3 });
    expect(result.crossTables).toEqual([{ group: "all", variables: ["alpha", "beta"], count: null }]);
    for (const r of result.reconstructions) {
      for (const variable of ["alpha", "beta"]) {
        const counts = new Map<string, number>();
        for (const row of r.rows) counts.set(String(row[variable]), (counts.get(String(row[variable])) ?? 0) + 1);
        expect([...counts.values()]).toEqual(forty);
      }
    }
  });
});

describe("reconstructStudy column names (red team finding 5)", () => {
  it("names compositions whose ids clash with its own columns uniquely, so no patient id or arm is overwritten", () => {
    const study = parseStudy(clashingColumnsStudy(), registry);
    const first = reconstructStudy(study, registry, { seed: 1, count: 1 }).reconstructions[0]!;
    expect(new Set(first.columns).size).toBe(first.columns.length);
    // "arm" stays the name of the arm column (readers take it so), even in this single-arm study.
    expect(first.columns.slice(0, 5)).toEqual(["id", "id (2)", "dataset", "label", "arm (2)"]);
    // Every patient keeps their own id p01…p20; the composition "id" has its categories in "id (2)".
    expect(first.rows.map((row) => row.id)).toEqual(Array.from({ length: 20 }, (_, i) => `p${String(i + 1).padStart(2, "0")}`));
    expect(first.rows.filter((row) => row["id (2)"] === "id-c1").length).toBe(11);
  });
});
