import { describe, expect, it } from "vitest";
import { boxCeiling, hingeContains, hingeNarrowest, hingeNarrowestSquares, hingeNextToConstant, hingeWidest, sumOfSquares, type HingeLimits } from "../../src/inference/hinge-slice.js";
import { vectors } from "./extremes-brute.js";

const q = sumOfSquares;

describe("hinge slices against every (before, after) pair of small cases", () => {
  // For every box before and after, direction and pair of group totals, list every pair of score
  // vectors by brute force, take their change vectors, and compare the set and its extremes of Σd².
  it("describe exactly the change vectors, with the smallest and largest Σd² at the most even and widest vectors", () => {
    let cases = 0;
    const boxes: [number, number][] = [[0, 3], [1, 4], [0, 2]];
    for (const n of [1, 2, 3]) {
      for (const [lb, ub] of boxes) {
        for (const [la, ua] of [[0, 3], [0, 1], [2, 3]] as [number, number][]) {
          for (const direction of [null, "down", "up"] as const) {
            for (let sa = n * lb; sa <= n * ub; sa++) {
              for (let sb = n * la; sb <= n * ua; sb++) {
                const found = new Set<string>();
                for (const b of vectors(Array(n).fill([lb, ub]))) {
                  if (b.reduce((s, v) => s + v, 0) !== sa) continue;
                  for (const a of vectors(Array(n).fill([la, ua]))) {
                    if (a.reduce((s, v) => s + v, 0) !== sb) continue;
                    const d = a.map((v, i) => v - b[i]!);
                    if ((direction === "down" && d.some((v) => v > -1)) || (direction === "up" && d.some((v) => v < 1))) continue;
                    found.add(d.join(","));
                  }
                }
                const lo = Math.max(la - ub, direction === "up" ? 1 : -99);
                const hi = Math.min(ua - lb, direction === "down" ? -1 : 99);
                const limits: HingeLimits = { n, lo, hi, sum: sb - sa, down: { alpha: la - lb, room: sa - n * lb }, up: { beta: ua - ub, room: n * ub - sa } };
                const members = lo > hi ? [] : [...vectors(Array(n).fill([lo, hi]))].filter((d) => hingeContains(limits, d)).map((d) => d.join(","));
                expect(new Set(members)).toEqual(found);
                const narrowest = lo > hi ? null : hingeNarrowest(limits);
                const widest = lo > hi ? null : hingeWidest(limits);
                if (found.size === 0) {
                  expect(narrowest).toBeNull();
                  expect(widest).toBeNull();
                  continue;
                }
                const squares = [...found].map((s) => q(s.split(",").map(Number)));
                expect(q(narrowest!)).toBe(Math.min(...squares));
                expect(hingeNarrowestSquares(limits)).toBe(Math.min(...squares));
                expect(q(widest!)).toBe(Math.max(...squares));
                expect(found.has(widest!.join(","))).toBe(true);
                // Next to constant: present exactly when the most even is constant and another member exists.
                const next = hingeNextToConstant(limits);
                const constant = new Set(narrowest).size === 1;
                expect(next !== null).toBe(constant && n >= 2 && found.size > 1);
                if (next) expect(q(next)).toBe(Math.min(...squares.filter((s) => s > q(narrowest!))));
                cases++;
              }
            }
          }
        }
      }
    }
    expect(cases).toBeGreaterThan(400);
  });

  it("gives a ceiling (box and sum only) equal to the largest Σz² of every vector in the box with that sum", () => {
    for (const n of [1, 2, 3, 4]) {
      for (const [lo, hi] of [[0, 3], [-2, 2], [-4, -1], [1, 1]] as [number, number][]) {
        for (let sum = n * lo; sum <= n * hi; sum++) {
          const best = Math.max(...[...vectors(Array(n).fill([lo, hi]))].filter((z) => z.reduce((a, b) => a + b, 0) === sum).map(q));
          expect(boxCeiling(n, lo, hi, sum)).toBe(best);
        }
      }
    }
  });

  it("gives the worked example: sum 10 over three entries in 0–9 has its widest vertex at 9, 1, 0", () => {
    // By hand: Σz² is largest with as many entries as possible at a bound: 81 + 1 + 0 = 82.
    expect(hingeWidest({ n: 3, lo: 0, hi: 9, sum: 10 })).toEqual([9, 1, 0]);
    expect(hingeNarrowest({ n: 3, lo: 0, hi: 9, sum: 7 })).toEqual([3, 2, 2]);
  });
});
