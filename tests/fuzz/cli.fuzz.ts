import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { root, seedJson, sourcesDir, studyA, studyB } from "../helpers/fixtures.js";
import { assertCleanCli, hostileText, numericText, reportTried, runInProcess, runs, tried, type CliRun } from "./harness.js";

const folder = mkdtempSync(join(tmpdir(), "cohortcheck-cli-fuzz-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Files a user might pass: the seed studies, broken copies, a folder, a missing path, hostile names. */
function fileArguments(): string[] {
  const broken = seedJson(studyB);
  broken.design.arms[0].size.value = -3;
  broken.reported[0].percent = 21.88;
  const files = {
    "broken.json": JSON.stringify(broken),
    "truncated.json": JSON.stringify(seedJson(studyA)).slice(0, 700),
    "empty.json": "",
    "deep.json": "[".repeat(50_000) + "]".repeat(50_000),
    "deep-cut.json": "[".repeat(50_000),
    "null.json": "null",
    "proto.json": '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}',
    "latin1.json": Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]),
  };
  for (const [name, content] of Object.entries(files)) writeFileSync(join(folder, name), content);
  mkdirSync(join(folder, "instruments"), { recursive: true });
  writeFileSync(join(folder, "instruments", "phq-9.json"), '{"id": "phq-9"}');
  writeFileSync(join(folder, "instruments", "bad.json"), "{");
  return [studyA, studyB, ...Object.keys(files).map((name) => join(folder, name)), folder, join(folder, "missing.json"), join(folder, "instruments", "bad.json"), "-", "", "../../../../etc/passwd", "\u0000.json"];
}
const files = fileArguments();

const value = fc.oneof({ weight: 3, arbitrary: numericText }, { weight: 1, arbitrary: hostileText });
const rounding = fc.oneof(fc.constantFrom("up_or_down", "up", "down", "even", "up_from", "ceiling_or_floor", "trunc", "anti_trunc"), hostileText);
const decimalList = fc.array(numericText, { minLength: 0, maxLength: 4 }).map((parts) => parts.join(","));
const changeSpec = fc.oneof(
  fc.tuple(numericText, fc.constantFrom("increase", "decrease", "up", "")).map(([p, d]) => `${p}:${d}`),
  fc.tuple(fc.constantFrom("s1", "s3", "s6", "", ".."), fc.constantFrom("s1", "s3", "s6", ":"), numericText, fc.constantFrom("increase", "decrease")).map(([a, b, p, d]) => `${a}..${b}:${p}:${d}`),
  hostileText,
);

/** Each command's options and the values to try for them. */
const commands: Record<string, { options: Record<string, fc.Arbitrary<string> | null>; positional?: fc.Arbitrary<string[]> }> = {
  percent: { options: { "--percent": value, "--n": value, "--count": value, "--also-n": decimalList, "--rounding": rounding } },
  grim: { options: { "--mean": value, "--n": value, "--items": value, "--percent": null, "--rounding": rounding } },
  grimmer: { options: { "--mean": value, "--sd": value, "--n": value, "--items": value, "--min": value, "--max": value, "--rounding": rounding } },
  change: {
    options: { "--from": value, "--to": value, "--percent": value, "--direction": fc.oneof(fc.constantFrom("increase", "decrease"), hostileText), "--change": changeSpec, "--items": value, "--n": value, "--min": value, "--max": value, "--step": value, "--scoring": fc.constantFrom("mean", "sum", "median"), "--decimals": value, "--always": null, "--rounding": rounding },
  },
  ci: { options: { "--count": value, "--n": value, "--level": value } },
  power: { options: { "--design": fc.oneof(fc.constantFrom("two-group", "paired", "one-sample"), hostileText), "--n": fc.oneof(decimalList, value), "--effect": value, "--alpha": value, "--power": value } },
  validate: { options: { "--kind": fc.oneof(fc.constantFrom("study", "instrument", "auto"), hostileText), "--instruments": fc.constantFrom(join(folder, "instruments"), folder, join(folder, "nope")) }, positional: fc.array(fc.constantFrom(...files), { minLength: 0, maxLength: 3 }) },
  check: { options: { "--rounding": rounding, "--instruments": fc.constantFrom(join(folder, "instruments"), join(folder, "nope")) }, positional: fc.array(fc.constantFrom(...files), { minLength: 0, maxLength: 2 }) },
  closure: { options: { "--mean": value, "--sd": value, "--n": value, "--min": value, "--max": value, "--mean-error": value, "--sd-error": value, "--count": null, "--limit": value, "--out": fc.constantFrom(join(folder, "out", "s.csv"), join(folder, "out", "s.jsonl"), join(folder, "out", "s.txt"), join(folder, "out")), "--format": fc.constantFrom("csv", "jsonl", "xml") } },
  crosstab: { options: { "--rows": decimalList, "--cols": decimalList, "--row-labels": fc.constantFrom("female,male", "a", "", "<b>x</b>,y"), "--col-labels": fc.constantFrom("a,b,c,d", "", "x") } },
  sprite: { options: { "--mean": value, "--sd": value, "--n": value, "--min": value, "--max": value, "--items": value, "--samples": value, "--seed": value } },
  reconstruct: {
    options: { "--seed": value, "--count": value, "--format": fc.constantFrom("json", "csv", "xml"), "--out": fc.constantFrom(join(folder, "rec"), join(folder, "rec", "..", "rec2"), join(folder, "broken.json")), "--convention": fc.oneof(fc.constantFrom("each"), hostileText), "--spread": value, "--means": fc.constantFrom("random", "smallest-change", "largest-change", "x"), "--improvement": fc.constantFrom("as-claimed", "not-assumed", "x") },
    positional: fc.constantFrom(...files).map((file) => [file]),
  },
  appraise: { options: {}, positional: fc.constantFrom(...files).map((file) => [file]) },
  "audit-sources": { options: { "--sources": fc.constantFrom(sourcesDir, folder, join(folder, "nope"), studyA) }, positional: fc.array(fc.constantFrom(...files), { minLength: 0, maxLength: 2 }) },
};

