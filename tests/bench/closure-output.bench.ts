// The issue-14 goal for CLOSURE output: the 661,948-sample CSV of the unsum showcase (3.0/1.2, n 200,
// 1–5; 275 MB) end to end through `cohort closure --out` in ≤ 0.3× the wall time of a single-threaded
// Rust depth-first search doing the same job (tests/bench/rust-dfs: closure-core's algorithm, writing
// the same CSV; the two files are compared byte for byte). Also Parquet (size and time). Interleaved
// runs, medians, wall and CPU time (the machine is shared). Needs cargo; skips the Rust side without.
// Run: npm run bench -- closure-output.
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { machine, median, timedShell } from "./timing.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const tmp = join(root, ".tmp");
const repetitions = Number(process.env.BENCH_REPETITIONS ?? 5);
const args = ["--mean", "3.0", "--sd", "1.2", "--n", "200", "--min", "1", "--max", "5"];

spawnSync(process.execPath, [join(root, "scripts/build.mjs")], { stdio: "inherit" });
const cargo = spawnSync("cargo", ["build", "--release", "--quiet", "--manifest-path", join(root, "tests/bench/rust-dfs/Cargo.toml"), "--target-dir", join(tmp, "cargo-target")], { stdio: "inherit" });
const rust = cargo.status === 0 ? join(tmp, "cargo-target/release/closure-dfs-baseline") : undefined;
if (!rust) console.log("cargo build failed or cargo is missing: no Rust baseline");

const csv = join(tmp, "bench-closure.csv");
const parquet = join(tmp, "bench-closure.parquet");
const rustCsv = join(tmp, "bench-closure-rust.csv");
const node = process.execPath;
const cohort = `${node} ${join(root, "bin/cohort.js")} closure ${args.join(" ")}`;
const times: Record<string, { wall: number; cpu: number }[]> = { csv: [], parquet: [], rust: [], floor: [] };
for (let round = 0; round < repetitions; round++) {
  for (const file of [csv, parquet, rustCsv]) rmSync(file, { force: true });
  times.csv!.push(timedShell(`${cohort} --out ${csv}`));
  times.parquet!.push(timedShell(`${cohort} --out ${parquet}`));
  if (rust) times.rust!.push(timedShell(`${rust} 3.0 1.2 200 1 5 0.05 0.05 ${rustCsv}`));
  times.floor!.push(timedShell(`${node} -e 0`));
}
const same = rust ? readFileSync(csv).equals(readFileSync(rustCsv)) : false;
const wall = (name: string) => median(times[name]!.map((t) => t.wall));
const cpu = (name: string) => median(times[name]!.map((t) => t.cpu));
console.log(`machine: ${machine()}`);
console.log(`unsum showcase, 661,948 samples; ${repetitions} interleaved rounds, medians; output files removed before each run`);
console.log(`CSV ${(statSync(csv).size / 1e6).toFixed(0)} MB, Parquet ${(statSync(parquet).size / 1e6).toFixed(2)} MB (${((100 * statSync(parquet).size) / statSync(csv).size).toFixed(1)}% of the CSV)${rust ? `; cohort's CSV and Rust's CSV byte-identical: ${same}` : ""}`);
console.log("| run | wall | CPU | wall × Rust | CPU × Rust |");
console.log("|---|---|---|---|---|");
for (const [name, label] of [["rust", "Rust DFS, single thread, BufWriter (baseline)"], ["csv", "cohort closure --out samples.csv"], ["parquet", "cohort closure --out samples.parquet"], ["floor", "node -e 0 (start-up floor)"]] as const) {
  if (times[name]!.length === 0) continue;
  console.log(`| ${label} | ${wall(name).toFixed(0)} ms | ${cpu(name).toFixed(0)} ms | ${rust ? (wall(name) / wall("rust")).toFixed(2) + "×" : "–"} | ${rust ? (cpu(name) / cpu("rust")).toFixed(2) + "×" : "–"} |`);
}
for (const file of [csv, parquet, rustCsv]) rmSync(file, { force: true });
