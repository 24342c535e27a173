import { InvalidArgumentError, Option, type Command } from "commander";
import { mapCheckNames } from "../../batch/map-checks.js";
import { createMapAudit, mapRow, planColumns, type MapPlan, type MapResult } from "../../batch/map-rows.js";
import { guessTableFormat, readTable, type TableFormat } from "../../batch/read-rows.js";
import { CohortError, exitCodes } from "../../errors.js";
import * as msg from "../../messages/map.js";
import type { RoundingMode } from "../../stats/rounding.js";
import { roundingOption } from "../check-output.js";
import { auditText, verdictFormatter, type VerdictFormat } from "../map-output.js";
import { action, withJson, type CommandResult } from "../run.js";
import { visibleControls } from "../../io/visible-controls.js";

/** Under --json every row is held for one document; past this many the run stops (exit 3). */
export const MAX_JSON_ROWS = 1_000_000;
/** Row errors printed on stderr; the rest are counted (each is in the output's error column). */
const STDERR_ERRORS = 20;

interface MapOptions {
  check: string;
  inputFormat?: TableFormat;
  format: VerdictFormat;
  columns?: Record<string, string>;
  rounding: RoundingMode;
  json?: boolean;
}

/** `cohort map`: one check over every row of a table (scrutiny's grim_map(), grimmer_map(), debit_map() and audit()). */
export function register(program: Command): void {
  withJson(program.command("map"))
    .description("batch mode: run one check on every row of a CSV, TSV or JSON-lines table of reported values; stream the verdicts and summarise them (scrutiny's *_map and audit)")
    .argument("[file]", "the table (.csv, .tsv, .jsonl); none or - reads stdin")
    .addOption(new Option("--check <name>", "the check to run on every row").choices(mapCheckNames).makeOptionMandatory())
    .addOption(new Option("--input-format <format>", "csv, tsv or jsonl (default: from the file name, or the first line of stdin)").choices(["csv", "tsv", "jsonl"]))
    .addOption(new Option("--format <format>", "how to write the verdicts on stdout").choices(["csv", "jsonl", "text"]).default("csv"))
    .option("--columns <pairs>", "column names for the check's roles when they differ from scrutiny's (e.g. x=M,n=N)", parseColumns)
    .addOption(roundingOption())
    .addHelpText(
      "after",
      `
Columns (case-insensitive; other columns are carried through to the output):
  grim      x or mean, n, items (optional, default 1)
  grimmer   x or mean, sd, n, items (optional)
  debit     x or mean, sd, n (binary data: the mean is a proportion)
  percent   percent (or x), n, count (optional)
Reported values keep their trailing zeros only as text: in JSON lines write "5.10", not 5.1.

Output: one line per row with row (1-based, header not counted), the row's cells, consistency
(consistent / inconsistent / undetermined) and error (why a bad row was not checked; the run goes on),
plus ratio for GRIM (scrutiny's grim_ratio). The audit (counts per verdict, rates, and per column the
filled and empty cells, decimals or range) goes to stderr; with --json stdout holds one document with
the audit and every row instead (at most ${MAX_JSON_ROWS} rows).

Examples:
  $ cohort map --check grim means.csv                          # verdicts as CSV, audit on stderr
  $ printf 'x,n\\n5.19,28\\n5.19,32\\n' | cohort map --check grim --format text
  $ cohort map --check grimmer --columns x=M,sd=SD,n=N table.tsv --format jsonl
  $ cohort map --check percent reported.jsonl --json

Exit status: 0 when the table was read to its end, whatever the verdicts and row errors; 1 when the
file cannot be read or a column the check needs is missing; 2 for bad options; 3 past the --json limit.`,
    )
    .action(action((file: string | undefined, options: MapOptions) => run(file, options)));
}

function parseColumns(value: string): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const part of value.split(",")) {
    const match = /^\s*([a-z]+)\s*=\s*(.+?)\s*$/i.exec(part);
    if (!match) throw new InvalidArgumentError(msg.badColumnsOption(value));
    pairs[match[1]!.toLowerCase()] = match[2]!;
  }
  return pairs;
}

