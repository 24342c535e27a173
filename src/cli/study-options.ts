import type { Command } from "commander";
import { builtInInstrumentsDir, loadInstruments, type InstrumentRegistry } from "../io/load-instruments.js";

/** Adds `--instruments <dir...>`: folders of extra instrument definitions, on top of the built-in ones. */
export function withInstruments(command: Command): Command {
  return command.option("--instruments <dir...>", "extra folders of instrument definitions (<id>.json), added to the built-in data/instruments");
}

/** The instrument registry for a command's options: built-in definitions plus any `--instruments` folders. */
export function instrumentsFrom(options: { instruments?: string[] }): InstrumentRegistry {
  return loadInstruments([builtInInstrumentsDir, ...(options.instruments ?? [])]);
}
