import { mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CohortError, formatProblem } from "../../src/errors.js";
import { asFileSystemProblem, isFileSystemError } from "../../src/io/file-system-error.js";
import * as msg from "../../src/messages/io.js";

const folder = mkdtempSync(join(tmpdir(), "cohortcheck-fserror-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** What a real node:fs call throws. */
function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to throw");
}

describe("asFileSystemProblem", () => {
  it("turns what node:fs throws into one line with the path and what the system said, exit 1", () => {
    mkdirSync(join(folder, "dir"));
    const error = asFileSystemProblem(thrownBy(() => writeFileSync(join(folder, "dir"), "x"))) as CohortError;
    expect(error).toBeInstanceOf(CohortError);
    expect(error.exitCode).toBe(1);
    expect(formatProblem(error.problems[0]!)).toBe(`${join(folder, "dir")}: ${msg.fileSystemFailure("open", "EISDIR", "it is a folder")}`);
  });

  it("names the given path when the error carries none, or always when asked", () => {
    symlinkSync(join(folder, "b"), join(folder, "a"));
    symlinkSync(join(folder, "a"), join(folder, "b"));
    const loop = thrownBy(() => openSync(join(folder, "a"), "r"));
    expect(isFileSystemError(loop)).toBe(true);
    expect((asFileSystemProblem(loop, "elsewhere", true) as CohortError).problems[0]!.file).toBe("elsewhere");
    const noPath = Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC", syscall: "write" });
    expect(formatProblem((asFileSystemProblem(noPath, "reports/a.png") as CohortError).problems[0]!)).toBe(`reports/a.png: ${msg.fileSystemFailure("write", "ENOSPC", "no space left on the device (the disk is full)")}`);
  });

  it("returns any other error unchanged", () => {
    const bug = new TypeError("x is undefined");
    expect(asFileSystemProblem(bug)).toBe(bug);
    const input = new CohortError({ message: "bad" });
    expect(asFileSystemProblem(input)).toBe(input);
  });
});
