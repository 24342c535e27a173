// Benchmark of `npm run reports` against the floor of merely importing its runtime dependencies,
// both spawned the same way in the same run, interleaved, several times; prints medians, the ratio
// (target ≤ 1.5×) and the machine. Run: npx tsx tests/bench/reports.bench.ts (or npm run bench).
// Not a test: it asserts nothing about speed. Reports go to a temporary folder, never to reports/.
// The floor runs under the node command line of the reports script (read from package.json: the
// same V8 flags and TypeScript loader), so the two differ only in what they do after starting.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const repetitions = Number(process.env.REPORTS_BENCH_REPETITIONS ?? 7);
// Inside the project (.tmp is git-ignored) so the floor script resolves the project's node_modules.
mkdirSync(join(root, ".tmp"), { recursive: true });
const scratch = mkdtempSync(join(root, ".tmp", "bench-reports-"));

// The floor: a tsx process that imports every package the report run loads, and does nothing else.
const floorScript = join(scratch, "floor.mts");
writeFileSync(
  floorScript,
  [
    "vega",
    "vega-lite",
    "@resvg/resvg-js",
    "zod",
    "csv-stringify/sync",
    "jstat",
    "jsonc-parser",
    "pure-rand/generator/mersenne",
    "@stdlib/stats-base-dists-t-cdf",
    "@stdlib/stats-base-dists-t-quantile",
    "@stdlib/stats-base-dists-beta-quantile",
    "@stdlib/stats-base-dists-normal-quantile",
  ]
    .map((name) => `await import(${JSON.stringify(name)});`)
    .join("\n") + "\n",
);

function timed(command: string, args: string[]): number {
  const start = performance.now();
  const result = spawnSync(command, args, { cwd: root, encoding: "utf8", env: { ...process.env, TZ: "UTC" } });
  const elapsed = performance.now() - start;
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} exited with ${result.status}: ${result.stderr}`);
  return elapsed;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const reportsScript: string = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).scripts.reports;
// "… && TZ=UTC node <flags> analyses/regenerate.ts": the flags between "node" and the script.
const flags = /\bnode\s+(.*?)\s*analyses\/regenerate\.ts/.exec(reportsScript)?.[1];
if (flags === undefined) throw new Error(`cannot find the node command in the reports script: ${reportsScript}`);
const nodeArgs = flags.split(/\s+/).filter(Boolean);
// The same two runs without the V8 tuning flags (only the loader), to show what the flags buy each.
const loaderArgs = nodeArgs.filter((arg, i) => arg === "--import" || nodeArgs[i - 1] === "--import");
const tuned = nodeArgs.length !== loaderArgs.length;
const floor: number[] = [];
const reports: number[] = [];
const floorUntuned: number[] = [];
const reportsUntuned: number[] = [];
try {
  for (let i = 0; i < repetitions; i++) {
    // Interleaved, so a burst of load from elsewhere hits every series alike.
    floor.push(timed(npm, ["exec", "--", "node", ...nodeArgs, floorScript]));
    reports.push(timed(npm, ["run", "--silent", "reports", "--", "--out", join(scratch, "reports")]));
    if (!tuned) continue;
    floorUntuned.push(timed(npm, ["exec", "--", "node", ...loaderArgs, floorScript]));
    reportsUntuned.push(timed(npm, ["exec", "--", "node", ...loaderArgs, "analyses/regenerate.ts", "--out", join(scratch, "reports")]));
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const cpu = os.cpus()[0]?.model ?? "unknown CPU";
console.log(`machine: ${cpu}, ${os.cpus().length} cores, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
console.log(`repetitions: ${repetitions} each, interleaved; both spawned through npm (npm exec -- node ${nodeArgs.join(" ")} <imports> vs npm run reports)`);
console.log("run | median ms | min ms | max ms");
console.log(`import floor (vega, vega-lite, resvg, zod, csv-stringify, jstat, @stdlib, …) | ${median(floor).toFixed(0)} | ${Math.min(...floor).toFixed(0)} | ${Math.max(...floor).toFixed(0)}`);
console.log(`npm run reports (every study, every artefact, notebook) | ${median(reports).toFixed(0)} | ${Math.min(...reports).toFixed(0)} | ${Math.max(...reports).toFixed(0)}`);
const ratio = median(reports) / median(floor);
console.log(`ratio reports / floor: ${ratio.toFixed(2)}× (target ≤ 1.5×: ${ratio <= 1.5 ? "met" : "not met"}); budget of the hook: 50 s, median run ${(median(reports) / 1000).toFixed(1)} s`);
if (tuned) {
  console.log(`without the V8 flags (${nodeArgs.filter((a) => !loaderArgs.includes(a)).join(" ")}): floor ${median(floorUntuned).toFixed(0)} ms, reports ${median(reportsUntuned).toFixed(0)} ms, ratio ${(median(reportsUntuned) / median(floorUntuned)).toFixed(2)}×; the flags take ${((1 - median(reports) / median(reportsUntuned)) * 100).toFixed(0)}% off the reports and ${((1 - median(floor) / median(floorUntuned)) * 100).toFixed(0)}% off the floor`);
}
