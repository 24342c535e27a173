// Benchmark of the exact extremes (src/inference/exact-extremes.ts) against the sampled sweep they
// replace in the reports (src/inference/over-reconstructions.ts, defaults: 5 spreads × 12 datasets per
// scenario plus the bracketing cases), both run here in the same process on the seeds. Prints the
// machine, ms per call, the ratio to the sweep, and what each visits. No assertions.
// Run: npx tsx tests/bench/exact-extremes.bench.ts (or npm run bench -- exact-extremes).
import os from "node:os";
import { performance } from "node:perf_hooks";
import { exactExtremes } from "../../src/inference/exact-extremes.js";
import { inferenceOverReconstructions } from "../../src/inference/over-reconstructions.js";
import { pSensitivity } from "../../src/inference/p-sensitivity.js";
import { loadInstruments } from "../../src/io/load-instruments.js";
import { loadStudy } from "../../src/io/load-study.js";

const root = new URL("../../", import.meta.url).pathname;
const registry = loadInstruments();
const seeds = [
  ["study A", loadStudy(`${root}data/studies/ketamine-im-substance-misuse.json`, registry)],
  ["study B", loadStudy(`${root}data/studies/kap-pilot-two-approaches.json`, registry)],
] as const;

function time(repeats: number, run: () => unknown): number {
  run();
  const start = performance.now();
  for (let i = 0; i < repeats; i++) run();
  return (performance.now() - start) / repeats;
}

console.log(`machine: ${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.cpus().length} cores, Node ${process.version}`);
console.log("study | sampled sweep ms | exact extremes ms | exact ÷ sweep | + sensitivity ms | sweep: datasets | exact: group-total pairs visited (within tests)");
for (const [name, study] of seeds) {
  const sweep = time(3, () => inferenceOverReconstructions(study, registry));
  const exact = time(3, () => exactExtremes(study, registry));
  const result = exactExtremes(study, registry);
  const sensitivity = time(3, () => pSensitivity(result, registry, study));
  const datasets = inferenceOverReconstructions(study, registry).reconstructionsRun;
  const pairs = result.tests.flatMap((t) => t.readings.map((r) => r.slices ?? 0)).reduce((s, v) => s + v, 0);
  console.log(`${name} | ${sweep.toFixed(0)} | ${exact.toFixed(0)} | ${(exact / sweep).toFixed(2)} | ${sensitivity.toFixed(2)} | ${datasets} | ${pairs}`);
}
