import { describe, expect, it } from "vitest";
import { mapCheckNames } from "../../src/batch/map-checks.js";
import { createMapAudit, mapRow, planColumns } from "../../src/batch/map-rows.js";
import { debit } from "../../src/checks/debit.js";
import { grim } from "../../src/checks/grim.js";
import { grimmer } from "../../src/checks/grimmer.js";
import { percent } from "../../src/checks/percent.js";
import { CohortError, isCohortError } from "../../src/errors.js";
import * as msg from "../../src/messages/map.js";
import type { CheckResult } from "../../src/schema/check-result.js";
import { createRng, type Rng } from "../../src/stats/rng.js";
import { ROUNDING_MODES, type RoundingMode } from "../../src/stats/rounding.js";

/** A reported decimal with 0–3 decimals (trailing zeros kept), sometimes negative or malformed to exercise row errors. */
function decimal(rng: Rng, max: number): string {
  const roll = rng.int(0, 99);
  if (roll === 0) return "abc";
  if (roll === 1) return "";
  const digits = rng.int(0, 3);
  const value = (rng.next() * max).toFixed(digits);
  return roll === 2 ? `-${value}` : value;
}

/** The single check's verdict, or its error message: what each batch row must equal. */
function single(run: () => CheckResult): { consistency: string | null; error?: string } {
  try {
    return { consistency: run().status };
  } catch (error) {
    if (!isCohortError(error)) throw error;
    return { consistency: null, error: error.problems.map((p) => p.message).join("; ") };
  }
}

// For each check: a random table row (cells in header order) and the same row through the check's own function.
const cases: Record<string, { header: string[]; row: (rng: Rng) => string[]; direct: (cells: string[], rounding: RoundingMode) => ReturnType<typeof single> }> = {
  grim: {
    header: ["x", "n", "items"],
    row: (rng) => [decimal(rng, 10), String(rng.int(1, 120)), String(rng.int(1, 3))],
    direct: ([x, n, items], rounding) => single(() => grim({ mean: x!, n: Number(n), items: Number(items), rounding })),
  },
  grimmer: {
    header: ["mean", "sd", "n"],
    row: (rng) => [decimal(rng, 7), decimal(rng, 3), String(rng.int(2, 60))],
    direct: ([x, sd, n], rounding) => single(() => grimmer({ mean: x!, sd: sd!, n: Number(n), rounding })),
  },
  debit: {
    header: ["x", "sd", "n"],
    row: (rng) => [decimal(rng, 1), decimal(rng, 0.6), String(rng.int(2, 80))],
    direct: ([x, sd, n], rounding) => single(() => debit({ mean: x!, sd: sd!, n: Number(n), rounding })),
  },
  percent: {
    header: ["percent", "n", "count"],
    row: (rng) => {
      const n = rng.int(1, 150);
      return [decimal(rng, 100), String(n), String(rng.int(0, n))];
    },
    direct: ([p, n, count], rounding) => single(() => percent({ percent: p!, n: Number(n), count: Number(count), rounding })),
  },
};

