import { describe, expect, it } from "vitest";
import { CohortError } from "../../src/errors.js";
import * as msg from "../../src/messages/checks.js";
import { decimalPlaces, formatScaled, fractionInInterval, reround, roundingInterval, roundTo, unround } from "../../src/stats/rounding.js";

describe("decimalPlaces", () => {
  it("counts trailing zeros of strings but not of numbers", () => {
    // "5.10" has two written decimals; the number 5.10 is 5.1 (one).
    expect(decimalPlaces("5.10")).toBe(2);
    expect(decimalPlaces(5.1)).toBe(1);
    expect(decimalPlaces("7")).toBe(0);
    expect(decimalPlaces(1e-7)).toBe(7);
  });
  it("rejects a non-decimal string with the message function", () => {
    expect(() => decimalPlaces("5,10")).toThrow(msg.notADecimalString("value", "5,10"));
  });
});

describe("roundTo", () => {
  // Hand: x.5 ties at digits 0, and the binary dust case 1.005 (1.005 * 100 = 100.49999999999999 in IEEE doubles).
  it("rounds ties toward +inf under up and -inf under down, also for negatives (scrutiny symmetric = FALSE)", () => {
    expect(roundTo(2.5, 0, "up")).toBe(3);
    expect(roundTo(2.5, 0, "down")).toBe(2);
    expect(roundTo(-2.5, 0, "up")).toBe(-2);
    expect(roundTo(-2.5, 0, "down")).toBe(-3);
    expect(roundTo(-0.125, 2, "up")).toBe(-0.12);
    expect(roundTo(-0.125, 2, "down")).toBe(-0.13);
  });
  it("treats floating-point dust next to a tie as the tie", () => {
    expect(1.005 * 100).toBeLessThan(100.5); // the dust this test is about
    expect(roundTo(1.005, 2, "up")).toBe(1.01);
    expect(roundTo(0.125, 2, "up")).toBe(0.13);
    expect(roundTo(0.285, 2, "up")).toBe(0.29); // 0.285 * 100 = 28.499999999999996
  });
  it("rounds half to even on the decimal value", () => {
    expect(roundTo(2.5, 0, "even")).toBe(2);
    expect(roundTo(3.5, 0, "even")).toBe(4);
    expect(roundTo(-2.5, 0, "even")).toBe(-2);
    expect(roundTo(0.125, 2, "even")).toBe(0.12);
    expect(roundTo(0.135, 2, "even")).toBe(0.14);
  });
  it("ceiling, floor, trunc and anti_trunc at and beside whole numbers", () => {
    expect(roundTo(1.21, 1, "ceiling")).toBe(1.3);
    expect(roundTo(-1.21, 1, "ceiling")).toBe(-1.2);
    expect(roundTo(1.29, 1, "floor")).toBe(1.2);
    expect(roundTo(-1.21, 1, "floor")).toBe(-1.3);
    expect(roundTo(-1.29, 1, "trunc")).toBe(-1.2);
    expect(roundTo(-1.21, 1, "anti_trunc")).toBe(-1.3);
    expect(roundTo(1.21, 1, "anti_trunc")).toBe(1.3);
    // 0.3 * 10 = 3.0000000000000004: dust must not push ceiling to 0.4.
    expect(roundTo(0.3, 1, "ceiling")).toBe(0.3);
  });
  it("rounds up from a threshold digit", () => {
    // threshold 6: .55 stays down, .56 goes up (hand).
    expect(roundTo(0.55, 1, "up_from", 6)).toBe(0.5);
    expect(roundTo(0.56, 1, "up_from", 6)).toBe(0.6);
  });
  it("rounds down from a threshold as scrutiny documents it, the reverse of up_from", () => {
    // scrutiny, vignettes/rounding-in-depth.Rmd: round_down_from(x = 4.28, digits = 1, threshold = 9) and
    // threshold = 1, by its formula ⌈x·10^d − 1 + t/10⌉ / 10^d: ⌈42.8 − 1 + 0.9⌉ = 43 → 4.3; ⌈42.8 − 0.9⌉ = 42 → 4.2.
    // round_up_from on the same input gives the reverse: ⌊42.8 + 1 − 0.9⌋ = 42 → 4.2; ⌊42.8 + 0.9⌋ = 43 → 4.3.
    expect(roundTo(4.28, 1, "down_from", 9)).toBe(4.3);
    expect(roundTo(4.28, 1, "down_from", 1)).toBe(4.2);
    expect(roundTo(4.28, 1, "up_from", 9)).toBe(4.2);
    expect(roundTo(4.28, 1, "up_from", 1)).toBe(4.3);
    // threshold 6 keeps the floor while the cut-off part is at most 1 − 0.6 = 0.4 (hand): .54 → .5, .55 → .6.
    expect(roundTo(0.54, 1, "down_from", 6)).toBe(0.5);
    expect(roundTo(0.55, 1, "down_from", 6)).toBe(0.6);
    // threshold 5 is round_down(): 1.25 → 1.2, 1.24 → 1.2 (vignette examples).
    expect(roundTo(1.25, 1, "down_from", 5)).toBe(1.2);
    expect(roundTo(1.26, 1, "down_from", 5)).toBe(1.3);
  });
  it("refuses a two-candidate mode", () => {
    expect(() => roundTo(1, 0, "up_or_down")).toThrow(CohortError);
    expect(() => roundTo(1, 0, "up_or_down")).toThrow(msg.twoCandidateMode("up_or_down"));
  });
});

