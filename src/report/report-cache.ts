import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { readRegularFile } from "../io/read-regular-file.js";
import { stableJson } from "../io/stable-json.js";

/*
 * What lets `npm run reports` skip a study whose inputs and code are unchanged: each generation
 * records, per unit (a study, or the extra sections), a content hash of everything that made it
 * and a hash of every file it wrote. A later run reuses a unit only if its hash is the same AND
 * the files in the current tree are still exactly those bytes (nobody edited or deleted them).
 * The record lives inside the generation (so it is switched with the tree it describes) in a
 * folder that ignores itself in git.
 */

/** The folder of the record, inside the reports tree. */
export const CACHE_FOLDER = ".cohortcheck-cache";
const STATE_FILE = "state.json";
const VERSION = 1;

/** One unit of a generation: a study's folder, or the folders of the extra sections. */
export interface CachedUnit {
  key: string;
  kind: "study" | "extras" | "notebook";
  /** The study id (its folder), "extras", or "notebook" (index.html, keyed by every other unit's key). */
  name: string;
  folders: string[];
  /** Path inside the tree → sha256 of its bytes, for every file the unit wrote. */
  files: Record<string, string>;
  /** What the notebook needs of the unit (charts as SVG, tables, prose), so it is rebuilt without re-running anything. */
  notebook: unknown;
}

/**
 * The sha256 of several parts, each length-prefixed so no two lists of parts collide.
 *
 * @example
 * digestOf(["a", "bc"]) !== digestOf(["ab", "c"]); // => true
 */
export function digestOf(parts: ReadonlyArray<string | Uint8Array>): string {
  const hash = createHash("sha256");
  for (const part of parts) {
    const bytes = typeof part === "string" ? Buffer.from(part, "utf8") : part;
    hash.update(`${bytes.length}:`);
    hash.update(bytes);
  }
  return hash.digest("hex");
}

/**
 * A digest of every regular file under the given files and folders (names relative to each root,
 * in sorted order, with their bytes): the code and data a report depends on. Folders named
 * node_modules, dist and dot-folders are skipped. A path that does not exist counts as empty.
 *
 * @param paths files and folders
 * @example
 * fingerprintFiles(["src", "analyses", "package-lock.json"]); // => "9f2c…" (changes when any byte of them does)
 */
export function fingerprintFiles(paths: readonly string[]): string {
  const parts: Array<string | Uint8Array> = [];
  for (const root of paths) {
    parts.push(`root ${root}`);
    const walk = (path: string): void => {
      let stats;
      try {
        stats = statSync(path);
      } catch {
        return;
      }
      if (stats.isDirectory()) {
        for (const name of readdirSync(path).sort()) {
          if (name.startsWith(".") || name === "node_modules" || name === "dist") continue;
          walk(join(path, name));
        }
      } else if (stats.isFile()) {
        parts.push(relative(root, path).split(sep).join("/"), readRegularFile(path, 64 * 1024 * 1024));
      }
    };
    walk(root);
  }
  return digestOf(parts);
}

/**
 * The units the previous generation recorded, by key; empty when there is no record or it cannot
 * be read (the run is then a full one: a record is a shortcut, never a source of truth).
 *
 * @param reportsDir the current reports tree
 * @example
 * readReportsCache("reports").size; // => 3 after a run with two studies and the claims registers
 */
export function readReportsCache(reportsDir: string): Map<string, CachedUnit> {
  try {
    const state = JSON.parse(readFileSync(join(reportsDir, CACHE_FOLDER, STATE_FILE), "utf8")) as { version?: unknown; units?: unknown };
    if (state.version !== VERSION || !Array.isArray(state.units)) return new Map();
    return new Map((state.units as CachedUnit[]).filter((unit) => typeof unit?.key === "string" && unit.files && Array.isArray(unit.folders)).map((unit) => [unit.key, unit]));
  } catch {
    return new Map();
  }
}

/**
 * Whether a unit's folders in the current tree hold exactly the files it recorded, byte for byte (a
 * unit without folders: whether each file it recorded is still those bytes).
 *
 * @param reportsDir the current reports tree
 * @param unit a recorded unit
 */
export function unitIntact(reportsDir: string, unit: CachedUnit): boolean {
  try {
    const found: string[] = [];
    const walk = (folder: string): void => {
      for (const name of readdirSync(join(reportsDir, folder)).sort()) {
        const path = `${folder}/${name}`;
        const stats = statSync(join(reportsDir, path));
        if (stats.isDirectory()) walk(path);
        else found.push(path);
      }
    };
    unit.folders.forEach(walk);
    const recorded = Object.keys(unit.files).sort();
    if (unit.folders.length === 0) found.push(...recorded);
    if (found.length !== recorded.length || found.some((path, index) => path !== recorded[index])) return false;
    return found.every((path) => digestOf([readRegularFile(join(reportsDir, path), 256 * 1024 * 1024)]) === unit.files[path]);
  } catch {
    return false;
  }
}

/**
 * The record's files for a new generation: the units, and a .gitignore that keeps the record out
 * of version control (the committed reports are the files, not the shortcut).
 *
 * @param units every unit of the new generation
 * @returns path inside the tree → content
 */
export function cacheFiles(units: readonly CachedUnit[]): Map<string, string> {
  return new Map([
    [`${CACHE_FOLDER}/.gitignore`, "*\n"],
    [`${CACHE_FOLDER}/${STATE_FILE}`, stableJson({ version: VERSION, units }, 0)],
  ]);
}