describe("mapRow", () => {
  it("knows exactly the checks this test covers", () => {
    expect([...mapCheckNames].sort()).toEqual(Object.keys(cases).sort());
  });

  for (const [check, { header, row, direct }] of Object.entries(cases)) {
    it(`gives each row of a random seeded table the verdict or error of ${check}() itself`, () => {
      const rng = createRng(20260401);
      const plan = planColumns(check, header);
      let compared = 0;
      for (let index = 1; index <= 3000; index++) {
        const cells = row(rng);
        const rounding = ROUNDING_MODES[rng.int(0, ROUNDING_MODES.length - 1)]!;
        const expected = cells.some((cell) => cell === "") ? null : direct(cells, rounding);
        const result = mapRow(plan, cells, index, rounding);
        expect(result.row).toBe(index);
        if (expected === null) expect(result.error).toBeDefined();
        else {
          expect({ consistency: result.consistency, ...(result.error !== undefined ? { error: result.error } : {}) }).toEqual(expected);
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(2800);
    });
  }

  it("gives GRIM's ratio as grim() reports it (scrutiny's grim_ratio)", () => {
    const plan = planColumns("grim", ["x", "n"]);
    // (100 − 28) / 100 = 0.72 for two decimals and n = 28 (hand calculation).
    expect(mapRow(plan, ["5.19", "28"], 1, "up_or_down").ratio).toBe(0.72);
    expect((grim({ mean: "5.19", n: 28 }).details as { ratio: number }).ratio).toBe(0.72);
  });

  it("refuses JSON numbers for reported decimals and accepts them for counts", () => {
    const plan = planColumns("grim", ["x", "n"]);
    expect(mapRow(plan, [5.19, 28], 1, "up_or_down").error).toBe(msg.numberNotString("x", "x", 5.19));
    expect(mapRow(plan, ["5.19", 28], 1, "up_or_down").consistency).toBe("inconsistent");
    expect(mapRow(plan, ["5.19", "2.5"], 1, "up_or_down").error).toBe(msg.notAWholeNumberCell("n", "n", "2.5"));
  });
});

describe("planColumns", () => {
  it("finds scrutiny's column names in any case and leaves optional roles out when absent", () => {
    expect(planColumns("grim", ["Study", "MEAN", "N"]).roles.map((r) => [r.role, r.column, r.index])).toEqual([
      ["x", "MEAN", 1],
      ["n", "N", 2],
    ]);
  });

  it("takes --columns names over the usual ones", () => {
    expect(planColumns("grimmer", ["M", "SD", "N", "x"], { x: "M", n: "N" }).roles.map((r) => r.column)).toEqual(["M", "SD", "N"]);
  });

  it("names the missing column, the names it looked for and the columns the table has", () => {
    expect(() => planColumns("grimmer", ["x", "n"])).toThrow(msg.missingColumn("grimmer", "sd", ["sd"], ["x", "n"]));
  });

  it("refuses an unknown check or role as a usage error", () => {
    for (const run of [() => planColumns("nope", ["x"]), () => planColumns("grim", ["x", "n"], { bogus: "x" })]) {
      try {
        run();
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(CohortError);
        expect((error as CohortError).exitCode).toBe(2);
      }
    }
  });
});

describe("createMapAudit", () => {
  it("counts verdicts, rates and columns as scrutiny's audit() would (hand-counted table)", () => {
    const plan = planColumns("grim", ["x", "n"]);
    const table = [
      ["5.19", "28"], // inconsistent, ratio 0.72
      ["5.19", "32"], // consistent, ratio 0.68
      ["5.1", "12"], // n = 12 ≥ 10^1: GRIM cannot test one decimal, undetermined; ratio max(0, (10 − 12)/10) = 0
      ["5.10", ""], // error: n empty
    ];
    const audit = createMapAudit(plan);
    table.forEach((cells, i) => audit.add(cells, mapRow(plan, cells, i + 1, "up_or_down")));
    const summary = audit.summary();
    expect(summary.verdicts).toEqual({ consistent: 1, inconsistent: 1, undetermined: 1, error: 1 });
    expect(summary.rows).toBe(4);
    expect(summary.inconsistentRate).toBeCloseTo(1 / 3, 12);
    expect(summary.testable).toBe(2);
    expect(summary.testableRate).toBeCloseTo(2 / 3, 12);
    expect(summary.meanRatio).toBeCloseTo((0.72 + 0.68 + 0) / 3, 12);
    expect(summary.columns).toEqual([
      { role: "x", column: "x", filled: 4, empty: 0, decimals: { "1": 1, "2": 3 } },
      { role: "n", column: "n", filled: 3, empty: 1, min: 12, max: 32 },
    ]);
  });
});
