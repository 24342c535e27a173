// A light `npm run reports` for the kill-and-concurrency trials: the same regenerateReports (tree
// generation, lock, switch, reuse) with two cheap analyses, so a trial costs a process start, not a
// full report run. Usage: node --import tsx light-regenerate.ts <studies> <out> [--wait seconds]
import { exitCodes, formatProblem, isCohortError } from "../../src/errors.js";
import { asFileSystemProblem } from "../../src/io/file-system-error.js";
import { defineAnalysis } from "../../src/report/analysis.js";
import { regenerateReports } from "../../src/report/regenerate-reports.js";

const [studiesDir, reportsDir, waitFlag, waitSeconds] = process.argv.slice(2);
const title = defineAnalysis({ id: "title", title: "Title", section: "reported", run: ({ study }) => ({ id: "title", title: study.title, section: "reported", paragraphs: [study.source.description, `n = ${study.design.sampleSize.value}`] }) });
const arms = defineAnalysis({ id: "arms", title: "Arms", section: "reported", run: ({ study }) => ({ id: "arms", title: "Arms", section: "reported", paragraphs: study.design.arms.map((arm) => `${arm.label}: ${arm.size.value}`) }) });
try {
  await regenerateReports({ studiesDir: studiesDir!, reportsDir: reportsDir!, analyses: [title, arms], fingerprint: "light", progress: () => {}, notice: () => {}, ...(waitFlag === "--wait" ? { lock: { waitMs: Number(waitSeconds) * 1000 } } : {}) });
} catch (caught) {
  const error = asFileSystemProblem(caught);
  if (!isCohortError(error)) throw error;
  for (const problem of error.problems) process.stderr.write(`reports: ${formatProblem(problem)}\n`);
  process.exitCode = error.exitCode === exitCodes.ok ? 1 : error.exitCode;
}
