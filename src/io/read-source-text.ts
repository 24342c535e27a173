import { readFileSync, statSync } from "node:fs";
import { CohortError, exitCodes } from "../errors.js";
import * as msg from "../messages/extract.js";

/** Source texts larger than this are refused unless the caller raises the limit. */
export const MAX_SOURCE_TEXT_BYTES = 5 * 1024 * 1024;

/**
 * Reads a source document as text, refusing clearly what is not one: a missing file or a folder, an
 * empty file, a file over the size budget (exit 3, before reading it), bytes that are not UTF-8, or a
 * binary file (NUL bytes). A leading byte-order mark is kept as the text's first character, so offsets
 * agree with the file as every other command reads it.
 *
 * @param file path of a plain-text source document
 * @param maxBytes the size budget
 * @throws CohortError naming the file and what is wrong
 */
export function readSourceText(file: string, maxBytes = MAX_SOURCE_TEXT_BYTES): string {
  let size: number;
  try {
    const stats = statSync(file);
    if (stats.isDirectory()) throw new CohortError({ file, message: msg.sourceIsFolder() });
    size = stats.size;
  } catch (error) {
    if (error instanceof CohortError) throw error;
    throw new CohortError({ file, message: msg.sourceNotFound() });
  }
  if (size > maxBytes) throw new CohortError({ file, message: msg.sourceTooLarge(size, maxBytes) }, exitCodes.refused);
  const bytes = readFileSync(file);
  if (bytes.length === 0) throw new CohortError({ file, message: msg.sourceEmpty() });
  if (bytes.includes(0)) throw new CohortError({ file, message: msg.sourceBinary() });
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new CohortError({ file, message: msg.sourceNotUtf8() });
  }
  if (text.trim() === "") throw new CohortError({ file, message: msg.sourceEmpty() });
  return text;
}
