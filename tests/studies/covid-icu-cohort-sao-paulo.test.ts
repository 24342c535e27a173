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
    expect(verdicts(results)).toEqual(["flow-arms-sum sample-size,arm:non-survivors,arm:survivors: inconsistent"]);
  });

  it("the two outcome groups do not add up to the cohort", () => {
    // Hand: 170 non-survivors + 1,078 survivors = 1,248, 48 fewer than the "1,296 patients" admitted.
    const result = findResult(results, "flow-arms-sum", "sample-size");
    expect(result.status).toBe("inconsistent");
    expect(result.inputs).toMatchObject({ total: 1296 });
    expect(result.explanation).toMatch(/1248/);
  });
});
