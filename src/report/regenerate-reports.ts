import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { renderSvg } from "../charts/render-svg.js";
import { CohortError, isCohortError } from "../errors.js";
import { builtInInstrumentsDir, loadInstruments, type InstrumentRegistry } from "../io/load-instruments.js";
import { loadStudy } from "../io/load-study.js";
import { stableJson } from "../io/stable-json.js";
import { writeFileAtomic } from "../io/write-atomic.js";
import * as msg from "../messages/reports.js";
import { RECONSTRUCTION_LABEL } from "../schema/reconstruction.js";
import type { Study } from "../schema/study.js";
import type { Analysis } from "./analysis.js";
import { isSkipped, type Artefact, type Skipped } from "./artefact.js";
import { notebookHtml, type NotebookExtra, type NotebookStudy, type RenderedArtefact } from "./notebook-html.js";
import { NOTEBOOK_SCRIPT_LICENCES } from "./notebook-script.js";
import { plainNames } from "./plain-names.js";
import { reportMarkdown } from "./report-markdown.js";
import type { Table } from "./table.js";
import { startCsvWriter, type CsvWriter } from "./tables-to-csv.js";
import { startPngRenderer, type PngRenderer } from "./png-renderer.js";
import { restoreInterruptedFolders, writeReportFolder } from "./write-report-folder.js";

/** Where to read studies from and write reports to, and which analyses to run. */
export interface RegenerateOptions {
  /** Folder of study files (`*.json`); every one gets a report. */
  studiesDir: string;
  /** Output folder: `<reportsDir>/<study-id>/…` and `<reportsDir>/index.html`. */
  reportsDir: string;
  analyses: readonly Analysis[];
  /** Instrument folders (default: the built-in data/instruments). */
  instrumentsDirs?: string[];
  /** Seed passed to every analysis (default 20240501). */
  seed?: number;
  /** Free-standing notebook sections built after the studies (e.g. the claims registers) and their report folders. */
  extras?: (context: { reportsDir: string }) => Promise<Array<NotebookExtra & { folder?: string; files?: Map<string, string | Uint8Array> }>>;
  /** A CSV writer (csv-stringify, in process); default: one made here. Closed at the end either way. */
  csvWriter?: CsvWriter;
  /** Called with one line per step; default prints to stderr only when it is a terminal. */
  progress?: (line: string) => void;
}

export interface RegenerateSummary {
  studies: Array<{ id: string; artefacts: string[]; skipped: string[] }>;
  files: string[];
}

const DEFAULT_SEED = 20240501;

/**
 * Regenerates every report: for each study file in `studiesDir` (sorted by name), runs every
 * analysis, renders each chart (Vega-Lite spec → SVG → PNG) and table (→ CSV through csv-stringify), writes
 * `<reportsDir>/<study-id>/` (report.md, figures/, tables/) by building it aside and swapping it in,
 * then the notebook `<reportsDir>/index.html`. Everything is computed before anything is written, so
 * a failure leaves the previous reports intact. Deterministic: seeded, no clock, sorted JSON keys,
 * fixed number formatting. Report folders of studies that no longer exist are removed.
 *
 * @param options folders and analyses (folders are parameters so tests regenerate into a temporary folder)
 * @throws CohortError for an empty study folder, an invalid study file, two studies with one id, or a failing analysis (naming it and the study)
 * @example
 * await regenerateReports({ studiesDir: "data/studies", reportsDir: "reports", analyses }); // => { studies: [...], files: [...] }
 */
export async function regenerateReports(options: RegenerateOptions): Promise<RegenerateSummary> {
  const csv = options.csvWriter ?? startCsvWriter();
  try {
    return await regenerate(options, csv);
  } finally {
    await csv.close();
  }
}

