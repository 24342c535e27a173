import { describe, expect, it } from "vitest";
import { loadInstruments } from "../../src/io/load-instruments.js";
import { parseStudy } from "../../src/io/load-study.js";
import { columnOf, groupColumns, rowsByGroup } from "../../src/report/group-columns.js";
import { seedJson, studyA } from "../helpers/fixtures.js";
import { twoArmTrial } from "../helpers/two-arm-trial.js";

const instruments = loadInstruments();
const trial = parseStudy(twoArmTrial(), instruments);

describe("group-columns", () => {
  it("gives one column per arm in the study's order, with its size, and the whole sample only when a value is about it", () => {
    // Arms of tests/helpers/two-arm-trial.ts: "24 to group therapy and 24 to a wait list"; 48 in all.
    expect(groupColumns(trial, ["therapy"]).map((c) => c.label)).toEqual(["group therapy (n = 24)", "a wait list (n = 24)"]);
    expect(groupColumns(trial, ["therapy", "all"]).map((c) => c.label)).toEqual(["group therapy (n = 24)", "a wait list (n = 24)", "whole sample (n = 48)"]);
  });

  it("keeps one column for a one-arm study, showing its arm and its whole sample alike", () => {
    const a = parseStudy(seedJson(studyA), instruments);
    const columns = groupColumns(a, ["all"]);
    expect(columns.map((c) => c.label)).toEqual(["All patients (single cohort) (n = 20)"]);
    expect(columnOf(columns, "all")).toBe(columns[0]);
    expect(columnOf(columns, a.design.arms[0]!.id)).toBe(columns[0]);
  });

  it("puts each group's value in its column, joins two values of one cell and marks empty cells", () => {
    const columns = groupColumns(trial, ["therapy", "wait-list"]);
    const rows = rowsByGroup(
      [
        { row: "x", fixed: { what: "x" }, group: "therapy", text: "1" },
        { row: "x", fixed: { what: "x" }, group: "therapy", text: "2" },
        { row: "y", fixed: { what: "y" }, group: "wait-list", text: "3" },
        { row: "y", fixed: { what: "y" }, group: "no-such-arm", text: "4" },
      ],
      columns,
    );
    expect(rows).toEqual([
      { what: "x", "group-0": "1 · 2", "group-1": "—" },
      { what: "y", "group-0": "—", "group-1": "3" },
    ]);
  });
});
