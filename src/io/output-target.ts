import { lstatSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { CohortError } from "../errors.js";
import * as msg from "../messages/io.js";
import { asFileSystemProblem } from "./file-system-error.js";
import { fileKind } from "./read-regular-file.js";

/**
 * Checks that a path may receive an output file before any work is done: it does not exist yet, or
 * it is a regular file (which will be replaced). Outputs are written to a temporary file beside the
 * target and renamed over it, and a rename replaces whatever is there: as root, a device node; a
 * symbolic link itself rather than the file it points to. So a folder, a device, a FIFO, a socket
 * or a symbolic link at the target is refused, and so is a parent that is not a folder.
 *
 * @param path the output file named by the user (e.g. `--out samples.csv`)
 * @throws CohortError naming the path: what it is, or what the file system said
 * @example
 * checkOutputFile("/tmp/samples.csv"); // => undefined (a new file, or an existing regular file)
 * checkOutputFile("/dev/null"); // throws "/dev/null: is a character device; an output is written to a new file …"
 */
export function checkOutputFile(path: string): void {
  let kind: ReturnType<typeof fileKind>;
  try {
    kind = fileKind(lstatSync(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "ENOENT" && code !== "ENOTDIR") throw asFileSystemProblem(error, path);
    checkParent(path);
    return;
  }
  if (kind !== undefined) throw new CohortError({ file: path, message: msg.outputNotRegular(kind) });
}

/** The nearest existing ancestor must be a folder (missing folders are created by the writers). */
function checkParent(path: string): void {
  for (let parent = dirname(path), previous = path; parent !== previous; previous = parent, parent = dirname(parent)) {
    try {
      if (!statSync(parent).isDirectory()) throw new CohortError({ file: path, message: msg.outputParentMissing(parent) });
      return;
    } catch (error) {
      if (error instanceof CohortError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "ENOENT" && code !== "ENOTDIR") throw asFileSystemProblem(error, parent);
    }
  }
}
