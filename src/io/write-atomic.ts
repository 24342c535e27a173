import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { asFileSystemProblem } from "./file-system-error.js";
import { checkOutputFile } from "./output-target.js";

/**
 * Writes a file so that readers see either the old content or the new, never half of it: the bytes
 * go to a temporary file in the same folder, are flushed to disk, and the temporary file is then
 * renamed over the target (rename is atomic within one file system). On failure the temporary file
 * is removed and the target is untouched. A writer killed outright (SIGKILL, power loss) cannot clean
 * up, so each write first removes the temporary files that dead writers left for the same target.
 *
 * The target must be a regular file or not exist: a folder, device, FIFO, socket or symbolic link
 * there is refused before anything is written (checkOutputFile), since the rename would replace it.
 *
 * @param path the file to (re)write; its folder is created if missing
 * @param content text (written as UTF-8) or bytes
 * @throws CohortError naming the path: a target that is not a regular file, or what the file system
 *   said (disk full, file-size limit, read-only, permission denied), in one line; the target keeps
 *   its previous content and no temporary file is left
 * @example
 * writeFileAtomic("reports/index.html", html); // => undefined; reports/index.html is old or new, never partial
 */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  checkOutputFile(path);
  const folder = dirname(path);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw asFileSystemProblem(error, folder);
  }
  removeAbandonedTemporaries(folder, basename(path));
  const temporary = join(folder, temporaryName(basename(path), process.pid));
  try {
    // Without the flush, a crash just after the rename can leave an empty file under the new name.
    writeSynced(temporary, content, "w");
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw asFileSystemProblem(error, path, true);
  }
}

/**
 * Writes every byte of `content` to `path` opened with `flag` and flushes it to disk before closing;
 * errors are the file system's own (callers name the file in their message).
 *
 * @example
 * writeSynced("/tmp/x.txt", "a", "wx"); // => undefined; fails with EEXIST if the file exists
 */
export function writeSynced(path: string, content: string | Uint8Array, flag: "w" | "wx"): void {
  const fd = openSync(path, flag);
  try {
    const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function temporaryName(name: string, pid: number): string {
  return `.${name}.${pid}.tmp`;
}

/** Removes `.<name>.<pid>.tmp` files of writers that no longer run (never another live writer's file). */
function removeAbandonedTemporaries(folder: string, name: string): void {
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return;
  }
  const prefix = `.${name}.`;
  for (const entry of entries) {
    if (!entry.startsWith(prefix) || !entry.endsWith(".tmp")) continue;
    const pid = Number(entry.slice(prefix.length, -".tmp".length));
    if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid || isRunning(pid)) continue;
    rmSync(join(folder, entry), { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
