import { readFileSync, statSync } from "node:fs";
import { printParseErrorCode, type ParseError } from "jsonc-parser";
import { CohortError } from "../errors.js";
import { locateJsonSyntaxError } from "./locate-json-error.js";

/** Data files larger than this are refused before parsing: no study file comes near it. */
export const MAX_DATA_FILE_BYTES = 10 * 1024 * 1024;

/**
 * Reads and parses a JSON data file, turning every failure into a CohortError that names the file:
 * missing, a folder, too large, not UTF-8 text, or not JSON (with line and column). The text is
 * only ever parsed as JSON, never evaluated.
 */
export function readJsonFile(file: string): unknown {
  let size: number;
  try {
    const stats = statSync(file);
    if (stats.isDirectory()) throw new CohortError({ file, message: "is a folder, not a JSON file" });
    size = stats.size;
  } catch (error) {
    if (error instanceof CohortError) throw error;
    throw new CohortError({ file, message: "file not found or not readable" });
  }
  if (size > MAX_DATA_FILE_BYTES) throw new CohortError({ file, message: `file is ${size} bytes; data files are limited to ${MAX_DATA_FILE_BYTES} bytes` });
  const bytes = readFileSync(file);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new CohortError({ file, message: "is not UTF-8 text" });
  }
  return parseJsonText(text, file);
}

/**
 * Parses JSON text; a syntax error names the line and column. JSON.parse does the parsing (and is
 * the only parser whose verdict counts); Node 20's error messages carry no position, so on failure
 * jsonc-parser's scanner, in strict mode and without recursion (files may nest arbitrarily deep),
 * locates the first error.
 */
export function parseJsonText(text: string, file?: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch (error) {
    const where = body.trim() === "" ? undefined : locateJsonSyntaxError(body);
    const reason = body.trim() === "" ? "the file is empty" : where ? describeCode(where.error) : error instanceof Error ? error.message : String(error);
    const at = where ? ` at ${lineAndColumn(body, where.offset)}` : "";
    throw new CohortError({ ...(file !== undefined ? { file } : {}), message: `invalid JSON${at}: ${reason}` });
  }
}

function describeCode(code: ParseError["error"]): string {
  // "ValueExpected" → "value expected"
  return printParseErrorCode(code).replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  return `line ${line}, column ${column}`;
}