describe("reround", () => {
  it("gives both candidates at a tie and one elsewhere", () => {
    expect(reround(0.125, 2)).toEqual([0.13, 0.12]);
    expect(reround(0.124, 2)).toEqual([0.12]);
    expect(reround(1.21, 1, "ceiling_or_floor")).toEqual([1.3, 1.2]);
  });
});

describe("unround", () => {
  // scrutiny unround("5.19") is 5.185 to 5.195; inclusivity by mode (hand).
  it("gives the interval and inclusivity of every mode", () => {
    expect(unround("5.19")).toEqual({ lower: 5.185, upper: 5.195, lowerInclusive: true, upperInclusive: true, digits: 2 });
    expect(unround("5.19", "up")).toMatchObject({ lower: 5.185, upper: 5.195, lowerInclusive: true, upperInclusive: false });
    expect(unround("5.19", "down")).toMatchObject({ lowerInclusive: false, upperInclusive: true });
    expect(unround("5.18", "even")).toMatchObject({ lowerInclusive: true, upperInclusive: true });
    expect(unround("5.19", "even")).toMatchObject({ lowerInclusive: false, upperInclusive: false });
    expect(unround("5.19", "ceiling")).toMatchObject({ lower: 5.18, upper: 5.19, lowerInclusive: false, upperInclusive: true });
    expect(unround("5.19", "floor")).toMatchObject({ lower: 5.19, upper: 5.2, lowerInclusive: true, upperInclusive: false });
    expect(unround("-5.19", "trunc")).toMatchObject({ lower: -5.2, upper: -5.19, lowerInclusive: false, upperInclusive: true });
    expect(unround("5.19", "anti_trunc")).toMatchObject({ lower: 5.18, upper: 5.19 });
    expect(unround("0.5", "up_from", 6)).toMatchObject({ lower: 0.46, upper: 0.56, lowerInclusive: true, upperInclusive: false });
    // down_from, threshold 6: x rounds to 0.5 when 0.5 − 0.06 < x ≤ 0.5 + 0.04 (hand, from ⌈10x − 0.4⌉ = 5).
    expect(unround("0.5", "down_from", 6)).toMatchObject({ lower: 0.44, upper: 0.54, lowerInclusive: false, upperInclusive: true });
    // up_from_or_down_from, threshold 6: the union of [0.46, 0.56) and (0.44, 0.54] is (0.44, 0.56).
    expect(unround("0.5", "up_from_or_down_from", 6)).toMatchObject({ lower: 0.44, upper: 0.56, lowerInclusive: false, upperInclusive: false });
    // threshold 4: the union of [0.44, 0.54) and (0.46, 0.56] is [0.44, 0.56].
    expect(unround("0.5", "up_from_or_down_from", 4)).toMatchObject({ lower: 0.44, upper: 0.56, lowerInclusive: true, upperInclusive: true });
  });
  it("agrees with roundTo on a dense grid of values (second method)", () => {
    // For every single mode: x rounds to r  <=>  x is inside unround(r).
    const modes = ["up", "down", "even", "ceiling", "floor", "trunc", "anti_trunc"] as const;
    for (const mode of modes) {
      for (let k = -300; k <= 300; k++) {
        const x = k / 1000; // includes exact ties such as 0.125 and -0.125 at 2 digits
        const r = roundTo(x, 2, mode);
        const reported = formatScaled(Math.round(r * 100), 2);
        expect(fractionInInterval(k, 1000, roundingInterval(reported, mode)), `${mode} ${x} -> ${reported}`).toBe(true);
        const neighbour = formatScaled(Math.round(r * 100) + 1, 2);
        expect(fractionInInterval(k, 1000, roundingInterval(neighbour, mode))).toBe(false);
      }
    }
  });
});
