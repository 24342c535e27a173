import { describe, expect, it } from "vitest";
import { welchT } from "../../src/inference/index.js";
import * as message from "../../src/messages/inference.js";
import { SLEEP_GROUP_1, SLEEP_GROUP_2 } from "./sleep-data.js";

describe("welchT", () => {
  it("matches R's t.test(extra ~ group, data = sleep)", () => {
    // Published R output: t = -1.8608, df = 17.776, p-value = 0.07939,
    // 95 percent confidence interval: -3.3654832 0.2054832; means 0.75 and 2.33.
    const result = welchT(SLEEP_GROUP_1, SLEEP_GROUP_2);
    expect(result.t).toBeCloseTo(-1.8608, 4);
    expect(result.df).toBeCloseTo(17.776, 3);
    expect(result.p).toBeCloseTo(0.07939, 5);
    expect(result.ci[0]).toBeCloseTo(-3.3654832, 7);
    expect(result.ci[1]).toBeCloseTo(0.2054832, 7);
    expect(result.estimate).toBeCloseTo(0.75 - 2.33, 12);
  });

  it("reports Cohen's d on the pooled SD", () => {
    // Published value for the sleep data, d = -0.8321811 (a public test suite: "Student pooled t ...
    // effectSize -0.8321811"). Hand check: SDs 1.7890 and 2.0022, pooled √((3.2006 + 4.0090)/2) = 1.8986,
    // (0.75 − 2.33)/1.8986 = −0.83218.
    expect(welchT(SLEEP_GROUP_1, SLEEP_GROUP_2).effectSize.value).toBeCloseTo(-0.8321811, 6);
  });

  it("refuses groups with no variation and groups of one", () => {
    expect(() => welchT([2, 2, 2], [2, 2])).toThrow(message.noVariation("Welch's t-test"));
    expect(() => welchT([1], [2, 3])).toThrow(message.valuesTooFew("x", 1, 2));
  });
});

describe("welchT with values at the edge of double precision", () => {
  it("refuses data whose Welch df underflows to 0/0 instead of returning a NaN interval (fuzz regression)", () => {
    // By hand: s_y² = (4.67e-91)²/2 ≈ 1.1e-181, v_y = s_y²/2 ≈ 5.5e-182, v_y² ≈ 3e-363 < 5e-324 → 0,
    // so df = 0/0 = NaN.
    expect(() => welchT([0, 0], [0, -4.67e-91])).toThrow(message.tTestTooExtreme("welch-t"));
  });
});
