import { mkdirSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { CohortError, exitCodes, isCohortError } from "../errors.js";
import { asFileSystemProblem } from "../io/file-system-error.js";
import type { InstrumentRegistry } from "../io/load-instruments.js";
import { MAX_DATA_FILE_BYTES, parseJsonText } from "../io/read-json.js";
import { readTextFile } from "../io/read-regular-file.js";
import { stableJson } from "../io/stable-json.js";
import { visibleControls } from "../io/visible-controls.js";
import * as msg from "../messages/reports.js";
import { RECONSTRUCTION_LABEL } from "../schema/reconstruction.js";
import type { Study } from "../schema/study.js";
import { skip, type Analysis } from "./analysis.js";
import { isSkipped, type Artefact, type Skipped } from "./artefact.js";
import type { NotebookExtra, NotebookStudy, RenderedArtefact } from "./notebook-html.js";
import { declaredSources } from "../provenance/audit-sources.js";
import { cacheFiles, digestOf, fingerprintFiles, readReportsCache, unitIntact, type CachedUnit } from "./report-cache.js";
import { claimReportsFolder, MARKER_TEXT, recoverGenerations, removeGeneration, REPORTS_MARKER, reuseGenerationFile, stagingPathOf, switchGeneration, writeGenerationFile } from "./reports-generation.js";
import { acquireReportsLock, type LockOptions } from "./reports-lock.js";
import type { Table } from "./table.js";
import { startCsvWriter, type CsvWriter } from "./tables-to-csv.js";
import { startPngRenderer, type PngRenderer } from "./png-renderer.js";
import { uniqueColumns } from "./unique-columns.js";

/** Extra free-standing sections (the claims registers) with their report folders. */
export type ReportExtra = NotebookExtra & { folder?: string; files?: Map<string, string | Uint8Array> };

/** Where to read studies from and write reports to, and which analyses to run. */
export interface RegenerateOptions {
  /** Folder of study files (`*.json`; hidden files such as editors' lock files are skipped); every one gets a report. */
  studiesDir: string;
  /** Output folder: `<reportsDir>/<study-id>/…` and `<reportsDir>/index.html`. Replaced as a whole; it must be new, empty or marked by an earlier run. */
  reportsDir: string;
  /** The analyses, or a loader (imported only when some study needs building). */
  analyses: readonly Analysis[] | (() => Promise<readonly Analysis[]>);
  /** Instrument folders (default: the built-in data/instruments). */
  instrumentsDirs?: string[];
  /** Seed passed to every analysis (default 20240501). */
  seed?: number;
  /** Free-standing notebook sections built after the studies (e.g. the claims registers) and their report folders. */
  extras?: (context: { reportsDir: string }) => Promise<ReportExtra[]>;
  /**
   * A digest of everything besides each study file and its source documents that the reports
   * depend on: the code, the instrument and checklist folders, the library versions. With it, a
   * study whose file, sources and fingerprint are those of the previous run (and whose files are
   * untouched) is reused instead of rebuilt; without it every study is rebuilt.
   */
  fingerprint?: string;
  /** A digest of the extras' inputs (e.g. the claims folder); with `fingerprint`, unchanged extras are reused too. */
  extrasKey?: string;
  /** Rebuild everything, whatever the previous run recorded. */
  force?: boolean;
  /** A CSV writer, or a way to make one when some table needs writing; closed at the end either way. */
  csvWriter?: CsvWriter | (() => CsvWriter);
  /** Called with one line per step; default prints to stderr only when it is a terminal. */
  progress?: (line: string) => void;
  /** Called with what a user should always see (waiting for another run, a killed run tidied, a file skipped); default prints to stderr. */
  notice?: (line: string) => void;
  /** How long to wait for another run writing the same folder. */
  lock?: Omit<LockOptions, "onWait">;
}

export interface RegenerateSummary {
  studies: Array<{ id: string; artefacts: string[]; skipped: string[]; reused: boolean }>;
  files: string[];
}

const DEFAULT_SEED = 20240501;

/** A study (or the extras) as the new generation will hold it: its files and its part of the notebook. */
interface Unit {
  record: CachedUnit;
  /** Path inside the tree → content, for a unit built in this run; undefined for a reused one. */
  built?: Map<string, string | Uint8Array>;
}

/**
 * Regenerates every report: for each study file in `studiesDir` (sorted by name), runs every
 * analysis, renders each chart (Vega-Lite spec → SVG → PNG) and table (→ CSV), writes
 * `<reportsDir>/<study-id>/` (report.md, figures/, tables/), the extra sections and the notebook
 * `<reportsDir>/index.html`.
 *
 * The whole tree is one generation: built complete beside the old one and switched in at the end
 * (reports-generation.ts), under a lock (reports-lock.ts), so a run killed at any moment leaves the
 * old tree or the new one, never a mix, and a second run waits. The folder must be new, empty, or
 * carry the marker of an earlier run: nothing of anyone else's is ever replaced. Studies whose
 * inputs and code are unchanged (same `fingerprint`, same file) are reused from the previous
 * generation without running anything (report-cache.ts). Deterministic: seeded, no clock, sorted
 * JSON keys, fixed number formatting. An analysis whose work is refused as too large (exit 3)
 * appears among the analyses that do not apply, with the estimate.
 *
 * @param options folders and analyses (folders are parameters so tests regenerate into a temporary folder)
 * @throws CohortError for an empty study folder, an invalid or unreadable study file, two studies with one id, a failing analysis (naming it and the study), a folder that is not the tool's, another run holding the lock, or a file-system failure (one line, the path)
 * @example
 * await regenerateReports({ studiesDir: "data/studies", reportsDir: "reports", analyses }); // => { studies: [...], files: [...] }
 */
export async function regenerateReports(options: RegenerateOptions): Promise<RegenerateSummary> {
  const toStderr = (line: string) => process.stderr.write(`${visibleControls(line)}\n`);
  const progress = options.progress ?? (process.stderr.isTTY ? toStderr : () => {});
  const notice = options.notice ?? toStderr;
  let csv = typeof options.csvWriter === "object" ? options.csvWriter : undefined;
  const csvWriter = (): CsvWriter => (csv ??= typeof options.csvWriter === "function" ? options.csvWriter() : startCsvWriter());
  try {
    const reportsDir = claimReportsFolder(options.reportsDir);
    try {
      mkdirSync(dirname(reportsDir), { recursive: true });
    } catch (error) {
      throw asFileSystemProblem(error, dirname(reportsDir));
    }
    const lock = await acquireReportsLock(reportsDir, { ...options.lock, onWait: notice });
    const staging = stagingPathOf(reportsDir);
    try {
      for (const note of recoverGenerations(reportsDir)) notice(note);
      claimReportsFolder(reportsDir); // the recovery may have put a tree back
      const summary = await buildGeneration(options, reportsDir, staging, progress, notice, csvWriter);
      if (!lock.stillHeld()) throw new CohortError({ file: reportsDir, message: msg.lockLost(lock.path) });
      switchGeneration(reportsDir, staging);
      return summary;
    } catch (error) {
      removeGeneration(staging);
      throw error;
    } finally {
      lock.release();
    }
  } finally {
    await csv?.close();
  }
}

async function buildGeneration(options: RegenerateOptions, reportsDir: string, staging: string, progress: (line: string) => void, notice: (line: string) => void, csvWriter: () => CsvWriter): Promise<RegenerateSummary> {
  const seed = options.seed ?? DEFAULT_SEED;
  const previous = options.force || options.fingerprint === undefined ? new Map<string, CachedUnit>() : readReportsCache(reportsDir);
  const reusable = (key: string): CachedUnit | undefined => {
    const unit = previous.get(key);
    return unit && unitIntact(reportsDir, unit) ? unit : undefined;
  };

  // Which studies changed: a study is keyed by its text, its source documents (the appraisal reads
  // them) and everything else it depends on (the fingerprint).
  const planned = listStudyFiles(options.studiesDir, notice).map((file) => {
    const text = readTextFile(file, MAX_DATA_FILE_BYTES);
    const key = digestOf(["study", options.fingerprint ?? "", String(seed), text, options.fingerprint === undefined ? "" : fingerprintFiles(declaredSources(parsedOrNull(text), file))]);
    return { file, text, key, cached: options.fingerprint === undefined ? undefined : reusable(key) };
  });
  // Validation (zod) and the instrument definitions are loaded only when some study is rebuilt.
  let instruments: InstrumentRegistry | undefined;
  const loading = planned.some((entry) => !entry.cached) ? await Promise.all([import("../io/load-instruments.js"), import("../io/load-study.js")]) : undefined;
  const studies = planned.map(({ file, text, key, cached }) => {
    if (cached || !loading) return { file, key, id: cached!.name, cached };
    const [{ loadInstruments, builtInInstrumentsDir }, { parseStudy }] = loading;
    instruments ??= loadInstruments(options.instrumentsDirs ?? [builtInInstrumentsDir]);
    const study = parseStudy(parseJsonText(text, file), instruments, file);
    return { file, key, id: study.id, study };
  });
  studies.forEach((entry, index) => {
    const clash = studies.slice(0, index).find((other) => other.id === entry.id);
    if (clash) throw new CohortError({ file: entry.file, path: "$.id", message: msg.duplicateStudyId(entry.id, clash.file, entry.file) });
  });

  const units: Unit[] = [];
  const toBuild = studies.filter((entry) => entry.study !== undefined);
  const analyses = toBuild.length === 0 ? [] : typeof options.analyses === "function" ? await options.analyses() : options.analyses;
  const renderer = startRenderer();
  try {
    const built = new Map<string, NotebookStudy>();
    for (const entry of toBuild) built.set(entry.key, await buildStudy(entry.study!, entry.file, analyses, instruments!, seed, renderer, progress));
    let extras: { notebook: NotebookExtra[]; unit?: Unit } = { notebook: [] };
    if (options.extras) {
      const key = options.fingerprint !== undefined && options.extrasKey !== undefined ? digestOf(["extras", options.fingerprint, options.extrasKey]) : undefined;
      const cached = key === undefined ? undefined : reusable(key);
      if (cached) extras = { notebook: cached.notebook as NotebookExtra[], unit: { record: cached } };
      else extras = await buildExtras(await options.extras({ reportsDir }), key ?? "", renderer);
    }
    const extraFolders = new Set([...(extras.unit?.record.folders ?? []), ...extras.notebook.map((x) => x.id)]);
    for (const entry of studies) if (extraFolders.has(entry.id)) throw new CohortError({ file: entry.file, path: "$.id", message: msg.studyFolderClash(entry.id, entry.file) });

    // Tables of everything built in this run go through the CSV writer in one batch.
    const owners = [...toBuild.flatMap((entry) => built.get(entry.key)!.artefacts.map((artefact) => ({ folder: entry.id, artefact }))), ...(extras.unit?.built ? extras.notebook.flatMap((x) => x.artefacts.map((artefact) => ({ folder: (x as ReportExtra).folder ?? x.id, artefact }))) : [])].filter((o) => o.artefact.table);
    const csvTexts = owners.length === 0 ? [] : await csvWriter().toCsv(owners.map((o) => csvTable(o.artefact)));
    const csvByKey = new Map(owners.map((o, i) => [`${o.folder}/${o.artefact.id}`, csvTexts[i]!]));

    const { reportMarkdown } = toBuild.length > 0 ? await import("./report-markdown.js") : { reportMarkdown: undefined };
    const notebookStudies: NotebookStudy[] = [];
    for (const entry of studies) {
      if (entry.cached) {
        units.push({ record: entry.cached });
        notebookStudies.push(notebookFromCache(entry.cached.notebook));
        progress(`reports: ${entry.id} unchanged, reused`);
        continue;
      }
      const notebook = built.get(entry.key)!;
      const files = new Map<string, string | Uint8Array>([[`${entry.id}/report.md`, reportMarkdown!(notebook.study, notebook.artefacts, notebook.skipped)]]);
      await addArtefactFiles(files, entry.id, notebook.artefacts, csvByKey, renderer);
      units.push({ record: record("study", entry.key, entry.id, [entry.id], files, notebookData(notebook)), built: files });
      notebookStudies.push(notebook);
    }
    if (extras.unit?.built) {
      for (const extra of extras.notebook as ReportExtra[]) if (extra.folder) await addArtefactFiles(extras.unit.built, extra.folder, extra.artefacts, csvByKey, renderer);
      extras.unit.record.files = digests(extras.unit.built);
    }
    if (extras.unit) units.push(extras.unit);
    // The notebook is a function of every unit, in order: reused as a whole when none changed.
    const notebookKey = digestOf(["notebook", ...units.map((unit) => unit.record.key)]);
    const cachedNotebook = reusable(notebookKey);
    let notebook: Unit;
    if (cachedNotebook) notebook = { record: cachedNotebook };
    else {
      const { notebookHtml } = await import("./notebook-html.js");
      const { NOTEBOOK_SCRIPT_LICENCES } = await import("./notebook-script.js");
      // The notebook's script bundles npm packages (src/notebook/main.ts): their licences travel with it.
      const files = new Map([["index.html", notebookHtml(notebookStudies, extras.notebook)], ["THIRD-PARTY-LICENSES.txt", NOTEBOOK_SCRIPT_LICENCES]]);
      notebook = { record: record("notebook", notebookKey, "notebook", [], files, null), built: files };
    }
    return writeGeneration(reportsDir, staging, [...units, notebook], studies.map((entry, index) => ({ id: entry.id, reused: entry.cached !== undefined, notebook: notebookStudies[index]! })));
  } finally {
    await renderer.close();
  }
}

/** Writes the generation: each unit's files (new, or linked from the current tree: the notebook last), the record, and the marker last. */
function writeGeneration(reportsDir: string, staging: string, units: Unit[], studies: Array<{ id: string; reused: boolean; notebook: NotebookStudy }>): RegenerateSummary {
  const written: string[] = [];
  const order = (unit: Unit) => (unit.record.kind === "notebook" ? "\uffff" : (unit.record.folders[0] ?? ""));
  for (const unit of [...units].sort((a, b) => compare(order(a), order(b)))) {
    for (const path of Object.keys(unit.record.files).sort()) {
      if (unit.built) writeGenerationFile(join(staging, path), unit.built.get(path)!, join(reportsDir, path));
      else reuseGenerationFile(join(reportsDir, path), join(staging, path));
      written.push(path);
    }
  }
  for (const [path, content] of cacheFiles(units.map((unit) => unit.record))) writeGenerationFile(join(staging, path), content, join(reportsDir, path));
  // Last: the marker says the generation is complete (the recovery of a killed run relies on it).
  writeGenerationFile(join(staging, REPORTS_MARKER), MARKER_TEXT, join(reportsDir, REPORTS_MARKER));
  return {
    studies: studies.map(({ id, reused, notebook }) => ({ id, artefacts: notebook.artefacts.map((a) => a.id), skipped: notebook.skipped.map((s) => s.id), reused })),
    files: written,
  };
}

/** Runs every analysis on one study and draws each chart as soon as its analysis is done. */
async function buildStudy(study: Study, file: string, analyses: readonly Analysis[], instruments: InstrumentRegistry, seed: number, renderer: Renderer, progress: (line: string) => void): Promise<NotebookStudy> {
  progress(`reports: ${study.id}`);
  const rendered: RenderedArtefact[] = [];
  const skipped: Skipped[] = [];
  for (const analysis of analyses) {
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
      const svg = await renderer.svg(item.figure.spec, item.id, file, `${study.id}/${item.id}`);
      // The phone layout is drawn for the notebook only (no file, no PNG).
      const narrowSvg = item.figure.narrowSpec ? await renderer.svgOnly(item.figure.narrowSpec, item.id, file) : undefined;
      rendered.push({ ...item, svg, ...(narrowSvg !== undefined ? { narrowSvg } : {}) });
    }
  }
  const { plainNames } = await import("./plain-names.js");
  return { study, artefacts: rendered, skipped, glossary: plainNames(study, instruments) };
}

