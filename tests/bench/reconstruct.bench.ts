/**
 * Reconstruction benchmark (plain tsx script, run by `npm run bench`).
 * The unsum showcase (mean 3.0, SD 1.2, n 200, scale 1–5, rounding error 0.05 → 661,948 samples,
 * METHODS §2) enumerated, counted, and searched by a plain closure-core-style depth-first search over
 * value sequences (the baseline, in this same process); then peak memory for n = 50, 100, 200 in
 * fresh child processes; then SPRITE's coverage of the CLOSURE set.
 */
import { spawnSync } from "node:child_process";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { countClosure, forEachClosureSample, hornsIndex, sprite, summarizeClosure } from "../../src/reconstruct/index.js";
import { createRng } from "../../src/stats/rng.js";

const showcase = { mean: "3.0", sd: "1.2", n: 200, min: 1, max: 5, meanError: 0.05, sdError: 0.05 };

/** closure-core's algorithm: DFS over non-decreasing sequences with running sum and M2 (Welford), sum and SD pruning. */
function plainDfs(mean: number, sd: number, n: number, min: number, max: number, meanError: number, sdError: number): number {
  const sumLow = n * (mean - meanError) - 1e-9 * n;
  const sumHigh = n * (mean + meanError) + 1e-9 * n;
  const sdLow = sd - sdError - 1e-9;
  const sdHigh = sd + sdError + 1e-9;
  const m2High = sdHigh * sdHigh * (n - 1);
  const m2Low = Math.max(0, sdLow) ** 2 * (n - 1);
  let found = 0;
  const walk = (depth: number, last: number, sum: number, runningMean: number, m2: number) => {
    if (depth === n) {
      if (sum >= sumLow && sum <= sumHigh && m2 >= m2Low && m2 <= m2High) found++;
      return;
    }
    const left = n - depth - 1;
    for (let value = last; value <= max; value++) {
      const nextSum = sum + value;
      if (nextSum + value * left > sumHigh) break;
      if (nextSum + max * left < sumLow) continue;
      const count = depth + 1;
      const delta = value - runningMean;
      const nextMean = runningMean + delta / count;
      const nextM2 = m2 + delta * (value - nextMean);
      if (nextM2 > m2High) continue;
      walk(count, value, nextSum, nextMean, nextM2);
    }
  };
  walk(0, min, 0, 0, 0);
  return found;
}

function time<T>(label: string, runs: number, task: () => T): { ms: number; value: T } {
  const times: number[] = [];
  let value!: T;
  for (let run = 0; run < runs; run++) {
    const start = process.hrtime.bigint();
    value = task();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const ms = times[Math.floor(times.length / 2)] as number;
  console.log(`${label.padEnd(52)} ${ms.toFixed(1).padStart(9)} ms (median of ${runs})${typeof value === "object" ? "" : `  result ${String(value)}`}`);
  return { ms, value };
}

if (process.argv[2] === "--memory") {
  const n = Number(process.argv[3]);
  const visited = forEachClosureSample({ ...showcase, n }, () => {});
  const usage = process.resourceUsage();
  console.log(JSON.stringify({ n, visited, maxRssMiB: usage.maxRSS / 1024, heapUsedMiB: process.memoryUsage().heapUsed / 2 ** 20 }));
  process.exit(0);
}

console.log(`machine: ${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.cpus().length} cores, Node ${process.version}`);
console.log("\nunsum showcase: mean 3.0, SD 1.2, n 200, scale 1–5, rounding error 0.05 (published: 661,948 samples)");
const baseline = time("baseline: plain DFS over value sequences", 3, () => plainDfs(3.0, 1.2, 200, 1, 5, 0.05, 0.05));
const enumeration = time("enumeration: forEachClosureSample (visit every one)", 5, () => forEachClosureSample(showcase, () => {}));
const summary = time("enumeration + metrics: summarizeClosure", 5, () => summarizeClosure(showcase).count);
const counting = time("counting: countClosure (dynamic programming)", 9, () => countClosure(showcase));
console.log(`all counts equal 661948: ${[baseline.value, enumeration.value, summary.value, Number(counting.value)].every((value) => value === 661948)}`);
console.log(`ratio baseline / enumeration: ${(baseline.ms / enumeration.ms).toFixed(1)}×; baseline / counting: ${(baseline.ms / counting.ms).toFixed(0)}×; enumeration + metrics / enumeration: ${(summary.ms / enumeration.ms).toFixed(1)}×`);

console.log("\npeak memory of enumeration, fresh process per n (mean 3.0, SD 1.2, 1–5):");
const self = fileURLToPath(import.meta.url);
for (const n of [50, 100, 200]) {
  const child = spawnSync(process.execPath, [...process.execArgv, self, "--memory", String(n)], { encoding: "utf8" });
  const line = child.stdout.trim().split("\n").pop() ?? "";
  try {
    const figures = JSON.parse(line) as { n: number; visited: number; maxRssMiB: number; heapUsedMiB: number };
    console.log(`  n ${String(n).padStart(3)}: ${String(figures.visited).padStart(7)} samples, peak RSS ${figures.maxRssMiB.toFixed(1)} MiB, heap used ${figures.heapUsedMiB.toFixed(1)} MiB`);
  } catch {
    console.log(`  n ${n}: child failed: ${child.stderr.slice(0, 200)}`);
  }
}

console.log("\nSPRITE coverage of the CLOSURE set (mean 3.5, SD 1.7, n 70, 1–5, error 0.05; 2,492 samples):");
const coverageInput = { mean: "3.5", sd: "1.7", n: 70, min: 1, max: 5, meanError: 0.05, sdError: 0.05 };
const horns = new Map<string, number>();
forEachClosureSample(coverageInput, (frequencies) => {
  horns.set(frequencies.join(","), hornsIndex(frequencies, 1, 5));
});
const sorted = [...horns.values()].sort((a, b) => a - b);
const topDecile = sorted[Math.floor(sorted.length * 0.9)] as number;
for (const requested of [100, 2492]) {
  const run = time(`sprite, ${requested} requested, seed 1`, 1, () => sprite(coverageInput, { rng: createRng(1), samples: requested }));
  const found = run.value.samples.map((sample) => {
    const counts = [0, 0, 0, 0, 0];
    for (const value of sample) counts[value - 1] = (counts[value - 1] as number) + 1;
    return horns.get(counts.join(",")) ?? Number.NaN;
  });
  const inTop = found.filter((value) => value >= topDecile).length;
  console.log(
    `  found ${found.length} distinct (${((100 * found.length) / horns.size).toFixed(1)}% of CLOSURE) in ${run.value.attempts} attempts; ` +
      `top-decile horns (≥ ${topDecile.toFixed(3)}): ${inTop} of ${sorted.length - Math.floor(sorted.length * 0.9)} found; ` +
      `mean horns SPRITE ${(found.reduce((a, b) => a + b, 0) / found.length).toFixed(3)} vs CLOSURE ${(sorted.reduce((a, b) => a + b, 0) / sorted.length).toFixed(3)}`,
  );
}
