/**
 * User-facing messages of file input and output (src/io): reading data files, writing outputs, and
 * what the file system said when it refused. Functions of their inputs (vega-lite style), so tests
 * compare against the same text. Lowercase fragments, no period; the file is named by the Problem.
 */

/** What kind of thing a path is, in words, for "is a …, not a regular file". */
export type FileKind = "folder" | "FIFO (named pipe)" | "character device" | "block device" | "socket" | "symbolic link" | "special file";

export function notFound(): string {
  return "file not found";
}

export function notRegularFile(kind: FileKind): string {
  return `is a ${kind}, not a regular file; only regular files are read`;
}

export function tooLarge(limit: number): string {
  return `file is larger than ${limit} bytes, the limit for data files (nothing was parsed)`;
}

export function notUtf8(): string {
  return "is not UTF-8 text";
}

export function duplicateKey(key: string, first: string, second: string): string {
  return `duplicate key ${JSON.stringify(key)}: ${first} and ${second}; JSON.parse would keep only the last, so every number must be written once`;
}

/** One place in a JSON text: its JSON path and line/column, e.g. `$.design.sampleSize (line 12, column 5)`. */
export function jsonPlace(path: string, line: number, column: number): string {
  return `${path} (line ${line}, column ${column})`;
}

export function outputNotRegular(kind: FileKind): string {
  return `is a ${kind}; an output is written to a new file and renamed over the target, so the target must be a regular file or not exist yet`;
}

export function outputParentMissing(parent: string): string {
  return `cannot write here: ${parent} is not a folder`;
}

/**
 * What the file system said, in words, for the one-line message of a failed read, write or rename:
 * `cannot write: no space left on the device (ENOSPC)`.
 */
export function fileSystemFailure(action: string, code: string, reason: string): string {
  return `cannot ${action}: ${reason} (${code})`;
}

export function pathWithNul(): string {
  return "is not a usable path: it contains a NUL character";
}
