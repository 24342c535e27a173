import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countClosure } from "../../src/reconstruct/closure-count.js";
import { MAX_COUNT_STATES, MAX_COUNT_TRANSITIONS } from "../../src/reconstruct/closure-work.js";
import { countTables } from "../../src/reconstruct/crosstab.js";
import { TABLES_WORK_BUDGET } from "../../src/reconstruct/crosstab-work.js";
import { sprite } from "../../src/reconstruct/sprite.js";
import { createRng } from "../../src/stats/rng.js";
import { CohortError } from "../../src/errors.js";
import { assertCleanCli, reportTried, runInProcess, runs, tried } from "./harness.js";

/** A value, or a CohortError with a message per problem (the reconstruction engine names options, not JSON paths). */
function expectCohortErrorOrValue<T>(run: () => T): { ok: true; value: T } | { ok: false; error: CohortError } {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    if (!(error instanceof CohortError)) throw new Error(`crash: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    for (const problem of error.problems) expect(problem.message.trim()).not.toBe("");
    return { ok: false, error };
  }
}

/*
 * Big margins and scales (issue 15, finding 3): every search either finishes within its budget or is
 * refused with exit 3 and the estimate. The work actually done is checked through the counters the
 * searches report (steps, states, transitions, moves), not with a clock, so the suite does not
 * depend on how busy the machine is.
 */

const margin = (maxParts: number, maxTotal: number) => fc.array(fc.integer({ min: 0, max: maxTotal }), { minLength: 1, maxLength: maxParts });

/** Row and column totals with the same sum: columns drawn, then rows cut from the same total. */
const margins = fc.tuple(margin(12, 1000), fc.integer({ min: 1, max: 12 }), fc.nat()).map(([cols, parts, seed]) => {
  const total = cols.reduce((a, b) => a + b, 0);
  const rng = createRng(seed);
  const cuts = Array.from({ length: parts - 1 }, () => rng.int(0, total)).sort((a, b) => a - b);
  const rows = [...cuts, total].map((cut, i) => cut - (i === 0 ? 0 : cuts[i - 1]!));
  return { rows, cols };
});

describe("big margins and scales (fuzz)", () => {
  it("countTables finishes within 20× its estimate or refuses (exit 3) without starting", () => {
    fc.assert(
      fc.property(margins, ({ rows, cols }) => {
        tried("budgets: contingency tables");
        const stats = { estimate: 0, steps: 0 };
        const outcome = expectCohortErrorOrValue(() => countTables(rows, cols, TABLES_WORK_BUDGET, stats));
        if (outcome.ok) {
          expect(stats.estimate).toBeLessThanOrEqual(TABLES_WORK_BUDGET);
          expect(stats.steps).toBeLessThanOrEqual(Math.max(1_000_000, 20 * stats.estimate));
        } else expect(outcome.error.exitCode).toBe(3);
      }),
      runs(60),
    );
    reportTried("budgets: contingency tables");
  });

  const scale = fc.record({
    n: fc.oneof(fc.integer({ min: 2, max: 300 }), fc.constantFrom(1_000, 100_000, 1_000_000_000)),
    min: fc.integer({ min: -5, max: 5 }),
    width: fc.oneof(fc.integer({ min: 0, max: 120 }), fc.constantFrom(1_000, 10_000_000, 1_000_000_000)),
    mean: fc.double({ min: 0, max: 1, noNaN: true }),
    sd: fc.double({ min: 0, max: 0.6, noNaN: true }),
    decimals: fc.integer({ min: 0, max: 3 }),
  });
  const closureInput = scale.map(({ n, min, width, mean, sd, decimals }) => ({ n, min, max: min + width, mean: (min + mean * width).toFixed(decimals), sd: (sd * width).toFixed(decimals) }));

  it("countClosure stays within its caps on states and transitions, or refuses (exit 3)", () => {
    fc.assert(
      fc.property(closureInput, (input) => {
        tried("budgets: CLOSURE counts");
        const stats = { states: 0, transitions: 0, estimate: 0 };
        const outcome = expectCohortErrorOrValue(() => countClosure(input, { stats }));
        if (outcome.ok) expect(stats.transitions).toBeLessThanOrEqual(MAX_COUNT_TRANSITIONS);
        else expect([1, 3]).toContain(outcome.error.exitCode);
        expect(stats.states).toBeLessThanOrEqual(MAX_COUNT_STATES * 1_000);
      }),
      runs(120),
    );
    reportTried("budgets: CLOSURE counts");
  });

  it("SPRITE moves at most 20× its estimate, or refuses (exit 3) before allocating", () => {
    fc.assert(
      fc.property(closureInput, fc.integer({ min: 1, max: 50 }), fc.nat(), (input, samples, seed) => {
        tried("budgets: SPRITE");
        const outcome = expectCohortErrorOrValue(() => sprite(input, { rng: createRng(seed), samples }));
        if (outcome.ok) expect(outcome.value.iterations).toBeLessThanOrEqual(20 * (samples + 10) * (input.n + 1_000_000));
        else expect([1, 3]).toContain(outcome.error.exitCode);
      }),
      runs(30),
    );
    reportTried("budgets: SPRITE");
  });

  it("the CLI's numeric options at their extremes exit 0–3 with a message, never 70", async () => {
    const extreme = fc.constantFrom("-1", "0", "1e-300", "0.5", "1e308", "-1e308", "9007199254740991", "1000000000", "2147483648");
    const vectors = fc.oneof(
      fc.tuple(fc.constantFrom("--items", "--n", "--min", "--max", "--step", "--max-steps"), extreme).map(([option, value]) => {
        const base: Record<string, string> = { "--items": "4", "--n": "5", "--min": "0", "--max": "10" };
        base[option] = value;
        return ["change", "--change", "s1..s3:32.81:decrease", "--change", "s3..s6:24.56:increase", ...Object.entries(base).flat()];
      }),
      fc.tuple(fc.constantFrom("--decimals", "--min", "--max"), extreme).map(([option, value]) => {
        const base: Record<string, string> = { "--decimals": "2", "--min": "0", "--max": "10" };
        base[option] = value;
        return ["change", "--change", "21.88:decrease", ...Object.entries(base).flat()];
      }),
      fc.tuple(fc.constantFrom("closure", "sprite"), fc.constantFrom("--n", "--min", "--max", "--mean-error", "--sd-error", "--limit", "--samples", "--items"), extreme, fc.boolean()).map(([command, option, value, count]) => {
        const base: Record<string, string> = { "--mean": "3.0", "--sd": "1.2", "--n": "20", "--min": "1", "--max": "5" };
        base[option] = value;
        if (command === "closure" && (option === "--samples" || option === "--items")) delete base[option];
        return [command, ...Object.entries(base).flat(), ...(command === "closure" && count ? ["--count"] : command === "closure" ? ["--limit", "3"] : [])];
      }),
      fc.tuple(margin(10, 60), margin(10, 60)).map(([rows, cols]) => ["crosstab", "--rows", rows.join(","), "--cols", [...cols, Math.max(0, rows.reduce((a, b) => a + b, 0) - cols.reduce((a, b) => a + b, 0))].join(",")]),
    );
    await fc.assert(
      fc.asyncProperty(vectors, fc.boolean(), async (argv, json) => {
        tried("budgets: CLI extremes");
        const args = json ? [...argv, "--json"] : argv;
        assertCleanCli(args, await runInProcess(args));
      }),
      runs(200),
    );
    reportTried("budgets: CLI extremes");
  });
});
