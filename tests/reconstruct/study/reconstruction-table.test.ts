import { describe, expect, it } from "vitest";
import { reconstructionTable } from "../../../src/reconstruct/study/reconstruction-table.js";
import { RECONSTRUCTION_LABEL, type Reconstruction } from "../../../src/schema/reconstruction.js";

const base = { label: RECONSTRUCTION_LABEL, method: "test", assumptions: ["made up for the test"] };

describe("reconstructionTable", () => {
  it("stacks datasets under a 1-based dataset column, one row per patient per dataset, null where a dataset lacks a column", () => {
    const a: Reconstruction = { ...base, columns: ["id", "score"], rows: [{ id: "p1", score: 3 }, { id: "p2", score: null }] };
    const b: Reconstruction = { ...base, columns: ["id", "score", "arm"], rows: [{ id: "p1", score: 4, arm: "x" }] };
    // Written out by hand from the two datasets above.
    expect(reconstructionTable([a, b])).toEqual({
      columns: ["dataset", "id", "score", "arm"],
      rows: [
        [1, "p1", 3, null],
        [1, "p2", null, null],
        [2, "p1", 4, "x"],
      ],
    });
  });

  it("never reuses a column name a reconstruction already has", () => {
    const a: Reconstruction = { ...base, columns: ["dataset", "dataset_2"], rows: [{ dataset: "d", dataset_2: "e" }] };
    expect(reconstructionTable([a])).toEqual({ columns: ["dataset_3", "dataset", "dataset_2"], rows: [[1, "d", "e"]] });
  });
});
