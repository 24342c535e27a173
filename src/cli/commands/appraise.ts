import type { Command } from "commander";
import { appraiseStudy, checklistsFor } from "../../appraisal/appraise-study.js";
import { formatAppraisal } from "../../appraisal/format-appraisal.js";
import { builtInChecklistsDir } from "../../appraisal/load-checklist.js";
import { loadAttribution } from "../../appraisal/source-sections.js";
import { loadStudy } from "../../io/load-study.js";
import { action, withJson, type CommandResult } from "../run.js";
import { instrumentsFrom, withInstruments } from "../study-options.js";

interface AppraiseOptions {
  instruments?: string[];
  checklists?: string;
}

/** `cohort appraise <study.json>`: the limits register (admitted vs not) and the study's filled-in checklists. */
export function register(program: Command): void {
  withInstruments(withJson(program.command("appraise")))
    .description("critical appraisal of a study: a plain-language verdict, the limits the source states, implies or does not admit (quotes, why it matters, and their numbers: MDE, intervals, regression to the mean, worst-case bounds, zero-event bounds, familywise error, important changes), GRADE certainty per outcome, and any filled-in checklist (JBI, ROBINS-I) for the study; no total score")
    .argument("<study>", "study file (JSON), e.g. data/studies/ketamine-im-substance-misuse.json")
    .option("--checklists <dir>", "folder of filled-in checklists (default: the built-in data/checklists); those naming this study's id are shown")
    .addHelpText(
      "after",
      `
Examples:
  $ cohort appraise data/studies/ketamine-im-substance-misuse.json
  $ cohort appraise data/studies/kap-pilot-two-approaches.json --json
  $ cohort appraise my-study.json --instruments my-instruments/ --checklists my-checklists/

The limits register is generated from the study file (and data/instruments) alone, so any study
file gets it; admissions come from the file's limitationsStated (form + concedes), never from
matching words. When the file declares the source's sections, the source document is read to
attribute each quote (a claim found only in an unsigned summary is not the study's). A study with
no checklist gets the rest and a note that no checklist is filled in. See docs/appraisal.md.

JSON: { study: {id, title, sourceFile, sourceKind}, verdict: {done, found, canShow, cannotShow, reasons, certainty},
        limits: {study, flags: [flag], attribution}, grade: [outcome], checklists: [checklist + file], notes: [text] }
  flag: { id, title, admission: {level: stated|implied|none, quotes}, evidence: [{source, note?}], notes, why, consequences }

Exit status: 0 (limits are findings), 1 on an invalid study or checklist, 2 on bad usage.`,
    )
    .action(action((file: string, options: AppraiseOptions) => appraiseCommand(file, options)));
}

export function appraiseCommand(file: string, options: AppraiseOptions): CommandResult {
  const instruments = instrumentsFrom(options);
  const study = loadStudy(file, instruments);
  const checklists = checklistsFor(study, options.checklists ?? builtInChecklistsDir);
  const appraisal = appraiseStudy(study, instruments, checklists, {}, loadAttribution(study, file));
  return { json: appraisal, text: formatAppraisal(appraisal) };
}