/** The extra sections built in this run, with their folder files (charts and tables are added once CSVs exist). */
async function buildExtras(extras: ReportExtra[], key: string, renderer: Renderer): Promise<{ notebook: NotebookExtra[]; unit: Unit }> {
  const files = new Map<string, string | Uint8Array>();
  const rendered: ReportExtra[] = [];
  for (const extra of extras) {
    const artefacts: RenderedArtefact[] = [];
    for (const artefact of extra.artefacts) artefacts.push(artefact.figure ? { ...artefact, svg: await renderer.svg(artefact.figure.spec, artefact.id, extra.id, `${extra.folder ?? extra.id}/${artefact.id}`) } : artefact);
    rendered.push({ ...extra, artefacts });
    if (extra.folder) for (const [path, content] of extra.files ?? []) files.set(`${extra.folder}/${path}`, content);
  }
  const folders = rendered.flatMap((extra) => (extra.folder ? [extra.folder] : []));
  const notebook = rendered.map(({ files: _files, folder: _folder, ...extra }) => extra);
  return { notebook: rendered, unit: { record: record("extras", key, "extras", folders, files, notebook.map(notebookExtraData)), built: files } };
}

/** Runs one analysis on one study; a refusal for size becomes a note, any other failure a CohortError naming both. */
async function runAnalysis(analysis: Analysis, study: Study, file: string, instruments: InstrumentRegistry, seed: number): Promise<Array<Artefact | Skipped>> {
  try {
    const outcome = await analysis.run({ study, instruments, seed, studyFile: file });
    return Array.isArray(outcome) ? outcome : [outcome];
  } catch (error) {
    const reason = isCohortError(error) ? error.problems.map((p) => p.message).join("; ") : error instanceof Error ? error.message : String(error);
    if (isCohortError(error) && error.exitCode === exitCodes.refused) return [skip(analysis.id, analysis.title, msg.analysisRefused(reason))];
    throw new CohortError({ file, message: msg.analysisFailed(analysis.id, study.id, reason) });
  }
}

