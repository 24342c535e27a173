// Every command in README.md and docs/*.md runs as the page says: its exit status, and in console blocks the
// output the page shows. Every relative link resolves to a file and, with a #anchor, to a heading of it. The
// conventions are in docs/contributing.md ("Documentation that runs").
//
// Each page runs in its own scratch copy of the project (code, data, docs, the built dist/; node_modules linked),
// its blocks in page order, so nothing in the repository changes and a page may build on its earlier blocks.
// Pages run two at a time (the machine has two cores). Nothing is timed: a command that has not finished after
// COMMAND_LIMIT_MS is reported as hanging, a bound far above what any documented command needs.
import { spawn } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anchors, commands, fences, isShell, relativeLinks, unmatchedLine, type DocCommand } from "../helpers/markdown-blocks.js";
import { root } from "../helpers/fixtures.js";

const COMMAND_LIMIT_MS = 180_000;
const PARALLEL_PAGES = 2;
/** At most this many blocks may be shown without being run, each with its reason. */
const MAX_NO_RUN = 5;
const README_MAX_LINES = 250;

const pages = ["README.md", ...readdirSync(join(root, "docs")).filter((name) => name.endsWith(".md")).sort().map((name) => `docs/${name}`)];
const text = new Map(pages.map((page) => [page, readFileSync(join(root, page), "utf8")]));
const blocksOf = (page: string) => fences(text.get(page)!);

interface Ran {
  page: string;
  cmd: DocCommand;
  status: number | null;
  stdout: string;
  stderr: string;
  hung: boolean;
  seconds: number;
}

/** What a page's shell command becomes in the scratch copy: `npx cohort` is the built CLI, `npx tsx` the local tsx. */
const scratchCommand = (command: string): string => command.replace(/\bnpx cohort\b/g, "cohort").replace(/\bnpx tsx\b/g, "tsx");

/** A scratch copy of the project for one page: what the commands read and write, never the repository itself. */
function scratchProject(): string {
  const dir = mkdtempSync(join(tmpdir(), "cohortcheck-docs-"));
  // Timestamps kept, so bin/cohort.js finds dist/ as fresh as in the repository and runs it.
  for (const part of ["bin", "dist", "src", "analyses", "scripts", "data", "docs", "site", "package.json", "tsconfig.json", "tsconfig.build.json"]) {
    if (existsSync(join(root, part))) cpSync(join(root, part), join(dir, part), { recursive: true, preserveTimestamps: true });
  }
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
  mkdirSync(join(dir, ".bin"));
  writeFileSync(join(dir, ".bin", "cohort"), `#!/bin/sh\nexec "${process.execPath}" "${join(dir, "bin", "cohort.js")}" "$@"\n`);
  chmodSync(join(dir, ".bin", "cohort"), 0o755);
  return dir;
}

function run(dir: string, command: string): Promise<{ status: number | null; stdout: string; stderr: string; hung: boolean }> {
  return new Promise((done) => {
    const child = spawn("bash", ["-c", command], {
      cwd: dir,
      env: {
        ...process.env,
        PATH: `${join(dir, ".bin")}:${join(root, "node_modules", ".bin")}:${dirname(process.execPath)}:${process.env.PATH ?? ""}`,
        NO_COLOR: "1",
        TZ: "UTC",
      },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let stdout = "";
    let stderr = "";
    let hung = false;
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      hung = true;
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* already gone */
      }
    }, COMMAND_LIMIT_MS);
    child.on("close", (status) => {
      clearTimeout(timer);
      done({ status, stdout, stderr, hung });
    });
  });
}

const results = new Map<string, Ran[]>();
const scratch: string[] = [];

async function runPage(page: string): Promise<void> {
  const runnable = blocksOf(page).filter((fence) => isShell(fence) && fence.noRun === undefined);
  const ran: Ran[] = [];
  results.set(page, ran);
  if (runnable.length === 0) return;
  const dir = scratchProject();
  scratch.push(dir);
  for (const fence of runnable) {
    for (const cmd of commands(fence)) {
      const started = process.hrtime.bigint();
      const outcome = await run(dir, scratchCommand(cmd.command));
      ran.push({ page, cmd, ...outcome, seconds: Number(process.hrtime.bigint() - started) / 1e9 });
    }
  }
}

let elapsedSeconds = 0;
beforeAll(async () => {
  const started = process.hrtime.bigint();
  const queue = [...pages];
  await Promise.all(
    Array.from({ length: PARALLEL_PAGES }, async () => {
      for (let page = queue.shift(); page !== undefined; page = queue.shift()) await runPage(page);
    }),
  );
  elapsedSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const count = [...results.values()].reduce((sum, ran) => sum + ran.length, 0);
  const blocks = pages.reduce((sum, page) => sum + blocksOf(page).filter((f) => isShell(f) && f.noRun === undefined).length, 0);
  const slowest = [...results.values()].flat().sort((a, b) => b.seconds - a.seconds).slice(0, 3);
  process.stdout.write(
    `docs: ${count} commands in ${blocks} shell blocks of ${pages.length} pages, ${elapsedSeconds.toFixed(1)} s (${PARALLEL_PAGES} pages at a time); slowest: ${slowest.map((r) => `${r.page}:${r.cmd.line} ${r.seconds.toFixed(1)} s`).join(", ")}\n`,
  );
}, 1_800_000);

afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** The first difference between what a page shows and what the command did, or undefined. */
function mismatch(ran: Ran): string | undefined {
  const where = `${ran.page}:${ran.cmd.line}: ${ran.cmd.command}`;
  if (ran.hung) return `${where}\n  still running after ${COMMAND_LIMIT_MS / 1000} s`;
  if (ran.status !== ran.cmd.exit) {
    return `${where}\n  exit ${ran.status}, the page says ${ran.cmd.exit}\n  stderr: ${ran.stderr.trim().split("\n").slice(-5).join("\n          ")}`;
  }
  if (ran.cmd.output === undefined) return undefined;
  const lines = (s: string) => (s === "" ? [] : s.replace(/\n$/, "").split("\n"));
  // Output shown on a page is what a terminal shows: stdout and stderr, in an order the page cannot know.
  const tries = [lines(ran.stdout), [...lines(ran.stdout), ...lines(ran.stderr)], [...lines(ran.stderr), ...lines(ran.stdout)]];
  const misses = tries.map((printed) => unmatchedLine(ran.cmd.output!, printed));
  if (misses.some((miss) => miss === undefined)) return undefined;
  return `${where}\n  shown but not printed: ${misses[1]}\n  printed:\n    ${[...lines(ran.stdout), ...lines(ran.stderr)].slice(0, 40).join("\n    ")}`;
}

describe("the README is a door", () => {
  it(`has at most ${README_MAX_LINES} lines`, () => {
    expect(text.get("README.md")!.split("\n").length - 1).toBeLessThanOrEqual(README_MAX_LINES);
  });

  it("checks one number in its first screen (40 lines): a command and the verdict it prints", () => {
    const first = fences(text.get("README.md")!).find((fence) => isShell(fence) && fence.noRun === undefined)!;
    expect(first.line + first.body.length).toBeLessThanOrEqual(40);
    expect(commands(first)[0]!.command).toMatch(/^npx cohort (percent|grim) /);
  });

  it("maps every page of docs/ (each is linked from the README)", () => {
    const linked = new Set(relativeLinks(text.get("README.md")!).map(({ target }) => target.split("#")[0]));
    expect(pages.filter((page) => page !== "README.md" && !linked.has(page))).toEqual([]);
  });

  it("has one walk-through for adding a study (one heading that says so, in the README and nowhere else)", () => {
    const headings = pages.flatMap((page) => [...text.get(page)!.matchAll(/^#+ (.*(add|adding)\b.*\bstud(y|ies)\b.*)$/gim)].map((m) => `${page}: ${m[1]}`));
    expect(headings).toEqual(["README.md: Add your own study"]);
  });
});

describe("every fenced block says what it is", () => {
  it.each(pages)("%s: every fence has an info string", (page) => {
    expect(blocksOf(page).filter((fence) => fence.lang === "").map((fence) => `${page}:${fence.line}`)).toEqual([]);
  });

  it("few blocks are shown without being run, and each says why", () => {
    const noRun = pages.flatMap((page) => blocksOf(page).filter((fence) => fence.noRun !== undefined).map((fence) => ({ at: `${page}:${fence.line}`, reason: fence.noRun! })));
    expect(noRun.filter((block) => block.reason.length < 15)).toEqual([]);
    expect(noRun.length).toBeLessThanOrEqual(MAX_NO_RUN);
  });
});

describe("every command in the README and docs/ runs as the page says", () => {
  it("runs some commands at all (the extraction of blocks works)", () => {
    // README: three commands in "Check one number", the walk-through's eleven.
    expect(results.get("README.md")!.length).toBeGreaterThanOrEqual(14);
  });

  it.each(pages)("%s", (page) => {
    const problems = (results.get(page) ?? []).map(mismatch).filter((problem): problem is string => problem !== undefined);
    expect(problems).toEqual([]);
  });
});

describe("every relative link resolves", () => {
  it.each(pages)("%s", (page) => {
    const broken: string[] = [];
    for (const { line, target } of relativeLinks(text.get(page)!)) {
      const [path, anchor] = target.split("#") as [string, string | undefined];
      const file = path === "" ? join(root, page) : resolve(dirname(join(root, page)), decodeURI(path));
      if (!existsSync(file)) {
        broken.push(`${page}:${line}: ${target}: no file ${relative(root, file)}`);
        continue;
      }
      if (anchor !== undefined && file.endsWith(".md") && !anchors(readFileSync(file, "utf8")).has(anchor)) {
        broken.push(`${page}:${line}: ${target}: no heading with anchor #${anchor} in ${relative(root, file)}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
