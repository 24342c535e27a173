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
    // The p printed as "p<0.001" with no statistic cannot be recomputed from medians and IQRs. The SAPS 3
    // medians (a whole-number score, 16–217) are checked on their grid; age declares no step, so its medians are
    // not. The five resource-use percentages print no count: the check lists the counts that fit.
    expect(verdicts(results)).toEqual([
      "flow-arms-sum sample-size,arm:non-survivors,arm:survivors: inconsistent",
      "percent died-in-hospital: inconsistent",
      "percent discharged-alive: inconsistent",
      "median-grid saps3-non-survivors: consistent",
      "median-grid saps3-survivors: consistent",
      "percent noninvasive-ventilation: undetermined",
      "percent mechanical-ventilation: undetermined",
      "percent high-flow-nasal-cannula: undetermined",
      "percent renal-replacement-therapy: undetermined",
      "percent ecmo: undetermined",
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

  it("the SAPS 3 medians and quartiles are possible for whole-number scores", () => {
    // Hand: n = 170 and 1078 are even, so a median is the mean of two whole numbers (a multiple of 0.5): 59 and 47
    // are. Quartiles of whole numbers are multiples of 1/4 (or 1/2, or whole) under Hyndman–Fan types 1, 2, 6, 7:
    // 54, 66, 42, 53 are whole. All within 16–217.
    for (const id of ["saps3-non-survivors", "saps3-survivors"]) {
      const result = findResult(results, "median-grid", id);
      expect(result.status, id).toBe("consistent");
      expect(result.assumptions.median, id).toMatch(/is even: the median is the mean of the two middle values/);
    }
  });

  it("the resource-use percentages without counts: every 1-decimal percentage of 1296 is reachable, and the fitting counts are listed", () => {
    // The colleague (calc/correa.out): 56.6% of 1296 is 733 or 734; 32.9% 426–427; 31.3% 405–406; 11.7% 151–152;
    // 1.5% 19–20. Hand for the first: [0.5655, 0.5665] × 1296 = [732.9, 734.2]. With n ≥ 1000 every 0.1% step
    // holds a count (1296 × 0.001 = 1.3 ≥ 1), so the check cannot fail: undetermined, with the counts.
    const counts: Record<string, number[]> = { "noninvasive-ventilation": [733, 734], "mechanical-ventilation": [426, 427], "high-flow-nasal-cannula": [405, 406], "renal-replacement-therapy": [151, 152], ecmo: [19, 20] };
    for (const [id, want] of Object.entries(counts)) {
      const result = findResult(results, "percent", id);
      expect(result.status, id).toBe("undetermined");
      expect(result.details, id).toMatchObject({ counts: want });
    }
  });
});
