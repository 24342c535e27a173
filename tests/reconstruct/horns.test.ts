import { describe, expect, it } from "vitest";
import { hornsIndex } from "../../src/reconstruct/index.js";

describe("hornsIndex", () => {
  it("gives 0.5 for a flat distribution on 1–5", () => {
    // closure-core test_horns_calculation: uniform 1–5 → 0.5. Hand: population variance of 1..5 is 2; ¼(5 − 1)² = 4; 2/4 = 0.5.
    expect(hornsIndex([1, 1, 1, 1, 1], 1, 5)).toBeCloseTo(0.5, 12);
  });

  it("gives 1.0 when the values are split between the extremes", () => {
    // closure-core test_horns_calculation: [1, 0, 0, 0, 1] → 1.0. Hand: values 1 and 5, variance 4, 4/4 = 1.
    expect(hornsIndex([1, 0, 0, 0, 1], 1, 5)).toBeCloseTo(1, 12);
  });

  it("gives 0 when every value is the same", () => {
    expect(hornsIndex([0, 0, 7, 0, 0], 1, 5)).toBe(0);
  });
});
