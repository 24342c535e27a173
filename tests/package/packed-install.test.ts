// The package as a user gets it: `npm pack`, then `npm install <tarball>` in an empty folder with no
// overrides (offline from the local npm cache where it can: --prefer-offline), then the ESM import, the
// types, the subpath entries and `npx cohort`. One install per run (beforeAll); about 20–60 s here.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { danfojsMissing } from "../../src/messages/dataframe.js";
import { root } from "../helpers/fixtures.js";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const folder = mkdtempSync(join(tmpdir(), "cohortcheck-packed-"));
const consumer = join(folder, "consumer");
let packedFiles: string[] = [];

/** Runs node in the consumer folder, as a user's script would. */
function nodeIn(args: string[]) {
  return spawnSync(process.execPath, args, { cwd: consumer, encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } });
}

beforeAll(() => {
  // dist/ is current (vitest's global setup built it); --ignore-scripts so pack does not build again.
  const packed = JSON.parse(execFileSync(npm, ["pack", "--json", "--ignore-scripts", "--pack-destination", folder], { cwd: root, encoding: "utf8" }))[0];
  packedFiles = packed.files.map((file: { path: string }) => file.path);
  execFileSync("mkdir", ["-p", consumer]);
  writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", version: "1.0.0", private: true, type: "module" }));
  execFileSync(npm, ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error", join(folder, packed.filename)], { cwd: consumer, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}, 600_000);

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("the packed tarball", () => {
  it("holds the compiled code, the CLI and the data, and no sources, tests or reports", () => {
    expect(packedFiles).toContain("dist/index.js");
    expect(packedFiles).toContain("dist/index.d.ts");
    expect(packedFiles).toContain("dist/cli/main.js");
    expect(packedFiles).toContain("bin/cohort.js");
    expect(packedFiles).toContain("data/instruments/phq-9.json");
    expect(packedFiles.filter((file) => /^(src|tests|reports|analyses|scripts)\//.test(file) || file.endsWith(".tsbuildinfo"))).toEqual([]);
  });

  it("installs without overrides and without danfojs-node or TensorFlow", () => {
    const installed = JSON.parse(readFileSync(join(consumer, "package.json"), "utf8"));
    expect(installed.overrides).toBeUndefined();
    expect(nodeIn(["-e", "require.resolve('danfojs-node')"]).status).not.toBe(0);
    expect(nodeIn(["-e", "require.resolve('@tensorflow/tfjs')"]).status).not.toBe(0);
  });

  it('imports { grim } from "cohortcheck" as an ES module', () => {
    // Brown & Heathers' example (scrutiny's docs): 5.19 cannot be a mean of 28 integers, can be of 32.
    const run = nodeIn(["--input-type=module", "-e", 'import { grim } from "cohortcheck"; console.log(grim({ mean: "5.19", n: 28 }).status, grim({ mean: "5.19", n: 32 }).status);']);
    expect(run.stderr).toBe("");
    expect(run.stdout.trim()).toBe("inconsistent consistent");
  });

  it("resolves every subpath entry; the DataFrame entry says plainly that danfojs-node is missing", () => {
    const script = `
      const io = await import("cohortcheck/io");
      const charts = await import("cohortcheck/charts");
      const reports = await import("cohortcheck/reports");
      const appraisal = await import("cohortcheck/appraisal");
      console.log(typeof io.loadStudy, typeof charts.renderSvg, typeof reports.regenerateReports, typeof appraisal.limitsRegister, charts.chartFontFiles().length);
      try { await import("cohortcheck/dataframe"); } catch (error) { console.log(error.message); }`;
    const run = nodeIn(["--input-type=module", "-e", script]);
    expect(run.stderr).toBe("");
    expect(run.stdout.trim().split("\n")).toEqual(["function function function function 3", danfojsMissing()]);
  });

  it("gives TypeScript the types: a tiny program type-checks, and a wrong call is caught", () => {
    // The expect-error line below fails the check if the types did not resolve (everything would be `any`).
    writeFileSync(
      join(consumer, "check.ts"),
      [
        'import { grim, type CheckResult } from "cohortcheck";',
        'import { loadStudy } from "cohortcheck/io";',
        'const result: CheckResult = grim({ mean: "5.19", n: 28 });',
        'const status: "consistent" | "inconsistent" | "undetermined" = result.status;',
        "// @ts-expect-error n is required",
        'grim({ mean: "5.19" });',
        "export { status, loadStudy };",
      ].join("\n"),
    );
    // A user's setting: strict, node's module resolution (exports and types conditions), no @types/node.
    const compilerOptions = { strict: true, module: "nodenext", moduleResolution: "nodenext", target: "es2022", skipLibCheck: true, types: [], noEmit: true };
    writeFileSync(join(consumer, "tsconfig.json"), JSON.stringify({ compilerOptions, files: ["check.ts"] }));
    const tsc = join(root, "node_modules/typescript/bin/tsc");
    const run = spawnSync(process.execPath, [tsc, "-p", consumer], { cwd: consumer, encoding: "utf8" });
    expect(run.stdout + run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("runs npx cohort: --version and a GRIM check", () => {
    const npx = process.platform === "win32" ? "npx.cmd" : "npx";
    const version = spawnSync(npx, ["--no-install", "cohort", "--version"], { cwd: consumer, encoding: "utf8" });
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version);
    const grim = spawnSync(npx, ["--no-install", "cohort", "grim", "--mean", "5.19", "--n", "28", "--json"], { cwd: consumer, encoding: "utf8" });
    expect(grim.status).toBe(0);
    expect(JSON.parse(grim.stdout).status).toBe("inconsistent");
  });
});
