import { printParseErrorCode, type ParseError } from "jsonc-parser";
import { CohortError } from "../errors.js";
import * as msg from "../messages/io.js";
import { findDuplicateKey } from "./find-duplicate-key.js";
import { locateJsonSyntaxError } from "./locate-json-error.js";
import { readTextFile } from "./read-regular-file.js";

/** Data files larger than this are refused before parsing: no study file comes near it. */
export const MAX_DATA_FILE_BYTES = 10 * 1024 * 1024;

/**
 * Reads and parses a JSON data file, turning every failure into a CohortError that names the file:
 * missing, not a regular file (a folder, a FIFO, a device such as /dev/zero), too large (counted
 * while reading, never trusted from the size the file system reports), not UTF-8 text, not JSON
 * (with line and column), or a key written twice in one object. The text is only ever parsed as
 * JSON, never evaluated.
 */
export function readJsonFile(file: string): unknown {
  return parseJsonText(readTextFile(file, MAX_DATA_FILE_BYTES), file);
}

/**
 * Parses JSON text; a syntax error names the line and column, and a key written twice in one
 * object is an error naming both places (JSON.parse alone would keep the last silently).
 * JSON.parse does the parsing (and is the only parser whose verdict counts); Node 20's error
 * messages carry no position, so on failure jsonc-parser's scanner, in strict mode and without
 * recursion (files may nest arbitrarily deep), locates the first error.
 */
export function parseJsonText(text: string, file?: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    const where = body.trim() === "" ? undefined : locateJsonSyntaxError(body);
    const reason = body.trim() === "" ? "the file is empty" : where ? describeCode(where.error) : error instanceof Error ? error.message : String(error);
    const at = where ? ` at ${lineAndColumn(body, where.offset)}` : "";
    throw new CohortError({ ...(file !== undefined ? { file } : {}), message: `invalid JSON${at}: ${reason}` });
  }
  const duplicate = findDuplicateKey(body);
  if (duplicate) {
    const { key, first, second } = duplicate;
    throw new CohortError({ ...(file !== undefined ? { file } : {}), path: second.path, message: msg.duplicateKey(key, msg.jsonPlace(first.path, first.line, first.column), msg.jsonPlace(second.path, second.line, second.column)) });
  }
  return value;
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
