import { describe, expect, it } from "vitest";
import { gradeCertainty } from "../../src/appraisal/grade.js";
import { limitsRegister, resolve } from "../../src/appraisal/limits-register.js";
import { loadAttribution } from "../../src/appraisal/source-sections.js";
import { loadInstruments } from "../../src/io/load-instruments.js";
import { loadStudy, parseStudy } from "../../src/io/load-study.js";
import type { Study } from "../../src/schema/study.js";
import { studyA, studyB } from "../helpers/fixtures.js";
import { twoArmTrial } from "../helpers/two-arm-trial.js";
import { syntheticRct } from "./synthetic-rct.js";

const instruments = loadInstruments();
const options = resolve({});
const grade = (study: Study, file?: string) => gradeCertainty(study, instruments, limitsRegister(study, instruments, {}, file ? loadAttribution(study, file) : undefined), options);
const domain = (row: ReturnType<typeof grade>[number], name: string) => row.domains.find((d) => d.domain === name)!;

describe("gradeCertainty", () => {
  it("starts a randomised comparison at high and keeps it there when nothing rates it down", () => {
    const [phq] = grade(parseStudy(syntheticRct(), instruments, "rct.json"));
    expect(phq!.start).toBe("high");
    expect(phq!.certainty).toBe("high");
    // OIS: 64 per group for d = 0.5, 80% power, α = 0.05 (Cohen 1988, Table 2.4.1) → 128 ≤ 200.
    expect(domain(phq!, "imprecision").reasons[0]).toContain("optimal information size of 128");
  });

  it("rates the therapy trial down for self-report without blinding (−1) and for imprecision (−2): high → very low", () => {
    const [phq] = grade(parseStudy(twoArmTrial(), instruments, "trial.json"));
    expect(domain(phq!, "risk of bias")).toMatchObject({ rating: "serious", downgrade: 1 });
    // n = 48 < 128, and the change's CI (3.8 to 7.4) and the 3.5-point difference may fall short of 5 points.
    expect(domain(phq!, "imprecision")).toMatchObject({ rating: "very serious", downgrade: 2 });
    expect(phq!.certainty).toBe("very low");
  });

  it("starts non-randomised studies at low and never goes below very low", () => {
    const a = loadStudy(studyA, instruments);
    const rows = grade(a, studyA);
    expect(rows.map((row) => [row.outcome, row.start, row.certainty])).toEqual([
      ["phq-9", "low", "very low"],
      ["nrs-pain", "low", "very low"],
      ["sds", "low", "very low"],
    ]);
    // Study A: no comparison group, unblinded self-report, completion unknown, co-intervention for all → very serious.
    expect(domain(rows[0]!, "risk of bias").downgrade).toBe(2);
    expect(domain(rows[0]!, "risk of bias").reasons).toHaveLength(4);
  });

  it("says inconsistency is not applicable and publication bias not assessable for one study, rating neither down", () => {
    for (const row of grade(loadStudy(studyB, instruments), studyB)) {
      expect(domain(row, "inconsistency")).toMatchObject({ rating: "not applicable", downgrade: 0 });
      expect(domain(row, "publication bias")).toMatchObject({ rating: "not assessable", downgrade: 0 });
      expect(domain(row, "indirectness").downgrade).toBe(0);
    }
  });

  it("rates imprecision by what is reported for each outcome: only words, no spread, or a spread and enough people", () => {
    const rows = grade(loadStudy(studyB, instruments), studyB);
    expect(domain(rows.find((row) => row.outcome === "gad-7")!, "imprecision").reasons[0]).toBe("no numbers are reported for GAD-7, only words");
    expect(domain(rows.find((row) => row.outcome === "bpi-sf-severity")!, "imprecision").reasons[0]).toBe("no SD, SE, confidence interval or test is reported for BPI-SF severity, so its precision cannot be judged");
  });
});
