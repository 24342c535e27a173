// Start-up of the CLI: `cohort grim --mean 5.19 --n 28` (and --version, --help) against `node -e 0`,
// interleaved, medians, ratio (goal ≤ 1.5× wall, issue 14). Runs bin/cohort.js as a user's shell does
// after `npm ci` (compiled dist/, built first), plus the dist entry alone (what an installed package
// runs: no development-checkout freshness check). Run: npm run bench -- cli-startup.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { interleaved, machine, median } from "./timing.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const repetitions = Number(process.env.BENCH_REPETITIONS ?? 21);
const build = spawnSync(process.execPath, [join(root, "scripts/build.mjs")], { stdio: "inherit" });
if (build.status !== 0) throw new Error("build failed");

const node = process.execPath;
const grim = ["grim", "--mean", "5.19", "--n", "28"];
const installed = join(root, ".tmp/bench-installed-cohort.mjs");
// What an installed package runs: bin/cohort.js without src/ beside it imports dist/cli/main.js directly.
const { writeFileSync, mkdirSync } = await import("node:fs");
mkdirSync(join(root, ".tmp"), { recursive: true });
writeFileSync(installed, `const { main } = await import(${JSON.stringify(join(root, "dist/cli/main.js"))});\nawait main(process.argv.slice(2));\n`);

const times = interleaved(
  {
    "node -e 0": [node, ["-e", "0"]],
    "cohort grim (bin/cohort.js, dev checkout)": [node, [join(root, "bin/cohort.js"), ...grim]],
    "cohort grim (dist entry, as installed)": [node, [installed, ...grim]],
    "cohort --version": [node, [join(root, "bin/cohort.js"), "--version"]],
    "cohort --help": [node, [join(root, "bin/cohort.js"), "--help"]],
  },
  repetitions,
  { cwd: root },
);
const floor = median(times["node -e 0"]!);
console.log(`machine: ${machine()}`);
console.log(`${repetitions} interleaved runs each, after one warm-up round; medians of wall time`);
console.log("| command | median ms | min | max | × node -e 0 |");
console.log("|---|---|---|---|---|");
for (const [name, values] of Object.entries(times)) {
  console.log(`| ${name} | ${median(values).toFixed(1)} | ${Math.min(...values).toFixed(1)} | ${Math.max(...values).toFixed(1)} | ${(median(values) / floor).toFixed(2)}× |`);
}
