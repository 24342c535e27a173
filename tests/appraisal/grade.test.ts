import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { gradeCertainty, type GradeOutcome } from "../../src/appraisal/grade.js";
import { limitsRegister, resolve } from "../../src/appraisal/limits-register.js";
import { loadAttribution } from "../../src/appraisal/source-sections.js";
import { loadInstruments } from "../../src/io/load-instruments.js";
import { loadStudy, parseStudy } from "../../src/io/load-study.js";
import type { Study } from "../../src/schema/study.js";
import { root, studyA, studyB } from "../helpers/fixtures.js";
import { buildVariant, variants } from "../helpers/study-variants.js";
import { twoArmTrial } from "../helpers/two-arm-trial.js";
import { syntheticRct } from "./synthetic-rct.js";

const instruments = loadInstruments();
const options = resolve({});
const grade = (study: Study, file?: string) => gradeCertainty(study, instruments, limitsRegister(study, instruments, {}, file ? loadAttribution(study, file) : undefined), options);
const example = (id: string) => join(root, "data/studies", `${id}.json`);
const gradeOf = (id: string) => grade(loadStudy(example(id), instruments), example(id));
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

  it("rates the mask trial's outcomes, whatever their measure, from high: its file gives each downgrade", () => {
    const rows = gradeOf("face-masks-rct-norway");
    expect(rows.map((row) => [row.kind, row.outcome, row.start, row.certainty])).toEqual([
      ["counted", "self-reported symptoms consistent with respiratory infection", "high", "moderate"],
      ["counted", "self-reported covid-19 infection", "high", "very low"],
    ]);
    const [symptoms, covid] = rows as [GradeOutcome, GradeOutcome];
    // Blinding none and outcomes self-reported (design fields): −1 for both.
    expect(domain(symptoms, "risk of bias")).toMatchObject({ downgrade: 1, reasons: ["no blinding; outcomes partly rated by the participants themselves"] });
    // OR 0.71 (0.58 to 0.87) excludes 1; 4575 analysed ≥ OIS 2 × 1606 = 3212 (12.2% in the control arm, 25% relative
    // reduction; tests/inference/two-proportion-sample-size.test.ts): not serious.
    expect(domain(symptoms, "imprecision")).toMatchObject({ downgrade: 0 });
    expect(domain(symptoms, "imprecision").reasons[0]).toContain("n = 4575 reaches the optimal information size of 3212");
    // OR 1.07 (0.58 to 1.98) includes 1 and reaches below 0.75 and above 1.25: very serious (−2). High − 3 = very low.
    expect(domain(covid, "imprecision")).toMatchObject({ downgrade: 2 });
    expect(domain(covid, "imprecision").reasons[0]).toMatch(/1\.07 \(95% CI 0\.58 to 1\.98\) includes no effect and reaches both an appreciable benefit and an appreciable harm/);
  });

  it("rates each of the yoga pilot's 12 measures by its own n and its own missing data", () => {
    const rows = gradeOf("yoga-videoconference-young-adults-cancer");
    expect(rows).toHaveLength(12);
    expect(rows.filter((row) => row.kind === "instrument")).toHaveLength(5);
    const balance = rows.find((row) => row.outcome === "balance-right")!;
    // Table 4: single leg balance, right, n = 19 of the 30 who started: 11 missing (36.7% > 20%) → a risk-of-bias concern;
    // 19 < 34 (the n of a paired t-test with 80% power for dz = 0.5, Cohen 1988 Table 2.4.1) → serious imprecision.
    expect(domain(balance, "risk of bias").reasons).toContain("single leg balance, right is missing for 11 of 30 (36.7%, more than 20%)");
    expect(domain(balance, "imprecision").reasons).toEqual(["n = 19 is below the optimal information size of 34 (one group before and after, 80% power for dz = 0.5, α = 0.05)"]);
    const physical = rows.find((row) => row.outcome === "rand36-physical-functioning")!;
    // 26 of 30 answered: 13.3% missing, under the 20% concern.
    expect(domain(physical, "risk of bias").reasons.some((reason) => /missing/.test(reason))).toBe(false);
  });

  it("compares every instrument of a two-arm study between its arms, and words a three-arm study's information size pairwise", () => {
    const interference = grade(loadStudy(studyB, instruments), studyB).find((row) => row.outcome === "bpi-sf-interference")!;
    expect(domain(interference, "imprecision").reasons).toContain("n = 10 is below the optimal information size of 128 (two arms compared, 80% power for d = 0.5, α = 0.05)");
    const three = buildVariant(variants.find((spec) => spec.id === "variant-three-arms")!).study;
    const [phq] = grade(parseStudy(three, instruments, "three.json"));
    // Three arms of 24: the largest pair holds 48, below 2 × 64 = 128.
    expect(domain(phq!, "imprecision").reasons[0]).toBe("n = 48 in the largest pairwise comparison is below the optimal information size of 128 (a pairwise comparison of arms, 80% power for d = 0.5, α = 0.05)");
  });
});
