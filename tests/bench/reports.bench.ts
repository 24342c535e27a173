// Benchmark of `npm run reports`, full and incremental, against the floor of merely importing vega,
// vega-lite, zod and resvg (issue 14 item 6), all spawned the same way in the same run, interleaved,
// several times; prints medians, ratios to the floor and the machine. Run:
// npx tsx tests/bench/reports.bench.ts (or npm run bench -- reports). Not a test: it asserts nothing
// about speed. Reports go to temporary folders, never to reports/.
// The floor runs under the node command line of the reports script (read from package.json: the
// same V8 flags and TypeScript loader), so the runs differ only in what they do after starting.
//   full         --force: every study rebuilt (what a fresh clone or a code change costs)
//   unchanged    nothing changed since the last run into the folder: every study reused
//   one changed  one study file edited since the last run: that study rebuilt, the other reused
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const repetitions = Number(process.env.REPORTS_BENCH_REPETITIONS ?? 5);
// Inside the project (.tmp is git-ignored) so the floor script resolves the project's node_modules.
mkdirSync(join(root, ".tmp"), { recursive: true });
const scratch = mkdtempSync(join(root, ".tmp", "bench-reports-"));

const floorScript = join(scratch, "floor.mts");
writeFileSync(floorScript, ["vega", "vega-lite", "zod", "@resvg/resvg-js"].map((name) => `await import(${JSON.stringify(name)});`).join("\n") + "\n");

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

// Folders: one rebuilt in full each time, one left unchanged, one whose studies folder has one study edited each time.
const full = join(scratch, "full");
const unchanged = join(scratch, "unchanged");
const oneChanged = join(scratch, "one-changed");
const studies = join(scratch, "studies");
cpSync(join(root, "data/studies"), studies, { recursive: true });
const edited = join(studies, "kap-pilot-two-approaches.json");
const original = readFileSync(edited, "utf8");
const reports = (out: string, more: string[] = []) => timed(npm, ["run", "--silent", "reports", "--", "--out", out, ...more]);
reports(unchanged);
reports(oneChanged, ["--studies", studies]);

const series = { floor: [] as number[], full: [] as number[], unchanged: [] as number[], oneChanged: [] as number[] };
try {
  for (let i = 0; i < repetitions; i++) {
    // Interleaved, so a burst of load from elsewhere hits every series alike.
    series.floor.push(timed(npm, ["exec", "--", "node", ...nodeArgs, floorScript]));
    series.full.push(reports(full, ["--force"]));
    series.unchanged.push(reports(unchanged));
    writeFileSync(edited, original.replace('"title": "', `"title": "(edit ${i}) `));
    series.oneChanged.push(reports(oneChanged, ["--studies", studies]));
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const commit = (() => {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
})();
const cpu = os.cpus()[0]?.model ?? "unknown CPU";
console.log(`machine: ${cpu}, ${os.cpus().length} cores, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}; commit ${commit}`);
console.log(`repetitions: ${repetitions} each, interleaved; all spawned through npm (npm exec -- node ${nodeArgs.join(" ")} <imports> vs npm run reports)`);
const floor = median(series.floor);
console.log("run | median ms | min ms | max ms | ratio to the floor");
const row = (name: string, values: number[]) => console.log(`${name} | ${median(values).toFixed(0)} | ${Math.min(...values).toFixed(0)} | ${Math.max(...values).toFixed(0)} | ${(median(values) / floor).toFixed(2)}×`);
row("import floor (vega, vega-lite, zod, resvg)", series.floor);
row("npm run reports -- --force (every study rebuilt)", series.full);
row("npm run reports, nothing changed (every study reused)", series.unchanged);
row("npm run reports, one study changed (one rebuilt, one reused)", series.oneChanged);
console.log(`incremental, nothing changed: ${(median(series.unchanged) / median(series.full)).toFixed(2)} of a full run; one study changed: ${(median(series.oneChanged) / median(series.full)).toFixed(2)}`);
