import { readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { CohortError } from "../errors.js";
import type { InstrumentRegistry } from "../io/load-instruments.js";
import { readJsonFile } from "../io/read-json.js";
import * as message from "../messages/appraisal.js";
import type { Checklist } from "../schema/checklist.js";
import type { Study } from "../schema/study.js";
import type { LimitsRegister } from "./limit-flag.js";
import type { LimitsOptions } from "./limit-rules.js";
import { limitsRegister } from "./limits-register.js";
import { loadChecklists, type LoadedChecklist, type StudySources } from "./load-checklist.js";

/** The seed studies that ship with cohortcheck; checklists in data/checklists refer to them by id. */
export const builtInStudiesDir = fileURLToPath(new URL("../../data/studies", import.meta.url));

/** A checklist as the appraisal shows it: the file name it came from, then the checklist. */
export type AppraisedChecklist = Checklist & { file: string };

/** Everything `cohort appraise` reports for one study. */
export interface Appraisal {
  study: { id: string; title: string; sourceFile: string; sourceKind: string };
  limits: LimitsRegister;
  checklists: AppraisedChecklist[];
  notes: string[];
}

/**
 * Appraises one study: its limits register (generated from the study file) and the filled-in
 * checklists that name it. A study with no checklist gets the register and a note saying so.
 *
 * @param study a validated study
 * @param instruments instrument definitions
 * @param checklists loaded checklists (any study); those for other studies are ignored
 * @param options thresholds of the limits register
 * @example
 * appraiseStudy(studyA, instruments, []).notes; // => ['no appraisal checklist is filled in for study "ketamine-im-substance-misuse"; …']
 */
export function appraiseStudy(study: Study, instruments: InstrumentRegistry, checklists: ReadonlyArray<LoadedChecklist>, options: LimitsOptions = {}): Appraisal {
  const own = checklists
    .filter((entry) => entry.checklist.study === study.id)
    .map((entry) => ({ file: basename(entry.file), ...entry.checklist }))
    .sort((a, b) => (a.tool.id < b.tool.id ? -1 : a.tool.id > b.tool.id ? 1 : 0));
  return {
    study: { id: study.id, title: study.title, sourceFile: study.source.file, sourceKind: study.source.kind },
    limits: limitsRegister(study, instruments, options),
    checklists: own,
    notes: own.length === 0 ? [message.noChecklistNote(study.id)] : [],
  };
}

/**
 * Study id → source file of every study in a folder, read leniently (only `id` and `source.file`),
 * so checklists can be checked against the studies they name without validating every study.
 * Files that are not JSON or lack either field are skipped; `cohort validate` is the place to find them.
 *
 * @param folder a folder of study files; a missing folder gives an empty map
 * @throws never for bad files (they are skipped)
 * @example
 * studySourcesIn(builtInStudiesDir).get("kap-pilot-two-approaches"); // => "003_dc7734c5670ac6b7.txt"
 */
export function studySourcesIn(folder: string): Map<string, string> {
  const out = new Map<string, string>();
  let names: string[] = [];
  try {
    names = readdirSync(folder).filter((name) => name.endsWith(".json")).sort();
  } catch {
    return out;
  }
  for (const name of names) {
    let data: { id?: unknown; source?: { file?: unknown } } | null;
    try {
      data = readJsonFile(join(folder, name)) as typeof data;
    } catch (error) {
      if (error instanceof CohortError) continue; // not this command's file to judge
      throw error;
    }
    if (data && typeof data.id === "string" && typeof data.source?.file === "string") out.set(data.id, data.source.file);
  }
  return out;
}

/**
 * Loads the checklists of a folder, checking their study ids against the built-in studies plus the
 * study being appraised (which wins if it reuses an id).
 *
 * @param study the study being appraised
 * @param folder folder of checklist files
 * @param studiesDir folder of known studies (default: the built-in data/studies)
 * @throws {CohortError} if the folder is missing or a checklist is invalid
 * @example
 * checklistsFor(studyB, builtInChecklistsDir).length; // => 3 (every checklist in the folder; appraiseStudy keeps study B's two)
 */
export function checklistsFor(study: Study, folder: string, studiesDir = builtInStudiesDir): LoadedChecklist[] {
  const studies: StudySources = new Map([...studySourcesIn(studiesDir), [study.id, study.source.file]]);
  return loadChecklists(folder, studies);
}
