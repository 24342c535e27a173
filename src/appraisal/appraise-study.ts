import { readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { CohortError } from "../errors.js";
import type { InstrumentRegistry } from "../io/load-instruments.js";
import { readJsonFile } from "../io/read-json.js";
import * as message from "../messages/appraisal.js";
import type { Checklist } from "../schema/checklist.js";
import type { Study } from "../schema/study.js";
import { gradeCertainty, type GradeOutcome } from "./grade.js";
import type { LimitsRegister } from "./limit-flag.js";
import type { LimitsOptions } from "./limit-rules.js";
import { limitsRegister, resolve } from "./limits-register.js";
import { loadChecklists, type LoadedChecklist, type StudySources } from "./load-checklist.js";
import { wholeDocumentAttribution, type Attribution } from "./source-sections.js";
import { studyVerdict, type Verdict } from "./verdict.js";

/** The seed studies that ship with cohortcheck; checklists in data/checklists refer to them by id. */
export const builtInStudiesDir = fileURLToPath(new URL("../../data/studies", import.meta.url));

/** A checklist as the appraisal shows it: the file name it came from, then the checklist. */
export type AppraisedChecklist = Checklist & { file: string };

/** Everything `cohort appraise` reports for one study. */
export interface Appraisal {
  study: { id: string; title: string; sourceFile: string; sourceKind: string };
  verdict: Verdict;
  limits: LimitsRegister;
  grade: GradeOutcome[];
  checklists: AppraisedChecklist[];
  notes: string[];
}

/**
 * Appraises one study: the plain-language verdict, its limits register and GRADE ratings (generated
 * from the study file), and the filled-in checklists that name it. A study with no checklist gets the
 * rest and a note saying so; a checklist that cites the report's own interests or a part of the
 * source no author signs gets a note, since checklist judgements are about the study.
 *
 * @param study a validated study
 * @param instruments instrument definitions
 * @param checklists loaded checklists (any study); those for other studies are ignored
 * @param options thresholds of the limits register
 * @param attribution where each quote sits in the source (loadAttribution); default the document as a whole
 * @example
 * appraiseStudy(studyA, instruments, []).notes; // => ['no appraisal checklist is filled in for study "ketamine-im-substance-misuse"; …']
 */
export function appraiseStudy(study: Study, instruments: InstrumentRegistry, checklists: ReadonlyArray<LoadedChecklist>, options: LimitsOptions = {}, attribution: Attribution = wholeDocumentAttribution(study)): Appraisal {
  const own = checklists
    .filter((entry) => entry.checklist.study === study.id)
    .map((entry) => ({ file: basename(entry.file), ...entry.checklist }))
    .sort((a, b) => (a.tool.id < b.tool.id ? -1 : a.tool.id > b.tool.id ? 1 : 0));
  const resolved = resolve(options);
  const limits = limitsRegister(study, instruments, options, attribution);
  const grade = gradeCertainty(study, instruments, limits, resolved);
  return {
    study: { id: study.id, title: study.title, sourceFile: study.source.file, sourceKind: study.source.kind },
    verdict: studyVerdict(study, instruments, limits, grade, attribution, resolved),
    limits,
    grade,
    checklists: own,
    notes: [...(own.length === 0 ? [message.noChecklistNote(study.id)] : []), ...own.flatMap((checklist) => checklistNotes(study, checklist, attribution))],
  };
}

/** Evidence of a checklist that is about the report rather than the study: the reporter's interests, or a part no author signs. */
export function checklistNotes(study: Study, checklist: AppraisedChecklist, attribution: Attribution): string[] {
  const conflicts = new Set((study.source.conflictsOfInterest ?? []).flatMap((conflict) => [conflict.source, ...(conflict.alsoQuoted ?? [])]).map((source) => source.quote));
  const entries = [
    ...checklist.items.flatMap((item) => item.evidence.map((evidence) => ({ where: `item ${item.number}`, quote: evidence.source }))),
    ...(checklist.domainJudgements ?? []).flatMap((domain) => domain.evidence.map((evidence) => ({ where: `domain ${domain.domain}`, quote: evidence.source }))),
  ];
  return entries.flatMap(({ where, quote }) => {
    if (conflicts.has(quote.quote)) return [message.checklistCitesReporter(checklist.file, where, quote.quote)];
    const section = attribution.sectionOf(quote);
    if (section?.writtenBy === "unattributed") return [message.checklistCitesUnattributed(checklist.file, where, quote.quote, section.heading)];
    return [];
  });
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
    names = readdirSync(folder).filter((name) => name.endsWith(".json") && !name.startsWith(".")).sort(); // hidden: an editor's lock or backup
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
