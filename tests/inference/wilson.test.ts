import { describe, expect, it } from "vitest";
import { CohortError } from "../../src/errors.js";
import { wilson } from "../../src/inference/index.js";
import * as message from "../../src/messages/inference.js";

const round4 = (value: number): number => Math.round(value * 10_000) / 10_000;

describe("wilson", () => {
  it("matches Newcombe (1998) Table I, method 3 (score interval without continuity correction)", () => {
    // Newcombe RG (1998) Stat Med 17:857–872, Table I, as embedded in the propint R package test
    // ("ci.one.prop produces the results reported in Newcombe1998") and a JS port's test:
    // 81/263 → 0.2553–0.3662; 15/148 → 0.0624–0.1605; 0/20 → 0–0.1611; 1/29 → 0.0061–0.1718.
    const table: Array<[number, number, number, number]> = [
      [81, 263, 0.2553, 0.3662],
      [15, 148, 0.0624, 0.1605],
      [0, 20, 0, 0.1611],
      [1, 29, 0.0061, 0.1718],
    ];
    for (const [count, n, low, high] of table) {
      const { interval } = wilson(count, n);
      expect([round4(interval[0]), round4(interval[1])], `${count}/${n}`).toEqual([low, high]);
    }
  });

  it("matches a hand calculation for 11/20", () => {
    // z = 1.959964, z² = 3.841459, p = 0.55, n = 20.
    // z²/n = 0.1920730, z²/2n = 0.0960365, 1 + z²/n = 1.1920730
    // centre = (p + z²/2n) / (1 + z²/n) = 0.6460365 / 1.1920730 = 0.5419437
    // half   = z·√(p(1−p)/n + z²/4n²) / (1 + z²/n) = 1.959964·√(0.012375 + 0.0024009) / 1.1920730
    //        = 1.959964 · 0.1215562 / 1.1920730 = 0.2382458 / 1.1920730 = 0.1998584
    // → [0.3420853, 0.7418021]
    const { interval, estimate } = wilson(11, 20);
    expect(estimate).toBe(0.55);
    expect(interval[0]).toBeCloseTo(0.3420853, 6);
    expect(interval[1]).toBeCloseTo(0.7418021, 6);
  });

  it("matches the measured teaching number for 14/20 (METHODS.md §7: 0.481–0.855)", () => {
    const { interval } = wilson(14, 20);
    expect(interval[0]).toBeCloseTo(0.481, 3);
    expect(interval[1]).toBeCloseTo(0.855, 3);
  });

  it("is exactly 0 at 0/n and exactly 1 at n/n, and mirrors between k/n and (n−k)/n", () => {
    expect(wilson(0, 7).interval[0]).toBe(0);
    expect(wilson(7, 7).interval[1]).toBe(1);
    // Symmetry of the score interval: [L(k), U(k)] = [1 − U(n−k), 1 − L(n−k)].
    const a = wilson(3, 17).interval;
    const b = wilson(14, 17).interval;
    expect(a[0]).toBeCloseTo(1 - b[1], 12);
    expect(a[1]).toBeCloseTo(1 - b[0], 12);
  });

  it("rejects impossible counts, sizes and levels with a clear message", () => {
    expect(() => wilson(21, 20)).toThrow(message.countOutOfRange(21, 20));
    expect(() => wilson(-1, 20)).toThrow(message.countOutOfRange(-1, 20));
    expect(() => wilson(1.5, 20)).toThrow(message.countOutOfRange(1.5, 20));
    expect(() => wilson(0, 0)).toThrow(message.sizeTooSmall("n", 0, 1));
    expect(() => wilson(1, 20, 1)).toThrow(message.levelOutOfRange(1));
    expect(() => wilson(1, 20, Number.NaN)).toThrow(CohortError);
  });
});

describe("wilson at the edge of double precision", () => {
  it("refuses level 0.9999999999999999 with a CohortError instead of a NaN interval (fuzz regression)", () => {
    // Before the fix: `ci --count 3 --n 25 --level 0.9999999999999999` reached the CLI as a NaN bound.
    expect(() => wilson(3, 25, 0.9999999999999999)).toThrow(message.levelOutOfRange(0.9999999999999999));
  });

  it("still computes at level 1 − 1e-12, with bounds inside [0, 1]", () => {
    // z = Φ⁻¹(1 − 5e-13) ≈ 7.13 (finite); the Wilson bounds then lie strictly inside (0, 1) for 3/25.
    const [low, high] = wilson(3, 25, 1 - 1e-12).interval;
    expect(low).toBeGreaterThan(0);
    expect(high).toBeLessThan(1);
    expect(low).toBeLessThan(3 / 25);
  });
});
