// Batch mode: rows per second for GRIM, in process (mapRow, and mapRow + audit) against the bare
// boolean test grimConsistent on the same rows, and end to end (`cohort map --check grim file.csv`)
// against a process that only parses the same CSV with csv-parse. Goal (issue 14): ≥ 1 M rows/s in
// process. Run: npm run bench -- map.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createMapAudit, mapRow, planColumns } from "../../src/batch/map-rows.js";
import { grimConsistent } from "../../src/checks/grim.js";
import { createRng } from "../../src/stats/rng.js";
import { machine, median, timedShell } from "./timing.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const rows = Number(process.env.MAP_BENCH_ROWS ?? 1_000_000);
const rng = createRng(7);
const table: string[][] = [];
for (let i = 0; i < rows; i++) table.push([(rng.next() * 10).toFixed(2), String(rng.int(5, 200))]);
const plan = planColumns("grim", ["x", "n"]);

/** CPU milliseconds of the run (this process only runs it): the machine is shared, so wall time is noisier. */
function time(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
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
const endToEnd: Array<{ wall: number; cpu: number }> = [];
const parseTimes: Array<{ wall: number; cpu: number }> = [];
for (let i = 0; i < 3; i++) {
  endToEnd.push(timedShell(`${process.execPath} ${join(root, "bin/cohort.js")} map --check grim ${file}`, root));
  parseTimes.push(timedShell(`${process.execPath} ${parseOnly}`, root));
}
const e2eWall = median(endToEnd.map((t) => t.wall));
const e2eCpu = median(endToEnd.map((t) => t.cpu));
const parseWall = median(parseTimes.map((t) => t.wall));
const parseCpu = median(parseTimes.map((t) => t.cpu));

const perSecond = (ms: number) => `${((rows / ms) * 1000 / 1e6).toFixed(2)} M rows/s`;
console.log(`machine: ${machine()}`);
console.log(`${rows} rows of GRIM (two-decimal means, n 5–200), medians of 5 in process (CPU time), 3 end to end`);
console.log("| what | median | rows/s | × baseline |");
console.log("|---|---|---|---|");
console.log(`| grimConsistent alone (baseline, in process) | ${bare.toFixed(0)} ms | ${perSecond(bare)} | 1.00× |`);
console.log(`| mapRow (verdict + ratio, per-row errors) | ${mapped.toFixed(0)} ms | ${perSecond(mapped)} | ${(mapped / bare).toFixed(2)}× |`);
console.log(`| mapRow + audit | ${audited.toFixed(0)} ms | ${perSecond(audited)} | ${(audited / bare).toFixed(2)}× |`);
console.log(`| csv-parse of the file alone (baseline, own process; wall / CPU) | ${parseWall.toFixed(0)} / ${parseCpu.toFixed(0)} ms | ${perSecond(parseWall)} / ${perSecond(parseCpu)} | 1.00× |`);
console.log(`| cohort map --check grim file.csv > /dev/null (wall / CPU) | ${e2eWall.toFixed(0)} / ${e2eCpu.toFixed(0)} ms | ${perSecond(e2eWall)} / ${perSecond(e2eCpu)} | ${(e2eWall / parseWall).toFixed(2)}× / ${(e2eCpu / parseCpu).toFixed(2)}× |`);
if (sink < 0) console.log(sink);
