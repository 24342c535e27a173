import { Command, CommanderError } from "commander";
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { exitCodes } from "../errors.js";
import { reportError } from "./run.js";
import * as appraise from "./commands/appraise.js";
import * as auditSources from "./commands/audit-sources.js";
import * as change from "./commands/change.js";
import * as check from "./commands/check.js";
import * as ci from "./commands/ci.js";
import * as closure from "./commands/closure.js";
import * as explain from "./commands/explain.js";
import * as crosstab from "./commands/crosstab.js";
import * as debit from "./commands/debit.js";
import * as extract from "./commands/extract.js";
import * as grim from "./commands/grim.js";
import * as grimmer from "./commands/grimmer.js";
import * as percent from "./commands/percent.js";
import * as power from "./commands/power.js";
import * as reconstruct from "./commands/reconstruct.js";
import * as scan from "./commands/scan.js";
import * as sprite from "./commands/sprite.js";
import * as validate from "./commands/validate.js";

/** Every command, in the order `cohort --help` lists them. Each module registers one command. */
const commands = [validate, auditSources, extract, scan, check, explain, percent, grim, grimmer, debit, change, crosstab, closure, sprite, reconstruct, ci, power, appraise];

export function buildProgram(): Command {
  const program = new Command("cohort")
    .description("cohortcheck: rebuild small clinical cohorts from reported numbers, check every number, flag what the evidence cannot carry")
    .version("0.1.0")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();
  for (const command of commands) command.register(program);
  return program;
}

let pipeGuardInstalled = false;

/**
 * `cohort … | head` closes stdout early; Node then raises EPIPE as an unhandled 'error' event with a
 * stack trace. A closed reader means nobody wants the rest: stop quietly, as Unix tools do.
 */
function guardBrokenPipes(): void {
  if (pipeGuardInstalled) return;
  pipeGuardInstalled = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(process.exitCode ?? exitCodes.ok);
      throw error;
    });
  }
}

export async function main(argv: string[]): Promise<void> {
  guardBrokenPipes();
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its message (or the help text) to stderr/stdout.
      const benign = error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help";
      process.exitCode = benign ? exitCodes.ok : exitCodes.usage;
      return;
    }
    reportError(error, argv.includes("--json"));
  }
}

/**
 * Whether this module is the program being run (`tsx src/cli/main.ts …`) rather than imported
 * (by bin/cohort.js, which calls main itself, or by tests that build the program in-process).
 */
function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) await main(process.argv.slice(2));