/** A plausible-to-hostile argument vector: a command, a random subset of its options in random order, --json or not, stray tokens. */
const argv: fc.Arbitrary<string[]> = fc.constantFrom(...Object.keys(commands)).chain((name) => {
  const spec = commands[name]!;
  const optionArb = fc.subarray(Object.keys(spec.options)).chain((chosen) =>
    fc.tuple(...chosen.map((option) => (spec.options[option] === null ? fc.constant([option]) : spec.options[option]!.map((v) => [option, v])))).map((pairs) => pairs.flat()),
  );
  return fc
    .tuple(optionArb, spec.positional ?? fc.constant([]), fc.boolean(), fc.array(fc.oneof(hostileText, fc.constantFrom("--", "--json", "--help", "-x", "--n", "=", "--unknown-flag")), { maxLength: 1 }), fc.boolean())
    .map(([options, positional, json, stray, strayFirst]) => [name, ...(strayFirst ? stray : []), ...positional, ...options, ...(json ? ["--json"] : []), ...(strayFirst ? [] : stray)]);
});

describe("cohort CLI (fuzz, in process)", () => {
  it("every generated argument vector exits 0–3 with a message, never an internal error or a stack trace", async () => {
    await fc.assert(
      fc.asyncProperty(argv, async (args) => {
        tried("cli: in-process argument vectors");
        const run = await runInProcess(args);
        assertCleanCli(args, run);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      runs(1500),
    );
    reportTried("cli: in-process argument vectors");
  });

  it("top-level vectors (no command, unknown commands, --version, help) are clean too", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(hostileText, fc.constantFrom("help", "--help", "--version", "-V", "bogus", "closure", "sprite", "crosstab", "reconstruct", "appraise", "--json")), { maxLength: 3 }), async (args) => {
        tried("cli: top-level vectors");
        assertCleanCli(args, await runInProcess(args));
      }),
      runs(300),
    );
    reportTried("cli: top-level vectors");
  });
});

/** Spawns the real `node bin/cohort.js` with a hard timeout, so a hang fails instead of stalling. */
function spawnCli(args: string[]): Promise<CliRun & { timedOut: boolean; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, "bin/cohort.js"), ...args], { cwd: root, env: { ...process.env, NO_COLOR: "1" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ status: code ?? -1, stdout, stderr, timedOut: signal === "SIGKILL", ms: Math.round(performance.now() - started) });
    });
  });
}

describe("cohort CLI (fuzz, real processes)", () => {
  it("a sample of generated vectors through node bin/cohort.js: clean exits, no stack traces, no hangs", async () => {
    const sample = fc.sample(argv, { seed: 7, numRuns: 6 });
    sample.push(["validate", join(folder, "deep-cut.json")], ["audit-sources", "--sources", sourcesDir, join(folder, "deep.json")], ["grim", "--mean", "5.19", "--n", "1e309"], ["power", "--design", "two-group", "--n", "999999999999", "--effect", "0.5"]);
    // Two at a time (the machine has two cores).
    for (let index = 0; index < sample.length; index += 2) {
      const batch = sample.slice(index, index + 2);
      const results = await Promise.all(batch.map(spawnCli));
      results.forEach((run, j) => {
        tried("cli: spawned processes");
        console.log(`fuzz: spawned ${run.ms} ms: cohort ${batch[j]!.join(" ").slice(0, 100)}`);
        expect(run.timedOut, `hang: ${batch[j]!.join(" ")}`).toBe(false);
        assertCleanCli(batch[j]!, run);
      });
    }
    reportTried("cli: spawned processes");
  });
});
