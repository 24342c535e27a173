import { parse } from "csv-parse";
import { Readable } from "node:stream";
import { CohortError } from "../errors.js";
import * as msg from "../messages/map.js";

/** Table formats batch mode reads. */
export type TableFormat = "csv" | "tsv" | "jsonl";

/** One data row: its 1-based number and its cells in header order, or why it could not be read. */
export type TableRow = { row: number; cells: unknown[]; error?: undefined } | { row: number; cells?: undefined; error: string };

/** Rows in batches (fewer awaits per row); the first batch carries the header. */
export interface TableBatch {
  header: string[];
  rows: TableRow[];
}

const BATCH = 4096;
/** Longest record or line read (1 MiB): a stream with no line breaks (a device, a binary file) is refused, not held in memory. */
const MAX_RECORD_BYTES = 1 << 20;

/**
 * The format a file name or the first bytes of a stream suggest: `.tsv`/`.tab` TSV, `.jsonl`/`.ndjson`
 * JSON lines, `.csv` CSV; for stdin, a first `{` means JSON lines and a tab in the first line TSV.
 *
 * @example
 * guessTableFormat("values.tsv", ""); // => "tsv"
 */
export function guessTableFormat(name: string | undefined, firstBytes: string): TableFormat {
  if (name !== undefined) {
    if (/\.(tsv|tab)$/i.test(name)) return "tsv";
    if (/\.(jsonl|ndjson)$/i.test(name)) return "jsonl";
    if (/\.csv$/i.test(name)) return "csv";
  }
  const start = firstBytes.replace(/^\uFEFF/, "").trimStart();
  if (start.startsWith("{")) return "jsonl";
  const firstLine = start.split(/\r?\n/, 1)[0] ?? "";
  return firstLine.includes("\t") ? "tsv" : "csv";
}

/**
 * Reads a table of reported values as it streams in, in constant memory: CSV or TSV (RFC 4180 quoting,
 * by csv-parse; a byte-order mark is skipped, blank lines too; the first record is the header) or JSON
 * lines (one object per line; the first object's keys are the header; a line that is not a JSON object
 * becomes that row's error and the reading goes on).
 * Why csv-parse: a well-kept parser from the same project as the CSV writer (csv-stringify).
 *
 * @param input bytes or text, e.g. a file stream or process.stdin
 * @param format csv, tsv or jsonl
 * @throws CohortError when CSV cannot be parsed past some point (an unclosed quote)
 * @example
 * for await (const batch of readTable(Readable.from(["x,n\n5.19,28\n"]), "csv")) batch.rows; // => [{ row: 1, cells: ["5.19", "28"] }]
 */
export async function* readTable(input: AsyncIterable<Buffer | string> | Readable, format: TableFormat): AsyncGenerator<TableBatch> {
  if (format === "jsonl") yield* readJsonLines(input);
  else yield* readDelimited(input, format === "tsv" ? "\t" : ",");
}

async function* readDelimited(input: AsyncIterable<Buffer | string> | Readable, delimiter: string): AsyncGenerator<TableBatch> {
  const parser = parse({ delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, max_record_size: MAX_RECORD_BYTES });
  const source = input instanceof Readable ? input : Readable.from(input);
  source.on("error", (error) => parser.destroy(error));
  source.pipe(parser);
  let header: string[] | undefined;
  let row = 0;
  // Records are taken from the parser in whole batches (read() until it is empty), not one awaited
  // record at a time: a per-record await cost more than parsing the record.
  let ended = false;
  let failure: unknown;
  let wake: (() => void) | undefined;
  const signal = () => {
    wake?.();
    wake = undefined;
  };
  parser.on("readable", signal);
  parser.on("end", () => ((ended = true), signal()));
  parser.on("error", (error) => ((failure = error), signal()));
  for (;;) {
    const rows: TableRow[] = [];
    let record: string[] | null;
    while (rows.length < BATCH && (record = parser.read() as string[] | null) !== null) {
      if (header === undefined) header = record;
      else rows.push({ row: ++row, cells: record });
    }
    if (failure !== undefined) throw new CohortError({ message: msg.unreadableTable(failure instanceof Error ? failure.message : String(failure)) });
    if (rows.length > 0) yield { header: header!, rows };
    else if (ended) break;
    else await new Promise<void>((resolve) => (wake = resolve));
  }
  yield { header: header ?? [], rows: [] };
}

async function* readJsonLines(input: AsyncIterable<Buffer | string>): AsyncGenerator<TableBatch> {
  let header: string[] | undefined;
  let rows: TableRow[] = [];
  let row = 0;
  let line = 0;
  let rest = "";
  const decoder = new TextDecoder();
  const take = (text: string) => {
    line++;
    if (line === 1) text = text.replace(/^\uFEFF/, "");
    if (text.trim() === "") return;
    row++;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      rows.push({ row, error: msg.badJsonLine(line, error instanceof Error ? error.message : String(error)) });
      return;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      rows.push({ row, error: msg.notAnObject(line) });
      return;
    }
    const object = value as Record<string, unknown>;
    header ??= Object.keys(object);
    rows.push({ row, cells: header.map((key) => (Object.hasOwn(object, key) ? object[key] : undefined)) });
  };
  for await (const chunk of input) {
    const text = rest + (typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true }));
    const lines = text.split("\n");
    rest = lines.pop()!;
    if (rest.length > MAX_RECORD_BYTES) throw new CohortError({ message: msg.unreadableTable(`line ${line + 1} is longer than ${MAX_RECORD_BYTES} characters`) });
    for (const piece of lines) take(piece.endsWith("\r") ? piece.slice(0, -1) : piece);
    if (rows.length >= BATCH) {
      yield { header: header ?? [], rows };
      rows = [];
    }
  }
  rest += decoder.decode();
  if (rest !== "") take(rest);
  yield { header: header ?? [], rows };
}
