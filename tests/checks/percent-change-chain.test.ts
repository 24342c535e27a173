import { describe, expect, it } from "vitest";
import { percentChangeChain } from "../../src/checks/percent-change-chain.js";
import { percentChange } from "../../src/checks/percent-change.js";
import { CohortError, exitCodes } from "../../src/errors.js";
import * as msg from "../../src/messages/checks.js";

/**
 * Naive oracle: every tuple of whole totals j_t in [0, J] (group mean = j/D), a change fits when
 * 100·|later − earlier|/earlier lies within ±0.005 of the 2-decimal report (checked in integers:
 * |10^4·(j_to − j_from) − s·p·j_from| ≤ 0.5·j_from with p in hundredths of a percent).
 */
function bruteChain(J: number, changes: { from: number; to: number; p: number; s: 1 | -1 }[], k: number): number {
  let count = 0;
  const tuple = new Array<number>(k).fill(0);
  const rec = (i: number): void => {
    if (i === k) {
      const ok = changes.every(({ from, to, p, s }) => {
        const a = tuple[from]!;
        const b = tuple[to]!;
        if (a === 0) return false;
        return Math.abs(2 * 10000 * (b - a) - 2 * s * p * a) <= a; // |x − p| ≤ 0.5 in hundredths
      });
      if (ok) count++;
      return;
    }
    for (let j = 0; j <= J; j++) {
      tuple[i] = j;
      rec(i + 1);
    }
  };
  rec(0);
  return count;
}

