import { describe, expect, it } from "vitest";
import outcomes from "../../analyses/outcomes.js";
import type { Artefact } from "../../src/report/artefact.js";
import { loadInstruments } from "../../src/io/load-instruments.js";
import { parseStudy } from "../../src/io/load-study.js";
import { twoArmTrial } from "../helpers/two-arm-trial.js";

const instruments = loadInstruments();

describe("outcomes", () => {
  it("tabulates the two-arm trial's outcomes with one column per arm and the reported tests beside the values they compare", async () => {
    const study = parseStudy(twoArmTrial(), instruments);
    const artefact = (await outcomes.run({ study, instruments, seed: 1 })) as Artefact;
    expect(artefact.table!.columns.map((c) => c.label)).toEqual(["measure", "when", "statistic", "group therapy (n = 24)", "a wait list (n = 24)", "comparison as reported"]);
    // Each cell as tests/helpers/two-arm-trial.ts states it: "15.2 ± 3.1 (therapy) and 14.9 ± 3.4 (wait list)",
    // "9.6 (SD 4.2) and 13.1 (SD 4.0)" with n = 22 completers, "−5.6 (95% CI −7.4 to −3.8)", "t(42) = 2.83, p = .007",
    // "11/22 (50%) with therapy and 3/22 (13.6%) on the wait list, OR 6.33 … p = .013".
    expect(artefact.table!.rows.map((row) => artefact.table!.columns.map((c) => row[c.key]))).toEqual([
      ["PHQ-9", "Baseline", "mean", "15.2 ± 3.1 (SD or SE: not stated)", "14.9 ± 3.4 (SD or SE: not stated)", ""],
      ["PHQ-9", "Week 8", "mean", "9.6 ± 4.2 (SD), n = 22", "13.1 ± 4.0 (SD), n = 22", "t(42) = 2.83, p = 0.007 (group therapy vs a wait list)"],
      ["PHQ-9", "Baseline → Week 8", "mean change", "-5.6 (95% CI -7.4 to -3.8), n = 22", "—", ""],
      ["response (a 50% reduction)", "Week 8", "count (%)", "11/22 (50%)", "3/22 (13.6%)", "odds ratio 6.33, p = 0.013 (group therapy vs a wait list)"],
    ]);
  });

  it("puts a within-group test in its group's column, and keeps one column for a one-arm study", async () => {
    const json = twoArmTrial();
    json.design.arms = json.design.arms.slice(0, 1);
    json.design.sampleSize = { value: 24, derivedFrom: "arm-sizes" };
    json.reported = json.reported.filter((v: { group?: string; groups?: string[]; kind: string }) => v.group === "therapy" || (v.kind === "eligibility"));
    json.reported.push({ kind: "test", id: "phq9-paired", statistic: { name: "t", value: "2.83", df: ["42"] }, comparison: "within-group", instrument: "phq-9", groups: ["therapy"], timepoints: ["baseline", "week-8"], source: { file: "trial.txt", quote: "t(42) = 2.83" } });
    const study = parseStudy(json, instruments);
    const artefact = (await outcomes.run({ study, instruments, seed: 1 })) as Artefact;
    expect(artefact.table!.columns.map((c) => c.label)).toEqual(["measure", "when", "statistic", "group therapy (n = 24)"]);
    const rows = artefact.table!.rows.map((row) => artefact.table!.columns.map((c) => row[c.key]));
    expect(rows).toContainEqual(["PHQ-9", "Baseline → Week 8", "test within the group", "t(42) = 2.83"]);
  });
});
