import { describe, expect, it } from "vitest";
import { changeSdAt, correlationThresholds, summaryPairedExtremes, summaryPairs, type SummaryPair } from "../../src/inference/summary-extremes.js";
import { loadInstruments } from "../../src/io/load-instruments.js";
import { loadStudy } from "../../src/io/load-study.js";
import { root } from "../helpers/fixtures.js";
import { twoSidedT } from "./extremes-brute.js";

const pair = (over: Partial<SummaryPair>): SummaryPair => ({
  group: "all", measure: "m", kind: "variable", from: "a", to: "b", n: 10, means: [[10, 10], [12, 12]], sds: [[3, 3], [4, 4]], dispersion: "sd", notImposed: [], ...over,
});

describe("summaryPairedExtremes", () => {
  it("puts p's extremes at r = 1 and r = −1, by hand", () => {
    // Means 10 → 12 (Δ = 2), SDs 3 and 4, n = 10. r = 1: SD of changes |3 − 4| = 1, t = 2·√10/1 = 6.3246.
    // r = −1: SD of changes 3 + 4 = 7, t = 2·√10/7 = 0.9035. df = 9.
    const r = summaryPairedExtremes(pair({}));
    expect(r.t.max.attained).toBeCloseTo(2 * Math.sqrt(10), 12);
    expect(r.t.min.attained).toBeCloseTo((2 * Math.sqrt(10)) / 7, 12);
    expect(r.p.min.attained! / twoSidedT(2 * Math.sqrt(10), 9)).toBeCloseTo(1, 7);
    expect(r.p.max.attained! / twoSidedT((2 * Math.sqrt(10)) / 7, 9)).toBeCloseTo(1, 7);
    expect(r.p.min.setting).toEqual({ r: 1, means: [10, 12], sds: [3, 4] });
    // A brute check over a grid of r: no p outside the extremes.
    for (let k = -100; k <= 100; k++) {
      const sd = Math.sqrt(9 + 16 - 2 * (k / 100) * 12);
      const p = twoSidedT((2 * Math.sqrt(10)) / sd, 9);
      expect(p).toBeGreaterThanOrEqual(r.p.min.attained! * (1 - 1e-7));
      expect(p).toBeLessThanOrEqual(r.p.max.attained! * (1 + 1e-7));
    }
  });

  it("says when the smallest p is a limit, not attained: equal SDs let the SD of the changes reach 0 only with every change equal", () => {
    const r = summaryPairedExtremes(pair({ sds: [[3, 3.1], [2.95, 3.05]] }));
    expect(r.p.min).toMatchObject({ attained: null, bound: 0, limit: true, exact: false });
    expect(r.sdChange[0]).toBe(0);
  });

  it("labels the extremes bounds when the measure's declared range is not imposed", () => {
    const r = summaryPairedExtremes(pair({ notImposed: ["the measure's range (0 to 45 s)"] }));
    expect(r.p.max.attained).toBeNull();
    expect(r.p.max.exact).toBe(false);
  });
});

describe("changeSdAt and correlationThresholds", () => {
  it("gives the SD of the changes over a box of SDs at one r, checked on a grid", () => {
    const p = pair({ sds: [[2, 5], [3, 4]] });
    for (const r of [-1, -0.3, 0, 0.6, 0.9, 1]) {
      const [low, high] = changeSdAt(p, r);
      let lo = Infinity;
      let hi = -Infinity;
      for (let i = 0; i <= 60; i++) for (let j = 0; j <= 60; j++) {
        const s = 2 + (3 * i) / 60;
        const u = 3 + j / 60;
        const v = Math.sqrt(Math.max(0, s * s + u * u - 2 * r * s * u));
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      expect(low).toBeLessThanOrEqual(lo + 1e-9);
      expect(low).toBeGreaterThan(lo - 0.05);
      expect(high).toBeCloseTo(hi, 9);
    }
  });

  it("finds the r at which p crosses alpha, by hand for one point", () => {
    // Δ = 2, SDs 3 and 4, n = 10: p < 0.05 needs SD_c < 2·√10 / t(0.975, 9) = 6.3246/2.2622 = 2.7958,
    // i.e. 25 − 24r < 7.8164, r > 0.71598.
    const t = correlationThresholds(pair({}), 0.05);
    expect(t.significantAbove).toBeCloseTo((25 - (2 * Math.sqrt(10) / 2.262157163) ** 2) / 24, 6);
    expect(t.notSignificantBelow).toBeCloseTo(t.significantAbove!, 6);
  });
});

describe("summaryPairs", () => {
  it("reads the yoga pilot's printed means ± SD at week 0 and week 16, to their rounding", () => {
    const study = loadStudy(`${root}data/studies/yoga-videoconference-young-adults-cancer.json`, loadInstruments());
    const balance = summaryPairs(study).find((p) => p.measure === "balance-right")!;
    expect([balance.from, balance.to, balance.n]).toEqual(["week-0", "week-16", 19]);
    // 43.46 ± 6.01 and 43.33 ± 5.11, each to the printed 2 decimals, rounded up or down.
    expect(balance.means[0][0]).toBeCloseTo(43.455, 12);
    expect(balance.means[1][1]).toBeCloseTo(43.335, 12);
    expect(balance.sds[0]).toEqual([6.005, 6.015]);
    // Its F test over the three timepoints and its effect size constrain the same data: not imposed, so bounds.
    expect(balance.notImposed).toEqual(["the reported test (balance-right-f)", "the reported effect (balance-right-eta)", "the measure's range (0 to 45 s)"]);
  });
});
