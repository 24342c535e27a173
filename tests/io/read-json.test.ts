import { writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatProblem } from "../../src/errors.js";
import { readJsonFile } from "../../src/io/read-json.js";
import * as msg from "../../src/messages/io.js";
import { problemsOf, tempFile } from "../helpers/fixtures.js";

/** The message of the CohortError that `run` throws (file: path: message, as the CLI prints it). */
function messageOf(run: () => unknown): string {
  return problemsOf(run).map(formatProblem).join("\n");
}

describe("readJsonFile", () => {
  it("names the line and column of a syntax error", () => {
    const file = tempFile("broken.json", '{\n  "id": "x",\n  "title": oops\n}');
    // Line 3 is `  "title": oops`; the parser stops at the "o" of oops, column 12.
    expect(messageOf(() => readJsonFile(file))).toMatch(new RegExp(`^${file.replace(/[.]/g, "\\.")}: invalid JSON at line 3, column 12`));
  });

  it("says a truncated file is invalid JSON", () => {
    expect(messageOf(() => readJsonFile(tempFile("cut.json", '{"id": "x", "design": {')))).toMatch(/invalid JSON/);
  });

  it("says an empty file is empty", () => {
    expect(messageOf(() => readJsonFile(tempFile("empty.json", "")))).toMatch(/the file is empty/);
  });

  it("refuses a missing file and a folder", () => {
    expect(messageOf(() => readJsonFile("/nonexistent/study.json"))).toBe(`/nonexistent/study.json: ${msg.notFound()}`);
    expect(messageOf(() => readJsonFile("/tmp"))).toBe(`/tmp: ${msg.notRegularFile("folder")}`);
  });

  it("refuses bytes that are not UTF-8", () => {
    const file = tempFile("latin1.json", "");
    // {"é":1} in Latin-1: 0xe9 alone is not valid UTF-8.
    writeFileSync(file, Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]));
    expect(messageOf(() => readJsonFile(file))).toMatch(/is not UTF-8 text/);
  });

  it("refuses a key written twice in one object, naming both places (JSON.parse alone keeps the last silently)", () => {
    // Line 4 is '    "sampleSize": {"value": 20, "value": 200}': the keys' quotes are at columns 20 and 33 (by hand).
    const file = tempFile("twice.json", '{\n  "id": "x",\n  "design": {\n    "sampleSize": {"value": 20, "value": 200}\n  }\n}');
    const place = (column: number) => msg.jsonPlace("$.design.sampleSize.value", 4, column);
    expect(messageOf(() => readJsonFile(file))).toBe(`${file}: $.design.sampleSize.value: ${msg.duplicateKey("value", place(20), place(33))}`);
  });
});
