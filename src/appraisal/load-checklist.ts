import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CohortError, jsonPath, type Problem } from "../errors.js";
import { readJsonFile } from "../io/read-json.js";
import { zodProblems } from "../io/zod-problems.js";
import * as message from "../messages/appraisal.js";
import { Checklist } from "../schema/checklist.js";
import { CHECKLIST_TOOLS } from "./checklist-tools.js";

/** The checklists that ship with cohortcheck (filled in for the seed studies). */
export const builtInChecklistsDir = fileURLToPath(new URL("../../data/checklists", import.meta.url));

/** What a checklist loader needs to know about each study: its id and the source file it quotes. */
export type StudySources = ReadonlyMap<string, string>;

/**
 * Validates parsed JSON as a checklist: the schema (answers, item numbers 1..itemCount each once, no
 * score), the study id (must be one of `studies`), the tool's own wording for known tools, and that
 * every quote comes from the study's source document. Throws one CohortError listing every problem.
 *
 * @param data parsed JSON
 * @param studies study id → the file name of its source document
 * @param file file name for messages
 * @throws {CohortError} naming the file and JSON path of each problem
 * @example
 * parseChecklist(json, new Map([["ketamine-im-substance-misuse", "000_3f875f1cb85950c7.txt"]])).tool.id; // => "jbi-case-series"
 */
export function parseChecklist(data: unknown, studies: StudySources, file?: string): Checklist {
  const parsed = Checklist.safeParse(data);
  if (!parsed.success) throw new CohortError(zodProblems(parsed.error, file));
  const checklist = parsed.data;
  const problems: Problem[] = [];
  const problem = (path: PropertyKey[], text: string) => problems.push({ ...(file !== undefined ? { file } : {}), path: jsonPath(path), message: text });

  const sourceFile = studies.get(checklist.study);
  if (sourceFile === undefined) problem(["study"], message.checklistStudyUnknown(checklist.study, [...studies.keys()]));

  const tool = CHECKLIST_TOOLS.get(checklist.tool.id);
  if (tool) {
    if (checklist.tool.itemCount !== tool.questions.length) problem(["tool", "itemCount"], message.checklistItemCountMismatch(tool.id, tool.questions.length, checklist.tool.itemCount));
    checklist.items.forEach((item, index) => {
      const expected = tool.questions[item.number - 1];
      if (expected !== undefined && item.question !== expected) problem(["items", index, "question"], message.checklistQuestionMismatch(tool.id, item.number, expected));
    });
    if (tool.domains) {
      const judged = new Set((checklist.domainJudgements ?? []).map((judgement) => judgement.domain));
      const missing = tool.domains.map((_, index) => index + 1).filter((domain) => !judged.has(domain));
      if (missing.length > 0) problem(["domainJudgements"], message.checklistDomainsMissing(tool.id, missing));
    }
    checklist.domainJudgements?.forEach((judgement, index) => {
      const expected = tool.domains?.[judgement.domain - 1];
      if (expected !== undefined && judgement.name !== expected) problem(["domainJudgements", index, "name"], message.checklistDomainMismatch(tool.id, judgement.domain, expected));
    });
  }

  if (sourceFile !== undefined) {
    const quoted = (evidence: ReadonlyArray<{ source: { file: string } }>, path: PropertyKey[]) =>
      evidence.forEach((entry, index) => {
        if (entry.source.file !== sourceFile) problem([...path, index, "source", "file"], message.checklistEvidenceWrongFile(entry.source.file, sourceFile));
      });
    checklist.items.forEach((item, index) => quoted(item.evidence, ["items", index, "evidence"]));
    checklist.domainJudgements?.forEach((judgement, index) => quoted(judgement.evidence, ["domainJudgements", index, "evidence"]));
  }

  if (problems.length > 0) throw new CohortError(problems);
  return checklist;
}

/**
 * Reads a checklist file and validates it (see parseChecklist).
 *
 * @param file path of the checklist JSON
 * @param studies study id → the file name of its source document
 * @throws {CohortError} if the file is unreadable or invalid, naming file and JSON path
 * @example
 * loadChecklist("data/checklists/kap-pilot-two-approaches.robins-i.json", studies).overallJudgement?.judgement; // => "serious"
 */
export function loadChecklist(file: string, studies: StudySources): Checklist {
  return parseChecklist(readJsonFile(file), studies, file);
}

/** A checklist and the file it came from. */
export interface LoadedChecklist {
  file: string;
  checklist: Checklist;
}

/**
 * Loads every `*.json` in a folder, in name order, collecting every problem in every file before
 * failing. Two checklists of the same tool for the same study are refused: which one counts would
 * otherwise depend on file order.
 *
 * @param folder the checklists folder (default: the built-in data/checklists)
 * @param studies study id → source file name of every study a checklist may refer to
 * @throws {CohortError} if the folder is missing or any file is invalid
 * @example
 * loadChecklists(builtInChecklistsDir, studies).length; // => 3
 */
export function loadChecklists(folder: string, studies: StudySources): LoadedChecklist[] {
  let names: string[];
  try {
    names = readdirSync(folder).filter((name) => name.endsWith(".json") && !name.startsWith(".")).sort(); // hidden: an editor's lock or backup
  } catch {
    throw new CohortError({ file: folder, message: message.folderNotFound("checklists") });
  }
  const loaded: LoadedChecklist[] = [];
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  for (const name of names) {
    const file = join(folder, name);
    try {
      const checklist = loadChecklist(file, studies);
      const key = `${checklist.tool.id}\u0000${checklist.study}`;
      const other = seen.get(key);
      if (other !== undefined) {
        problems.push({ file, path: "$.tool.id", message: message.duplicateChecklist(checklist.tool.id, checklist.study, other) });
        continue;
      }
      seen.set(key, file);
      loaded.push({ file, checklist });
    } catch (error) {
      if (error instanceof CohortError) problems.push(...error.problems);
      else throw error;
    }
  }
  if (problems.length > 0) throw new CohortError(problems);
  return loaded;
}
