import { describe, expect, it } from "vitest";
import { checkStudy } from "../../src/checks/check-study.js";
import { loadInstruments } from "../../src/io/load-instruments.js";
import { loadStudy } from "../../src/io/load-study.js";
import { root } from "../helpers/fixtures.js";
import { findResult, verdicts } from "./study-verdicts.js";

/*
 * Corrêa et al. 2021, einstein (São Paulo) 19:eAO6739 (doi:10.31744/einstein_journal/2021AO6739): a
 * retrospective ICU cohort, abstract only. Each expected verdict is confirmed by arithmetic written out
 * here; the colleague's independent notes agree: helpers/examples/calc/correa.py.
 */
const registry = loadInstruments();
const study = loadStudy(`${root}data/studies/covid-icu-cohort-sao-paulo.json`, registry);
const results = checkStudy(study, registry);

describe("cohort check on the ICU cohort (Corrêa et al. 2021)", () => {
  it("gives exactly these verdicts", () => {
    // Medians with IQRs and a p printed as "p<0.001" with no statistic: no check recomputes anything from them.
    // The five resource-use percentages print no count, so no percentage is checked against one.
    expect(verdicts(results)).toEqual([
      "flow-arms-sum sample-size,arm:non-survivors,arm:survivors: inconsistent",
      "percent died-in-hospital: inconsistent",
      "percent discharged-alive: inconsistent",
    ]);
  });

  it("the two outcome groups do not add up to the cohort", () => {
    // Hand: 170 non-survivors + 1,078 survivors = 1,248, 48 fewer than the "1,296 patients" admitted.
    const result = findResult(results, "flow-arms-sum", "sample-size");
    expect(result.status).toBe("inconsistent");
    expect(result.inputs).toMatchObject({ total: 1296 });
    expect(result.explanation).toMatch(/1248/);
  });

  it("the mortality percentages are of the 1,248 with a known outcome, not of the 1,296 admitted", () => {
    // Hand: 170/1296 = 13.117% and 1078/1296 = 83.179%, not the printed 13.6% and 86.4%; of 1,248 they are
    // 13.622% and 86.378%, which do round to the printed values. The counts that round to 13.6% of 1,296 are in
    // [0.1355 × 1296, 0.1365 × 1296) = [175.6, 176.9): only 176; to 86.4%, [1119.1, 1120.4): only 1120.
    const died = findResult(results, "percent", "died-in-hospital");
    expect([died.status, died.inputs]).toEqual(["inconsistent", { count: 170, n: 1296, percent: "13.6" }]);
    expect(died.details).toMatchObject({ counts: [176] });
    const discharged = findResult(results, "percent", "discharged-alive");
    expect([discharged.status, discharged.inputs]).toEqual(["inconsistent", { count: 1078, n: 1296, percent: "86.4" }]);
    expect(discharged.details).toMatchObject({ counts: [1120] });
    expect([Math.round(1000 * 170 / 1248) / 10, Math.round(1000 * 1078 / 1248) / 10]).toEqual([13.6, 86.4]);
  });
});
