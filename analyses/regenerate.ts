import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { exitCodes, formatProblem, isCohortError } from "../src/errors.js";
import { asFileSystemProblem } from "../src/io/file-system-error.js";
import { MAX_DATA_FILE_BYTES } from "../src/io/read-json.js";
import { readTextFile } from "../src/io/read-regular-file.js";
import { visibleControls } from "../src/io/visible-controls.js";
import { digestOf, fingerprintFiles } from "../src/report/report-cache.js";
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
  /** Rebuild every study, even those whose inputs and code are unchanged since the last run. */
  force?: boolean;
  /** Seconds to wait for another run writing the same folder (default 300). */
  waitSeconds?: number;
  progress?: (line: string) => void;
}

/**
 * Everything a study's report depends on besides its own file: the code (src/, analyses/), the
 * library versions (package.json, package-lock.json), the instrument folders, the checklists, the
 * ids and source files of the built-in studies (the checklists analysis reads them), the chart
 * fonts, and the Node version. A study is reused only while this and its file are unchanged.
 */
async function reportsFingerprint(instrumentsDirs: readonly string[]): Promise<string> {
  const { CHART_FONT_FILES } = (await import("../src/charts/png-options.js")) as { CHART_FONT_FILES?: readonly string[] };
  const code = fingerprintFiles([`${root}src`, `${root}analyses`, `${root}package.json`, `${root}package-lock.json`, ...instrumentsDirs, `${root}data/checklists`, ...(CHART_FONT_FILES ?? [])]);
  return digestOf([code, builtInStudySources(), process.version]);
}

/**
 * The id and source file of each built-in study, read as the checklists analysis reads them
 * (studySourcesIn: leniently, unreadable files skipped) but without loading the schemas.
 */
function builtInStudySources(): string {
  const folder = `${root}data/studies`;
  const entries: string[] = [];
  for (const name of readdirSync(folder).filter((n) => n.endsWith(".json") && !n.startsWith(".")).sort()) {
    try {
      const data = JSON.parse(readTextFile(join(folder, name), MAX_DATA_FILE_BYTES)) as { id?: unknown; source?: { file?: unknown } };
      entries.push(JSON.stringify([name, data?.id, data?.source?.file]));
    } catch {
      entries.push(JSON.stringify([name, null]));
    }
  }
  return entries.join("\n");
}

/**
 * Regenerates every report and the notebook: each study file in data/studies (or `studiesDir`)
 * through every analysis in analyses/index.ts, and the claims registers of data/claims (or
 * `claimsDir`), into reports/ (or `reportsDir`). Studies whose file, code and data are unchanged
 * since the last run into the same folder are reused, unless `force`.
 *
 * @example
 * await regenerate({ reportsDir: "/tmp/reports" }); // => { studies: [{ id: "kap-pilot-two-approaches", … }], files: [...] }
 */
export async function regenerate(folders: RegenerateFolders = {}): Promise<RegenerateSummary> {
  const instrumentsDirs = folders.instrumentsDirs ?? [`${root}data/instruments`];
  const claimsDir = folders.claimsDir ?? `${root}data/claims`;
  const [{ regenerateReports }, fingerprint] = await Promise.all([import("../src/report/regenerate-reports.js"), reportsFingerprint(instrumentsDirs)]);
  return regenerateReports({
    csvWriter: startCsvWriter,
    studiesDir: folders.studiesDir ?? `${root}data/studies`,
    reportsDir: folders.reportsDir ?? `${root}reports`,
    ...(folders.instrumentsDirs ? { instrumentsDirs: folders.instrumentsDirs } : {}),
    analyses: async () => (await import("./index.js")).analyses,
    extras: async () => (await import("./claims-registers.js")).claimsRegisters(claimsDir),
    fingerprint,
    extrasKey: fingerprintFiles([claimsDir]),
    force: folders.force ?? false,
    ...(folders.waitSeconds !== undefined ? { lock: { waitMs: folders.waitSeconds * 1000 } } : {}),
    ...(folders.progress ? { progress: folders.progress } : {}),
  });
}

const USAGE = "usage: npm run reports -- [--studies <dir>] [--out <dir>] [--claims <dir>] [--instruments <dir>]... [--force] [--wait <seconds>]";

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({ options: { studies: { type: "string" }, out: { type: "string" }, claims: { type: "string" }, instruments: { type: "string", multiple: true }, force: { type: "boolean" }, wait: { type: "string" } } }));
  } catch (error) {
    process.stderr.write(`reports: ${visibleControls(error instanceof Error ? error.message : String(error))}\n${USAGE}\n`);
    process.exitCode = exitCodes.usage;
    return;
  }
  const wait = values.wait === undefined ? undefined : Number(values.wait);
  if (wait !== undefined && !(Number.isFinite(wait) && wait >= 0)) {
    process.stderr.write(`reports: --wait must be a number of seconds of at least 0, received "${visibleControls(values.wait!)}"\n${USAGE}\n`);
    process.exitCode = exitCodes.usage;
    return;
  }
  try {
    const summary = await regenerate({ studiesDir: values.studies, reportsDir: values.out, claimsDir: values.claims, instrumentsDirs: values.instruments, force: values.force, waitSeconds: wait });
    for (const s of summary.studies) process.stdout.write(`${s.id}: ${s.artefacts.length} artefacts${s.skipped.length > 0 ? `, not applicable: ${s.skipped.join(", ")}` : ""}${s.reused ? " (unchanged, reused)" : ""}\n`);
    process.stdout.write(`${summary.files.length} files written\n`);
  } catch (caught) {
    // Every failure is one line: the user's input or the file system (exit 1, or its own code), else a bug (70).
    const error = asFileSystemProblem(caught);
    if (isCohortError(error)) {
      for (const problem of error.problems) process.stderr.write(`reports: ${formatProblem(problem)}\n`);
      process.exitCode = error.exitCode;
      return;
    }
    process.stderr.write(`reports: internal error: ${visibleControls(error instanceof Error ? error.message : String(error))}\nThis is a bug in cohortcheck; please report it with the command you ran.\n`);
    if (process.env.COHORT_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    process.exitCode = exitCodes.internal;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
