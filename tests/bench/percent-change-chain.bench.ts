// Benchmark of percentChangeChain (src/checks/percent-change-chain.ts) on the real inputs: study B's
// percent changes per group and instrument, on the instrument's item grid (as `cohort check` runs
// them) and on precision grids of 2 and 3 decimals (as the off-grid alternative and its chart rerun
// do). Prints figures, the machine, ratios to the item-grid call, and a digest of each result so two
// runs (before and after a change) can be compared for identical answers.
// Run: npx tsx tests/bench/percent-change-chain.bench.ts (or npm run bench). Not a test; no assertions.
import { createHash } from "node:crypto";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { percentChangeChain, type MeanGrid, type PercentChangeChainInput } from "../../src/checks/percent-change-chain.js";
import { loadInstruments, loadStudy } from "../../src/io/index.js";
import type { PercentChange } from "../../src/schema/reported-value.js";

const root = new URL("../../", import.meta.url).pathname;
const registry = loadInstruments();
const study = loadStudy(`${root}data/studies/kap-pilot-two-approaches.json`, registry);
const timepoints = [...study.design.timepoints].sort((a, b) => a.order - b.order).map((t) => t.id);

// One chain per group and instrument, as src/checks/check-study.ts groups them.
const chains = new Map<string, PercentChange[]>();
for (const value of study.reported) {
  if (value.kind !== "percent-change") continue;
  const key = `${value.group} / ${value.instrument}`;
  chains.set(key, [...(chains.get(key) ?? []), value]);
}

/** Mean time per call over `repeats` calls after one warm-up call (the first call compiles). */
function time(repeats: number, run: () => unknown): number {
  run();
  const start = performance.now();
  for (let i = 0; i < repeats; i++) run();
  return (performance.now() - start) / repeats;
}

/** A short fingerprint of a whole result, to see at a glance that two runs answered the same. */
const digest = (value: unknown): string => createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 12);

const rows: { label: string; ms: number; baselineMs: number; status: string; tuples: number; digest: string }[] = [];
for (const [key, changes] of chains) {
  const first = changes[0]!;
  const instrument = registry.get(first.instrument)!;
  const n = study.design.arms.find((a) => a.id === first.group)?.size.value ?? study.design.sampleSize.value;
  const scoreMin = instrument.scoring === "sum" ? instrument.items * instrument.itemMin : instrument.itemMin;
  const scoreMax = instrument.scoring === "sum" ? instrument.items * instrument.itemMax : instrument.itemMax;
  const grids: [string, MeanGrid, number][] = [
    [`items grid (n = ${n})`, { kind: "items", items: instrument.items, n, min: instrument.itemMin, max: instrument.itemMax, scoring: instrument.scoring }, 200],
    ["precision 2 decimals", { kind: "precision", decimals: 2, min: scoreMin, max: scoreMax }, 20],
    ["precision 3 decimals", { kind: "precision", decimals: 3, min: scoreMin, max: scoreMax }, 3],
  ];
  let baselineMs = 0;
  for (const [label, grid, repeats] of grids) {
    const input: PercentChangeChainInput = {
      timepoints,
      changes: changes.map((c) => ({ id: c.id, from: c.from, to: c.to, percent: c.percent, direction: c.direction })),
      grid,
      maxTuples: 5000,
    };
    const ms = time(repeats, () => percentChangeChain(input));
    if (baselineMs === 0) baselineMs = ms;
    const result = percentChangeChain(input);
    rows.push({ label: `${key}: ${label}`, ms, baselineMs, status: result.status, tuples: (result.details as { feasibleTuples: number }).feasibleTuples, digest: digest(result) });
  }
}

const cpu = os.cpus()[0]?.model ?? "unknown CPU";
console.log(`machine: ${cpu}, ${os.cpus().length} cores, Node ${process.version}`);
console.log("chain: grid | ms per call | × item grid | status (feasible tuples) | result digest");
for (const r of rows) console.log(`${r.label} | ${r.ms.toFixed(2)} | ${(r.ms / r.baselineMs).toFixed(1)} | ${r.status} (${r.tuples}) | ${r.digest}`);
console.log(`total of one call each: ${rows.reduce((sum, r) => sum + r.ms, 0).toFixed(1)} ms`);
