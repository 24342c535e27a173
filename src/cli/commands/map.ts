import type { Command } from "commander";
export function register(program: Command): void {
  program.command("map").description("batch mode: run one check on every row of a CSV, TSV or JSON-lines table of reported values; stream the verdicts and summarise them (scrutiny's *_map and audit)").argument("[file]").option("--check <c>");
}
