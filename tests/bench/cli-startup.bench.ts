// Start-up of the CLI: `cohort grim --mean 5.19 --n 28` (and --version, --help) against `node -e 0`,
// interleaved, medians, ratio (goal ≤ 1.5× wall, issue 14). Runs bin/cohort.js as a user's shell does
// after `npm ci` (compiled dist/, built first), plus the dist entry alone (what an installed package
// runs: no development-checkout freshness check). Run: npm run bench -- cli-startup.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { machine, median, timedShell } from "./timing.js";

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

const commands: Record<string, string> = {
  "node -e 0": `${node} -e 0`,
  "cohort grim (bin/cohort.js, dev checkout)": `${node} ${join(root, "bin/cohort.js")} ${grim.join(" ")}`,
  "cohort grim (dist entry, as installed)": `${node} ${installed} ${grim.join(" ")}`,
  "cohort --version": `${node} ${join(root, "bin/cohort.js")} --version`,
  "cohort --help": `${node} ${join(root, "bin/cohort.js")} --help`,
};
const times: Record<string, { wall: number; cpu: number }[]> = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
for (let round = -1; round < repetitions; round++) {
  for (const [name, command] of Object.entries(commands)) {
    const measured = timedShell(command, root);
    if (round >= 0) times[name]!.push(measured);
  }
}
const wall = (name: string) => median(times[name]!.map((t) => t.wall));
const cpu = (name: string) => median(times[name]!.map((t) => t.cpu));
console.log(`machine: ${machine()}`);
console.log(`${repetitions} interleaved runs each, after one warm-up round; medians of wall and CPU time (user + system)`);
console.log("| command | wall ms | × node -e 0 (wall) | CPU ms | × node -e 0 (CPU) |");
console.log("|---|---|---|---|---|");
for (const name of Object.keys(commands)) {
  console.log(`| ${name} | ${wall(name).toFixed(1)} | ${(wall(name) / wall("node -e 0")).toFixed(2)}× | ${cpu(name).toFixed(0)} | ${(cpu(name) / cpu("node -e 0")).toFixed(2)}× |`);
}
