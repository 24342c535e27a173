// Benchmark: the attainable-p search of Welch's t from summaries (one-dimensional searches over the SD box)
// against the exact corner evaluation of Student's t on the same boxes, and against a dense 201 × 201 grid
// (the brute force the search replaces). Run: npm run bench -- summary-t
import { cpus } from "node:os";
import { performance } from "node:perf_hooks";
import { studentTRange, welchTRange } from "../../src/checks/summary-t-range.js";
import { welchTFromSummary } from "../../src/inference/summary-t.js";
import { createRng } from "../../src/stats/rng.js";

const N = 300;
const rng = createRng(20261201);
const boxes = Array.from({ length: N }, () => {
  const d = 0.2 + 2 * rng.next();
  const s1 = 0.5 + 3 * rng.next();
  const s2 = 0.5 + 3 * rng.next();
  return { d: [d - 0.005, d + 0.005] as [number, number], s1: [s1 - 0.005, s1 + 0.005] as [number, number], s2: [s2 - 0.005, s2 + 0.005] as [number, number], n1: rng.int(3, 40), n2: rng.int(3, 40) };
});

function grid(box: (typeof boxes)[number]): number {
  let low = Infinity;
  for (let i = 0; i <= 200; i++)
    for (let j = 0; j <= 200; j++) {
      const s1 = box.s1[0] + ((box.s1[1] - box.s1[0]) * i) / 200;
      const s2 = box.s2[0] + ((box.s2[1] - box.s2[0]) * j) / 200;
      low = Math.min(low, welchTFromSummary({ mean: box.d[1], sd: s1, n: box.n1 }, { mean: 0, sd: s2, n: box.n2 }).p);
    }
  return low;
}

function time(label: string, f: () => number): number {
  f();
  const t0 = performance.now();
  const checksum = f();
  const ms = performance.now() - t0;
  console.log(`${label.padEnd(40)} ${ms.toFixed(1).padStart(9)} ms  (checksum ${checksum.toExponential(6)})`);
  return ms;
}

console.log(`machine: ${cpus()[0]?.model ?? "unknown"}, ${cpus().length} cores, Node ${process.version}`);
const student = time(`studentTRange (exact corners) x ${N}`, () => boxes.reduce((sum, b) => sum + studentTRange(b.d, b.s1, b.s2, b.n1, b.n2).p[0], 0));
const welch = time(`welchTRange (searched) x ${N}`, () => boxes.reduce((sum, b) => sum + welchTRange(b.d, b.s1, b.s2, b.n1, b.n2).p[0], 0));
const dense = time(`201 x 201 grid, least p only x ${N / 10}`, () => boxes.slice(0, N / 10).reduce((sum, b) => sum + grid(b), 0));
console.log(`ratio welch/student: ${(welch / student).toFixed(1)}x; one grid / one welchTRange: ${(dense / (N / 10) / (welch / N)).toFixed(1)}x; per Welch range: ${(welch / N).toFixed(2)} ms`);
