import { describe, expect, it } from "vitest";
import { loadInstruments } from "../../src/io/load-instruments.js";
import { loadStudy } from "../../src/io/load-study.js";
import { inPlainWords, plainNames } from "../../src/report/plain-names.js";
import { studyB } from "../helpers/fixtures.js";

const instruments = loadInstruments();
const study = loadStudy(studyB, instruments);
const glossary = plainNames(study, instruments);

describe("plainNames", () => {
  it("names a reported value by its measure, printed figure, group and timepoints (study B's file, line 217)", () => {
    // The file: instrument bpi-sf-severity, group psycholytic, +24.56%, after-s3 → after-s6.
    const words = glossary.get("psycholytic-severity-s3-s6")!;
    for (const part of ["BPI-SF severity", "24.56%", "Psycholytic", "session 3", "session 6"]) expect(words).toContain(part);
    expect(words).not.toContain("psycholytic-severity");
  });
  it("leaves one-word ids alone (they are plain words too)", () => {
    expect([...glossary.keys()].every((id) => id.includes("-"))).toBe(true);
  });
});

describe("inPlainWords", () => {
  it("replaces whole ids only, and lists what it replaced", () => {
    const { text, replaced } = inPlainWords("fits under means-off-grid-3dp; not means-off-grid-3dp-x or psycholytic-severity-s3-s6", glossary);
    expect(replaced).toEqual(["means-off-grid-3dp", "psycholytic-severity-s3-s6"]);
    expect(text).toContain("group means off the item grid, rounded to 3 decimals");
    // A longer token that merely starts with an id is not an id.
    expect(text).toContain("means-off-grid-3dp-x");
  });
});
