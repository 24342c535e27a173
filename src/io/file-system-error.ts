import { CohortError, exitCodes } from "../errors.js";
import * as msg from "../messages/io.js";

/** The reasons the file system gives, in words (errno codes as libuv reports them on Linux, macOS and Windows). */
const REASONS: Record<string, string> = {
  ENOSPC: "no space left on the device (the disk is full)",
  EDQUOT: "the disk quota is exceeded",
  EFBIG: "the file would exceed the file-size limit (ulimit -f) or the file system's largest file",
  EROFS: "the file system is read-only",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  ENOENT: "no such file or folder",
  ENOTDIR: "a part of the path is not a folder",
  EISDIR: "it is a folder",
  ELOOP: "too many levels of symbolic links (a symbolic link loop?)",
  ENAMETOOLONG: "the name is too long",
  EMFILE: "too many open files",
  ENFILE: "too many open files in the system",
  EIO: "input/output error (a failing disk or a lost network file system?)",
  EEXIST: "it already exists",
  ENOTEMPTY: "the folder is not empty",
  EBUSY: "it is busy (a mount point, or in use)",
  EXDEV: "it is on another file system",
  ENXIO: "no such device",
  ENODEV: "no such device",
  EINVAL: "invalid argument",
  ETXTBSY: "the file is busy",
};

/** The verb of the one-line message, by the system call that failed. */
const ACTIONS: Record<string, string> = {
  open: "open",
  read: "read",
  write: "write",
  fsync: "write",
  close: "write",
  rename: "replace",
  mkdir: "create the folder",
  rmdir: "remove",
  rm: "remove",
  unlink: "remove",
  scandir: "list the folder",
  opendir: "list the folder",
  stat: "read",
  lstat: "read",
  fstat: "read",
  link: "link",
  copyfile: "copy",
  utime: "write",
  chmod: "write",
};

/** Whether an error is a file-system error as Node raises them (an errno code such as ENOSPC, with the system call). */
export function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === "string" && /^E[A-Z0-9]+$/.test((error as NodeJS.ErrnoException).code!) && typeof (error as NodeJS.ErrnoException).syscall === "string";
}

/**
 * A file-system error (disk full, file-size limit, read-only, no permission, a symlink loop…) as
 * a CohortError: one line naming the path and what the system said, exit 1. Any other error is
 * returned unchanged, so callers can rethrow whatever they caught.
 *
 * @param error what a node:fs call threw
 * @param file the path to name when the error carries none (writes to a descriptor do not)
 * @param always name `file` even when the error carries a path (e.g. the target rather than its temporary file)
 * @example
 * asFileSystemProblem(enospcError, "reports/a.png").message; // => "reports/a.png: cannot write: no space left on the device (the disk is full) (ENOSPC)"
 */
export function asFileSystemProblem(error: unknown, file?: string, always = false): unknown {
  // Node refuses a path holding a NUL byte before asking the system; it is a path no file can have.
  if (error instanceof Error && (error as NodeJS.ErrnoException).code === "ERR_INVALID_ARG_VALUE" && /null bytes/.test(error.message)) {
    return new CohortError({ ...(file !== undefined ? { file } : {}), message: msg.pathWithNul() }, exitCodes.invalidInput);
  }
  if (!isFileSystemError(error)) return error;
  const code = error.code!;
  const action = ACTIONS[error.syscall!] ?? error.syscall!;
  const reason = REASONS[code] ?? error.message.replace(/^[A-Z0-9]+: /, "").replace(/, \w+ '.*$/, "");
  const dest = (error as { dest?: string }).dest;
  const target = always && file !== undefined ? file : error.syscall === "rename" && dest !== undefined ? dest : (error.path ?? file);
  return new CohortError({ ...(target !== undefined ? { file: target } : {}), message: msg.fileSystemFailure(action, code, reason) }, exitCodes.invalidInput);
}

/**
 * Runs a file-system step and turns its failure into a one-line CohortError naming the path.
 *
 * @param file the path the step works on (named when the error carries none)
 * @param step the step
 * @example
 * withFileSystemErrors("out.csv", () => writeSync(fd, bytes)); // throws "out.csv: cannot write: … (ENOSPC)" on a full disk
 */
export function withFileSystemErrors<T>(file: string | undefined, step: () => T): T {
  try {
    return step();
  } catch (error) {
    throw asFileSystemProblem(error, file);
  }
}
