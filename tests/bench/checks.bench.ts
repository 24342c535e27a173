// Benchmark: 10,000 GRIM and 10,000 percent checks, against naive baselines in the same process.
// Run: npx tsx tests/bench/checks.bench.ts (or npm run bench).
import { cpus } from "node:os";
import { performance } from "node:perf_hooks";
import { grimConsistent } from "../../src/checks/grim.js";
import { percentConsistent } from "../../src/checks/percent.js";
import { createRng } from "../../src/stats/rng.js";

const N = 10_000;
const rng = createRng(20240611);
const cases = Array.from({ length: N }, () => ({ mean: (rng.int(100, 700) / 100).toFixed(2), n: rng.int(5, 99), pct: (rng.int(0, 1000) / 10).toFixed(1), pn: rng.int(5, 200) }));

/** Naive GRIM: scan every total S from 0 to n·max and compare the rounded mean as a string. */
function naiveGrim(mean: string, n: number): boolean {
  for (let s = 0; s <= n * 10; s++) {
    const v = s / n;
    if ((Math.round(v * 100 + 1e-9) / 100).toFixed(2) === mean || (Math.round(v * 100 - 1e-9) / 100).toFixed(2) === mean) return true;
  }
  return false;
}
/** Naive percent: scan every count. */
function naivePercent(p: string, n: number): boolean {
  for (let k = 0; k <= n; k++) if (((100 * k) / n).toFixed(1) === p) return true;
  return false;
}

function time(label: string, f: () => number): number {
  f(); // warm-up
  const t0 = performance.now();
  const hits = f();
  const ms = performance.now() - t0;
  console.log(`${label.padEnd(34)} ${ms.toFixed(1).padStart(8)} ms  (${hits} consistent)`);
  return ms;
}

console.log(`machine: ${cpus()[0]?.model ?? "unknown"}, ${cpus().length} cores, Node ${process.version}`);
const g = time(`grim x ${N}`, () => cases.filter((c) => grimConsistent(c.mean, c.n)).length);
const gn = time(`naive grim (scan all sums) x ${N}`, () => cases.filter((c) => naiveGrim(c.mean, c.n)).length);
const p = time(`percent x ${N}`, () => cases.filter((c) => percentConsistent(c.pct, c.pn)).length);
const pn = time(`naive percent (scan counts) x ${N}`, () => cases.filter((c) => naivePercent(c.pct, c.pn)).length);
// Counts can differ by a few: the naive percent scan uses toFixed, which cannot see an exact tie that up_or_down admits both ways.
console.log(`ratio naive/grim: ${(gn / g).toFixed(1)}x; naive/percent: ${(pn / p).toFixed(1)}x; total for 20,000 checks: ${(g + p).toFixed(1)} ms`);
