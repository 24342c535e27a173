import { describe, expect, it } from "vitest";
import { studentT, welchT } from "../../src/inference/index.js";
import { SLEEP_GROUP_1, SLEEP_GROUP_2 } from "./sleep-data.js";

describe("studentT", () => {
  it("matches R's t.test(extra ~ group, data = sleep, var.equal = TRUE)", () => {
    // Published R output: t = -1.8608, df = 18, p-value = 0.07919,
    // 95 percent confidence interval: -3.363874 0.203874.
    const result = studentT(SLEEP_GROUP_1, SLEEP_GROUP_2);
    expect(result.df).toBe(18);
    expect(result.t).toBeCloseTo(-1.8608, 4);
    expect(result.p).toBeCloseTo(0.07919, 5);
    expect(result.ci[0]).toBeCloseTo(-3.363874, 6);
    expect(result.ci[1]).toBeCloseTo(0.203874, 6);
    expect(result.effectSize.value).toBeCloseTo(-0.8321811, 6);
  });

  it("gives the same t as Welch when the groups are of equal size (algebra: SEs coincide)", () => {
    // With n_x = n_y, √(s²_p(2/n)) = √(s²_x/n + s²_y/n), so only df (and p) differ.
    const x = [3, 5, 9, 4];
    const y = [8, 6, 12, 15];
    // Hand calculation: means 5.25 and 10.25; variances 20.75/3 = 6.91667 and 48.75/3 = 16.25;
    // SE = √(6.91667/4 + 16.25/4) = √5.79167 = 2.40659; t = −5/2.40659 = −2.07763.
    expect(studentT(x, y).t).toBeCloseTo(-2.07763, 5);
    expect(studentT(x, y).t).toBeCloseTo(welchT(x, y).t, 12);
  });
});