/** Draws charts with vega on this thread (imported on first use) and rasterises them in the PNG worker. */
interface Renderer {
  svg(spec: NonNullable<Artefact["figure"]>["spec"], id: string, file: string, key: string): Promise<string>;
  /** The SVG alone, with no PNG file (a layout shown only inside the notebook). */
  svgOnly(spec: NonNullable<Artefact["figure"]>["spec"], id: string, file: string): Promise<string>;
  png(key: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

function startRenderer(): Renderer {
  let pngRenderer: PngRenderer | undefined;
  const pngs = new Map<string, Promise<Uint8Array>>();
  const draw = async (spec: NonNullable<Artefact["figure"]>["spec"], id: string, file: string): Promise<string> => {
    try {
      const { renderSvg } = await import("../charts/render-svg.js");
      return await renderSvg(spec);
    } catch (error) {
      if (isCohortError(error)) throw error;
      throw new CohortError({ file, message: msg.renderFailed(id, error instanceof Error ? error.message : String(error)) });
    }
  };
  return {
    svgOnly: draw,
    async svg(spec, id, file, key) {
      const svg = await draw(spec, id, file);
      // The PNG worker rasterises it while this thread goes on to the next analysis.
      pngRenderer ??= startPngRenderer();
      const png = pngRenderer.toPng(svg);
      png.catch(() => {}); // a failure surfaces where it is awaited, not as an unhandled rejection
      pngs.set(key, png);
      return svg;
    },
    png: (key) => pngs.get(key)!,
    close: async () => {
      await pngRenderer?.close();
    },
  };
}

async function addArtefactFiles(files: Map<string, string | Uint8Array>, folder: string, artefacts: readonly RenderedArtefact[], csvByKey: ReadonlyMap<string, string>, renderer: Renderer): Promise<void> {
  for (const artefact of artefacts) {
    if (artefact.figure && artefact.svg !== undefined) {
      files.set(`${folder}/figures/${artefact.id}.vl.json`, stableJson(artefact.figure.spec));
      files.set(`${folder}/figures/${artefact.id}.svg`, artefact.svg);
      files.set(`${folder}/figures/${artefact.id}.png`, await renderer.png(`${folder}/${artefact.id}`));
    }
    const csv = csvByKey.get(`${folder}/${artefact.id}`);
    if (csv !== undefined) files.set(`${folder}/tables/${artefact.id}.csv`, csv);
  }
}

function record(kind: CachedUnit["kind"], key: string, name: string, folders: string[], files: ReadonlyMap<string, string | Uint8Array>, notebook: unknown): CachedUnit {
  return { key, kind, name, folders, files: digests(files), notebook };
}

function digests(files: ReadonlyMap<string, string | Uint8Array>): Record<string, string> {
  return Object.fromEntries([...files].map(([path, content]) => [path, digestOf([content])]));
}

/** What the notebook needs of a study (the chart specs are in the folder's .vl.json files, not needed here). */
function notebookData(notebook: NotebookStudy): unknown {
  // The glossary is a Map, which JSON would turn into {}: stored as its entries, revived by notebookFromCache.
  return { ...notebook, artefacts: notebook.artefacts.map(withoutSpec), glossary: notebook.glossary === undefined ? undefined : [...notebook.glossary] };
}

/** A study's notebook data as read back from the run record. */
function notebookFromCache(data: unknown): NotebookStudy {
  const stored = data as Omit<NotebookStudy, "glossary"> & { glossary?: Array<[string, string]> };
  return { ...stored, glossary: stored.glossary === undefined ? undefined : new Map(stored.glossary) };
}

function notebookExtraData(extra: NotebookExtra): NotebookExtra {
  return { ...extra, artefacts: extra.artefacts.map(withoutSpec) };
}

function withoutSpec(artefact: RenderedArtefact): RenderedArtefact {
  return artefact.figure ? { ...artefact, figure: { alt: artefact.figure.alt, spec: {} as NonNullable<Artefact["figure"]>["spec"] } } : artefact;
}

function parsedOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The study files of a folder: `*.json`, sorted; hidden files (an editor's lock `.#a.json`, backups) are skipped, and said so. */
function listStudyFiles(folder: string, notice: (line: string) => void): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT" || (error as NodeJS.ErrnoException).code === "ENOTDIR") throw new CohortError({ file: folder, message: msg.noStudies(folder) });
    throw asFileSystemProblem(error, folder);
  }
  const json = names.filter((name) => name.endsWith(".json")).sort();
  for (const name of json.filter((name) => name.startsWith("."))) notice(msg.hiddenStudySkipped(name));
  const files = json.filter((name) => !name.startsWith(".")).map((name) => join(folder, name));
  if (files.length === 0) throw new CohortError({ file: folder, message: msg.noStudies(folder) });
  return files;
}

/**
 * The table an artefact writes as CSV. A CSV travels without its report, so a table of
 * reconstructed values carries the label in a first column of its own on every row; every column
 * name in the CSV is unique (uniqueColumns), whatever names the study's data gave its columns.
 */
function csvTable(artefact: Artefact): Table {
  const table = artefact.table!;
  return uniqueColumns(artefact.reconstruction ? { columns: [{ key: "\u0000label", label: "label" }, ...table.columns], rows: table.rows.map((row) => ({ ...row, "\u0000label": RECONSTRUCTION_LABEL })) } : table);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
