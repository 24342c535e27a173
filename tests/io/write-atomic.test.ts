import { spawn } from "node:child_process";
import * as fs from "node:fs";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { writeFileAtomic } from "../../src/io/write-atomic.js";
import { root } from "../helpers/fixtures.js";

// renameSync and writeSync are wrapped so one test can make them fail; every other call is the real one.
const faults = vi.hoisted(() => ({ rename: false, write: false }));
vi.mock("node:fs", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:fs")>();
  return {
    ...real,
    renameSync: (...args: Parameters<typeof real.renameSync>) => {
      if (faults.rename) throw Object.assign(new Error("EXDEV: simulated rename failure"), { code: "EXDEV" });
      return real.renameSync(...args);
    },
    writeSync: (...args: Parameters<typeof real.writeSync>) => {
      if (faults.write) throw Object.assign(new Error("ENOSPC: simulated full disk"), { code: "ENOSPC" });
      return (real.writeSync as (...a: unknown[]) => number)(...args);
    },
  };
});

afterEach(() => {
  faults.rename = false;
  faults.write = false;
});

const freshFolder = () => mkdtempSync(join(tmpdir(), "cohortcheck-atomic-"));
const temporaries = (folder: string) => readdirSync(folder).filter((name) => name.endsWith(".tmp"));

describe("writeFileAtomic", () => {
  it("writes text and bytes, creating the folder, and leaves no temporary file", () => {
    const folder = join(freshFolder(), "nested", "reports");
    writeFileAtomic(join(folder, "a.txt"), "é and ✓\n");
    writeFileAtomic(join(folder, "b.bin"), new Uint8Array([0, 255, 10]));
    expect(readFileSync(join(folder, "a.txt"), "utf8")).toBe("é and ✓\n");
    expect([...readFileSync(join(folder, "b.bin"))]).toEqual([0, 255, 10]);
    expect(temporaries(folder)).toEqual([]);
  });

  it("keeps the previous file intact and removes the temporary file when the rename fails", () => {
    const folder = freshFolder();
    const target = join(folder, "index.html");
    writeFileSync(target, "previous report");
    faults.rename = true;
    expect(() => writeFileAtomic(target, "new report")).toThrow(/simulated rename failure/);
    expect(readFileSync(target, "utf8")).toBe("previous report");
    expect(temporaries(folder)).toEqual([]);
  });

  it("keeps the previous file intact and removes the temporary file when writing fails (full disk)", () => {
    const folder = freshFolder();
    const target = join(folder, "results.json");
    writeFileSync(target, '{"previous": true}\n');
    faults.write = true;
    expect(() => writeFileAtomic(target, "x".repeat(1_000_000))).toThrow(/simulated full disk/);
    expect(readFileSync(target, "utf8")).toBe('{"previous": true}\n');
    expect(temporaries(folder)).toEqual([]);
  });

  it("refuses to replace a folder with a file, leaving the folder and its content alone", () => {
    const folder = freshFolder();
    const target = join(folder, "report");
    fs.mkdirSync(target);
    writeFileSync(join(target, "keep.txt"), "kept");
    expect(() => writeFileAtomic(target, "text")).toThrow();
    expect(readFileSync(join(target, "keep.txt"), "utf8")).toBe("kept");
    expect(temporaries(folder)).toEqual([]);
  });

  it("a writer killed mid-write (SIGKILL) leaves the previous or a complete version, and the next write removes its temporary file", async () => {
    const folder = freshFolder();
    const target = join(folder, "report.txt");
    const size = 8_000_000;
    // Each version is "version <i>\n" padded to exactly `size` bytes, so a partial file is detectable.
    const version = (i: number) => `version ${i}\n`.padEnd(size, "x");
    writeFileSync(target, version(0));
    const script = join(folder, "writer.mjs");
    writeFileSync(
      script,
      `const { writeFileAtomic } = await import(${JSON.stringify(join(root, "src/io/write-atomic.ts"))});
const size = ${size};
for (let i = 1; i <= 10000; i++) writeFileAtomic(${JSON.stringify(target)}, \`version \${i}\\n\`.padEnd(size, "x"));
`,
    );
    // --import tsx (resolved from cwd, the project) lets the script import the TypeScript module.
    const child = spawn(process.execPath, ["--import", "tsx", script], { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    let stderr = "";
    child.stderr!.on("data", (chunk) => (stderr += chunk));
    // Kill it once a temporary file of its own exists, i.e. in the middle of a write.
    const deadline = Date.now() + 30_000;
    let sawTemporary = false;
    while (Date.now() < deadline && child.exitCode === null) {
      if (temporaries(folder).some((name) => name.includes(`.${child.pid}.`))) {
        sawTemporary = true;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    child.kill("SIGKILL");
    await exited;
    expect(sawTemporary, stderr).toBe(true);

    const content = readFileSync(target, "utf8");
    expect(content.length).toBe(size);
    expect(content).toMatch(/^version \d+\nx/);
    const seen = Number(/^version (\d+)/.exec(content)![1]);
    expect(content).toBe(version(seen));

    // The killed writer could not clean up; the next write to the same target does.
    writeFileAtomic(target, "after");
    expect(readFileSync(target, "utf8")).toBe("after");
    expect(temporaries(folder)).toEqual([]);
  });

  it("never removes the temporary file of a writer that is still running", () => {
    const folder = freshFolder();
    const target = join(folder, "x.json");
    // Process 1 (init) always runs: its temporary file must survive our write.
    const live = join(folder, ".x.json.1.tmp");
    writeFileSync(live, "in progress");
    writeFileAtomic(target, "{}");
    expect(readFileSync(live, "utf8")).toBe("in progress");
  });
});
