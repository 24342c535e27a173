import { describe, expect, it } from "vitest";
import { CohortError, exitCodes } from "../../src/errors.js";
import * as message from "../../src/messages/reconstruct.js";
import { closureBounds, MAX_SCALE_POINTS } from "../../src/reconstruct/closure-bounds.js";
import { summarizeClosure } from "../../src/reconstruct/closure-summary.js";
import { runInProcess } from "../fuzz/harness.js";
import { countClosure } from "../../src/reconstruct/closure-count.js";
import { CLOSURE_STATES_BUDGET, estimateClosureStates } from "../../src/reconstruct/closure-work.js";
import { sprite, SPRITE_MEMORY_BUDGET, SPRITE_WORK_BUDGET } from "../../src/reconstruct/sprite.js";
import { createRng } from "../../src/stats/rng.js";

function refusal(run: () => unknown): CohortError {
  try {
    run();
  } catch (error) {
    if (error instanceof CohortError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("estimateClosureStates", () => {
  it("is above the states countClosure visits, by at most 300× (3–25× beyond tiny spaces), and the counts are unchanged", () => {
    // Published counts (unsum / closure-core examples, METHODS §2), so the counting itself is checked too.
    const cases = [
      { input: { mean: "3.0", sd: "1.2", n: 200, min: 1, max: 5 }, count: 661948n },
      { input: { mean: "3.5", sd: "1.7", n: 70, min: 1, max: 5 }, count: 2492n },
      { input: { mean: "4.7", sd: "2.2", n: 50, min: 1, max: 7 }, count: 81020n },
      { input: { mean: "5.0", sd: "2.78", n: 30, min: 1, max: 7, meanError: 0.005, sdError: 0.005 }, count: 1n },
      { input: { mean: "2.7", sd: "1.9", n: 130, min: 1, max: 5 }, count: 5359n },
    ];
    for (const { input, count } of cases) {
      const stats = { states: 0, transitions: 0, estimate: 0 };
      expect(countClosure(input, { stats })).toBe(count);
      expect(stats.estimate, JSON.stringify(input)).toBeGreaterThanOrEqual(stats.states);
      expect(stats.estimate / stats.states, JSON.stringify(input)).toBeLessThan(300);
    }
  });
});

describe("countClosure under its budgets (red team finding 3: refused only after 98 s and 1.3 GB on a 1–100 scale)", () => {
  it("refuses a 1–100 scale with n = 20 at once, with the estimate", () => {
    const input = { mean: "50.5", sd: "29.0", n: 20, min: 1, max: 100 };
    const error = refusal(() => countClosure(input));
    expect(error.exitCode).toBe(exitCodes.refused);
    expect(error.problems[0]!.message).toBe(message.countingTooMuchWork(estimateClosureStates(closureBounds(input)), CLOSURE_STATES_BUDGET));
  });

  it("stops at the cap on states in one level when the estimate let it start, so memory stays bounded", () => {
    const input = { mean: "5.5", sd: "2.9", n: 60, min: 1, max: 10 };
    const error = refusal(() => countClosure(input, { maxStates: 5000 }));
    expect(error.exitCode).toBe(exitCodes.refused);
    expect(error.problems[0]!.message).toBe(message.countingTooLarge(estimateClosureStates(closureBounds(input)), "5000 states in one level"));
  });

  it("stops at the cap on transitions too", () => {
    const error = refusal(() => countClosure({ mean: "5.5", sd: "2.9", n: 60, min: 1, max: 10 }, { maxTransitions: 10_000 }));
    expect(error.problems[0]!.message).toMatch(/^counting stopped at \d+ transitions/);
  });
});

describe("enumerating a space too large to count", () => {
  it("asks the caller's stop every 65,536 steps of the walk, not only between samples", () => {
    // Stop on the second question: the first is asked before any sample, the second after 65,536
    // steps of the walk (far fewer than 65,536 samples on a 1–100 scale).
    let asked = 0;
    const summary = summarizeClosure({ mean: "50.5", sd: "29.0", n: 20, min: 1, max: 100 }, { stop: () => ++asked >= 2 });
    expect(summary.complete).toBe(false);
    expect(asked).toBe(2);
    expect(summary.count).toBeLessThan(65_536);
  });

  it("cohort closure lists such a space only with --time-budget (a --limit alone cannot bound the walk)", async () => {
    const base = ["closure", "--mean", "50.5", "--sd", "29.0", "--n", "20", "--min", "1", "--max", "100"];
    expect((await runInProcess([...base, "--limit", "3"])).status).toBe(3);
    const bounded = await runInProcess([...base, "--limit", "3", "--time-budget", "60", "--json"]);
    expect(bounded.status).toBe(0);
    expect(JSON.parse(bounded.stdout)).toMatchObject({ count: null, visited: 3, complete: false, stoppedBy: "limit" });
  });
});

describe("scales and SPRITE under budgets (red team finding 3: --max 1e9 aborted V8 after 6.7 GB, --n 1e9 ran > 90 s)", () => {
  it("refuses a scale of a billion points before allocating a counter", () => {
    const error = refusal(() => closureBounds({ mean: "3.0", sd: "1.2", n: 20, min: 1, max: 1_000_000_000 }));
    expect(error.exitCode).toBe(exitCodes.refused);
    expect(error.problems[0]!.message).toBe(message.scaleTooWide(1_000_000_000, MAX_SCALE_POINTS));
  });

  it("counts a scale's points in steps of --step: 1–100 in steps of 1/100,000 is 9,900,001 points, refused", () => {
    // By hand: values k/100000 for k = 100,000 … 10,000,000, so 10,000,000 − 100,000 + 1 = 9,900,001 points (1–100 in whole steps is 100).
    const error = refusal(() => closureBounds({ mean: "50.0", sd: "10.0", n: 20, min: 1, max: 100, step: "1/100000" }));
    expect(error.exitCode).toBe(exitCodes.refused);
    expect(error.problems[0]!.message).toBe(message.scaleTooWide(9_900_001, MAX_SCALE_POINTS));
    expect(closureBounds({ mean: "50.0", sd: "10.0", n: 20, min: 1, max: 100, step: "1/1000" }).points).toBe(99_001);
  });

  it("refuses SPRITE with n = 10^9 on its memory estimate (12 bytes per value), at once", () => {
    const error = refusal(() => sprite({ mean: "3.0", sd: "1.2", n: 1_000_000_000, min: 1, max: 5 }, { rng: createRng(1) }));
    expect(error.exitCode).toBe(exitCodes.refused);
    expect(error.problems[0]!.message).toBe(message.spriteTooMuchMemory(12 * 1_000_000_000 + 13 * 5, SPRITE_MEMORY_BUDGET));
  });

  it("refuses SPRITE whose attempts × moves exceed the work budget, with the estimate", () => {
    // n = 10^6 on 1–5: moves per attempt max(20000, min(10^6, n·5²)) = 10^6; (10^5 + 10) attempts × (10^6 + 10^6).
    const error = refusal(() => sprite({ mean: "3.0", sd: "1.2", n: 1_000_000, min: 1, max: 5 }, { rng: createRng(1), samples: 100_000 }));
    expect(error.problems[0]!.message).toBe(message.spriteTooMuchWork((100_000 + 10) * (1_000_000 + 1_000_000), SPRITE_WORK_BUDGET));
  });

  it("still finds samples where the work is small (README example)", () => {
    expect(sprite({ mean: "3.5", sd: "1.7", n: 70, min: 1, max: 5 }, { rng: createRng(1), samples: 5 }).status).toBe("complete");
  });
});
