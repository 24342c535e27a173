// Batch mode: rows per second for GRIM, in process (mapRow, and mapRow + audit) against the bare
// boolean test grimConsistent on the same rows, and end to end (`cohort map --check grim file.csv`)
// against a process that only parses the same CSV with csv-parse. Goal (issue 14): ≥ 1 M rows/s in
// process. Run: npm run bench -- map.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { createMapAudit, mapRow, planColumns } from "../../src/batch/map-rows.js";
import { grimConsistent } from "../../src/checks/grim.js";
import { createRng } from "../../src/stats/rng.js";
import { machine, median, timedRun } from "./timing.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const rows = Number(process.env.MAP_BENCH_ROWS ?? 1_000_000);
const rng = createRng(7);
const table: string[][] = [];
for (let i = 0; i < rows; i++) table.push([(rng.next() * 10).toFixed(2), String(rng.int(5, 200))]);
const plan = planColumns("grim", ["x", "n"]);

function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}
const repeat = (run: () => void) => median([0, 1, 2, 3, 4].map(() => time(run)));

let sink = 0;
const bare = repeat(() => {
  for (const [x, n] of table) if (grimConsistent(x!, Number(n))) sink++;
});
const mapped = repeat(() => {
  for (let i = 0; i < table.length; i++) if (mapRow(plan, table[i]!, i + 1, "up_or_down").consistency === "consistent") sink++;
});
const audited = repeat(() => {
  const audit = createMapAudit(plan);
  for (let i = 0; i < table.length; i++) audit.add(table[i]!, mapRow(plan, table[i]!, i + 1, "up_or_down"));
  sink += audit.summary().rows;
});

mkdirSync(join(root, ".tmp"), { recursive: true });
const file = join(root, ".tmp/bench-map.csv");
writeFileSync(file, "x,n\n" + table.map((row) => row.join(",")).join("\n") + "\n");
const parseOnly = join(root, ".tmp/bench-map-parse.mjs");
writeFileSync(parseOnly, `import { createReadStream } from "node:fs";\nimport { parse } from "csv-parse";\nlet n = 0;\nfor await (const record of createReadStream(${JSON.stringify(file)}).pipe(parse())) n += record.length;\nconsole.log(n);\n`);
spawnSync(process.execPath, [join(root, "scripts/build.mjs")], { stdio: "inherit" });
const endToEnd: number[] = [];
const parseTimes: number[] = [];
for (let i = 0; i < 3; i++) {
  endToEnd.push(timedRun("sh", ["-c", `node ${join(root, "bin/cohort.js")} map --check grim ${file} > /dev/null 2>&1`]));
  parseTimes.push(timedRun(process.execPath, [parseOnly], { cwd: root }));
}

const perSecond = (ms: number) => `${((rows / ms) * 1000 / 1e6).toFixed(2)} M rows/s`;
console.log(`machine: ${machine()}`);
console.log(`${rows} rows of GRIM (two-decimal means, n 5–200), medians of 5 in process, 3 end to end`);
console.log("| what | median | rows/s | × baseline |");
console.log("|---|---|---|---|");
console.log(`| grimConsistent alone (baseline, in process) | ${bare.toFixed(0)} ms | ${perSecond(bare)} | 1.00× |`);
console.log(`| mapRow (verdict + ratio, per-row errors) | ${mapped.toFixed(0)} ms | ${perSecond(mapped)} | ${(mapped / bare).toFixed(2)}× |`);
console.log(`| mapRow + audit | ${audited.toFixed(0)} ms | ${perSecond(audited)} | ${(audited / bare).toFixed(2)}× |`);
console.log(`| csv-parse of the file alone (baseline, own process) | ${median(parseTimes).toFixed(0)} ms | ${perSecond(median(parseTimes))} | 1.00× |`);
console.log(`| cohort map --check grim file.csv > /dev/null | ${median(endToEnd).toFixed(0)} ms | ${perSecond(median(endToEnd))} | ${(median(endToEnd) / median(parseTimes)).toFixed(2)}× |`);
if (sink < 0) console.log(sink);