describe("percentChangeChain", () => {
  it("counts the same tuples as naive enumeration on small grids (2 and 3 timepoints)", () => {
    // Grid: 2 items 0–4, n = 3 → totals 0..24, mean = j/6.
    const grid = { kind: "items" as const, items: 2, n: 3, min: 0, max: 4 };
    const cases = [
      { changes: [{ from: "a", to: "b", percent: "25.00", direction: "decrease" as const }], brute: [{ from: 0, to: 1, p: 2500, s: -1 as const }] },
      { changes: [{ from: "a", to: "b", percent: "50.00", direction: "increase" as const }], brute: [{ from: 0, to: 1, p: 5000, s: 1 as const }] },
      {
        changes: [
          { from: "a", to: "b", percent: "33.33", direction: "decrease" as const },
          { from: "b", to: "c", percent: "50.00", direction: "increase" as const },
        ],
        brute: [
          { from: 0, to: 1, p: 3333, s: -1 as const },
          { from: 1, to: 2, p: 5000, s: 1 as const },
        ],
      },
      {
        changes: [
          { from: "a", to: "b", percent: "33.33", direction: "decrease" as const },
          { from: "b", to: "c", percent: "50.00", direction: "increase" as const },
          { from: "a", to: "c", percent: "0.00", direction: "increase" as const },
        ],
        brute: [
          { from: 0, to: 1, p: 3333, s: -1 as const },
          { from: 1, to: 2, p: 5000, s: 1 as const },
          { from: 0, to: 2, p: 0, s: 1 as const },
        ],
      },
      {
        changes: [
          { from: "a", to: "b", percent: "20.00", direction: "decrease" as const },
          { from: "b", to: "c", percent: "20.00", direction: "decrease" as const },
          { from: "a", to: "c", percent: "40.00", direction: "decrease" as const },
        ],
        brute: [
          { from: 0, to: 1, p: 2000, s: -1 as const },
          { from: 1, to: 2, p: 2000, s: -1 as const },
          { from: 0, to: 2, p: 4000, s: -1 as const },
        ],
      },
    ];
    for (const c of cases) {
      const k = new Set(c.changes.flatMap((x) => [x.from, x.to])).size;
      const r = percentChangeChain({ timepoints: ["a", "b", "c"].slice(0, k), changes: c.changes, grid });
      const expected = bruteChain(24, c.brute, k);
      expect((r.details as { feasibleTuples: number }).feasibleTuples, JSON.stringify(c.changes)).toBe(expected);
      expect(r.status).toBe(expected > 0 ? "consistent" : "inconsistent");
    }
  });
  it("finds 21.88% = 7/32 on the BPI severity grid (4 items 0–10, n = 5): baselines are multiples of 1.60", () => {
    // Hand: 21.875% = 7/32 rounds to 21.88; a mean on the 0.05 grid is j/20, so j_from must be a
    // multiple of 32 (j ≤ 200): 1.60, 3.20, 4.80, 6.40, 8.00, 9.60 → later 1.25 … 7.50.
    const r = percentChangeChain({ timepoints: ["t0", "t1"], changes: [{ from: "t0", to: "t1", percent: "21.88", direction: "decrease" }], grid: { kind: "items", items: 4, n: 5, min: 0, max: 10 } });
    expect(r.status).toBe("consistent");
    expect((r.details as { meansByTimepoint: Record<string, number[]> }).meansByTimepoint.t0).toEqual([1.6, 3.2, 4.8, 6.4, 8, 9.6]);
  });
  it("shows 32.81% then +24.56% cannot both hold on the 0.05 grid, each alone can, and lists every alternative", () => {
    // Hand: 32.81% needs j3/j1 ≈ 43/64 (32.8125%) so j3 ∈ {43, 86, 129}; +24.56% needs j6/j3 ≈ 71/57 so j3 ∈ {57, 114, 171}.
    const r = percentChangeChain({
      timepoints: ["s1", "s3", "s6"],
      changes: [
        { from: "s1", to: "s3", percent: "32.81", direction: "decrease" },
        { from: "s3", to: "s6", percent: "24.56", direction: "increase" },
      ],
      grid: { kind: "items", items: 4, n: 5, min: 0, max: 10 },
    });
    expect(r.status).toBe("inconsistent");
    const d = r.details as { perChange: { feasiblePairs: number }[]; alternatives: { id: string; status: string; tuples?: Record<string, number>[] }[] };
    expect(d.perChange.every((p) => p.feasiblePairs > 0)).toBe(true);
    const ids = d.alternatives.map((a) => a.id);
    expect(ids).toEqual(expect.arrayContaining(["percent-of-later", "percentage-points", "n-1-at-s3", "mean-of-individual-changes", "means-off-grid-2dp"]));
    // Hand: 3.42/5.09 = 0.67191 (−32.81%), 4.26/3.42 = 1.24561 (+24.56%).
    const offGrid = d.alternatives.find((a) => a.id === "means-off-grid-2dp")!;
    expect(offGrid.status).toBe("consistent");
    expect(offGrid.tuples).toContainEqual({ s1: 5.09, s3: 3.42, s6: 4.26 });
    expect(d.alternatives.find((a) => a.id === "mean-of-individual-changes")!.status).toBe("undetermined");
  });
  it("percent-of-later: a 25% decrease relative to the later value is 4 → 3.2 (hand: 0.8/3.2 = 25%)", () => {
    const r = percentChangeChain({ timepoints: ["a", "b"], changes: [{ from: "a", to: "b", percent: "25.00", direction: "decrease" }], grid: { kind: "precision", decimals: 1, min: 0, max: 10 }, alwaysTestAlternatives: true });
    const later = (r.details as { alternatives: { id: string; meansByTimepoint?: Record<string, number[]> }[] }).alternatives.find((a) => a.id === "percent-of-later")!;
    expect(later.meansByTimepoint!.a).toContain(4);
    expect(later.meansByTimepoint!.b).toContain(3.2);


  });
  it("throws for unknown timepoints and empty chains", () => {
    const grid = { kind: "precision" as const, decimals: 2, min: 0, max: 10 };
    expect(() => percentChangeChain({ timepoints: ["a"], changes: [{ from: "a", to: "z", percent: "1", direction: "increase" }], grid })).toThrow(msg.unknownTimepoint("z", ["a"]));
    expect(() => percentChangeChain({ timepoints: ["a"], changes: [], grid })).toThrow(msg.noChanges());
  });
});

describe("percentChange", () => {
  it("accepts 3.20 → 2.50 as −21.88% and rejects −25% (hand: 2.50/3.20 = 0.78125; range over rounding ≈ −22.15%…−21.60%)", () => {
    expect(percentChange({ from: "3.20", to: "2.50", percent: "21.88" }).status).toBe("consistent");
    expect(percentChange({ from: "3.20", to: "2.50", percent: "25" }).status).toBe("inconsistent");
  });
  it("names the later-value computation when it is the one that fits (hand: (3.20 − 2.50)/2.50 = 28%)", () => {
    const r = percentChange({ from: "3.20", to: "2.50", percent: "28.00" });
    expect(r.status).toBe("inconsistent");
    expect((r.details as { alternatives: { id: string; status: string }[] }).alternatives.find((a) => a.id === "percent-of-later")!.status).toBe("consistent");
  });
});