/** Writes to stdout, waiting when the pipe is full so memory stays bounded however long the table. */
async function write(text: string): Promise<void> {
  if (text === "" || process.stdout.write(text)) return;
  await new Promise<void>((resolve) => process.stdout.once("drain", resolve));
}

async function run(file: string | undefined, options: MapOptions): Promise<CommandResult> {
  const { input, format } = await openInput(file, options.inputFormat);
  const json = options.json === true;
  let plan: MapPlan | undefined;
  let audit: ReturnType<typeof createMapAudit> | undefined;
  let formatter: ReturnType<typeof verdictFormatter> | undefined;
  let pending = "";
  let errorLines = 0;
  const kept: Array<Record<string, unknown>> = [];
  for await (const batch of readTable(input, format)) {
    if (plan === undefined) {
      plan = planColumns(options.check, batch.header, options.columns ?? {});
      audit = createMapAudit(plan);
      formatter = verdictFormatter(options.format, batch.header, options.check === "grim");
      if (!json) pending = formatter.head();
    }
    const done: Array<{ cells: unknown[] | undefined; result: MapResult }> = [];
    for (const row of batch.rows) {
      const result: MapResult = row.error !== undefined ? { row: row.row, consistency: null, error: row.error } : mapRow(plan, row.cells, row.row, options.rounding);
      audit!.add(row.cells ?? [], result);
      done.push({ cells: row.cells, result });
      if (result.error !== undefined && errorLines++ < STDERR_ERRORS) process.stderr.write(`cohort: ${visibleControls(`${file ?? "stdin"}: row ${result.row}: ${result.error}`)}\n`);
      if (json) {
        if (kept.length >= MAX_JSON_ROWS) throw new CohortError({ message: msg.tooManyRowsForJson(MAX_JSON_ROWS) }, exitCodes.refused);
        kept.push({ ...result, values: Object.fromEntries(batch.header.map((name, i) => [name, row.cells?.[i] ?? null])) });
      }
    }
    if (!json) {
      await write(pending);
      pending = formatter!.rows(done);
    }
  }
  if (errorLines > STDERR_ERRORS) process.stderr.write(`cohort: ${msg.moreRowErrors(errorLines - STDERR_ERRORS)}\n`);
  const summary = audit!.summary();
  if (json) return { json: { status: "ok", check: options.check, audit: summary, rows: kept }, text: "" };
  process.stderr.write(`${auditText(summary)}\n`);
  return { json: null, text: pending, raw: true };
}

/** The input stream and its format: a file, or stdin (sniffing its first bytes when no format is given). */
async function openInput(file: string | undefined, given: TableFormat | undefined): Promise<{ input: AsyncIterable<Buffer | string>; format: TableFormat }> {
  if (file !== undefined && file !== "-") {
    const { open } = await import("node:fs/promises");
    let handle;
    try {
      handle = await open(file, "r");
      if (!(await handle.stat()).isFile() && !(await handle.stat()).isFIFO()) throw Object.assign(new Error("not a regular file"), { code: "ENOTFILE" });
    } catch (error) {
      await handle?.close();
      throw new CohortError({ file, message: msg.unreadableTable((error as Error).message) });
    }
    return { input: handle.createReadStream(), format: given ?? guessTableFormat(file, "") };
  }
  const stdin = process.stdin[Symbol.asyncIterator]();
  const first = await stdin.next();
  const head = first.done ? "" : Buffer.isBuffer(first.value) ? first.value.toString("utf8", 0, 4096) : String(first.value);
  async function* replay() {
    if (!first.done) yield first.value as Buffer;
    for (let next = await stdin.next(); !next.done; next = await stdin.next()) yield next.value as Buffer;
  }
  return { input: replay(), format: given ?? guessTableFormat(undefined, head) };
}
