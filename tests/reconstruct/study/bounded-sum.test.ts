import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as message from "../../../src/messages/reconstruct-study.js";
import { boundedSum } from "../../../src/reconstruct/study/bounded-sum.js";
import { countCrossTables, drawCrossTable } from "../../../src/reconstruct/study/cross-table.js";
import { createRng } from "../../../src/stats/rng.js";

describe("boundedSum", () => {
  it("splits as evenly as possible at spread 0 (hand calculation: 9 over 3 → 3, 3, 3; 10 over 3 → one 4)", () => {
    expect(boundedSum([0, 0, 0], [10, 10, 10], 9, 0, createRng(1))).toEqual([3, 3, 3]);
    expect(boundedSum([0, 0, 0], [10, 10, 10], 10, 0, createRng(1)).sort()).toEqual([3, 3, 4]);
  });

  it("respects bounds and the total for any feasible input, and at spread 1 leaves at most one element strictly inside its bounds", () => {
    // Property: an extreme point of {lo ≤ x ≤ hi, Σx = total} has at most one free coordinate.
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: 0, max: 8 })), { minLength: 1, maxLength: 12 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (bounds, where, seed, spread) => {
          const lo = bounds.map(([l]) => l);
          const hi = bounds.map(([l, w]) => l + w);
          const low = lo.reduce((s, v) => s + v, 0);
          const high = hi.reduce((s, v) => s + v, 0);
          const total = low + Math.floor(where * (high - low));
          for (const s of [spread, 1]) {
            const x = boundedSum(lo, hi, total, s, createRng(seed));
            expect(x.reduce((a, v) => a + v, 0)).toBe(total);
            x.forEach((v, i) => expect(v >= lo[i]! && v <= hi[i]!).toBe(true));
            if (s === 1) expect(x.filter((v, i) => v > lo[i]! && v < hi[i]!).length).toBeLessThanOrEqual(1);
          }
        },
      ),
      { seed: 20240501 },
    );
  });

  it("refuses a total the bounds cannot reach and a spread outside [0, 1]", () => {
    expect(() => boundedSum([0, 0], [1, 1], 3, 0, createRng(1))).toThrow(message.sumUnreachable(3, 0, 2));
    expect(() => boundedSum([0], [1], 1, 1.5, createRng(1))).toThrow(message.spreadOutOfRange(1.5));
  });
});

describe("countCrossTables", () => {
  it("counts 2 × 2 tables with unit margins (hand: the identity and the swap) and 3 × 3 with margins 1 (3! permutations)", () => {
    expect(countCrossTables([1, 1], [1, 1])).toBe(2);
    expect(countCrossTables([1, 1, 1], [1, 1, 1])).toBe(6);
  });
});

describe("drawCrossTable", () => {
  it("draws tables with the requested margins, about uniformly over the 3 tables of [2,2] × [2,2]", () => {
    // The tables are fixed by their top-left cell, 0, 1 or 2: three tables, each with probability 1/3.
    const rng = createRng(11);
    const seen = [0, 0, 0];
    for (let i = 0; i < 3000; i++) {
      const { table, uniform } = drawCrossTable([2, 2], [2, 2], rng);
      expect(uniform).toBe(true);
      expect(table.map((row) => row[0]! + row[1]!)).toEqual([2, 2]);
      expect([table[0]![0]! + table[1]![0]!, table[0]![1]! + table[1]![1]!]).toEqual([2, 2]);
      seen[table[0]![0]!]! += 1;
    }
    // Binomial(3000, 1/3): SD ≈ 25.8; ±130 is 5 SD.
    for (const s of seen) expect(Math.abs(s - 1000)).toBeLessThan(130);
  });
});
