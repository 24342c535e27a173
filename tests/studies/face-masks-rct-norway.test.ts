import { describe, expect, it } from "vitest";
import { checkStudy } from "../../src/checks/check-study.js";
import { loadInstruments } from "../../src/io/load-instruments.js";
import { loadStudy } from "../../src/io/load-study.js";
import { root } from "../helpers/fixtures.js";
import { findResult, verdicts } from "./study-verdicts.js";

/*
 * Solberg et al. 2024, BMJ 386:e078918 (doi:10.1136/bmj-2023-078918): a two-arm pragmatic randomised
 * trial of surgical face masks, abstract only. Each expected verdict is confirmed by arithmetic written out
 * here; the colleague's independent notes (scipy, not project code) agree: helpers/examples/calc/solberg.py.
 */
const registry = loadInstruments();
const study = loadStudy(`${root}data/studies/face-masks-rct-norway.json`, registry);
const results = checkStudy(study, registry);

describe("cohort check on the face-mask trial (Solberg et al. 2024)", () => {
  it("gives exactly these verdicts", () => {
    expect(verdicts(results)).toEqual([
      "composition analysed-by-arm: consistent",
      "composition sex: consistent",
      "flow-arms-sum sample-size,arm:mask,arm:no-mask: consistent",
      "flow-stage-order randomised,analysed: consistent",
      "flow-stage-order allocated-mask,analysed-mask: consistent",
      "flow-stage-order allocated-no-mask,analysed-no-mask: consistent",
      "flow-stage-sum analysed,analysed-mask,analysed-no-mask: consistent",
      "percent symptoms-mask: inconsistent",
      "percent symptoms-no-mask: inconsistent",
      "ci-p symptoms-or: consistent",
      "effect-counts symptoms-or,symptoms-mask,symptoms-no-mask: inconsistent",
      "two-by-two symptoms-or,symptoms-mask,symptoms-no-mask: inconsistent",
      "ci-p symptoms-rd: consistent",
      "effect-counts symptoms-rd,symptoms-mask,symptoms-no-mask: inconsistent",
      "two-by-two symptoms-rd,symptoms-mask,symptoms-no-mask: consistent",
      "ci-p covid-self-reported-or: consistent",
    ]);
  });

  it("the analysed split by arm: counts, percentages and total agree", () => {
    // Hand: 2313/4575 = 50.557% → 50.6; 2262/4575 = 49.443% → 49.4; 2313 + 2262 = 4575. Each count is the
    // only one that fits: 4575 × 0.1% = 4.6 people per 0.1%, so [50.55%, 50.65%) of 4575 = [2312.7, 2317.2)
    // holds 2313–2317, and the printed count 2313 is among them.
    const result = findResult(results, "composition", "analysed-by-arm");
    expect(result.details).toMatchObject({ countSum: 4575, fittingCounts: [2313, 2262] });
  });

  it("the flow: arms add up to the randomised total, and fewer were analysed than allocated in each arm", () => {
    // Hand: 2371 + 2276 = 4647 (stated "4647 participants were randomised"); 2313 ≤ 2371 and 2262 ≤ 2276
    // (58 and 14 allocated but not analysed, 72 in all = 4647 − 4575); 2313 + 2262 = 4575.
    expect(findResult(results, "flow-arms-sum", "sample-size").status).toBe("consistent");
    expect(findResult(results, "flow-stage-order", "allocated-mask").details).toMatchObject({ comparisons: [{ holds: true, larger: "allocated-mask", smaller: "analysed-mask" }] });
    expect(findResult(results, "flow-stage-order", "allocated-no-mask").details).toMatchObject({ comparisons: [{ holds: true, larger: "allocated-no-mask", smaller: "analysed-no-mask" }] });
    expect(findResult(results, "flow-stage-sum", "analysed").status).toBe("consistent");
  });

  it("women: 2788 of the 4575 analysed is 60.9%, one category of sex given alone (the men are not printed)", () => {
    // Hand: 2788/4575 = 60.940% → 60.9. The counts that round to 60.9% of 4575 are those in
    // [0.6085 × 4575, 0.6095 × 4575) = [2783.9, 2788.5): 2784–2788. With only some categories listed, the
    // sum 2788 < 4575 and 60.9% < 100% are no finding.
    const result = findResult(results, "composition", "sex");
    expect(result.status).toBe("consistent");
    expect(result.details).toMatchObject({ countSum: 2788, categories: [{ id: "women", status: "consistent", counts: [2788] }] });
    expect(Math.ceil(0.6085 * 4575) <= 2788 && 2788 < 0.6095 * 4575).toBe(true);
    expect(result.assumptions.categories).toMatch(/only some categories are listed/);
  });

  it("the event percentages are not of the arm sizes", () => {
    // The abstract prints no denominator for "163 events (8.9%)" and "239 (12.2%)"; of the arms' sizes they
    // would be 163/2371 = 6.875% and 239/2276 = 10.501% (of the 2313 and 2262 analysed: 7.05% and 10.57%,
    // the colleague's figures, equally far off). Hand: the counts that round to 8.9% of 2371 are in
    // [0.0885 × 2371, 0.0895 × 2371) = [209.8, 212.2): 210–212; to 12.2% of 2276, [276.5, 278.8): 277–278.
    // The printed percentages fit denominators of 1822–1841 and 1952–1967 (calc/solberg.py).
    const mask = findResult(results, "percent", "symptoms-mask");
    expect([mask.status, mask.inputs]).toEqual(["inconsistent", { count: 163, n: 2371, percent: "8.9" }]);
    expect(mask.details).toMatchObject({ counts: [210, 211, 212] });
    const control = findResult(results, "percent", "symptoms-no-mask");
    expect([control.status, control.inputs]).toEqual(["inconsistent", { count: 239, n: 2276, percent: "12.2" }]);
    expect(control.details).toMatchObject({ counts: [277, 278] });
  });

  it("each effect's CI gives a p that fits the printed p", () => {
    // Second method (scipy.stats.norm in Python, not project code): SE from the CI width,
    // (f(upper) − f(lower)) / (2 × 1.959964), f = ln for the odds ratios; p = 2·(1 − Φ(|f(estimate)| / SE)),
    // minimised and maximised over the corners of every printed number's rounding interval (p is monotone in each):
    //   OR 0.71 (0.58 to 0.87): p ∈ [0.0004594, 0.0017355] — contains 0.001 (face value: SE 0.1034, z −3.311, p 0.0009);
    //   RD −3.2 (−5.2 to −1.3): p ∈ [0.0008006, 0.0020223] — reaches below 0.001 only near the edge (face value 0.0013);
    //   OR 1.07 (0.58 to 1.98): p ∈ [0.8157627, 0.8420766] — contains 0.82 (face value 0.829).
    for (const [id, low, high] of [["symptoms-or", 0.0004594, 0.0017355], ["symptoms-rd", 0.0008006, 0.0020223], ["covid-self-reported-or", 0.8157627, 0.8420766]] as const) {
      const result = findResult(results, "ci-p", id);
      expect(result.status, id).toBe("consistent");
      const [pLow, pHigh] = (result.details as { pRange: [number, number] }).pRange;
      expect(pLow, id).toBeCloseTo(low, 6);
      expect(pHigh, id).toBeCloseTo(high, 6);
    }
  });

  it("the odds ratio and risk difference are not the crude effects of the printed counts and arm sizes; the 2×2 p is far below the printed P = 0.001", () => {
    // The OR and RD name the two proportions (163 and 239 events); no denominator is printed, so the arm sizes
    // are used (2371 and 2276; the colleague used the analysed 2313 and 2262 and reached the same verdicts).
    // Exact fractions: OR = 163·(2276 − 239) / ((2371 − 163)·239) = 332031/527712 = 0.62919 (scipy's
    // fisher_exact reports the same sample odds ratio, 0.6291897853); RD = 163/2371 − 239/2276 = −3.6261 points.
    expect((163 * 2037) / (2208 * 239)).toBeCloseTo(0.6291897853, 9);
    const or = findResult(results, "effect-counts", "symptoms-or");
    expect(or.status).toBe("inconsistent");
    expect((or.details as { value: number }).value).toBeCloseTo(0.6291897853, 9);
    const rd = findResult(results, "effect-counts", "symptoms-rd");
    expect(rd.status).toBe("inconsistent");
    expect((rd.details as { value: number }).value).toBeCloseTo(100 * (163 / 2371 - 239 / 2276), 9);
    expect(100 * (163 / 2371 - 239 / 2276)).toBeCloseTo(-3.6261, 4);
    // scipy (not project code) on [[163, 2208], [239, 2037]]: Fisher p = 1.114e-5; χ² p = 1.104e-5; with Yates
    // 1.402e-5 — none prints as 0.001, all fit "P<0.001".
    const pOr = findResult(results, "two-by-two", "symptoms-or");
    expect(pOr.status).toBe("inconsistent");
    const ps = (pOr.details as { tests: { test: string; p: number }[] }).tests.map((t) => [t.test, t.p]);
    expect(ps.map(([, p]) => Number((p as number).toPrecision(4)))).toEqual([1.114e-5, 1.104e-5, 1.402e-5]);
    expect(findResult(results, "two-by-two", "symptoms-rd").status).toBe("consistent");
  });
});
