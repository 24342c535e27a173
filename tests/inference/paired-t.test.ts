import { describe, expect, it } from "vitest";
import { pairedT } from "../../src/inference/index.js";
import * as message from "../../src/messages/inference.js";
import { SLEEP_GROUP_1, SLEEP_GROUP_2 } from "./sleep-data.js";

describe("pairedT", () => {
  it("matches R's t.test(extra ~ group, data = sleep, paired = TRUE) with after − before = group 1 − group 2", () => {
    // Published R output: t = -4.0621, df = 9, p-value = 0.002833,
    // 95 percent confidence interval: -2.4598858 -0.7001142; mean of the differences -1.58.
    const result = pairedT(SLEEP_GROUP_2, SLEEP_GROUP_1);
    expect(result.df).toBe(9);
    expect(result.t).toBeCloseTo(-4.0621, 4);
    expect(result.p).toBeCloseTo(0.002833, 6);
    expect(result.ci[0]).toBeCloseTo(-2.4598858, 7);
    expect(result.ci[1]).toBeCloseTo(-0.7001142, 7);
    expect(result.estimate).toBeCloseTo(-1.58, 12);
  });

  it("reports dz = mean change / SD of the changes", () => {
    // Hand calculation from R's output: SE = 1.58/4.0621 = 0.388962 → SD = SE·√10 = 1.22999;
    // dz = −1.58/1.22999 = −1.28456.
    const result = pairedT(SLEEP_GROUP_2, SLEEP_GROUP_1);
    expect(result.effectSize.name).toBe("dz");
    expect(result.effectSize.value).toBeCloseTo(-1.28456, 4);
  });

  it("refuses unequal lengths and identical changes", () => {
    expect(() => pairedT([1, 2, 3], [1, 2])).toThrow(message.lengthMismatch(3, 2));
    expect(() => pairedT([1, 2, 3], [2, 3, 4])).toThrow(message.noVariation("paired t-test"));
  });
});

describe("pairedT with values at the edge of double precision", () => {
  it("refuses changes whose variance overflows instead of returning a NaN interval (fuzz regression)", () => {
    // Changes ≈ [4.5e-35, 1e308]: their squared deviation (5e307)² overflows to Infinity.
    expect(() => pairedT([-2e-131, -3e-301], [4.5e-35, 1e308])).toThrow(message.tTestTooExtreme("paired-t"));
  });

  it("refuses a change that itself overflows (1e308 − (−1e308) = Infinity)", () => {
    expect(() => pairedT([-1e308, 0], [1e308, 1])).toThrow(message.tTestTooExtreme("paired-t"));
  });
});
