import { existsSync, readdirSync, renameSync, rmSync } from "node:fs";
import { dirname, join, basename } from "node:path";
import { writeFileAtomic } from "../io/write-atomic.js";

/**
 * Writes a whole report folder so that it is never half-written: every file goes into a sibling
 * temporary folder first; only when all are written is the old folder moved aside, the new one
 * renamed into place and the old one deleted. Stale outputs (an artefact no longer produced)
 * disappear with the old folder, as vega-lite's build-examples deletes before rebuilding.
 *
 * @param folder the report folder, e.g. reports/<study-id>
 * @param files relative path → content
 * @throws Error from the file system; the previous folder is then left as it was
 * @example
 * writeReportFolder("reports/x", new Map([["report.md", "# x\n"]])); // reports/x holds exactly report.md
 */
export function writeReportFolder(folder: string, files: ReadonlyMap<string, string | Uint8Array>): void {
  const parent = dirname(folder);
  const name = basename(folder);
  const staging = join(parent, `.${name}.new-${process.pid}`);
  const retired = join(parent, `.${name}.old-${process.pid}`);
  recoverInterrupted(parent, name);
  try {
    for (const path of [...files.keys()].sort()) writeFileAtomic(join(staging, path), files.get(path)!);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  const hadOld = existsSync(folder);
  if (hadOld) renameSync(folder, retired);
  try {
    renameSync(staging, folder);
  } catch (error) {
    if (hadOld) renameSync(retired, folder);
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  if (hadOld) rmSync(retired, { recursive: true, force: true });
}

/**
 * Tidies what a run killed part-way left next to `name`: a half-built `.name.new-*` is deleted; a
 * `.name.old-*` is the previous folder moved aside just before the swap, so it is moved back when
 * `name` itself is missing (the kill fell between the two renames) and deleted otherwise.
 */
function recoverInterrupted(parent: string, name: string): void {
  if (!existsSync(parent)) return;
  restoreInterruptedFolders(parent);
  const leftovers = readdirSync(parent).sort();
  for (const entry of leftovers) {
    if (entry.startsWith(`.${name}.new-`) || entry.startsWith(`.${name}.old-`)) rmSync(join(parent, entry), { recursive: true, force: true });
  }
}

/**
 * Puts back every report folder a killed run left aside: where `<parent>/.<name>.old-<pid>` exists
 * and `<parent>/<name>` does not, the kill fell between writeReportFolder's two renames, and the
 * `.old` copy is the last complete folder; it is renamed back. Run first thing by regenerateReports,
 * so even a run that then fails (bad study file, failing analysis) leaves the previous reports in place.
 *
 * @param parent the reports folder, e.g. reports
 * @returns the names of the folders restored, sorted
 * @throws Error from the file system
 * @example
 * restoreInterruptedFolders("reports"); // => ["kap-pilot-two-approaches"] after a kill mid-swap, [] normally
 */
export function restoreInterruptedFolders(parent: string): string[] {
  if (!existsSync(parent)) return [];
  const restored: string[] = [];
  for (const entry of readdirSync(parent).sort()) {
    const match = /^\.(.+)\.old-\d+$/.exec(entry);
    if (!match) continue;
    const name = match[1]!;
    if (existsSync(join(parent, name))) continue;
    renameSync(join(parent, entry), join(parent, name));
    restored.push(name);
  }
  return restored;
}
