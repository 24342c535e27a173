// Benchmark of src/inference: prints figures, the machine, and ratios to a baseline in the same run.
// Run: npx tsx tests/bench/inference.bench.ts (or npm run bench). Not a test; no assertions on speed.
import os from "node:os";
import { performance } from "node:perf_hooks";
import { clopperPearson, mannWhitney, mde, pairedT, power, sampleSizeFor, welchT, wilcoxonSignedRank, wilson } from "../../src/inference/index.js";
import { createRng } from "../../src/stats/rng.js";

function time(label: string, repeats: number, run: () => unknown): number {
  for (let i = 0; i < Math.min(repeats, 20); i += 1) run();
  const start = performance.now();
  for (let i = 0; i < repeats; i += 1) run();
  const perCall = (performance.now() - start) / repeats;
  return perCall;
}

const rng = createRng(1);
const before20 = Array.from({ length: 20 }, () => rng.int(0, 27));
const after20 = before20.map((value) => Math.max(0, value - rng.int(-3, 12)));
const armA = Array.from({ length: 5 }, () => rng.int(0, 10));
const armB = Array.from({ length: 5 }, () => rng.int(0, 10));
const big1 = Array.from({ length: 50 }, () => rng.int(0, 20));
const big2 = Array.from({ length: 50 }, () => rng.int(0, 20));

const rows: Array<[string, number]> = [];
const baseline = time("welchT 5 vs 5 (baseline)", 20_000, () => welchT(armA, armB));
rows.push(["welchT 5 vs 5 (baseline)", baseline]);
rows.push(["pairedT n = 20", time("pairedT", 20_000, () => pairedT(before20, after20))]);
rows.push(["wilson 11/20", time("wilson", 50_000, () => wilson(11, 20))]);
rows.push(["clopperPearson 11/20", time("cp", 20_000, () => clopperPearson(11, 20))]);
rows.push(["power two-group 5 vs 5, d = 1", time("power", 2_000, () => power("two-group", [5, 5], 1))]);
rows.push(["mde two-group 5 vs 5", time("mde", 200, () => mde("two-group", [5, 5]))]);
rows.push(["sampleSizeFor two-group d = 0.5", time("n", 100, () => sampleSizeFor("two-group", 0.5))]);
rows.push(["wilcoxonSignedRank exact n = 20 (ties, zeros)", time("wsr", 2_000, () => wilcoxonSignedRank(before20, after20))]);
rows.push(["mannWhitney exact 5 vs 5 (ties)", time("mw", 20_000, () => mannWhitney(armA, armB))]);
rows.push(["mannWhitney exact 50 vs 50 (ties)", time("mw100", 5, () => mannWhitney(big1, big2))]);

const cpu = os.cpus()[0]?.model ?? "unknown CPU";
console.log(`machine: ${cpu}, ${os.cpus().length} cores, Node ${process.version}`);
console.log("operation | ms per call | × baseline");
for (const [label, ms] of rows) console.log(`${label} | ${ms.toFixed(4)} | ${(ms / baseline).toFixed(1)}`);
// Reconstruction-scale estimate: 1,000 datasets × (paired t + signed-rank) for study A.
const perDataset = (rows[1]?.[1] ?? 0) + (rows[7]?.[1] ?? 0);
console.log(`estimate: 1,000 study-A reconstructions × (paired t + exact signed-rank) ≈ ${(perDataset * 1000).toFixed(0)} ms`);
