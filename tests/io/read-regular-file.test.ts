import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatProblem } from "../../src/errors.js";
import { readRegularFile, readTextFile } from "../../src/io/read-regular-file.js";
import * as msg from "../../src/messages/io.js";
import { problemsOf } from "../helpers/fixtures.js";

const folder = mkdtempSync(join(tmpdir(), "cohortcheck-regular-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const messageOf = (run: () => unknown) => problemsOf(run).map(formatProblem).join("\n");

describe("readRegularFile", () => {
  it("reads a regular file whole, also through a symbolic link", () => {
    const file = join(folder, "a.json");
    writeFileSync(file, '{"a": 1}');
    symlinkSync(file, join(folder, "link.json"));
    expect(readRegularFile(file, 100).toString()).toBe('{"a": 1}');
    expect(readRegularFile(join(folder, "link.json"), 100).toString()).toBe('{"a": 1}');
  });

  it("refuses a FIFO at once instead of waiting for a writer (the red team's hang)", () => {
    const fifo = join(folder, "fifo.json");
    execFileSync("mkfifo", [fifo]);
    expect(messageOf(() => readRegularFile(fifo, 100))).toBe(`${fifo}: ${msg.notRegularFile("FIFO (named pipe)")}`);
  });

  it("refuses /dev/zero and /dev/urandom without reading them (their size is 0, their content endless)", () => {
    expect(messageOf(() => readRegularFile("/dev/zero", 1024))).toBe(`/dev/zero: ${msg.notRegularFile("character device")}`);
    expect(messageOf(() => readRegularFile("/dev/urandom", 1024))).toBe(`/dev/urandom: ${msg.notRegularFile("character device")}`);
  });

  it("refuses a folder, a missing file and a symbolic link loop with their own messages", () => {
    const sub = join(folder, "sub.json");
    mkdirSync(sub);
    expect(messageOf(() => readRegularFile(sub, 100))).toBe(`${sub}: ${msg.notRegularFile("folder")}`);
    expect(messageOf(() => readRegularFile(join(folder, "missing.json"), 100))).toBe(`${join(folder, "missing.json")}: ${msg.notFound()}`);
    symlinkSync(join(folder, "loop-b.json"), join(folder, "loop-a.json"));
    symlinkSync(join(folder, "loop-a.json"), join(folder, "loop-b.json"));
    expect(messageOf(() => readRegularFile(join(folder, "loop-a.json"), 100))).toMatch(/loop-a\.json: cannot open: too many levels of symbolic links \(a symbolic link loop\?\) \(ELOOP\)$/);
  });

  it("counts the bytes it reads: exactly the cap is read, one more byte is refused", () => {
    const file = join(folder, "ten.txt");
    writeFileSync(file, "0123456789");
    expect(readRegularFile(file, 10).length).toBe(10);
    expect(messageOf(() => readRegularFile(file, 9))).toBe(`${file}: ${msg.tooLarge(9)}`);
  });

  it("refuses a huge file after reading at most the cap (a sparse 20 GB file is not read through)", () => {
    const file = join(folder, "huge.json");
    writeFileSync(file, "");
    truncateSync(file, 20 * 1024 ** 3);
    expect(messageOf(() => readRegularFile(file, 1024 * 1024))).toBe(`${file}: ${msg.tooLarge(1024 * 1024)}`);
  });
});

describe("readTextFile", () => {
  it("decodes UTF-8 (dropping a byte-order mark) and refuses other encodings", () => {
    const good = join(folder, "bom.txt");
    writeFileSync(good, Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0xc3, 0xa9]));
    expect(readTextFile(good, 100)).toBe("aé");
    const bad = join(folder, "latin1.txt");
    writeFileSync(bad, Buffer.from([0x61, 0xe9]));
    expect(messageOf(() => readTextFile(bad, 100))).toBe(`${bad}: ${msg.notUtf8()}`);
  });
});
