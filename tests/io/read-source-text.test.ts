import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exitCodes } from "../../src/errors.js";
import { readSourceText } from "../../src/io/read-source-text.js";
import * as msg from "../../src/messages/extract.js";
import { problemsOf, tempFile } from "../helpers/fixtures.js";
import { CohortError } from "../../src/errors.js";

function bytesFile(bytes: number[]): string {
  const file = tempFile("source.txt", "");
  writeFileSync(file, Buffer.from(bytes));
  return file;
}

describe("readSourceText", () => {
  it("reads UTF-8 text, keeping a byte-order mark as its first character", () => {
    expect(readSourceText(tempFile("a.txt", "p = .04\n"))).toBe("p = .04\n");
    expect(readSourceText(bytesFile([0xef, 0xbb, 0xbf, 0x70]))).toBe("\ufeffp");
  });
  it("refuses a missing file, a folder, an empty or blank file, binary and non-UTF-8 bytes, naming the file", () => {
    const missing = join(mkdtempSync(join(tmpdir(), "cohortcheck-")), "nope.txt");
    expect(problemsOf(() => readSourceText(missing))).toEqual([{ file: missing, message: msg.sourceNotFound() }]);
    const folder = mkdtempSync(join(tmpdir(), "cohortcheck-"));
    expect(problemsOf(() => readSourceText(folder))).toEqual([{ file: folder, message: msg.sourceIsFolder() }]);
    const empty = tempFile("empty.txt", "");
    expect(problemsOf(() => readSourceText(empty))).toEqual([{ file: empty, message: msg.sourceEmpty() }]);
    expect(problemsOf(() => readSourceText(tempFile("blank.txt", " \n\t\n")))[0]!.message).toBe(msg.sourceEmpty());
    // A PDF's first bytes hold NUL characters; 0xff 0xfe is not UTF-8 (it starts UTF-16).
    expect(problemsOf(() => readSourceText(bytesFile([0x25, 0x50, 0x44, 0x46, 0x00, 0x01])))[0]!.message).toBe(msg.sourceBinary());
    expect(problemsOf(() => readSourceText(bytesFile([0xff, 0xfe, 0x41, 0x42])))[0]!.message).toBe(msg.sourceNotUtf8());
  });
  it("refuses a file over the size budget before reading it, with the budget exit code", () => {
    const file = tempFile("big.txt", "x".repeat(101));
    try {
      readSourceText(file, 100);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CohortError);
      expect((error as CohortError).exitCode).toBe(exitCodes.refused);
      expect((error as CohortError).problems).toEqual([{ file, message: msg.sourceTooLarge(101, 100) }]);
    }
  });
});
