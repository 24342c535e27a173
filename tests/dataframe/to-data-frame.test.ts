import { describe, expect, it } from "vitest";
import { toDataFrame } from "../../src/dataframe/to-data-frame.js";
import { loadInstruments } from "../../src/io/load-instruments.js";
import { loadStudy } from "../../src/io/load-study.js";
import { reconstructionTable } from "../../src/reconstruct/study/reconstruction-table.js";
import { reconstructStudy } from "../../src/reconstruct/study/reconstruct-study.js";
import { RECONSTRUCTION_LABEL } from "../../src/schema/reconstruction.js";
import { studyA, studyB } from "../helpers/fixtures.js";

const registry = loadInstruments();

describe("toDataFrame", () => {
  for (const [name, file] of [["study A", studyA], ["study B", studyB]] as const) {
    it(`holds every cell of the rebuilt datasets of ${name}, labelled on every row`, () => {
      const { reconstructions } = reconstructStudy(loadStudy(file, registry), registry, { seed: 3, count: 3 });
      const frame = toDataFrame(reconstructions);
      const table = reconstructionTable(reconstructions);
      expect(frame.columns).toEqual(["label", ...table.columns]);
      // danfojs's own row export, compared with the rows of the reconstructions themselves (a second route to the same cells).
      const rows = frame.values as Array<Array<string | number | null>>;
      expect(rows.length).toBe(reconstructions.reduce((sum, r) => sum + r.rows.length, 0));
      expect(rows.every((row) => row[0] === RECONSTRUCTION_LABEL)).toBe(true);
      const expected = reconstructions.flatMap((r, index) => r.rows.map((row) => [index + 1, ...table.columns.slice(1).map((column) => row[column] ?? null)]));
      expect(rows.map((row) => row.slice(1).map((cell) => (typeof cell === "number" && Number.isNaN(cell) ? null : cell)))).toEqual(expected);
    });
  }

  it("takes a single reconstruction as well", () => {
    const { reconstructions } = reconstructStudy(loadStudy(studyB, registry), registry, { seed: 1, count: 1 });
    expect(toDataFrame(reconstructions[0]!).shape).toEqual([reconstructions[0]!.rows.length, reconstructions[0]!.columns.length + 2]);
  });
});
