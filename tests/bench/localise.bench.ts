// Benchmark of the localiser (src/localise/localise.ts): its cost on the seed studies' chains (as
// `cohort check` runs it) and on planted inconsistent sets of 3–6 figures (chains of 3–6 changes,
// a composition, a mean with ± and n), each with one planted slip. Baseline: the same problem's
// as-printed test (one consistency check, what `cohort check` paid before localising), timed in the
// same process; the ratio is the price of localising. Prints the machine and each set's work units.
// Run: npx tsx tests/bench/localise.bench.ts (or npm run bench -- localise). Not a test; no assertions.
import os from "node:os";
import { performance } from "node:perf_hooks";
import { checkStudy } from "../../src/checks/check-study.js";
import { loadInstruments, loadStudy } from "../../src/io/index.js";
import { chainProblem } from "../../src/localise/chain-problem.js";
import { compositionProblem } from "../../src/localise/composition-problem.js";
import { localise } from "../../src/localise/localise.js";
import { meanSdProblem } from "../../src/localise/mean-sd-problem.js";
import type { LocalisationProblem } from "../../src/localise/reading.js";
import { problemForResult } from "../../src/localise/study-problems.js";

const root = new URL("../../", import.meta.url).pathname;
const registry = loadInstruments();

function time(repeats: number, run: () => unknown): number {
  run();
  const start = performance.now();
  for (let i = 0; i < repeats; i++) run();
  return (performance.now() - start) / repeats;
}

const sets: { label: string; problem: LocalisationProblem<unknown>; repeats: number }[] = [];
for (const file of ["kap-pilot-two-approaches", "ketamine-im-substance-misuse"]) {
  const study = loadStudy(`${root}data/studies/${file}.json`, registry);
  for (const r of checkStudy(study, registry, { explain: false })) {
    if (r.check !== "percent-change-chain") continue;
    const problem = problemForResult(study, registry, r);
    if (problem) sets.push({ label: `${file}: ${(r.subject ?? []).join(" + ")} (${r.status})`, problem, repeats: 5 });
  }
}

// Planted chains: group means 3.20, 2.45, 2.95, 2.10, 2.60, 3.05, 2.40 (BPI-like grid, 4 items, n = 5);
// consecutive changes printed exactly, then the last one printed relative to the later value.
const means = [64, 49, 59, 42, 52, 61, 48];
const pct = (a: number, b: number, base: number) => ({ percent: (Math.round((10000 * Math.abs(b - a)) / base) / 100).toFixed(2), direction: b >= a ? ("increase" as const) : ("decrease" as const) });
for (const k of [3, 4, 5, 6]) {
  const timepoints = means.slice(0, k + 1).map((_, i) => `t${i}`);
  const changes = timepoints.slice(1).map((t, i) => ({ id: `c${i + 1}`, from: timepoints[i]!, to: t, ...pct(means[i]!, means[i + 1]!, i === k - 1 ? means[i + 1]! : means[i]!) }));
  sets.push({ label: `planted chain, ${k} changes (${k} + ${k + 1} figures), last relative to the later value`, problem: chainProblem({ timepoints, changes, grid: { kind: "items", items: 4, n: 5, min: 0, max: 10 } }) as LocalisationProblem<unknown>, repeats: 1 });
}
sets.push({ label: "planted composition, 2 categories (5 figures), one percent of n − 1", problem: compositionProblem({ n: 20, categories: [{ id: "a", count: 11, percent: "57.9" }, { id: "b", count: 9, percent: "45.0" }] }) as LocalisationProblem<unknown>, repeats: 200 });
sets.push({ label: "planted mean ± SD, n (3 figures), the ± an SE", problem: meanSdProblem({ id: "m", mean: "3.44", dispersion: { kind: "sd", value: "0.58" }, n: 18, items: 1, scale: { min: 1, max: 7 } }) as LocalisationProblem<unknown>, repeats: 200 });

console.log(`machine: ${os.cpus()[0]?.model ?? "unknown CPU"} × ${os.cpus().length} cores, Node ${process.version}`);
console.log("| set | as printed (baseline) | localise | ratio | smallest | explanations | work units |");
console.log("|---|---|---|---|---|---|---|");
for (const s of sets) {
  const baseline = time(s.repeats * 5, () => s.problem.test([]));
  let found = localise(s.problem, { budget: 2e9 });
  const ms = time(s.repeats, () => (found = localise(s.problem, { budget: 2e9 })));
  console.log(`| ${s.label} | ${baseline.toFixed(3)} ms | ${ms.toFixed(1)} ms | ${(ms / baseline).toFixed(1)}× | ${found.smallestSize ?? "—"} | ${found.explanations.length} | ${found.work} |`);
}
