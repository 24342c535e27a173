import { readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { CohortError, type Problem } from "../errors.js";
import { Instrument } from "../schema/instrument.js";
import { readJsonFile } from "./read-json.js";
import { zodProblems } from "./zod-problems.js";

/** The instrument definitions that ship with cohortcheck. */
export const builtInInstrumentsDir = fileURLToPath(new URL("../../data/instruments", import.meta.url));

export type InstrumentRegistry = ReadonlyMap<string, Instrument>;

/** Reads and validates one instrument file; its name must be `<id>.json`. */
export function loadInstrument(file: string): Instrument {
  const parsed = Instrument.safeParse(readJsonFile(file));
  if (!parsed.success) throw new CohortError(zodProblems(parsed.error, file));
  const expected = `${parsed.data.id}.json`;
  if (basename(file) !== expected) throw new CohortError({ file, path: "$.id", message: `instrument id "${parsed.data.id}" must match the file name (expected ${expected})` });
  return parsed.data;
}

/**
 * Loads every `*.json` in the given folders (the built-in folder first), in name order. Every
 * problem in every file is collected before failing, so one run lists them all.
 */
export function loadInstruments(folders: readonly string[] = [builtInInstrumentsDir]): InstrumentRegistry {
  const registry = new Map<string, Instrument>();
  const origin = new Map<string, string>();
  const problems: Problem[] = [];
  for (const folder of folders) {
    let names: string[];
    try {
      names = readdirSync(folder).filter((name) => name.endsWith(".json") && !name.startsWith(".")).sort(); // hidden: an editor's lock or backup
    } catch {
      problems.push({ file: folder, message: "instrument folder not found or not readable" });
      continue;
    }
    for (const name of names) {
      const file = join(folder, name);
      try {
        const instrument = loadInstrument(file);
        if (registry.has(instrument.id)) {
          problems.push({ file, path: "$.id", message: `instrument "${instrument.id}" is already defined in ${origin.get(instrument.id)}` });
          continue;
        }
        registry.set(instrument.id, instrument);
        origin.set(instrument.id, file);
      } catch (error) {
        if (error instanceof CohortError) problems.push(...error.problems);
        else throw error;
      }
    }
  }
  if (problems.length > 0) throw new CohortError(problems);
  return registry;
}
