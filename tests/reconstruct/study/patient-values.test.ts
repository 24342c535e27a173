import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { MeanTarget } from "../../../src/reconstruct/study/mean-targets.js";
import { chooseTotals, type MeanChoice } from "../../../src/reconstruct/study/patient-values.js";
import { createRng, type Rng } from "../../../src/stats/rng.js";

/**
 * The rule chooseTotals follows, written the plain way: list every feasible (tuple, first, last)
 * choice in order, keep those with the smallest or largest change (or all, for "random" after
 * rejection sampling found none), take one uniformly with one draw, then draw the other timepoints.
 * (Only for targets small enough to list, which is the branch the listing replaced.)
 */
function listedChoice(target: MeanTarget, mode: MeanChoice, rng: Rng): Record<string, number> {
  const first = target.timepoints[0];
  const last = target.timepoints[target.timepoints.length - 1];
  const bases = target.tuples ?? [{}];
  const rangeOf = (t: string | undefined, base: Record<string, number>) => (t === undefined ? null : t in base ? { lo: base[t]!, hi: base[t]! } : (target.intervals[t] ?? null));
  const ok = (a?: number, b?: number) => !target.improved || a === undefined || b === undefined || first === last || (target.higherIsWorse ? b <= a - target.n : b >= a + target.n);
  const picks: { base: Record<string, number>; a?: number; b?: number }[] = [];
  if (mode === "random") {
    for (let i = 0; i < 2_000 && picks.length === 0; i++) {
      const base = bases[rng.int(0, bases.length - 1)]!;
      const ra = rangeOf(first, base);
      const a = ra ? rng.int(ra.lo, ra.hi) : undefined;
      const rb = first === last ? null : rangeOf(last, base);
      const b = rb ? rng.int(rb.lo, rb.hi) : undefined;
      if (ok(a, b)) picks.push({ base, a, b });
    }
  }
  if (picks.length === 0) {
    for (const base of bases) {
      const ra = rangeOf(first, base);
      const rb = first === last ? null : rangeOf(last, base);
      const as = ra ? Array.from({ length: ra.hi - ra.lo + 1 }, (_, i) => ra.lo + i) : [undefined];
      const bs = rb ? Array.from({ length: rb.hi - rb.lo + 1 }, (_, i) => rb.lo + i) : [undefined];
      for (const a of as) for (const b of bs) if (ok(a, b)) picks.push({ base, a, b });
    }
  }
  if (picks.length === 0) throw new Error("infeasible");
  const change = (p: { a?: number; b?: number }) => Math.abs((p.b ?? p.a ?? 0) - (p.a ?? p.b ?? 0));
  let pool = picks;
  if (mode !== "random") {
    const best = mode === "smallest-change" ? Math.min(...picks.map(change)) : Math.max(...picks.map(change));
    pool = picks.filter((p) => change(p) === best);
  }
  const chosen = pool[rng.int(0, pool.length - 1)]!;
  const totals: Record<string, number> = { ...chosen.base };
  if (first !== undefined && chosen.a !== undefined) totals[first] = chosen.a;
  if (last !== undefined && chosen.b !== undefined) totals[last] = chosen.b;
  for (const t of target.timepoints) if (!(t in totals) && target.intervals[t]) totals[t] = rng.int(target.intervals[t]!.lo, target.intervals[t]!.hi);
  return totals;
}

const range = fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 25 })).map(([lo, width]) => ({ lo, hi: lo + width }));

const targets = fc
  .record({
    n: fc.integer({ min: 1, max: 6 }),
    higherIsWorse: fc.boolean(),
    improved: fc.boolean(),
    timepoints: fc.constantFrom(["t0"], ["t0", "t1"], ["t0", "t1", "t2"]),
    first: fc.option(range, { nil: undefined }),
    middle: fc.option(range, { nil: undefined }),
    last: fc.option(range, { nil: undefined }),
    tuples: fc.option(fc.array(fc.record({ t0: fc.integer({ min: 0, max: 60 }) }), { minLength: 1, maxLength: 3 }), { nil: null }),
  })
  .map(({ n, higherIsWorse, improved, timepoints, first, middle, last, tuples }): MeanTarget => {
    const intervals: Record<string, { lo: number; hi: number }> = {};
    if (first) intervals[timepoints[0]!] = first;
    if (middle && timepoints.length === 3) intervals.t1 = middle;
    if (last && timepoints.length > 1) intervals[timepoints[timepoints.length - 1]!] = last;
    return { group: "g", instrument: "i", n, unitsPerPoint: 1, lowUnits: 0, highUnits: 100, higherIsWorse, timepoints: [...timepoints], empty: [], intervals, tuples, chain: null, perPatient: [], improved: improved ? { quote: "all improved" } : null, assumptions: [] };
  });

describe("chooseTotals", () => {
  it("chooses exactly what listing every feasible choice would, with the same draws, in every mode", () => {
    fc.assert(
      fc.property(targets, fc.constantFrom<MeanChoice>("random", "smallest-change", "largest-change"), fc.integer({ min: 1, max: 1_000_000 }), (target, mode, seed) => {
        let expected: Record<string, number> | Error;
        try {
          expected = listedChoice(target, mode, createRng(seed));
        } catch (error) {
          expected = error as Error;
        }
        const rng = createRng(seed);
        if (expected instanceof Error) {
          expect(() => chooseTotals(target, mode, rng)).toThrow(/no group totals satisfy/);
          return;
        }
        expect(chooseTotals(target, mode, rng)).toEqual(expected);
        // The same number of draws was made: the next draw matches the listing's next draw.
        const after = createRng(seed);
        listedChoice(target, mode, after);
        expect(rng.int(0, 1_000_000)).toBe(after.int(0, 1_000_000));
      }),
      { numRuns: 600, seed: 20240501 },
    );
  });
});