describe("percentChange (scale validation)", () => {
  it("rejects an infinite or NaN scale bound, naming it (regression: RangeError from BigInt(Infinity))", () => {
    expect(() => percentChange({ from: "3.20", to: "2.50", percent: "21.88", scale: { min: 0, max: Infinity } })).toThrow(msg.notAFiniteNumber("scale max", Infinity));
    expect(() => percentChange({ from: "3.20", to: "2.50", percent: "21.88", scale: { min: NaN, max: 10 } })).toThrow(msg.notAFiniteNumber("scale min", NaN));
  });
  it("rejects a one-point scale (regression: −Infinity in alternatives[].range)", () => {
    expect(() => percentChange({ from: "3.20", to: "2.50", percent: "25", scale: { min: -3, max: -3 } })).toThrow(msg.minAboveMax(-3, -3));
  });
});

/** Naive oracle for one change on a precision grid: means a/10^d, b/10^d over every pair, exact integers. */
function brutePairs(d: number, lo: number, hi: number, pHundredths: number, s: 1 | -1): number {
  // Fits when a > 0 and |100·(b − a)/a − s·p| ≤ 0.005 (up_or_down keeps both ends): in integers,
  // |10^4·(b − a) − s·P·a| ≤ a/2 with P = p in hundredths, i.e. |2·10^4·(b − a) − 2·s·P·a| ≤ a.
  const scale = 10 ** d;
  let count = 0;
  for (let a = lo * scale; a <= hi * scale; a++) {
    if (a <= 0) continue;
    for (let b = lo * scale; b <= hi * scale; b++) if (Math.abs(2e4 * (b - a) - 2 * s * pHundredths * a) <= a) count++;
  }
  return count;
}

describe("percentChangeChain (work estimate)", () => {
  it("counts the same pairs as the naive oracle on grids with zero and negative means", () => {
    for (const [p, s] of [[2188, -1], [5000, 1], [9999, -1], [15000, -1]] as const) {
      const r = percentChangeChain({
        timepoints: ["a", "b"],
        changes: [{ from: "a", to: "b", percent: (p / 100).toFixed(2), direction: s > 0 ? "increase" : "decrease" }],
        grid: { kind: "precision", decimals: 1, min: -3, max: 6 },
      });
      expect((r.details as { feasibleTuples: number }).feasibleTuples, `${p / 100}% ${s}`).toBe(brutePairs(1, -3, 6, p, s));
    }
  });
  it("answers a 99.999% decrease on a 4-decimal grid over −1…8 (regression: 7.7 s then 'stopped')", () => {
    const r = percentChangeChain({ timepoints: ["a", "b"], changes: [{ from: "a", to: "b", percent: "99.999", direction: "decrease" }], grid: { kind: "precision", decimals: 4, min: -1, max: 8 } });
    // Hand: 8.0000 → 0.0001 is −99.99875%, which rounds to 99.999%.
    expect(r.status).toBe("consistent");
    expect((r.details as { meansByTimepoint: Record<string, number[]> }).meansByTimepoint.b).toContain(0.0001);
  });
  it("refuses up front, with exit code refused, a grid far beyond the budget (regression: 113 s)", () => {
    const run = () =>
      percentChangeChain({
        timepoints: ["t0", "t1", "t2"],
        changes: [{ from: "t0", to: "t1", percent: "1.5", direction: "increase" }, { from: "t1", to: "t2", percent: "2.50", direction: "decrease" }],
        grid: { kind: "items", items: 5, n: 1_000_000, min: 5, max: 9 },
      });
    // Hand: group means are multiples of 1/(5·10^6) on 5…9: 4·5·10^6 + 1 = 20000001 points per timepoint.
    expect(run).toThrow(/20000001 possible group means per timepoint.*--max-steps/);
    try {
      run();
    } catch (e) {
      expect((e as CohortError).exitCode).toBe(exitCodes.refused);
    }
  });
  it("refuses a step (number or fraction) that is not above 0, and a fractional step whose denominator leaves exact doubles (exit 3, not an internal error)", () => {
    const input = (step: number | string) => ({ timepoints: ["a", "b"], changes: [{ from: "a", to: "b", percent: "21.88", direction: "decrease" as const }], grid: { kind: "items" as const, items: 4, n: 5, min: 0, max: 10, step } });
    // A negative step mirrored the grid and flipped the verdict (red team finding 7); a zero one divided by zero.
    for (const step of [-1, 0, Number.NaN]) expect(() => percentChangeChain(input(step)), String(step)).toThrow(msg.stepNotPositive(step));
    for (const step of ["-1", "0/3"]) expect(() => percentChangeChain(input(step)), step).toThrow(CohortError);
    // Hand: step 10^-15: 10 (the largest |bound|) × 4 items × n 5 / 10^-15 = 2·10^17 grid units > 2^53 ≈ 9·10^15.
    // Step 10^7/(10^15 − 1) ≈ 10^-8 has only 2·10^10 grid units, but its denominator makes 10 × 4 × 5 × (10^15 − 1) ≈ 2·10^17 too.
    for (const step of ["1/1000000000000000", "10000000/999999999999999"]) {
      try {
        percentChangeChain(input(step));
        expect.unreachable(step);
      } catch (e) {
        expect((e as CohortError).exitCode, step).toBe(exitCodes.refused);
        expect((e as CohortError).message, step).toContain(msg.gridTooWide(2e17));
      }
    }
  });
  it("lets maxSteps lower or raise the budget", () => {
    // The seed-sized chain (severity grid 0–10, 4 items, n = 5: 201 points) runs by default and is refused with a budget of 10 steps.
    const input = { timepoints: ["a", "b"], changes: [{ from: "a", to: "b", percent: "21.88", direction: "decrease" as const }], grid: { kind: "items" as const, items: 4, n: 5, min: 0, max: 10 } };
    expect(percentChangeChain(input).status).toBe("consistent");
    expect(() => percentChangeChain({ ...input, maxSteps: 10 })).toThrow(/201 possible group means per timepoint/);
  });
});

