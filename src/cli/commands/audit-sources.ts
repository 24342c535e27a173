import type { Command } from "commander";
import { existsSync, statSync } from "node:fs";
import { CohortError, exitCodes, formatProblem } from "../../errors.js";
import { readJsonFile } from "../../io/read-json.js";
import { auditSources } from "../../provenance/audit-sources.js";
import { action, withJson } from "../run.js";

/** `cohort audit-sources --sources <dir> <file...>`: every quote verbatim, every number stated by its quote. */
export function register(program: Command): void {
  withJson(program.command("audit-sources"))
    .description("provenance audit: every quote in the data files occurs verbatim in its source document and states the number it backs")
    .argument("<file...>", "data files (studies, checklists, claim registers)")
    .requiredOption("--sources <dir>", "folder holding the source documents, e.g. ../shared/sources")
    .addHelpText(
      "after",
      `
Examples:
  $ cohort audit-sources --sources ../shared/sources data/studies/*.json
  $ cohort audit-sources --sources ../shared/sources data/checklists/*.json --json

Exit status: 0 when every quote checks out, 1 otherwise.`,
    )
    .action(
      action((files: string[], options: { sources: string }) => {
        if (!existsSync(options.sources) || !statSync(options.sources).isDirectory()) {
          throw new CohortError({ file: options.sources, message: "sources folder not found" });
        }
        const results = files.map((file) => {
          const audit = auditSources(readJsonFile(file), options.sources, file);
          return { file, quotes: audit.quotes.length, numbers: audit.quotes.reduce((total, quote) => total + quote.numbers.length, 0), problems: audit.problems };
        });
        const failing = results.filter((result) => result.problems.length > 0);
        const text = results
          .map((result) =>
            result.problems.length === 0
              ? `ok       ${result.file}: ${result.quotes} quotes verbatim, ${result.numbers} numbers stated by their quotes`
              : `failed   ${result.file}\n${result.problems.map((problem) => `  ✖ ${formatProblem(problem)}`).join("\n")}`,
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
