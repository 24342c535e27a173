// Benchmark of src/appraisal: prints figures, the machine, and ratios to a baseline in the same run.
// Run: npx tsx tests/bench/appraisal.bench.ts (or npm run bench). Not a test; no assertions on speed.
import os from "node:os";
import { performance } from "node:perf_hooks";
import { appraiseStudy, builtInChecklistsDir, checklistsFor, formatAppraisal, limitsRegister, loadAttribution } from "../../src/appraisal/index.js";
import { loadInstruments } from "../../src/io/load-instruments.js";
import { loadStudy, parseStudy } from "../../src/io/load-study.js";
import { readJsonFile } from "../../src/io/read-json.js";
import { studyA, studyB } from "../helpers/fixtures.js";

function time(repeats: number, run: () => unknown): number {
  for (let i = 0; i < Math.min(repeats, 10); i += 1) run();
  const start = performance.now();
  for (let i = 0; i < repeats; i += 1) run();
  return (performance.now() - start) / repeats;
}

const instruments = loadInstruments();
const rawB = readJsonFile(studyB);
const a = loadStudy(studyA, instruments);
const b = loadStudy(studyB, instruments);
const checklists = checklistsFor(b, builtInChecklistsDir);
const attributionA = loadAttribution(a, studyA);
const attributionB = loadAttribution(b, studyB);

const rows: Array<[string, number]> = [];
const baseline = time(500, () => parseStudy(rawB, instruments));
rows.push(["parseStudy study B (baseline: schema validation)", baseline]);
rows.push(["limitsRegister study A (15 flags, 6 intervals, 1 MDE)", time(100, () => limitsRegister(a, instruments, {}, attributionA))]);
rows.push(["limitsRegister study B (19 flags, 3 MDEs, 3 powers)", time(100, () => limitsRegister(b, instruments, {}, attributionB))]);
rows.push(["loadAttribution study A (read the source, place quotes)", time(100, () => loadAttribution(a, studyA))]);
rows.push(["checklistsFor (read + validate 3 checklists)", time(100, () => checklistsFor(b, builtInChecklistsDir))]);
rows.push(["appraiseStudy + formatAppraisal study B (verdict, register, GRADE, checklists)", time(100, () => formatAppraisal(appraiseStudy(b, instruments, checklists, {}, attributionB)))]);

const cpu = os.cpus()[0]?.model ?? "unknown CPU";
console.log(`machine: ${cpu}, ${os.cpus().length} cores, Node ${process.version}`);
console.log("operation | ms per call | × baseline");
for (const [label, ms] of rows) console.log(`${label} | ${ms.toFixed(3)} | ${(ms / baseline).toFixed(1)}`);