describe("percentChangeChain on items in steps other than 1", () => {
  /** Oracle: every pair of group means a·unit, b·unit (a, b whole, 0…kMax) whose percent change 100(b − a)/a (the unit cancels) rounds (up_or_down) to the printed one. */
  function pairs(kMax: number, percent: string, direction: "increase" | "decrease"): number {
    const digits = percent.split(".")[1]?.length ?? 0;
    const c = BigInt(percent.replace(".", "")) * 10n;
    const scale = 10n ** BigInt(digits + 1);
    let count = 0;
    for (let a = 1; a <= kMax; a++) {
      for (let b = 0; b <= kMax; b++) {
        // change = 100·(b − a)/a (the unit cancels); signed by direction
        const num = BigInt(100 * (b - a)) * (direction === "increase" ? 1n : -1n);
        const den = BigInt(a);
        if ((c - 5n) * den <= num * scale && num * scale <= (c + 5n) * den) count++;
      }
    }
    return count;
  }

  it("counts the same pairs of means as the definition, for steps of 50 (10 items, n = 2) and 100/3 (3 items, n = 2)", () => {
    // `step` is the items' step. Group means are multiples of 50/(10·2) = 2.5 on 0–100 (41 values), of
    // 100/(3·2) = 50/3 on 0–100 (7 values), and with items themselves in steps of 100/3 (0, 33.3, 66.7, 100)
    // of (100/3)/(2·2) = 25/3 (13 values).
    for (const [items, step, kMax] of [[10, 50, 40], [3, 100, 6], [2, "100/3", 12]] as const) {
      for (const [percent, direction] of [["20.00", "increase"], ["33.3", "decrease"], ["50", "increase"]] as const) {
        const result = percentChangeChain({ timepoints: ["t0", "t1"], changes: [{ from: "t0", to: "t1", percent, direction }], grid: { kind: "items", items, n: 2, min: 0, max: 100, step }, maxTuples: 1000 });
        const want = pairs(kMax, percent, direction);
        expect((result.details as { feasibleTuples: number }).feasibleTuples, `${items} items, ${percent}% ${direction}`).toBe(want);
      }
    }
  });

  it("pins a chain to a printed mean on a step exactly (no float dust from 100/3)", () => {
    // One item in steps of 100/3, n = 1: means 0, 33.33…, 66.66…, 100. A printed baseline 33.33 pins k = 1; +100% then
    // needs 66.67 (k = 2) — exactly one tuple.
    const result = percentChangeChain({ timepoints: ["t0", "t1"], changes: [{ from: "t0", to: "t1", percent: "100", direction: "increase" }], grid: { kind: "items", items: 1, n: 1, min: 0, max: 100, step: "100/3" }, pins: [{ timepoint: "t0", mean: "33.33" }] });
    expect((result.details as { feasibleTuples: number }).feasibleTuples).toBe(1);
  });
});
