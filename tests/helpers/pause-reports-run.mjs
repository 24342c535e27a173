// Preloaded (`node --import tsx --import <this file> analyses/regenerate.ts …`) by the kill tests: makes
// a reports run stop at a named moment of its switch and wait there, so the test kills it at exactly
// that moment however busy the machine is (a kill timed by polling the folder races the run).
//
// COHORTCHECK_PAUSE_AT says where:
//   new-file:<k>   when opening the k-th new file of its generation (1 = the first; files 1…k−1 are written)
//   new-file:<name> when opening the generation's file with that base name (".cohortcheck-reports": the marker, written last)
//   rename:<k>     just after the k-th rename of the switch (1: the old tree moved aside; 2: the new one in place)
// On arriving it prints PAUSED_LINE on stderr and blocks its thread; nothing else changes in the run.
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import { basename } from "node:path";

export const PAUSED_LINE = "cohortcheck-test: paused";

const [kind, where] = (process.env.COHORTCHECK_PAUSE_AT ?? "").split(":");
const stagingMark = `.new-${process.pid}`;

function pause() {
  fs.writeSync(2, `${PAUSED_LINE}\n`);
  // Blocks until the test kills the process (about 24 days, then again).
  for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2 ** 31 - 1);
}

if (kind === "new-file") {
  const openSync = fs.openSync;
  let opened = 0;
  fs.openSync = function (path, flags, ...rest) {
    if (flags === "wx" && String(path).includes(stagingMark)) {
      opened++;
      if (/^\d+$/.test(where) ? opened === Number(where) : basename(String(path)) === where) pause();
    }
    return openSync.call(this, path, flags, ...rest);
  };
} else if (kind === "rename") {
  const renameSync = fs.renameSync;
  let renamed = 0;
  fs.renameSync = function (from, to) {
    const result = renameSync.call(this, from, to);
    // The switch's renames: the tree to `.<name>.old-<pid>`, then `.<name>.new-<pid>` to the tree.
    if (String(to).includes(`.old-${process.pid}`) || String(from).includes(stagingMark)) {
      renamed++;
      if (renamed === Number(where)) pause();
    }
    return result;
  };
}
syncBuiltinESMExports();
