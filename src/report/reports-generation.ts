import { copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, realpathSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { CohortError } from "../errors.js";
import { asFileSystemProblem } from "../io/file-system-error.js";
import { fileKind } from "../io/read-regular-file.js";
import { writeSynced } from "../io/write-atomic.js";
import * as msg from "../messages/reports.js";

/*
 * The reports tree is switched as a whole. Each run builds a complete new generation in a sibling
 * folder (`.<name>.new-<pid>`), then moves the old tree aside and the new one into place (two
 * renames, microseconds apart) and deletes the old one. A run killed at any moment leaves the old
 * tree, or the new one; if the kill falls between the two renames, the next run (which first tidies
 * what dead runs left, under the lock) completes the switch. A folder is the tool's only if it
 * carries the marker file, so `--out` can never replace a folder of someone else's.
 */

/** The marker file: a folder holding it was written by `npm run reports` and may be replaced as a whole. */
export const REPORTS_MARKER = ".cohortcheck-reports";

/** What the marker says to a person who finds it. Fixed text, so the committed reports stay byte-identical. */
export const MARKER_TEXT = "This folder is written by `npm run reports` (cohortcheck) and replaced as a whole on every run.\nAnything put here by hand is removed by the next run.\n";

/**
 * Resolves the output folder and checks that it may be replaced: it does not exist, is empty, or
 * carries the marker. A symbolic link is followed (the folder it points to is the one replaced).
 *
 * @param reportsDir the output folder as given
 * @returns its absolute path
 * @throws CohortError naming it: not a folder, or a non-empty folder without the marker
 * @example
 * claimReportsFolder("reports"); // => "/work/project/reports" (it carries .cohortcheck-reports)
 */
export function claimReportsFolder(reportsDir: string): string {
  let path = resolve(reportsDir);
  let stats;
  try {
    stats = lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return path;
    throw asFileSystemProblem(error, path);
  }
  if (stats.isSymbolicLink()) {
    try {
      path = realpathSync(path);
      stats = statSync(path);
    } catch (error) {
      throw asFileSystemProblem(error, path);
    }
  }
  if (!stats.isDirectory()) throw new CohortError({ file: path, message: msg.reportsFolderNotFolder(fileKind(stats) ?? "regular file") });
  let entries: string[];
  try {
    entries = readdirSync(path);
  } catch (error) {
    throw asFileSystemProblem(error, path);
  }
  if (entries.length > 0 && !isMarked(path)) throw new CohortError({ file: path, message: msg.reportsFolderNotOurs(REPORTS_MARKER) });
  return path;
}

function isMarked(folder: string): boolean {
  try {
    return lstatSync(join(folder, REPORTS_MARKER)).isFile();
  } catch {
    return false;
  }
}

/** The folder a run with this pid builds its generation in. */
export function stagingPathOf(reportsDir: string, pid = process.pid): string {
  return join(dirname(reportsDir), `.${basename(reportsDir)}.new-${pid}`);
}

function retiredPathOf(reportsDir: string, pid = process.pid): string {
  return join(dirname(reportsDir), `.${basename(reportsDir)}.old-${pid}`);
}

/**
 * Tidies what runs killed part-way left beside the reports folder (call it holding the lock). If
 * the folder is missing, the kill fell between the two renames of a switch: a complete new
 * generation (it carries the marker, written last) is moved into place, else the old tree is moved
 * back. Every other leftover of a dead run is deleted. Leftovers of live runs are not touched.
 *
 * @param reportsDir the reports folder (absolute)
 * @returns one line per action, for the progress output
 * @throws CohortError when the file system refuses (one line, the path)
 * @example
 * recoverGenerations("/work/project/reports"); // => [] normally; after a kill mid-switch, the switch it completed
 */
export function recoverGenerations(reportsDir: string): string[] {
  const parent = dirname(reportsDir);
  const prefix = `.${basename(reportsDir)}.`;
  let entries: string[];
  try {
    entries = readdirSync(parent).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw asFileSystemProblem(error, parent);
  }
  const dead = entries
    .filter((name) => name.startsWith(prefix))
    .map((name) => ({ name, match: /^(new|old)-(\d+)$/.exec(name.slice(prefix.length)) }))
    .filter((entry): entry is { name: string; match: RegExpExecArray } => entry.match !== null && !isRunning(Number(entry.match[2])))
    .map(({ name, match }) => ({ path: join(parent, name), kind: match[1] as "new" | "old" }));
  const notes: string[] = [];
  const step = (action: () => void, path: string) => {
    try {
      action();
    } catch (error) {
      throw asFileSystemProblem(error, path);
    }
  };
  if (!existsSync(reportsDir)) {
    const complete = dead.find((entry) => entry.kind === "new" && isMarked(entry.path));
    const previous = dead.find((entry) => entry.kind === "old");
    const chosen = complete ?? previous;
    if (chosen) {
      step(() => renameSync(chosen.path, reportsDir), chosen.path);
      notes.push(msg.recovered(chosen === complete ? "its complete new reports were moved into place" : "the previous reports were moved back", chosen.path));
      dead.splice(dead.indexOf(chosen), 1);
    }
  }
  for (const entry of dead) step(() => rmSync(entry.path, { recursive: true, force: true }), entry.path);
  return notes;
}

/**
 * Switches the reports folder to a complete generation: the old tree aside, the new one into
 * place, the old one deleted. The generation must carry the marker (written last, when complete).
 *
 * @param reportsDir the reports folder (absolute)
 * @param staging the complete generation (from stagingPathOf)
 * @throws CohortError when the file system refuses; the old tree is then back in place
 */
export function switchGeneration(reportsDir: string, staging: string): void {
  const retired = retiredPathOf(reportsDir);
  const hadOld = existsSync(reportsDir);
  try {
    if (hadOld) renameSync(reportsDir, retired);
  } catch (error) {
    throw asFileSystemProblem(error, reportsDir, true);
  }
  try {
    renameSync(staging, reportsDir);
  } catch (error) {
    if (hadOld) renameSync(retired, reportsDir);
    throw asFileSystemProblem(error, reportsDir, true);
  }
  if (hadOld) rmSync(retired, { recursive: true, force: true });
}

/**
 * Writes a new file of a generation being built: its folder created, the bytes written and flushed
 * (so a crash just after the switch cannot leave an empty file under the new tree).
 *
 * @param path the file (must not exist: a generation is built afresh)
 * @param content text (UTF-8) or bytes
 * @param shown the path to name in a message (the file's place in the finished tree, not in the generation being built)
 * @throws CohortError naming the file: disk full, file-size limit, read-only, permission denied…
 */
export function writeGenerationFile(path: string, content: string | Uint8Array, shown = path): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeSynced(path, content, "wx");
  } catch (error) {
    throw asFileSystemProblem(error, shown, true);
  }
}

/**
 * Puts an unchanged file of the previous generation into the new one: a hard link (no copy, the
 * bytes are never written in place), or a copy where links are not possible.
 *
 * @param from the file in the current tree
 * @param to its place in the generation being built
 * @throws CohortError naming the file when neither works
 */
export function reuseGenerationFile(from: string, to: string): void {
  const shown = from;
  try {
    mkdirSync(dirname(to), { recursive: true });
    try {
      linkSync(from, to);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "EXDEV" && code !== "EPERM" && code !== "EMLINK" && code !== "ENOTSUP") throw error;
      copyFileSync(from, to);
    }
  } catch (error) {
    throw asFileSystemProblem(error, shown, true);
  }
}

/** Deletes a generation that will not be switched in (a failed or refused run). */
export function removeGeneration(staging: string): void {
  rmSync(staging, { recursive: true, force: true });
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