async function regenerate(options: RegenerateOptions, csv: CsvWriter): Promise<RegenerateSummary> {
  const progress = options.progress ?? (process.stderr.isTTY ? (line: string) => process.stderr.write(`${line}\n`) : () => {});
  // Before anything can fail: a run killed mid-swap must not leave a study's reports missing.
  restoreInterruptedFolders(options.reportsDir);
  const seed = options.seed ?? DEFAULT_SEED;
  const instruments = loadInstruments(options.instrumentsDirs ?? [builtInInstrumentsDir]);
  const studyFiles = listStudyFiles(options.studiesDir);
  const studies: Array<{ study: Study; file: string }> = [];
  for (const file of studyFiles) {
    const study = loadStudy(file, instruments);
    const clash = studies.find((s) => s.study.id === study.id);
    if (clash) throw new CohortError({ file, path: "$.id", message: msg.duplicateStudyId(study.id, clash.file, file) });
    studies.push({ study, file });
  }

  const built: Array<NotebookStudy & { file: string }> = [];
  const pngs = new Map<string, Promise<Uint8Array>>();
  let pngRenderer: PngRenderer | undefined;
  /** The PNG of a chart, rendered in the PNG worker; started once per chart, awaited only when writing. */
  const pngOf = (key: string, svg: string): Promise<Uint8Array> => {
    let png = pngs.get(key);
    if (!png) {
      pngRenderer ??= startPngRenderer();
      png = pngRenderer.toPng(svg);
      png.catch(() => {}); // a failure surfaces where it is awaited, not as an unhandled rejection
      pngs.set(key, png);
    }
    return png;
  };
  try {
    // One analysis at a time, and each chart drawn (vega, on this thread) as soon as its analysis is
    // done: the PNG worker then rasterises it while this thread computes the next analysis.
    for (const { study, file } of studies) {
      progress(`reports: ${study.id}`);
      const rendered: RenderedArtefact[] = [];
      const skipped: Skipped[] = [];
      for (const analysis of options.analyses) {
        for (const item of await runAnalysis(analysis, study, file, instruments, seed)) {
          if (isSkipped(item)) {
            skipped.push(item);
            continue;
          }
          if (!/^[a-z0-9][a-z0-9-]*$/.test(item.id)) throw new CohortError({ file, message: msg.unsafeName(item.id) });
          if (rendered.some((a) => a.id === item.id)) throw new CohortError({ file, message: msg.duplicateArtefact(item.id, study.id) });
          progress(`reports: ${study.id}/${item.id}`);
          if (!item.figure) {
            rendered.push(item);
            continue;
          }
          const svg = await drawChart(item.figure.spec, item.id, file);
          void pngOf(`${study.id}/${item.id}`, svg);
          // The phone layout is drawn for the notebook only (no file, no PNG).
          const narrowSvg = item.figure.narrowSpec ? await drawChart(item.figure.narrowSpec, item.id, file) : undefined;
          rendered.push({ ...item, svg, ...(narrowSvg !== undefined ? { narrowSvg } : {}) });
        }
      }
      built.push({ study, artefacts: rendered, skipped, file, glossary: plainNames(study, instruments) });
    }
    return await writeAll(options, csv, built, pngOf);
  } finally {
    await pngRenderer?.close();
  }
}

/** A chart's SVG; a vega failure becomes a CohortError naming the artefact and the study file. */
async function drawChart(spec: NonNullable<Artefact["figure"]>["spec"], id: string, file: string): Promise<string> {
  try {
    return await renderSvg(spec);
  } catch (error) {
    if (isCohortError(error)) throw error;
    throw new CohortError({ file, message: msg.renderFailed(id, error instanceof Error ? error.message : String(error)) });
  }
}

/** Converts the tables, builds the notebook and writes every report folder, once everything is computed. */
async function writeAll(options: RegenerateOptions, csv: CsvWriter, built: Array<NotebookStudy & { file: string }>, pngOf: (key: string, svg: string) => Promise<Uint8Array>): Promise<RegenerateSummary> {
  const extras = options.extras ? await options.extras({ reportsDir: options.reportsDir }) : [];
  const tableOwners = [...built.flatMap((b) => b.artefacts.map((a) => ({ folder: b.study.id, artefact: a }))), ...extras.flatMap((x) => x.artefacts.map((a) => ({ folder: x.folder ?? x.id, artefact: a })))].filter((o) => o.artefact.table);
  const csvTexts = await csv.toCsv(tableOwners.map((o) => csvTable(o.artefact)));
  const csvByKey = new Map(tableOwners.map((o, i) => [`${o.folder}/${o.artefact.id}`, csvTexts[i]!]));

  const folderFiles = new Map<string, Map<string, string | Uint8Array>>();
  for (const { study, artefacts, skipped } of built) {
    const files = new Map<string, string | Uint8Array>();
    files.set("report.md", reportMarkdown(study, artefacts, skipped));
    await addArtefactFiles(files, study.id, artefacts, csvByKey, pngOf);
    folderFiles.set(study.id, files);
  }
  for (const extra of extras) {
    if (!extra.folder) continue;
    const files = extra.files ?? new Map<string, string | Uint8Array>();
    await addArtefactFiles(files, extra.folder, extra.artefacts, csvByKey, pngOf);
    folderFiles.set(extra.folder, files);
  }
  const notebook = notebookHtml(built, extras);

  const written: string[] = [];
  for (const [folder, files] of [...folderFiles].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    writeReportFolder(join(options.reportsDir, folder), files);
    for (const path of [...files.keys()].sort()) written.push(`${folder}/${path}`);
  }
  writeFileAtomic(join(options.reportsDir, "index.html"), notebook);
  // The notebook's script bundles npm packages (src/notebook/main.ts): their licences travel with it.
  writeFileAtomic(join(options.reportsDir, "THIRD-PARTY-LICENSES.txt"), NOTEBOOK_SCRIPT_LICENCES);
  written.push("index.html", "THIRD-PARTY-LICENSES.txt");
  removeStaleFolders(options.reportsDir, new Set(folderFiles.keys()));
  return { studies: built.map((b) => ({ id: b.study.id, artefacts: b.artefacts.map((a) => a.id), skipped: b.skipped.map((s) => s.id) })), files: written };
}

