import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { percentChangeChain, type MeanGrid, type PercentChangeSpec } from "../../src/checks/percent-change-chain.js";
import type { RoundingMode } from "../../src/stats/rounding.js";
import { type Q, q, sub, div } from "./exact-rational.js";

// An independent slow oracle for percentChangeChain: every tuple of grid points, every change decided
// in exact rationals from its definition (BigInt), no candidate ranges, no pruning. It checks the
// counts, the tuples and the means per timepoint of the usual computation, of each change alone,
// and of the alternatives that stay on a grid the oracle can walk.

type Mode = Extract<RoundingMode, "up_or_down" | "up" | "down">;
type Computation = "percent-of-earlier" | "percent-of-later" | "percentage-points";

/** Group means on one timepoint: j/den (score units) for every whole j in first…last. */
interface OracleGrid {
  den: bigint;
  first: bigint;
  last: bigint;
}

/** Whether 100·s·(to − from)/base, rounded to the reported decimals under the mode, gives the report. */
function fits(from: Q, to: Q, change: PercentChangeSpec, computation: Computation, mode: Mode, scaleRange: Q): boolean {
  const base = computation === "percent-of-earlier" ? from : computation === "percent-of-later" ? to : scaleRange;
  if (base.n <= 0n) return false;
  const value = div(sub(to, from), base);
  const [whole, fraction = ""] = change.percent.split(".");
  const reported = BigInt(`${whole}${fraction}`);
  // value·100·s·10^d − P, doubled, over value.d > 0, against ±value.d (that is, ±½ in the last place).
  const s = change.direction === "increase" ? 1n : -1n;
  const t = 2n * (s * 100n * value.n * 10n ** BigInt(fraction.length) - reported * value.d);
  return (mode === "down" ? -value.d < t : -value.d <= t) && (mode === "up" ? t < value.d : t <= value.d);
}

interface OracleResult {
  count: number;
  /** Each fitting tuple as "t=j,…" over the touched timepoints in time order. */
  tuples: string[];
  js: Record<string, bigint[]>;
}

/** Walks every tuple of the timepoints the changes touch; a pair table per change keeps it fast enough. */
function oracle(timepoints: string[], grids: Record<string, OracleGrid>, changes: PercentChangeSpec[], computation: Computation, mode: Mode, scaleRange: Q): OracleResult {
  const used = timepoints.filter((t) => changes.some((c) => c.from === t || c.to === t));
  const span = (t: string) => Number(grids[t]!.last - grids[t]!.first) + 1;
  const tables = changes.map((c) => {
    const gf = grids[c.from]!;
    const gt = grids[c.to]!;
    const table: boolean[][] = [];
    for (let a = 0; a < span(c.from); a++) {
      table.push([]);
      for (let b = 0; b < span(c.to); b++) table[a]!.push(fits(q(gf.first + BigInt(a), gf.den), q(gt.first + BigInt(b), gt.den), c, computation, mode, scaleRange));
    }
    return { from: used.indexOf(c.from), to: used.indexOf(c.to), table };
  });
  const out: OracleResult = { count: 0, tuples: [], js: Object.fromEntries(used.map((t) => [t, []])) };
  const seen = used.map(() => new Set<number>());
  const at = used.map(() => 0);
  const walk = (i: number): void => {
    if (i === used.length) {
      if (!tables.every((c) => c.table[at[c.from]!]![at[c.to]!])) return;
      out.count++;
      out.tuples.push(used.map((t, k) => `${t}=${grids[t]!.first + BigInt(at[k]!)}`).join(","));
      at.forEach((a, k) => seen[k]!.add(a));
      return;
    }
    for (let a = 0; a < span(used[i]!); a++) {
      at[i] = a;
      walk(i + 1);
    }
  };
  walk(0);
  used.forEach((t, k) => (out.js[t] = [...seen[k]!].sort((x, y) => x - y).map((a) => grids[t]!.first + BigInt(a))));
  out.tuples.sort();
  return out;
}

/** A small grid by its definition: precision d on integer min…max, or `items` items of whole scores on integer min…max, n people. */
type SmallGrid = { kind: "precision"; decimals: number; min: number; max: number } | { kind: "items"; items: number; n: number; min: number; max: number; scoring: "mean" | "sum" };

