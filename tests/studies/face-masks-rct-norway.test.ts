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
      "flow-arms-sum sample-size,arm:mask,arm:no-mask: consistent",
      "flow-stage-order randomised,analysed: consistent",
      "flow-stage-order allocated-mask,analysed-mask: consistent",
      "flow-stage-order allocated-no-mask,analysed-no-mask: consistent",
      "flow-stage-sum analysed,analysed-mask,analysed-no-mask: consistent",
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
});
