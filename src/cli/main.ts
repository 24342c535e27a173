import { Command, CommanderError } from "commander";
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { exitCodes } from "../errors.js";
import { commandList, type CommandEntry } from "./command-list.js";
import { reportError } from "./run.js";

/** The package version `cohort --version` prints (a test keeps it equal to package.json's). */
export const VERSION = "0.1.0";

/**
 * The program with every command listed. Only the commands named in `load` are declared in full (their
 * modules imported); the others are listed by name and description alone, which is all `cohort --help`
 * shows, so a run imports one command module, not fourteen.
 *
 * @param load names of the commands to declare in full (default: all, e.g. for tests)
 */
export async function buildProgram(load: ReadonlySet<string> = new Set(commandList.map((entry) => entry.name))): Promise<Command> {
  const program = new Command("cohort")
    .description("cohortcheck: rebuild small clinical cohorts from reported numbers, check every number, flag what the evidence cannot carry")
    .version(VERSION)
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();
  const terms = new Map(commandList.map((entry) => [entry.name, entry.term]));
  program.configureHelp({ subcommandTerm: (command) => terms.get(command.name()) ?? command.name() });
  const modules = await Promise.all(commandList.map((entry) => (load.has(entry.name) ? entry.load() : undefined)));
  commandList.forEach((entry: CommandEntry, index) => {
    const module = modules[index];
    if (module) module.register(program);
    else program.command(entry.name).description(entry.description);
  });
  return program;
}

/** The command a command line names: `cohort grim …` and `cohort help grim` name grim. */
function namedCommand(argv: readonly string[]): string | undefined {
  return argv[0] === "help" ? argv[1] : argv[0];
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
  const name = namedCommand(argv);
  try {
    const program = await buildProgram(new Set(name === undefined ? [] : [name]));
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
