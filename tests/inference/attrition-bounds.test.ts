import { describe, expect, it } from "vitest";
import { differenceBounds, meanBounds, proportionBounds } from "../../src/inference/attrition-bounds.js";
import * as message from "../../src/messages/bounds.js";

describe("proportionBounds", () => {
  it("puts every missing person at each end (hand calculation)", () => {
    // 11 of 22 completers responded, 24 started: 11/24 = 0.458333 if the 2 missing did not respond, 13/24 = 0.541667 if both did.
    const bounds = proportionBounds(11, 22, 24);
    expect(bounds.interval[0]).toBeCloseTo(11 / 24, 12);
    expect(bounds.interval[1]).toBeCloseTo(13 / 24, 12);
    expect(bounds.estimate).toBe(0.5);
  });

  it("is a point when nobody is missing", () => {
    expect(proportionBounds(3, 10, 10).interval).toEqual([0.3, 0.3]);
  });

  it("refuses more observed than started", () => {
    expect(() => proportionBounds(1, 11, 10)).toThrow(message.attritionCountsInvalid(11, 10));
  });
});

describe("meanBounds", () => {
  it("puts the missing at the bottom and top of the scale (hand calculation)", () => {
    // PHQ-9 0–27, 22 of 24 seen with mean 9.6: (211.2 + 0)/24 = 8.8 and (211.2 + 54)/24 = 11.05.
    const bounds = meanBounds(9.6, 22, 24, 0, 27);
    expect(bounds.interval[0]).toBeCloseTo(8.8, 12);
    expect(bounds.interval[1]).toBeCloseTo(11.05, 12);
  });

  it("agrees with brute force over every way to fill the missing scores", () => {
    // Two missing people on a 0–3 scale: enumerate all 16 fillings.
    const observed = [1, 2, 2];
    const means: number[] = [];
    for (let a = 0; a <= 3; a += 1) for (let b = 0; b <= 3; b += 1) means.push((observed.reduce((s, x) => s + x, 0) + a + b) / 5);
    const bounds = meanBounds(5 / 3, 3, 5, 0, 3);
    expect(bounds.interval[0]).toBeCloseTo(Math.min(...means), 12);
    expect(bounds.interval[1]).toBeCloseTo(Math.max(...means), 12);
  });

  it("refuses a mean off the scale", () => {
    expect(() => meanBounds(30, 22, 24, 0, 27)).toThrow(message.attritionMeanOutOfRange(30, 0, 27));
  });
});

describe("differenceBounds", () => {
  it("subtracts opposite ends", () => {
    expect(differenceBounds([0.4, 0.6], [0.1, 0.2])).toEqual([0.2, 0.5]);
  });
});