function oracleGrid(g: SmallGrid, n?: number): OracleGrid {
  if (g.kind === "precision") {
    const den = 10n ** BigInt(g.decimals);
    return { den, first: BigInt(g.min) * den, last: BigInt(g.max) * den };
  }
  // A group's total over every item and person is a whole number from items·n·min to items·n·max;
  // the group mean is that total over items·n (mean scoring) or over n (sum scoring).
  const people = BigInt(n ?? g.n);
  const total = BigInt(g.items) * people;
  return { den: g.scoring === "mean" ? total : people, first: total * BigInt(g.min), last: total * BigInt(g.max) };
}

function scaleRangeOf(g: SmallGrid): Q {
  return q(BigInt(g.kind === "items" && g.scoring === "sum" ? g.items * (g.max - g.min) : g.max - g.min), 1n);
}

interface Listed {
  feasibleTuples?: number;
  tuples?: Record<string, number>[];
  meansByTimepoint?: Record<string, number[]>;
}

/** The whole number behind a listed mean: the grids here are coarse enough for the 9-decimal mean to pin it. */
const jOf = (mean: number, g: OracleGrid): bigint => BigInt(Math.round(mean * Number(g.den)));

function expectSame(label: string, got: Listed, want: OracleResult, grids: Record<string, OracleGrid>, withTuples: boolean): void {
  expect(got.feasibleTuples, `${label}: count`).toBe(want.count);
  const js = Object.fromEntries(Object.entries(got.meansByTimepoint ?? {}).map(([t, means]) => [t, means.map((m) => jOf(m, grids[t]!))]));
  expect(js, `${label}: means by timepoint`).toEqual(want.js);
  if (withTuples) {
    // In the oracle's time order: the check lists a tuple's timepoints in its own visiting order.
    const order = Object.keys(want.js);
    const tuples = (got.tuples ?? []).map((tuple) => order.map((t) => `${t}=${jOf(tuple[t]!, grids[t]!)}`).join(",")).sort();
    expect(Object.keys(got.tuples?.[0] ?? want.js).sort(), `${label}: timepoints of a tuple`).toEqual([...order].sort());
    expect(tuples, `${label}: tuples`).toEqual(want.tuples);
  }
}

