/**
 * User-facing messages of `cohort extract` and the reading of source texts, as functions of their
 * inputs so tests compare against the same text. Lowercase fragments, no trailing period.
 */

import { UNKNOWN } from "../draft/unknown.js";

export const sourceNotFound = (): string => "file not found or not readable";

export const sourceIsFolder = (): string => "is a folder, not a text file";

export const sourceEmpty = (): string => "is empty: there is no text to read statistics from";

export const sourceTooLarge = (bytes: number, limit: number): string =>
  `is ${bytes} bytes, more than the ${limit}-byte limit for one source text (extraction reads about 1 MB a second); split the text, or raise the limit with --max-bytes`;

export const sourceNotUtf8 = (): string => "is not UTF-8 text; save it as UTF-8 (plain text) and try again";

export const sourceBinary = (): string => "looks binary (it holds NUL bytes), not plain text; convert the document to plain text (e.g. pdftotext) first";

export const draftExists = (file: string): string => `${file} already exists; choose another --out or pass --force to replace it`;

export const badDraftId = (id: string): string => `--id must be lower-case letters, digits and single '-' (a slug), received "${id}"`;

export const badMaxBytes = (value: string): string => `--max-bytes must be a whole number of at least 1, received "${value}"`;

export const stillUnknown = (message: string): string => `still "${UNKNOWN}": fill it in (${message})`;

export const unfilled = (): string => `still "${UNKNOWN}": fill it in, or delete the value it belongs to`;

export const nothingFound = (file: string): string => `found no reported statistic in ${file}; no draft written`;

export const sourceNameNotPlain = (name: string): string =>
  `the source's file name "${name}" must be plain (letters, digits, '.', '_', '-') because study files cite it by name; rename the file`;

export const scanUnreadable = (count: number): string => `${count} source file(s) could not be read; see the messages above`;
