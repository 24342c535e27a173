import { describe, expect, it } from "vitest";
import { loadInstruments } from "../../src/io/load-instruments.js";
import { parseStudy } from "../../src/io/load-study.js";
import { RESERVED_REPORT_NAMES } from "../../src/schema/study-id.js";
import { problemsOf, seedJson, studyB } from "../helpers/fixtures.js";

const registry = loadInstruments();

describe("Study.id (red team finding 6: a study with id claims-registers lost its report folder)", () => {
  it("refuses every name the reports tree uses for its own folders, at $.id", () => {
    expect(RESERVED_REPORT_NAMES).toContain("claims-registers");
    for (const id of RESERVED_REPORT_NAMES) {
      const study = seedJson(studyB);
      study.id = id;
      expect(problemsOf(() => parseStudy(study, registry))).toEqual([{ path: "$.id", message: `is reserved: the reports tree uses "claims-registers" for its own folders; choose another id` }]);
    }
  });

  it("accepts ids that only contain a reserved name", () => {
    for (const id of ["claims-registers-2", "my-claims-registers", "claims"]) {
      const study = seedJson(studyB);
      study.id = id;
      expect(parseStudy(study, registry).id).toBe(id);
    }
  });
});
