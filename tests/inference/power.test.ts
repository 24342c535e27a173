import tQuantile from "@stdlib/stats-base-dists-t-quantile";
import { describe, expect, it } from "vitest";
import { power } from "../../src/inference/index.js";
import * as message from "../../src/messages/inference.js";
import { powerByIntegration } from "./noncentral-t-oracle.js";

describe("power", () => {
  it("gives 0.286 for d = 1 with 5 vs 5 (METHODS.md §7 teaching number)", () => {
    // METHODS.md §7 [measured]: df 8, ncp = 1·√(25/10) = 1.581, t_crit 2.306 → power 0.286.
    const result = power("two-group", [5, 5], 1);
    expect(result.df).toBe(8);
    expect(result.ncp).toBeCloseTo(1.581, 3);
    expect(result.criticalT).toBeCloseTo(2.306, 3);
    expect(result.power).toBeCloseTo(0.286, 3);
  });

  it("matches R's power.t.test(n = 20, delta = 1) = 0.8689528", () => {
    // Published R output (power.t.test help example): power = 0.8689528. power.t.test counts only the
    // upper tail; the lower tail here is P(T < −2.024) with ncp 3.16, about 1e-7, below the 6th decimal.
    expect(power("two-group", 20, 1).power).toBeCloseTo(0.8689528, 6);
  });

  it("matches the pwr minimality check for d = 0.5: 0.795168 at 63 and 0.801460 at 64 per group", () => {
    // Published worked example (pwr.t.test, d = 0.5, α = .05 two-sided): n = 63 → power .795168,
    // n = 64 → .801460 (the reason Cohen's Table 2.4.1 says 64 per group).
    expect(power("two-group", 63, 0.5).power).toBeCloseTo(0.795168, 6);
    expect(power("two-group", 64, 0.5).power).toBeCloseTo(0.80146, 5);
  });

  it("agrees with numerical integration over the chi distribution (second method)", () => {
    const cases: Array<[Parameters<typeof power>[0], Parameters<typeof power>[1], number, number]> = [
      ["two-group", [5, 5], 1, 0.05],
      ["two-group", [3, 9], 1.5, 0.05],
      ["paired", 20, 0.5, 0.05],
      ["paired", 2, 5, 0.05],
      ["one-sample", 12, 0.8, 0.01],
      ["two-group", [40, 35], 0.3, 0.1],
    ];
    for (const [design, n, effect, alpha] of cases) {
      const result = power(design, n, effect, alpha);
      const critical = tQuantile(1 - alpha / 2, result.df);
      expect(result.power, `${design} ${String(n)} d=${effect}`).toBeCloseTo(powerByIntegration(critical, result.df, result.ncp), 7);
    }
  });

  it("counts both tails: at effect 0 the power equals alpha", () => {
    // Under H0 the statistic is central t, so P(|T| > t_{1−α/2}) = α by definition of the quantile
    // (to 1e-10: jStat's central t cdf, used at ncp 0, and @stdlib's quantile differ by ~4e-12).
    expect(power("paired", 10, 0).power).toBeCloseTo(0.05, 10);
    expect(power("two-group", [4, 6], 0, 0.2).power).toBeCloseTo(0.2, 10);
  });

  it("is symmetric in the sign of the effect", () => {
    expect(power("one-sample", 8, -0.7).power).toBeCloseTo(power("one-sample", 8, 0.7).power, 14);
  });

  it("rejects sizes below 2, bad alpha and non-finite effects", () => {
    expect(() => power("paired", 1, 0.5)).toThrow(message.sizeTooSmall("n", 1, 2));
    expect(() => power("two-group", [5, 1], 0.5)).toThrow(message.sizeTooSmall("n2", 1, 2));
    expect(() => power("two-group", 5, 0.5, 0)).toThrow(message.alphaOutOfRange(0));
    expect(() => power("two-group", 5, Number.NaN)).toThrow(message.effectInvalid(Number.NaN));
  });

  it("refuses noncentralities the series cannot evaluate instead of returning garbage", () => {
    // ncp = 10·√100 = 100 > 37.
    expect(() => power("one-sample", 100, 10)).toThrow(message.noncentralityTooLarge(100));
  });
});

describe("power at the edge of double precision", () => {
  it("refuses alpha 1e-200 (critical t was Infinity, power NaN) with a CohortError (fuzz regression)", () => {
    expect(() => power("two-group", [19, 13], 0.5, 1e-200)).toThrow(message.alphaOutOfRange(1e-200));
  });

  it("computes a finite power at alpha 1e-12, below the power at alpha 0.05", () => {
    // A smaller alpha raises the critical t, so power must fall (same design and effect).
    const tiny = power("two-group", [19, 13], 0.5, 1e-12);
    expect(Number.isFinite(tiny.criticalT)).toBe(true);
    expect(tiny.power).toBeGreaterThan(0);
    expect(tiny.power).toBeLessThan(power("two-group", [19, 13], 0.5, 0.05).power);
  });
});
