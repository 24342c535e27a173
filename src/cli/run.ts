import type { Command } from "commander";
import { CohortError, exitCodes, formatProblem, isCohortError } from "../errors.js";
import { asFileSystemProblem } from "../io/file-system-error.js";
import { stableJson } from "../io/stable-json.js";
import { visibleControls } from "../io/visible-controls.js";

/** What a command hands back: the JSON document for `--json` and the text for people. */
export interface CommandResult {
  json: unknown;
  text: string;
  /** Defaults to 0. Inconsistent numbers are findings and still exit 0. */
  exitCode?: number;
  /** Print `text` exactly as it is (the end of a stream the command already wrote), without adding a newline. */
  raw?: boolean;
}

/** Adds the `--json` flag every command carries. */
export function withJson(command: Command): Command {
  return command.option("--json", "print one JSON document on stdout instead of text");
}

/**
 * Wraps a command handler: prints its result as text or JSON, and turns errors into clear
 * messages and exit codes. A CohortError is the user's input (exit 1, or its own code); a
 * file-system error (disk full, read-only, permission denied…) is one line naming the path, exit 1;
 * anything else is a bug in cohortcheck (exit 70) and prints no stack trace unless COHORT_DEBUG is
 * set. Text output never carries a raw control character: study text cannot drive the terminal.
 */
export function action<Args extends unknown[]>(
  handler: (...args: Args) => CommandResult | Promise<CommandResult>,
): (...args: Args) => Promise<void> {
  return async (...args: Args) => {
    const command = args[args.length - 1] as Command;
    const json = Boolean(command.opts().json);
    try {
      const result = await handler(...args);
      // Raw text is the end of a data stream (CSV, JSON lines) the command already wrote: bytes as they are.
      process.stdout.write(json ? stableJson(result.json) : result.raw ? result.text : ensureNewline(visibleControls(result.text, "lines")));
      process.exitCode = result.exitCode ?? exitCodes.ok;
    } catch (error) {
      reportError(error, json);
    }
  };
}

export function reportError(caught: unknown, json: boolean): void {
  const error = asFileSystemProblem(caught);
  if (isCohortError(error)) {
    if (json) process.stdout.write(stableJson({ status: "error", problems: error.problems }));
    for (const problem of error.problems) process.stderr.write(`cohort: ${formatProblem(problem)}\n`);
    process.exitCode = error.exitCode;
    return;
  }
  const message = visibleControls(error instanceof Error ? error.message : String(error));
  if (json) process.stdout.write(stableJson({ status: "error", problems: [{ message: `internal error: ${message}` }] }));
  process.stderr.write(`cohort: internal error: ${message}\nThis is a bug in cohortcheck; please report it with the command you ran.\n`);
  if (process.env.COHORT_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exitCode = exitCodes.internal;
}

function ensureNewline(text: string): string {
  return text.endsWith("\n") ? text : `${text}\n`;
}

export { CohortError };
