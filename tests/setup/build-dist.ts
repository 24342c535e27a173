// vitest global setup: brings dist/ up to date before any test runs (incremental, about a second when
// nothing changed), so tests that spawn `node bin/cohort.js` run the compiled CLI built from the
// sources under test. If the build fails (say a type error in work in progress), bin/cohort.js sees
// dist/ is not fresh and runs the sources through tsx: slower, never stale.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export default function setup(): void {
  const script = fileURLToPath(new URL("../../scripts/build.mjs", import.meta.url));
  const result = spawnSync(process.execPath, [script], { encoding: "utf8" });
  if (result.status !== 0) process.stderr.write(`build-dist: the build failed, so CLI tests run the sources through tsx:\n${result.stdout}${result.stderr}\n`);
}
