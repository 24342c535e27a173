import { describe, expect, it } from "vitest";
import cohortMix from "../../analyses/cohort-mix.js";
import type { Artefact } from "../../src/report/artefact.js";
import { loadInstruments } from "../../src/io/load-instruments.js";
import { parseStudy } from "../../src/io/load-study.js";
import { twoArmTrial } from "../helpers/two-arm-trial.js";

const instruments = loadInstruments();

describe("cohort-mix", () => {
  it("shows Table 1 with one column per arm plus the whole sample, and the entry criteria", async () => {
    const study = parseStudy(twoArmTrial(), instruments);
    const table1 = (await cohortMix.run({ study, instruments, seed: 1 })) as Artefact;
    expect(table1.table!.columns.map((c) => c.label)).toEqual(["characteristic", "category or statistic", "group therapy (n = 24)", "a wait list (n = 24)", "whole sample (n = 48)"]);
    // "Mean age was 41.3 ± 11.2 years" (whole sample, ± unstated); "Median sessions attended were 7 (IQR 5–8)" (therapy).
    expect(table1.table!.rows.map((row) => table1.table!.columns.map((c) => row[c.key]))).toEqual([
      ["age (years)", "mean", "—", "—", "41.3 ± 11.2 (SD or SE: not stated)"],
      ["sessions attended", "median", "7 (IQR 5–8)", "—", "—"],
    ]);
    expect(table1.paragraphs).toContain("Entry criteria as reported: PHQ-9 ≥ 10.");
  });

  it("puts two arms' compositions side by side, not in rows that differ only by their quote", async () => {
    const json = twoArmTrial();
    // The same split in both arms: 13 women and 11 men of 24 (13/24 = 54.2%, 11/24 = 45.8%).
    for (const arm of ["therapy", "wait-list"]) {
      json.reported.push({
        kind: "composition",
        id: `sex-${arm}`,
        variable: "sex",
        group: arm,
        n: { value: 24, source: { file: "trial.txt", quote: "24" } },
        categoriesAre: "exclusive",
        categories: [
          { id: "female", label: "female", count: 13, percent: "54", source: { file: "trial.txt", quote: `women ${arm}` } },
          { id: "male", label: "male", count: 11, percent: "46", source: { file: "trial.txt", quote: `men ${arm}` } },
        ],
      });
    }
    const study = parseStudy(json, instruments);
    const [table1, shares] = (await cohortMix.run({ study, instruments, seed: 1 })) as Artefact[];
    const rows = table1!.table!.rows.map((row) => table1!.table!.columns.map((c) => row[c.key]));
    expect(rows).toContainEqual(["sex", "female", "13/24 (54%)", "13/24 (54%)", "—"]);
    expect(rows).toContainEqual(["sex", "male", "11/24 (46%)", "11/24 (46%)", "—"]);
    // The recomputed shares name the arm in a column of their own.
    expect(shares!.table!.rows.map((row) => [row.group, row.category, row.recomputed])).toEqual([
      ["group therapy", "female", "54.2"],
      ["group therapy", "male", "45.8"],
      ["a wait list", "female", "54.2"],
      ["a wait list", "male", "45.8"],
    ]);
  });
});
