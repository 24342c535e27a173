import type { Command } from "commander";
import { exitCodes, formatProblem } from "../../errors.js";
import { readJsonFile } from "../../io/read-json.js";
import { auditOk } from "../../messages/audit-sources.js";
import { auditSources, declaredSources } from "../../provenance/audit-sources.js";
import { action, withJson } from "../run.js";
import { visibleControls } from "../../io/visible-controls.js";

/** `cohort audit-sources [--sources <path>]... <file...>`: every quote verbatim, every number stated by its quote. */
export function register(program: Command): void {
  withJson(program.command("audit-sources"))
    .description("provenance audit: every quote in the data files occurs verbatim in its source document and states the number it backs")
    .argument("<file...>", "data files (studies, checklists, claim registers)")
    .option("--sources <path>", "a folder or file holding source documents; repeat for several (default: each data file's own `sources`, else data/sources/ beside its folder)", (path: string, earlier: string[] = []) => [...earlier, path])
    .addHelpText(
      "after",
      `
Examples:
  $ cohort audit-sources data/studies/*.json
  $ cohort audit-sources --sources data/sources --sources my-sources/paper.txt my-study.json
  $ cohort audit-sources data/checklists/*.json --json

A number printed in the decimal-comma convention of many European texts ("5,2" for 5.2, "1.296" for
1296) counts as stated, and the ok line says how many were.

Exit status: 0 when every quote checks out, 1 otherwise.`,
    )
    .action(
      action((files: string[], options: { sources?: string[] }) => {
        const results = files.map((file) => {
          const data = readJsonFile(file);
          const audit = auditSources(data, options.sources ?? declaredSources(data, file), file);
          const numbers = audit.quotes.flatMap((quote) => quote.numbers);
          return { file, quotes: audit.quotes.length, numbers: numbers.length, decimalComma: numbers.filter((number) => number.decimalComma).length, problems: audit.problems };
        });
        const failing = results.filter((result) => result.problems.length > 0);
        const text = results
          .map((result) =>
            result.problems.length === 0
              ? auditOk(visibleControls(result.file), result.quotes, result.numbers, result.decimalComma)
              : `failed   ${visibleControls(result.file)}\n${result.problems.map((problem) => `  ✖ ${formatProblem(problem)}`).join("\n")}`,
          )
          .join("\n");
        return {
          json: { status: failing.length === 0 ? "ok" : "failed", files: results },
          text,
          exitCode: failing.length === 0 ? exitCodes.ok : exitCodes.invalidInput,
        };
      }),
    );
}
