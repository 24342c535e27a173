import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { midranks } from "../../src/inference/index.js";
import { tieKey } from "../../src/inference/midranks.js";

describe("midranks", () => {
  it("averages the positions of ties like R's rank()", () => {
    // R: rank(c(10, 20, 20, 30, 20)) → 1 3 3 5 3 (positions 2, 3, 4 share 3).
    expect(midranks([10, 20, 20, 30, 20])).toEqual([1, 3, 3, 5, 3]);
  });

  it("treats values equal to 12 significant digits as ties (0.3 − 0.1 and 0.2)", () => {
    expect(midranks([0.3 - 0.1, 0.2, 0.5])).toEqual([1.5, 1.5, 3]);
  });
});

describe("tieKey", () => {
  // The definition, as a string round trip: the fast path must give exactly this, bit for bit.
  const byString = (value: number): number => Number(value.toPrecision(12));

  it("equals Number(value.toPrecision(12)) for every kind of double, including the fast path's", () => {
    const doubles = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: -999_999_999_999, max: 999_999_999_999 }).map((m) => m / 1e6), // snapped changes
      fc.integer({ min: 1e12, max: 9e15 }).map((m) => m / 1e6), // too many digits for the fast path
      fc.tuple(fc.integer({ min: -200, max: 200 }), fc.integer({ min: 1, max: 40 })).map(([k, d]) => k / d), // k/7-style grids
      fc.tuple(fc.integer({ min: -9_999_999, max: 9_999_999 }), fc.integer({ min: 0, max: 9 })).map(([m, e]) => m / 10 ** e),
      fc.constantFrom(0, -0, 1e6, -1e6, 999_999.999_999, 0.1 + 0.2, 0.3 - 0.1, 1e-7, 5e-7, 123_456.789_012_5),
    );
    fc.assert(fc.property(doubles, (value) => Object.is(tieKey(value), byString(value))), { numRuns: 20_000, seed: 20240501 });
  });
});