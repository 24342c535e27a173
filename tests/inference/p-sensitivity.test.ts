import { describe, expect, it } from "vitest";
import { exactExtremes } from "../../src/inference/exact-extremes.js";
import { pSensitivity } from "../../src/inference/p-sensitivity.js";
import { loadInstruments } from "../../src/io/load-instruments.js";
import { loadStudy } from "../../src/io/load-study.js";
import { studyA, studyB } from "../helpers/fixtures.js";
import { twoSidedT } from "./extremes-brute.js";

const registry = loadInstruments();

describe("pSensitivity", () => {
  const a = pSensitivity(exactExtremes(loadStudy(studyA, registry), registry), registry);

  it("computes p for PHQ-9 at the published SD and test–retest r, by hand", () => {
    // Instrument data: SD 3.5 (Kocalevent 2013), r 0.737 (Sun 2020). SD of changes = 3.5·√(2·0.263) = 2.5384.
    // Mean change allowed: −14.95 to −5.05 points (bands moderately severe → mild, 20 patients).
    const phq = a.find((r) => r.instrument === "phq-9")!;
    expect(phq.missing).toEqual([]);
    expect(phq.cells).toHaveLength(1);
    const cell = phq.cells[0]!;
    const sdChange = 3.5 * Math.sqrt(2 * (1 - 0.737));
    expect(cell.testedSd).toBeCloseTo(sdChange, 12);
    expect(cell.sd!.reference.quote).toContain("3.1 (3.5)");
    expect(cell.r!.source.reference.quote).toContain("0.737");
    // p at the largest and at the smallest mean change (jStat as the second library).
    expect(cell.p[0]).toBeCloseTo(twoSidedT((14.95 * Math.sqrt(20)) / sdChange, 19), 20);
    expect(cell.p[1] / twoSidedT((5.05 * Math.sqrt(20)) / sdChange, 19)).toBeCloseTo(1, 6);
    // Threshold: p < 0.05 at every allowed change when the SD of changes is below 5.05·√20 / t(0.975, 19) = 5.05·4.4721/2.0930.
    expect(phq.threshold.allSignificant).toBeCloseTo((5.05 * Math.sqrt(20)) / 2.093024054, 6);
  });

  it("puts no number where the instrument data have none, and says which figure is missing", () => {
    const nrs = a.find((r) => r.instrument === "nrs-pain")!;
    expect(nrs.cells).toEqual([]);
    expect(nrs.missing).toEqual(["published SD", "published test–retest or pre–post correlation"]);
    for (const r of pSensitivity(exactExtremes(loadStudy(studyB, registry), registry), registry)) expect(r.cells).toEqual([]);
  });

  it("takes the allowed difference nearest 0 from the finite set of group means, not from the range", () => {
    // Study B at session 6, psychedelic − psycholytic means. Psychedelic totals 25k quarter-points of 5 people
    // (k = 1…6): means 1.25, 2.50, …, 7.50; psycholytic 57, 114, 171: means 2.85, 5.70, 8.55. The range is
    // 1.25 − 8.55 = −7.30 to 7.50 − 2.85 = 4.65, yet no pair differs by 0: the nearest is 2.50 − 2.85 = −0.35.
    // With equal SDs and 5 per arm Welch's df is 8 and t(0.975, 8) = 2.306004, so p < 0.05 for every allowed
    // difference needs an SD below 0.35·√(5/2)/2.306004 = 0.23998.
    const b = pSensitivity(exactExtremes(loadStudy(studyB, registry), registry), registry);
    const last = b.find((r) => r.test === "welch-t" && r.on === "last")!;
    expect(last.meanDifference[0]).toBeCloseTo(-7.3, 12);
    expect(last.meanDifference[1]).toBeCloseTo(4.65, 12);
    expect(last.threshold.df).toBeCloseTo(8, 12);
    expect(last.threshold.allSignificant).toBeCloseTo((0.35 * Math.sqrt(2.5)) / 2.306004135, 6);
  });
});
