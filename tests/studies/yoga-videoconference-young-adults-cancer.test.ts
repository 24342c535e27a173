import { describe, expect, it } from "vitest";
import { checkStudy } from "../../src/checks/check-study.js";
import { loadInstruments } from "../../src/io/load-instruments.js";
import { loadStudy } from "../../src/io/load-study.js";
import { root } from "../helpers/fixtures.js";
import { findResult, sampleSd, verdicts } from "./study-verdicts.js";

/*
 * Wurz et al. 2023, Pilot and Feasibility Studies 9:37 (doi:10.1186/s40814-023-01244-y): a single-arm
 * yoga pilot, Table 4 means (SD) at weeks 0, 8 and 16. Every expected verdict below is confirmed by an
 * independent calculation written out here (witness samples, exact fractions); the colleague's notes
 * (Python/scipy and fractions, not project code) reached the same answers: helpers/examples/calc/wurz.py.
 */
const registry = loadInstruments();
const study = loadStudy(`${root}data/studies/yoga-videoconference-young-adults-cancer.json`, registry);
const results = checkStudy(study, registry);

describe("cohort check on the yoga pilot (Wurz et al. 2023)", () => {
  it("gives exactly these verdicts", () => {
    // GRIM and GRIMMER run on the 30-s sit-to-stand, the one measure with a declared step (whole repetitions).
    // The RAND-36 scales and the physical tests declare no step (see the study file's notes), so no
    // granularity check runs on them; the repeated-measures F tests print no df, so no p is recomputed.
    expect(verdicts(results)).toEqual([
      "grim sit-to-stand-week-0: consistent",
      "grimmer sit-to-stand-week-0: consistent",
      "grim sit-to-stand-week-8: consistent",
      "grimmer sit-to-stand-week-8: consistent",
      "grim sit-to-stand-week-16: consistent",
      "grimmer sit-to-stand-week-16: inconsistent",
    ]);
  });

  it("GRIM: each sit-to-stand mean is a whole-number total over n = 21", () => {
    // Hand: 297/21 = 14.142857 → 14.14; 361/21 = 17.190476 → 17.19; 364/21 = 17.333333 → 17.33, and
    // no other total fits (21 × 0.01 = 0.21 < 1, so at most one total per two-decimal mean).
    for (const [id, total] of [["sit-to-stand-week-0", 297], ["sit-to-stand-week-8", 361], ["sit-to-stand-week-16", 364]] as const) {
      expect(findResult(results, "grim", id).details).toMatchObject({ sums: { first: total, last: total } });
    }
  });

  it("GRIMMER: weeks 0 and 8 have real samples behind them", () => {
    // Witnesses found by a brute-force search (21 whole numbers with the total above and the sum of
    // squares 4579 and 6769): their mean and sample SD round to the printed values.
    const week0 = [7, 8, 8, 9, 12, 12, 12, 13, 13, 13, 14, 15, 15, 15, 16, 16, 17, 18, 19, 20, 25];
    const week8 = [8, 9, 10, 12, 14, 14, 15, 15, 15, 16, 17, 18, 18, 18, 20, 21, 21, 23, 24, 25, 28];
    expect([week0.length, (week0.reduce((a, b) => a + b) / 21).toFixed(2), sampleSd(week0).toFixed(2)]).toEqual([21, "14.14", "4.35"]);
    expect([week8.length, (week8.reduce((a, b) => a + b) / 21).toFixed(2), sampleSd(week8).toFixed(2)]).toEqual([21, "17.19", "5.31"]);
    expect(findResult(results, "grimmer", "sit-to-stand-week-0").status).toBe("consistent");
    expect(findResult(results, "grimmer", "sit-to-stand-week-8").status).toBe("consistent");
  });

  it("GRIMMER: week 16's 17.33 (4.71) cannot come from 21 whole numbers with the usual n − 1 SD", () => {
    // Hand, exact: the total is 364 (the only whole number in 21 × [17.325, 17.335) = [363.825, 364.035)).
    // A sample SD in [4.705, 4.715) needs a sum of squares Q = 20·s² + 364²/21 in
    // [20 × 4.705² + 6309.33…, 20 × 4.715² + 6309.33…) = [6752.07, 6753.96): only Q = 6753, which is odd,
    // but Σx² has the parity of Σx (x² ≡ x mod 2), and 364 is even. Checked here in exact integers
    // (SD in units of 0.001): Q fits iff 420 × 4705² ≤ 10⁶ × (21·Q − 364²) < 420 × 4715².
    const inRange = (q: number) => 420 * 4705 ** 2 <= 1e6 * (21 * q - 364 ** 2) && 1e6 * (21 * q - 364 ** 2) < 420 * 4715 ** 2;
    const candidates = Array.from({ length: 200 }, (_, k) => 6700 + k).filter(inRange);
    expect(candidates).toEqual([6753]);
    expect(candidates.filter((q) => q % 2 === 364 % 2)).toEqual([]);
    const result = findResult(results, "grimmer", "sit-to-stand-week-16");
    expect(result.status).toBe("inconsistent");
    expect(result.details).toMatchObject({ reason: "parity" });
    // The check names its assumption, under which the finding holds (with denominator n the SD fits:
    // the colleague's calculation finds sum of squares 6776 for the population SD).
    expect(result.assumptions).toMatchObject({ sd: "sample SD (n − 1 denominator)" });
  });
});
