import type { Command } from "commander";
import { basename, dirname } from "node:path";
import { CohortError, exitCodes, formatProblem, type Problem } from "../../errors.js";
import { builtInStudiesDir, studySourcesIn } from "../../appraisal/appraise-study.js";
import { loadChecklist } from "../../appraisal/load-checklist.js";
import { loadClaimsRegister } from "../../appraisal/load-claims-register.js";
import { loadInstrument } from "../../io/load-instruments.js";
import { loadStudy } from "../../io/load-study.js";
import { action, withJson } from "../run.js";
import { instrumentsFrom, withInstruments } from "../study-options.js";
import { visibleControls } from "../../io/visible-controls.js";

const KINDS = ["study", "instrument", "checklist", "claims-register"] as const;
type Kind = (typeof KINDS)[number];

/** auto: the kind follows the folder a file sits in (data/instruments, data/checklists, data/claims); anything else is a study. */
const FOLDER_KINDS: Record<string, Kind> = { instruments: "instrument", checklists: "checklist", claims: "claims-register" };

/** `cohort validate <file...>`: schema, cross-field and reference checks for study and instrument files. */
export function register(program: Command): void {
  withInstruments(withJson(program.command("validate")))
    .description("check study, instrument, checklist or claims-register files against their schema; one message per problem naming the file and JSON path")
    .argument("<file...>", "JSON files to validate")
    .option("--kind <kind>", "study | instrument | checklist | claims-register | auto (auto: by folder name: instruments, checklists, claims; otherwise study)", "auto")
    .addHelpText(
      "after",
      `
Examples:
  $ cohort validate data/studies/*.json
  $ cohort validate my-study.json --instruments my-instruments/
  $ cohort validate data/instruments/*.json data/checklists/*.json data/claims/*.json --json

Exit status: 0 when every file is valid, 1 when any is not.`,
    )
    .action(
      action((files: string[], options: { kind: string; instruments?: string[] }) => {
        if (options.kind !== "auto" && !(KINDS as readonly string[]).includes(options.kind)) throw new CohortError({ message: `--kind must be one of auto, ${KINDS.join(", ")}; received "${options.kind}"` }, exitCodes.usage);
        const needsRegistry = files.some((file) => kindOf(file, options.kind) === "study");
        const registry = needsRegistry ? instrumentsFrom(options) : new Map();
        const needsStudies = files.some((file) => kindOf(file, options.kind) === "checklist");
        const studies = needsStudies ? studySourcesIn(builtInStudiesDir) : new Map<string, string>();
        const results = files.map((file) => {
          const kind = kindOf(file, options.kind);
          try {
            if (kind === "instrument") loadInstrument(file);
            else if (kind === "checklist") loadChecklist(file, studies);
            else if (kind === "claims-register") loadClaimsRegister(file);
            else loadStudy(file, registry);
            return { file, kind, status: "valid" as const, problems: [] as Problem[] };
          } catch (error) {
            if (!(error instanceof CohortError)) throw error;
            return { file, kind, status: "invalid" as const, problems: error.problems };
          }
        });
        const invalid = results.filter((result) => result.status === "invalid");
        const text = results
          .map((result) => (result.status === "valid" ? `ok       ${visibleControls(result.file)} (${result.kind})` : `invalid  ${visibleControls(result.file)} (${result.kind})\n${result.problems.map((problem) => `  ✖ ${formatProblem(problem)}`).join("\n")}`))
          .join("\n");
        return {
          json: { status: invalid.length === 0 ? "valid" : "invalid", files: results },
          text: `${text}\n${invalid.length === 0 ? `${results.length} file(s) valid` : `${invalid.length} of ${results.length} file(s) invalid`}`,
          exitCode: invalid.length === 0 ? exitCodes.ok : exitCodes.invalidInput,
        };
      }),
    );
}

function kindOf(file: string, option: string): Kind {
  if ((KINDS as readonly string[]).includes(option)) return option as Kind;
  return FOLDER_KINDS[basename(dirname(file))] ?? "study";
}
