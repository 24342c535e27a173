import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { formatProblem, isCohortError } from "../src/errors.js";
import type { RegenerateSummary } from "../src/report/regenerate-reports.js";
import { startCsvWriter } from "../src/report/tables-to-csv.js";

const root = fileURLToPath(new URL("..", import.meta.url));

/** Folders of one regeneration; every one has a default so `npm run reports` needs no arguments. */
export interface RegenerateFolders {
  studiesDir?: string;
  reportsDir?: string;
  instrumentsDirs?: string[];
  /** Claims registers (default data/claims); a missing or empty folder adds no claims section. */
  claimsDir?: string;
}

/**
 * Regenerates every report and the notebook: each study file in data/studies (or `studiesDir`)
 * through every analysis in analyses/index.ts, and the claims registers of data/claims (or
 * `claimsDir`), into reports/ (or `reportsDir`).
 *
 * @example
 * await regenerate({ reportsDir: "/tmp/reports" }); // => { studies: [{ id: "kap-pilot-two-approaches", … }], files: [...] }
 */
export async function regenerate(folders: RegenerateFolders = {}): Promise<RegenerateSummary> {
  const csvWriter = startCsvWriter();
  const [{ regenerateReports }, { analyses }, { claimsRegisters }] = await Promise.all([
    import("../src/report/regenerate-reports.js"),
    import("./index.js"),
    import("./claims-registers.js"),
  ]);
  return regenerateReports({
    csvWriter,
    studiesDir: folders.studiesDir ?? `${root}data/studies`,
    reportsDir: folders.reportsDir ?? `${root}reports`,
    ...(folders.instrumentsDirs ? { instrumentsDirs: folders.instrumentsDirs } : {}),
    analyses,
    extras: () => claimsRegisters(folders.claimsDir ?? `${root}data/claims`),
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { studies: { type: "string" }, out: { type: "string" }, claims: { type: "string" }, instruments: { type: "string", multiple: true } } });
  try {
    const summary = await regenerate({ studiesDir: values.studies, reportsDir: values.out, claimsDir: values.claims, instrumentsDirs: values.instruments });
    for (const s of summary.studies) process.stdout.write(`${s.id}: ${s.artefacts.length} artefacts${s.skipped.length > 0 ? `, not applicable: ${s.skipped.join(", ")}` : ""}\n`);
    process.stdout.write(`${summary.files.length} files written\n`);
  } catch (error) {
    if (isCohortError(error)) {
      for (const problem of error.problems) process.stderr.write(`reports: ${formatProblem(problem)}\n`);
      process.exitCode = error.exitCode;
      return;
    }
    throw error;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