/** Runs one analysis on one study; any failure becomes a CohortError naming both. */
async function runAnalysis(analysis: Analysis, study: Study, file: string, instruments: InstrumentRegistry, seed: number): Promise<Array<Artefact | Skipped>> {
  try {
    const outcome = await analysis.run({ study, instruments, seed, studyFile: file });
    return Array.isArray(outcome) ? outcome : [outcome];
  } catch (error) {
    const reason = isCohortError(error) ? error.problems.map((p) => p.message).join("; ") : error instanceof Error ? error.message : String(error);
    throw new CohortError({ file, message: msg.analysisFailed(analysis.id, study.id, reason) });
  }
}

async function addArtefactFiles(
  files: Map<string, string | Uint8Array>,
  folder: string,
  artefacts: readonly RenderedArtefact[],
  csvByKey: ReadonlyMap<string, string>,
  pngOf: (key: string, svg: string) => Promise<Uint8Array>,
): Promise<void> {
  for (const artefact of artefacts) {
    if (artefact.figure && artefact.svg !== undefined) {
      files.set(`figures/${artefact.id}.vl.json`, stableJson(artefact.figure.spec));
      files.set(`figures/${artefact.id}.svg`, artefact.svg);
      files.set(`figures/${artefact.id}.png`, await pngOf(`${folder}/${artefact.id}`, artefact.svg));
    }
    const csv = csvByKey.get(`${folder}/${artefact.id}`);
    if (csv !== undefined) files.set(`tables/${artefact.id}.csv`, csv);
  }
}

function listStudyFiles(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    throw new CohortError({ file: folder, message: msg.noStudies(folder) });
  }
  const files = names.filter((name) => name.endsWith(".json")).sort().map((name) => join(folder, name));
  if (files.length === 0) throw new CohortError({ file: folder, message: msg.noStudies(folder) });
  return files;
}

/** Removes report folders (recognised by their report.md or figures/tables) of studies that are gone. */
function removeStaleFolders(reportsDir: string, keep: ReadonlySet<string>): void {
  if (!existsSync(reportsDir)) return;
  for (const name of readdirSync(reportsDir).sort()) {
    const path = join(reportsDir, name);
    // Staging or retired folders of a killed run for a study that no longer exists.
    if (/^\.[a-z0-9][a-z0-9-]*\.(new|old)-\d+$/.test(name) && !keep.has(name.slice(1, name.lastIndexOf(".")))) {
      rmSync(path, { recursive: true, force: true });
      continue;
    }
    if (keep.has(name) || name.startsWith(".") || !statSync(path).isDirectory()) continue;
    if (existsSync(join(path, "report.md")) || existsSync(join(path, "register.md"))) rmSync(path, { recursive: true, force: true });
  }
}

/**
 * The table an artefact writes as CSV. A CSV travels without its report, so a table of
 * reconstructed values carries the label in a first column of its own on every row.
 */
function csvTable(artefact: Artefact): Table {
  const table = artefact.table!;
  if (!artefact.reconstruction) return table;
  return {
    columns: [{ key: "label", label: "label" }, ...table.columns],
    rows: table.rows.map((row) => ({ label: RECONSTRUCTION_LABEL, ...row })),
  };
}
