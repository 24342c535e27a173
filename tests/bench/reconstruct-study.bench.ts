// Benchmark of study-level reconstruction (src/reconstruct/study) and inference over reconstructions
// (src/inference/over-reconstructions.ts): prints figures, the machine, and ratios to a baseline run in
// the same process. Run: npx tsx tests/bench/reconstruct-study.bench.ts (or npm run bench). No assertions.
import os from "node:os";
import { performance } from "node:perf_hooks";
import { inferenceOverReconstructions } from "../../src/inference/over-reconstructions.js";
import { loadInstruments } from "../../src/io/load-instruments.js";
import { loadStudy } from "../../src/io/load-study.js";
import type { MeanTarget } from "../../src/reconstruct/study/mean-targets.js";
import { reconstructStudy } from "../../src/reconstruct/study/reconstruct-study.js";

const root = new URL("../../", import.meta.url).pathname;
const registry = loadInstruments();
const A = loadStudy(`${root}data/studies/ketamine-im-substance-misuse.json`, registry);
const B = loadStudy(`${root}data/studies/kap-pilot-two-approaches.json`, registry);

function time(repeats: number, run: () => unknown): number {
  run();
  const start = performance.now();
  for (let i = 0; i < repeats; i++) run();
  return (performance.now() - start) / repeats;
}

const rows: [string, number][] = [];
// Baseline: one study-A reconstruction with a warm mean-level cache (the per-dataset cost).
const cacheA = new Map<string, MeanTarget[]>();
const baseline = time(200, () => reconstructStudy(A, registry, { count: 1 }, cacheA)) ;
rows.push(["study A: 1 reconstruction, mean-level targets cached (baseline)", baseline]);
const cacheB = new Map<string, MeanTarget[]>();
rows.push(["study B: 1 reconstruction, mean-level targets cached", time(200, () => reconstructStudy(B, registry, { count: 1 }, cacheB))]);
rows.push(["study A: 1 reconstruction, cold (mean-level targets rebuilt)", time(20, () => reconstructStudy(A, registry, { count: 1 }))]);
rows.push(["study B: 1 reconstruction, cold (percent-change chain + subsets enumerated)", time(5, () => reconstructStudy(B, registry, { count: 1 }))]);
rows.push(["study A: cohort reconstruct default (5, cold)", time(10, () => reconstructStudy(A, registry, { count: 5 }))]);
rows.push(["study A: inference over reconstructions (defaults)", time(3, () => inferenceOverReconstructions(A, registry))]);
rows.push(["study B: inference over reconstructions (defaults)", time(3, () => inferenceOverReconstructions(B, registry))]);

const cpu = os.cpus()[0]?.model ?? "unknown CPU";
console.log(`machine: ${cpu}, ${os.cpus().length} cores, Node ${process.version}`);
console.log("operation | ms per call | × baseline");
for (const [label, ms] of rows) console.log(`${label} | ${ms.toFixed(2)} | ${(ms / baseline).toFixed(1)}`);
const a = inferenceOverReconstructions(A, registry);
const b = inferenceOverReconstructions(B, registry);
console.log(`inference datasets per run: study A ${a.reconstructionsRun} (${a.scenarios.length} scenarios), study B ${b.reconstructionsRun} (${b.scenarios.length} scenarios)`);
