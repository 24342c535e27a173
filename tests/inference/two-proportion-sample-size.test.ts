import { describe, expect, it } from "vitest";
import { twoProportionSampleSize } from "../../src/inference/two-proportion-sample-size.js";
import * as message from "../../src/messages/inference.js";

describe("twoProportionSampleSize", () => {
  it("gives the normal-approximation n per group, checked by hand", () => {
    // (1.959964 + 0.841621)² = 7.848861; 0.2·0.8 + 0.15·0.85 = 0.2875; (0.05)² = 0.0025 → 902.62 → 903.
    const result = twoProportionSampleSize(0.2, 0.15);
    expect(result.nExact).toBeCloseTo((7.848861 * 0.2875) / 0.0025, 2);
    expect(result.n).toBe(903);
  });

  it("matches GRADE's optimal information size for the mask trial's control share (12.2%, 25% relative reduction)", () => {
    // p2 = 0.122 × 0.75 = 0.0915; 0.122·0.878 + 0.0915·0.9085 = 0.107116 + 0.083128 = 0.190244;
    // (0.0305)² = 0.00093025; 7.848861 × 0.190244 / 0.00093025 = 1605.15 → 1606 per group, 3212 in all.
    expect(twoProportionSampleSize(0.122, 0.122 * 0.75).n).toBe(1606);
  });

  it("is symmetric in the two proportions and grows with the power asked", () => {
    expect(twoProportionSampleSize(0.3, 0.1).nExact).toBeCloseTo(twoProportionSampleSize(0.1, 0.3).nExact, 10);
    expect(twoProportionSampleSize(0.3, 0.1, 0.9).n).toBeGreaterThan(twoProportionSampleSize(0.3, 0.1, 0.8).n);
  });

  it("refuses proportions that are equal or outside (0, 1)", () => {
    expect(() => twoProportionSampleSize(0.12, 0.12)).toThrow(message.proportionsInvalid(0.12, 0.12));
    expect(() => twoProportionSampleSize(0, 0.1)).toThrow(message.proportionsInvalid(0, 0.1));
    expect(() => twoProportionSampleSize(0.5, 1)).toThrow(message.proportionsInvalid(0.5, 1));
  });
});
