import { describe, expect, it } from "vitest";
import { checkStudy } from "../../src/checks/check-study.js";
import { loadInstruments } from "../../src/io/load-instruments.js";
import { parseStudy } from "../../src/io/load-study.js";
import type { Localisation } from "../../src/localise/localise.js";
import { twoArmTrial } from "../helpers/two-arm-trial.js";

const instruments = loadInstruments();
const reported = (study: any, id: string) => study.reported.find((v: any) => v.id === id);

describe("the localiser on test statistics and p-values", () => {
  it("explains a p that fits only one-tailed, per figure", () => {
    // scipy: t(42) over [2.825, 2.835] gives two-tailed p 0.00703–0.00721, one-tailed 0.00352–0.00360:
    // a printed p = .0036 ([0.00355, 0.00365]) fits only one-tailed (the statistic truncated changes little).
    const study = twoArmTrial();
    reported(study, "phq9-week-8-t").p = { relation: "=", value: "0.0036" };
    const results = checkStudy(parseStudy(study, instruments), instruments);
    const result = results.find((r) => r.check === "statistic-p" && r.subject?.[0] === "phq9-week-8-t")!;
    expect(result.status).toBe("inconsistent");
    const found = (result.details as { localisation: Localisation }).localisation;
    expect(found.status).toBe("explained");
    expect(found.explanations.map((e) => e.readings.map((r) => r.slip).join("+"))).toContain("one-tailed");
    expect(result.explanation).toMatch(/the p-value p = 0.0036 is one-tailed/);
  });

  it("passes the rounding threshold to the localiser", () => {
    // Hand: n = 6 whole numbers give 7/6 = 1.1667 or 8/6 = 1.3333. Rounded up from a threshold of 1 (scrutiny's
    // up_from: up when the part cut off is at least 0.1), 1.3333 prints as 1.34, so 1.33 is impossible; with the
    // usual threshold 5 it prints as 1.33. The localiser must judge the as-printed set with the same threshold:
    // had it used 5, it would call the set consistent as printed.
    const study = twoArmTrial();
    study.variables.push({ id: "visits", label: "visits", step: 1 });
    study.reported.push({ kind: "mean", id: "visits-therapy", variable: "visits", group: "therapy", mean: "1.33", n: 6, source: reported(study, "phq9-week-8-t").source });
    const results = checkStudy(parseStudy(study, instruments), instruments, { rounding: "up_from", threshold: 1 });
    const grim = results.find((r) => r.check === "grim" && r.subject?.[0] === "visits-therapy")!;
    expect(grim.status).toBe("inconsistent");
    const found = (grim.details as { localisation: Localisation }).localisation;
    expect(found.status).not.toBe("consistent");
    expect(checkStudy(parseStudy(study, instruments), instruments, { rounding: "up_from", threshold: 5 }).find((r) => r.check === "grim" && r.subject?.[0] === "visits-therapy")!.status).toBe("consistent");
  });
});
