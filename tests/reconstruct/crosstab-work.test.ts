import { describe, expect, it } from "vitest";
import { exitCodes } from "../../src/errors.js";
import * as message from "../../src/messages/reconstruct.js";
import { countTables } from "../../src/reconstruct/crosstab.js";
import { estimateTablesWork, TABLES_WORK_BUDGET } from "../../src/reconstruct/crosstab-work.js";
import { crosstab } from "../../src/reconstruct/crosstab-summary.js";
import { CohortError } from "../../src/errors.js";

function refusal(run: () => unknown): CohortError {
  try {
    run();
  } catch (error) {
    if (error instanceof CohortError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("estimateTablesWork", () => {
  it("estimates study A's margins by hand: P(20; 2 parts ≤ 11) · C(9+1, 1) + … = 76", () => {
    // Before column j the two row remainders sum to L = 20, 11, 6, 2; multisets {a, b} with a, b ≤ 11
    // and a + b = L: L = 20 → {9,11},{10,10}: 2; L = 11 → {0,11},{1,10},…,{5,6}: 6; L = 6 → 4; and
    // the last column is not filled. Ways to spread c_j over 2 rows: c_j + 1 → 2·10 + 6·6 + 4·5 = 76.
    expect(estimateTablesWork([11, 9], [9, 5, 4, 2])).toBe(76);
  });

  it("stays within 0.7–10× of the steps countTables really takes, on square and oblong margins", () => {
    const margins: [number[], number[]][] = [
      [[11, 9], [9, 5, 4, 2]],
      [[5, 5, 5], [5, 5, 5]],
      [[10, 10, 10], [10, 10, 10]],
      [[20, 20, 20, 20], [20, 20, 20, 20]],
      [[40, 40, 40], [40, 40, 40]],
      [[100, 100], [50, 50, 50, 50]],
      [[50, 50, 50], [30, 30, 30, 30, 30]],
      [[3, 3, 3, 3, 3, 3, 3, 3], [3, 3, 3, 3, 3, 3, 3, 3]],
      [[7, 0, 3], [2, 8]],
    ];
    for (const [rows, cols] of margins) {
      const stats = { estimate: 0, steps: 0 };
      countTables(rows, cols, Infinity, stats);
      const ratio = stats.estimate / stats.steps;
      expect(ratio, `${rows} × ${cols}: ${stats.estimate} estimated, ${stats.steps} taken`).toBeGreaterThan(0.7);
      expect(ratio, `${rows} × ${cols}`).toBeLessThan(10);
    }
  });
});

describe("countTables under its work budget (red team finding 3)", () => {
  it("refuses 5 × 5 margins of 40 at once, with the estimate, instead of running for minutes", () => {
    const error = refusal(() => countTables([40, 40, 40, 40, 40], [40, 40, 40, 40, 40]));
    expect(error.exitCode).toBe(exitCodes.refused);
    expect(error.problems[0]!.message).toBe(message.tablesTooMuchWork(estimateTablesWork([40, 40, 40, 40, 40], [40, 40, 40, 40, 40]), TABLES_WORK_BUDGET));
  });

  it("refuses 10 × 10 margins of 30 (which grew past 4 GB) before allocating anything", () => {
    const thirty = new Array(10).fill(30);
    expect(refusal(() => crosstab(thirty, thirty)).exitCode).toBe(exitCodes.refused);
  });

  it("still counts what fits (86 for study A, derived by hand in crosstab.test.ts), and a caller's budget is honoured", () => {
    expect(countTables([11, 9], [9, 5, 4, 2])).toBe(86n);
    expect(refusal(() => countTables([11, 9], [9, 5, 4, 2], 75)).exitCode).toBe(exitCodes.refused);
    expect(countTables([11, 9], [9, 5, 4, 2], 76)).toBe(86n);
  });
});
