import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { loadInstruments } from "../../../src/io/load-instruments.js";
import { loadStudy } from "../../../src/io/load-study.js";
import { reconstructionCsv, reconstructionSidecar, reconstructionsJson } from "../../../src/reconstruct/study/export.js";
import { reconstructStudy } from "../../../src/reconstruct/study/reconstruct-study.js";
import { RECONSTRUCTION_LABEL } from "../../../src/schema/reconstruction.js";
import { studyB } from "../../helpers/fixtures.js";

const registry = loadInstruments();
const result = reconstructStudy(loadStudy(studyB, registry), registry, { seed: 2, count: 2 });
const first = result.reconstructions[0]!;

describe("reconstructionCsv", () => {
  it("opens with the label, then one comment line per assumption, then the header and rows that parse back to the data", () => {
    const csv = reconstructionCsv(first);
    const lines = csv.trimEnd().split("\n");
    expect(lines[0]).toBe(`# ${RECONSTRUCTION_LABEL}`);
    const comments = lines.filter((l) => l.startsWith("#"));
    expect(comments.filter((l) => l.startsWith("# assumption: ")).map((l) => l.slice(14))).toEqual(first.assumptions);
    const body = lines.slice(comments.length);
    expect(body[0]).toBe(first.columns.join(","));
    // Parsed here with a plain split (no commas in cells): empty cell = null, otherwise a number or the text.
    const parsed = body.slice(1).map((line) => Object.fromEntries(line.split(",").map((cell, i) => [first.columns[i]!, cell === "" ? null : Number.isNaN(Number(cell)) ? cell : Number(cell)])));
    expect(parsed).toEqual(first.rows);
  });

  it("quotes a text cell with a comma, quote or line break and neutralises a formula, so csv-parse reads the cells back", () => {
    const hostile = ['a,b "c"', "line\nbreak", "=HYPERLINK(\"http://example.org\")"];
    const bad = { ...first, rows: hostile.map((arm) => ({ ...first.rows[0]!, arm })) };
    const body = reconstructionCsv(bad)
      .split("\n")
      .filter((line) => !line.startsWith("#"))
      .join("\n");
    const parsed: Record<string, string>[] = parse(body, { columns: true });
    // The first two come back verbatim; the formula comes back with the single quote csvText puts in front.
    expect(parsed.map((row) => row.arm)).toEqual([hostile[0], hostile[1], `'${hostile[2]}`]);
  });
});

describe("reconstructionSidecar and reconstructionsJson", () => {
  it("carry the label and assumptions; the JSON round-trips to the result", () => {
    const sidecar = JSON.parse(reconstructionSidecar(first));
    expect(sidecar.label).toBe(RECONSTRUCTION_LABEL);
    expect(sidecar.assumptions).toEqual(first.assumptions);
    expect(sidecar.rowCount).toBe(10);
    expect(sidecar.rows).toBeUndefined();
    expect(JSON.parse(reconstructionsJson(result))).toEqual(JSON.parse(JSON.stringify(result)));
  });
});
