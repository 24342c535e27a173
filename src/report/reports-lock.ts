import { linkSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";
import { CohortError } from "../errors.js";
import { asFileSystemProblem } from "../io/file-system-error.js";
import * as msg from "../messages/reports.js";

/** Who holds a reports lock: written into the lock file, read by a second run to wait or take over. */
interface LockOwner {
  pid: number;
  host: string;
}

/** A held lock: `stillHeld` is checked just before the tree is switched, `release` in a finally. */
export interface ReportsLock {
  path: string;
  stillHeld(): boolean;
  release(): void;
}

/** How long to wait for another run, and how to say so. */
export interface LockOptions {
  /** Milliseconds to wait for a live holder before refusing. __Default:__ 300,000 (5 minutes). */
  waitMs?: number;
  /** Told once when this run starts waiting. */
  onWait?: (line: string) => void;
  /** Milliseconds between looks. __Default:__ 100. */
  pollMs?: number;
}

/** Locks this process holds now (a run in this process may wait for another run in this process). */
const heldHere = new Set<string>();

/** The lock file of a reports folder: beside it, so it survives the folder being switched. */
export function lockPathOf(reportsDir: string): string {
  return join(dirname(reportsDir), `.${basename(reportsDir)}.lock`);
}

/**
 * Takes the lock of a reports folder, so that two runs never build or switch the same tree at once.
 *
 * The lock is a file beside the folder (`.<name>.lock`) holding the owner's pid and host. It is
 * created atomically and never empty: the owner's details go into a private file first, which is
 * then hard-linked to the lock's name (link fails if the name exists). A second run waits while the
 * owner is alive (saying so once), and refuses with the owner and the lock's path after `waitMs`. A
 * lock whose owner is dead (a run killed with SIGKILL) is taken over. Owners on another host cannot
 * be checked, so they count as alive.
 *
 * @param reportsDir the reports folder (its parent must exist)
 * @param options how long to wait
 * @throws CohortError when another run holds the lock past `waitMs`, or the file system refuses the lock file (one line, the path)
 * @example
 * const lock = await acquireReportsLock("reports"); try { … } finally { lock.release(); }
 */
export async function acquireReportsLock(reportsDir: string, options: LockOptions = {}): Promise<ReportsLock> {
  const path = lockPathOf(reportsDir);
  const mine: LockOwner = { pid: process.pid, host: hostname() };
  const text = `${JSON.stringify(mine)}\n`;
  const waitMs = options.waitMs ?? 300_000;
  const pollMs = options.pollMs ?? 100;
  const started = performance.now();
  let told = false;
  for (;;) {
    if (tryCreate(path, text)) break;
    const owner = readOwner(path);
    if (owner === undefined) continue; // released between the two looks
    if (!isAlive(owner, path)) {
      rmSync(path, { force: true });
      continue;
    }
    const waited = performance.now() - started;
    if (waited >= waitMs) throw new CohortError({ file: reportsDir, message: msg.lockHeld(owner.pid, owner.host, path, Math.round(waited / 1000)) });
    if (!told) {
      told = true;
      options.onWait?.(msg.waitingForLock(owner.pid, reportsDir));
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(pollMs, Math.max(1, waitMs - waited))));
  }
  heldHere.add(path);
  return {
    path,
    stillHeld: () => {
      const owner = readOwner(path);
      return owner !== undefined && owner.pid === mine.pid && owner.host === mine.host;
    },
    release: () => {
      heldHere.delete(path);
      const owner = readOwner(path);
      if (owner?.pid === mine.pid && owner.host === mine.host) rmSync(path, { force: true });
    },
  };
}

/** Creates the lock file with its content in one step; false if it exists. */
function tryCreate(path: string, text: string): boolean {
  const draft = `${path}.${process.pid}`;
  try {
    writeFileSync(draft, text);
    linkSync(draft, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST" && (error as NodeJS.ErrnoException).syscall === "link") return false;
    throw asFileSystemProblem(error, path, true);
  } finally {
    rmSync(draft, { force: true });
  }
}

function readOwner(path: string): LockOwner | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw asFileSystemProblem(error, path);
  }
  try {
    const owner = JSON.parse(text) as Partial<LockOwner>;
    if (typeof owner.pid === "number" && typeof owner.host === "string") return { pid: owner.pid, host: owner.host };
  } catch {
    // not a lock this code wrote
  }
  // Unreadable content cannot name a live owner; a lock is only ever written whole, so it is stale.
  return { pid: -1, host: hostname() };
}

function isAlive(owner: LockOwner, path: string): boolean {
  if (owner.host !== hostname()) return true;
  if (!Number.isSafeInteger(owner.pid) || owner.pid <= 0) return false;
  if (owner.pid === process.pid) return heldHere.has(path);
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
