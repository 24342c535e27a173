import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from "node:fs";
import { CohortError } from "../errors.js";
import * as msg from "../messages/io.js";
import { asFileSystemProblem } from "./file-system-error.js";

/**
 * The kind of a non-regular file in words, for messages; undefined for a regular file.
 *
 * @example
 * fileKind(statSync("/dev/zero")); // => "character device"
 */
export function fileKind(stats: Stats): msg.FileKind | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return "folder";
  if (stats.isFIFO()) return "FIFO (named pipe)";
  if (stats.isCharacterDevice()) return "character device";
  if (stats.isBlockDevice()) return "block device";
  if (stats.isSocket()) return "socket";
  if (stats.isSymbolicLink()) return "symbolic link";
  return "special file";
}

// O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer for ever. It changes
// nothing for a regular file, and anything else is refused before a byte is read.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
const CHUNK = 1 << 16;

/**
 * Reads a file that must be a regular file, through one descriptor, never more than `maxBytes`.
 *
 * Why: a path can name a FIFO (reading blocks for ever), /dev/zero or /dev/urandom (endless; their
 * size is 0, so a size check before reading does not help), a folder, or a symbolic link loop. The
 * file is opened once without blocking, checked with fstat on that same descriptor (no race
 * between the check and the read), and read in chunks until end of file or the cap.
 *
 * @param file the path
 * @param maxBytes the most bytes accepted; a longer file is refused without reading the rest
 * @throws CohortError naming the file: not found, not a regular file (its kind), larger than the cap,
 *   or what the file system said (permission denied, symbolic link loop, input/output error…)
 * @example
 * readRegularFile("data/studies/a.json", 10 * 1024 * 1024).length; // => the file's size in bytes
 * readRegularFile("/dev/zero", 1024); // throws "/dev/zero: is a character device, not a regular file; only regular files are read"
 */
export function readRegularFile(file: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new CohortError({ file, message: msg.notFound() });
    throw asFileSystemProblem(error, file);
  }
  try {
    const kind = fileKind(fstatSync(fd));
    if (kind !== undefined) throw new CohortError({ file, message: msg.notRegularFile(kind) });
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // One byte past the cap tells a file of exactly maxBytes from a longer one.
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
      total += read;
      if (total > maxBytes) throw new CohortError({ file, message: msg.tooLarge(maxBytes) });
    }
    return Buffer.concat(chunks, total);
  } catch (error) {
    throw asFileSystemProblem(error, file);
  } finally {
    closeSync(fd);
  }
}

/**
 * A regular file's text, which must be UTF-8 (a leading byte-order mark is dropped).
 *
 * @param file the path
 * @param maxBytes the most bytes accepted
 * @throws CohortError as readRegularFile, or when the bytes are not UTF-8
 * @example
 * readTextFile("data/sources/000_3f875f1cb85950c7.txt", 1 << 20).startsWith("Intramuscular"); // => true
 */
export function readTextFile(file: string, maxBytes: number): string {
  const bytes = readRegularFile(file, maxBytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new CohortError({ file, message: msg.notUtf8() });
  }
}
