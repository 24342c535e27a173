import { describe, expect, it } from "vitest";
import { loadInstruments } from "../../src/io/load-instruments.js";
import { parseStudy } from "../../src/io/load-study.js";
import { describeInventory, describeSpreads, describeTests, spreadKinds, valuesWithSpread, valuesWithTest } from "../../src/report/describe-inventory.js";
import { seedJson, studyB } from "../helpers/fixtures.js";
import { twoArmTrial } from "../helpers/two-arm-trial.js";

const instruments = loadInstruments();
const trial = parseStudy(twoArmTrial(), instruments);
const value = (id: string) => trial.reported.find((v) => v.id === id)!;

describe("describe-inventory", () => {
  it("names every spread a value carries: a ± by its stated kind, a CI, an IQR", () => {
    // From tests/helpers/two-arm-trial.ts: "15.2 ± 3.1 (therapy)", "9.6 (SD 4.2)", "−5.6 (95% CI −7.4 to −3.8)", "7 (IQR 5–8)".
    expect(spreadKinds(value("phq9-therapy-baseline"))).toEqual(["unstated"]);
    expect(spreadKinds(value("phq9-therapy-week-8"))).toEqual(["sd"]);
    expect(spreadKinds(value("phq9-therapy-change"))).toEqual(["ci"]);
    expect(spreadKinds(value("sessions-therapy"))).toEqual(["iqr"]);
    expect(spreadKinds(value("response-or"))).toEqual(["ci"]);
    expect(spreadKinds(value("response-therapy"))).toEqual([]);
  });

  it("lists the trial's spreads and tests where the source reports them", () => {
    // The trial text has 3 ± of unstated kind (age, both baselines), 2 SDs (week 8), 2 CIs (the change, the OR),
    // 1 IQR; one t-test with statistic and p, one odds ratio with p.
    expect(valuesWithSpread(trial.reported).map((v) => v.id)).toEqual(["age-all", "phq9-therapy-baseline", "phq9-wait-list-baseline", "phq9-therapy-week-8", "phq9-wait-list-week-8", "phq9-therapy-change", "sessions-therapy", "response-or"]);
    expect(valuesWithTest(trial.reported).map((v) => v.id)).toEqual(["phq9-week-8-t", "response-or"]);
    expect(describeSpreads(trial.reported, trial, instruments)).toBe(
      "SDs (PHQ-9, group therapy, Week 8; PHQ-9, a wait list, Week 8); ± values of unstated kind (SD or SE) (age (years), whole sample; PHQ-9, group therapy, Baseline; PHQ-9, a wait list, Baseline); confidence intervals (PHQ-9, group therapy, Baseline → Week 8; response (a 50% reduction), group therapy vs a wait list, Week 8); an IQR (sessions attended, group therapy)",
    );
    expect(describeTests(trial.reported, trial, instruments)).toBe(
      "1 test with its statistic and p-value: t(42) = 2.83, p = 0.007 (PHQ-9, group therapy vs a wait list, Week 8); 1 effect estimate with a p-value: odds ratio 6.33, p = 0.013 (response (a 50% reduction), group therapy vs a wait list, Week 8)",
    );
  });

  it("says nothing is reported only for a study that reports none (study B: percent changes only)", () => {
    const b = parseStudy(seedJson(studyB), instruments);
    expect(describeInventory(b, instruments)).toEqual(["No reported value carries an SD, SE, confidence interval, IQR or range.", "No test statistic and no p-value is reported."]);
    const [spreads, tests] = describeInventory(trial, instruments);
    expect(spreads.startsWith("Spread reported: SDs (")).toBe(true);
    expect(tests.startsWith("Tests reported: 1 test with its statistic and p-value")).toBe(true);
  });

  it("says which part of a test is printed when only one is", () => {
    const study = twoArmTrial();
    const test = study.reported.find((v: { id: string }) => v.id === "phq9-week-8-t");
    delete test.statistic;
    const parsed = parseStudy(study, instruments);
    expect(describeTests(parsed.reported, parsed, instruments)).toMatch(/^1 test with its p-value \(no statistic printed\): p = 0\.007 /);
  });
});