/** Rounds |x| half up to `digits` decimals, nudged by `nudge` in the last place: a report near (or on) a real change. */
function reportOf(x: Q, digits: number, nudge: number): string {
  const scale = 10n ** BigInt(digits);
  const magnitude = x.n < 0n ? -x.n : x.n;
  let P = (2n * magnitude * scale + x.d) / (2n * x.d) + BigInt(nudge);
  if (P < 0n) P = 0n;
  const text = P.toString().padStart(digits + 1, "0");
  return digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

const smallGrid: fc.Arbitrary<SmallGrid> = fc.oneof(
  fc.record({ decimals: fc.integer({ min: 0, max: 1 }), min: fc.integer({ min: -2, max: 2 }), width: fc.integer({ min: 1, max: 3 }) }).map((g) => ({ kind: "precision" as const, decimals: g.decimals, min: g.min, max: g.min + g.width })),
  fc
    .record({ items: fc.integer({ min: 1, max: 3 }), n: fc.integer({ min: 1, max: 4 }), min: fc.integer({ min: 0, max: 1 }), width: fc.integer({ min: 1, max: 2 }), scoring: fc.constantFrom<"mean" | "sum">("mean", "sum") })
    .map((g) => ({ kind: "items" as const, items: g.items, n: g.n, min: g.min, max: g.min + g.width, scoring: g.scoring })),
);

/**
 * Up to three changes among 2–3 timepoints, each reported from the true change between two random grid
 * points (nudged), so chains fit and fail. `zeros` > 0 aims at reports of exactly 100%: a witness is the
 * mean 0 with odds zeros : 1, and otherwise spread evenly over the grid (fc.double is even over float
 * representations, so most of its draws in [0, 1) are tiny and pick the grid's first point, which may
 * itself be 0); a change out of 0 is reported relative to the later mean (+100%) instead of at random.
 */
const chainCase = (grids: fc.Arbitrary<SmallGrid>, zeros = 0) =>
  fc
    .record({
      grid: grids,
      size: fc.integer({ min: 2, max: 3 }),
      pairs: fc.uniqueArray(fc.constantFrom<[number, number]>([0, 1], [1, 2], [0, 2]), { minLength: 1, maxLength: 3, selector: (p) => p.join() }),
      witness: fc.array(
        zeros > 0
          ? fc.oneof({ weight: 1, arbitrary: fc.integer({ min: 0, max: 999_999 }).map((i) => i / 1_000_000) }, { weight: zeros, arbitrary: fc.constant(null) })
          : fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        { minLength: 3, maxLength: 3 },
      ),
      reports: fc.array(fc.record({ digits: fc.integer({ min: 0, max: 2 }), nudge: fc.constantFrom(-1, 0, 0, 1), backwards: fc.boolean(), stray: fc.integer({ min: 0, max: 9999 }) }), { minLength: 3, maxLength: 3 }),
      mode: fc.constantFrom<Mode>("up_or_down", "up", "down"),
    })
    .map((c) => {
      const timepoints = ["t0", "t1", "t2"].slice(0, c.size);
      const grid = oracleGrid(c.grid);
      const at = c.witness.map((u) => q(u === null ? 0n : grid.first + BigInt(Math.floor(u * (Number(grid.last - grid.first) + 1))), grid.den));
      const changes = c.pairs
        .filter(([a, b]) => b < c.size && a < c.size)
        .map(([a, b], i): PercentChangeSpec => {
          const r = c.reports[i]!;
          const [from, to] = r.backwards ? [b, a] : [a, b];
          const base = at[from]!;
          const later = at[to]!;
          // A base mean of 0 or below has no percent change: report anything (or, out of 0 to a positive
          // mean, the +100% relative to the later mean).
          if (base.n <= 0n) {
            const percent = zeros > 0 && base.n === 0n && later.n > 0n ? reportOf(q(100n, 1n), r.digits, r.nudge) : (r.stray / 100).toFixed(2);
            return { from: timepoints[from]!, to: timepoints[to]!, percent, direction: "increase" };
          }
          const change = div(q(100n * (later.n * base.d - base.n * later.d), later.d * base.d), base);
          return { from: timepoints[from]!, to: timepoints[to]!, percent: reportOf(change, r.digits, r.nudge), direction: change.n >= 0n ? "increase" : "decrease" };
        });
      return { ...c, timepoints, changes };
    })
    .filter((c) => c.changes.length > 0);

type ChainCase = { grid: SmallGrid; timepoints: string[]; changes: PercentChangeSpec[]; mode: Mode };

/** The check against the oracle on one case: the usual computation, each change alone, and the alternatives on a grid. Whether it fits. */
function agreesWithOracle({ grid, timepoints, changes, mode }: ChainCase): boolean {
  const r = percentChangeChain({ timepoints, changes, grid: grid as MeanGrid, rounding: mode, alwaysTestAlternatives: true, maxTuples: 1_000_000 });
  const grids = Object.fromEntries(timepoints.map((t) => [t, oracleGrid(grid)]));
  const range = scaleRangeOf(grid);
  const d = r.details as Listed & { perChange: { feasiblePairs: number; meansByTimepoint: Record<string, number[]> }[]; alternatives: (Listed & { id: string; status: string })[] };
  const want = oracle(timepoints, grids, changes, "percent-of-earlier", mode, range);
  expectSame("usual computation", d, want, grids, true);
  expect(r.status).toBe(want.count > 0 ? "consistent" : "inconsistent");
  changes.forEach((c, i) => expectSame(`${c.from}→${c.to} alone`, { feasibleTuples: d.perChange[i]!.feasiblePairs, meansByTimepoint: d.perChange[i]!.meansByTimepoint }, oracle(timepoints, grids, [c], "percent-of-earlier", mode, range), grids, false));
  const alternative = (id: string) => d.alternatives.find((a) => a.id === id)!;
  for (const id of ["percent-of-later", "percentage-points"] as const) expectSame(id, alternative(id), oracle(timepoints, grids, changes, id, mode, range), grids, false);
  if (grid.kind === "items") {
    for (const t of timepoints.filter((t) => changes.some((c) => c.from === t || c.to === t))) {
      for (const drop of [1, 2]) {
        if (grid.n - drop < 1) continue;
        const fewer = { ...grids, [t]: oracleGrid(grid, grid.n - drop) };
        expectSame(`n - ${drop} at ${t}`, alternative(`n-${drop}-at-${t}`), oracle(timepoints, fewer, changes, "percent-of-earlier", mode, range), fewer, false);
      }
    }
  }
  return want.count > 0;
}

describe("percentChangeChain against a brute-force exact oracle", () => {
  it("finds exactly the tuples, per-change pairs and alternative fits of an exhaustive walk in rationals, on random small grids", () => {
    let consistent = 0;
    fc.assert(
      fc.property(chainCase(smallGrid), (c) => {
        if (agreesWithOracle(c)) consistent++;
      }),
      { numRuns: 150, seed: 20240501 },
    );
    // Reports derived from real changes must make some chains fit, or the property would test only misses.
    expect(consistent).toBeGreaterThan(30);
  });

  it("agrees with the oracle on reports of exactly 100%: a mean of 0 at one end fits every positive mean at the other", () => {
    // Cases with a report of −100% (into a mean of 0) and of +100% (out of one, or a doubling).
    const hundred = { decrease: 0, increase: 0 };
    fc.assert(
      // Grids with 0 and positive means on them, half the witnesses at 0.
      fc.property(chainCase(smallGrid.filter((g) => g.min <= 0 && g.max > 0), 1), (c) => {
        for (const direction of ["decrease", "increase"] as const) if (c.changes.some((change) => Number(change.percent) === 100 && change.direction === direction)) hundred[direction]++;
        agreesWithOracle(c);
      }),
      { numRuns: 250, seed: 20240501 },
    );
    // Both must come up often, or this would test nothing the property above does not.
    expect(hundred.decrease).toBeGreaterThan(10);
    expect(hundred.increase).toBeGreaterThan(10);
  });

  it("counts every positive mean against a mean of 0 when two changes are exactly 100% (hand-worked)", () => {
    // Hand: a→c and b→c both −100.00% (usual computation). A change of −100% means c = 0: with a on the
    // grid 0.0…10.0, |c − a|/a rounds to 100.00% only for c = 0 (c = 0.1 is at most −99%), and c = 0 is
    // −100% of every positive a and b. So a and b are each any of 0.1, 0.2, …, 10.0 (100 values) and
    // c = 0: 100 × 100 = 10,000 tuples. The enumeration fixes a, then c (= 0) from a, then b from c, so
    // b's candidates come from a known mean of 0.
    const grid = { kind: "precision" as const, decimals: 1, min: 0, max: 10 };
    const positive = Array.from({ length: 100 }, (_, i) => (i + 1) / 10);
    const r = percentChangeChain({
      timepoints: ["a", "b", "c"],
      changes: [
        { from: "a", to: "c", percent: "100.00", direction: "decrease" },
        { from: "b", to: "c", percent: "100.00", direction: "decrease" },
      ],
      grid,
      maxTuples: 0,
    });
    const d = r.details as Listed;
    expect(r.status).toBe("consistent");
    expect(d.feasibleTuples).toBe(10_000);
    expect(d.meansByTimepoint).toEqual({ a: positive, b: positive, c: [0] });
    // The mirror under the change relative to the later value: c→a and c→b both +100.00% of the later
    // mean mean c/a and c/b within ±0.00005, so c = 0 (c = 0.1 is at least 1% of a ≤ 10), and 0 → a is
    // +100% of a for every positive a: again 100 × 100 = 10,000 tuples, b's candidates again from c = 0.
    // (The usual computation reads +100% as doubling: c = 0.1…5.0 with a = b = 2c, 50 tuples.)
    const later = percentChangeChain({
      timepoints: ["a", "b", "c"],
      changes: [
        { from: "c", to: "a", percent: "100.00", direction: "increase" },
        { from: "c", to: "b", percent: "100.00", direction: "increase" },
      ],
      grid,
      maxTuples: 0,
      alwaysTestAlternatives: true,
    });
    const alternative = (later.details as { alternatives: (Listed & { id: string })[] }).alternatives.find((a) => a.id === "percent-of-later")!;
    expect((later.details as Listed).feasibleTuples).toBe(50);
    expect(alternative.feasibleTuples).toBe(10_000);
    expect(alternative.meansByTimepoint).toEqual({ a: positive, b: positive, c: [0] });
  });

  it("agrees with the oracle on a 15-decimal grid, where every product passes 2^53 and BigInt decides", () => {
    // Hand: means 1.000000000000000 … 1.000000000000200 (the float 1.0000000000002 is 1 + 901·2^−52,
    // 1.0000000000002000622…, so the last point is 1 + 200·10^−15): j = 10^15 … 10^15 + 200.
    const grid = { kind: "precision" as const, decimals: 15, min: 1, max: 1.0000000000002 };
    const oracleGrids = { a: { den: 10n ** 15n, first: 10n ** 15n, last: 10n ** 15n + 200n }, b: { den: 10n ** 15n, first: 10n ** 15n, last: 10n ** 15n + 200n } };
    // Hand: one step of 10^−15 on a mean of ≈ 1 is ≈ 10^−13 %; 5.0·10^−12 % is 50 steps up, and at 15
    // decimals the rounding interval (±5·10^−16 %) leaves room for nothing else: 151 pairs (a ≤ 1 + 150·10^−15).
    const cases: [PercentChangeSpec, number | null][] = [
      [{ from: "a", to: "b", percent: "0.000000000005000", direction: "increase" }, 151],
      [{ from: "a", to: "b", percent: "0.000000000002", direction: "decrease" }, null],
      [{ from: "a", to: "b", percent: "0.00000000001", direction: "decrease" }, null],
      [{ from: "b", to: "a", percent: "0.000000000019990", direction: "decrease" }, null],
      [{ from: "a", to: "b", percent: "0", direction: "increase" }, null],
    ];
    for (const [change, hand] of cases) {
      for (const mode of ["up_or_down", "up", "down"] as const) {
        const r = percentChangeChain({ timepoints: ["a", "b"], changes: [change], grid, rounding: mode, alwaysTestAlternatives: true });
        const d = r.details as Listed & { alternatives: (Listed & { id: string })[] };
        const want = oracle(["a", "b"], oracleGrids, [change], "percent-of-earlier", mode, q(1n, 1n));
        if (hand !== null) expect(want.count, "the oracle itself, against the hand count").toBe(hand);
        expect(d.feasibleTuples, `${change.percent} ${mode}`).toBe(want.count);
        const later = oracle(["a", "b"], oracleGrids, [change], "percent-of-later", mode, q(1n, 1n));
        expect(d.alternatives.find((a) => a.id === "percent-of-later")!.feasibleTuples, `${change.percent} ${mode} (later)`).toBe(later.count);
      }
    }
  });

  it("agrees with the oracle on an item grid with n = 1,000,000 (7 items), a chain of three changes whose products pass 2^53", () => {
    // Hand: means are multiples of 1/(7·10^6) on 5…5.00002: totals j = 35,000,000 … 35,000,140.
    const grid = { kind: "items" as const, items: 7, n: 1_000_000, min: 5, max: 5.00002 };
    const g = { den: 7_000_000n, first: 35_000_000n, last: 35_000_140n };
    const oracleGrids = { t0: g, t1: g, t2: g };
    // 100 steps up from 5 is +0.0002857142…% (100/35,000,000); the reports carry 8 decimals so
    // lo·den and hi·den reach 10^18 and more.
    const changes: PercentChangeSpec[] = [
      { from: "t0", to: "t1", percent: "0.00028571", direction: "increase" },
      { from: "t1", to: "t2", percent: "0.00011429", direction: "decrease" },
      { from: "t0", to: "t2", percent: "0.00017143", direction: "increase" },
    ];
    for (const mode of ["up_or_down", "up", "down"] as const) {
      const r = percentChangeChain({ timepoints: ["t0", "t1", "t2"], changes, grid, rounding: mode, maxTuples: 100_000 });
      const want = oracle(["t0", "t1", "t2"], oracleGrids, changes, "percent-of-earlier", mode, q(0n, 1n));
      expect(want.count, "the chain must have fits for the comparison to mean something").toBeGreaterThan(0);
      expectSame(`n = 10^6, ${mode}`, r.details as Listed, want, oracleGrids, true);
    }
  });

  it("lists a mean of zero as 0, never −0 (a grid from 0 starts at Math.ceil(0 − 10^−9), which is −0)", () => {
    // Hand: 0.0 → 0.0 is 0 percentage points of the range 0–1; the usual computation has no base there.
    const r = percentChangeChain({ timepoints: ["a", "b"], changes: [{ from: "a", to: "b", percent: "0.00", direction: "increase" }], grid: { kind: "precision", decimals: 1, min: 0, max: 1 }, alwaysTestAlternatives: true });
    const points = (r.details as { alternatives: (Listed & { id: string })[] }).alternatives.find((a) => a.id === "percentage-points")!;
    expect(points.tuples![0]).toEqual({ a: 0, b: 0 });
    expect(Object.is(points.tuples![0]!.a, 0) && Object.is(points.tuples![0]!.b, 0), "a −0 in the first tuple").toBe(true);
    expect(points.meansByTimepoint!.a![0]).toBe(0);
  });
});
