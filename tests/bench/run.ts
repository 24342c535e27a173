// `npm run bench`: runs every tests/bench/*.bench.ts in its own process, one after another (so they
// do not compete for the two cores), and prints their figures. Benchmarks report ratios against a
// baseline measured in the same process; single times on a shared machine are only indicative.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

const folder = fileURLToPath(new URL(".", import.meta.url));
const only = process.argv.slice(2);
const benches = readdirSync(folder)
  .filter((name) => name.endsWith(".bench.ts"))
  .filter((name) => only.length === 0 || only.some((word) => name.includes(word)))
  .sort();

console.log(`machine: ${cpus()[0]?.model ?? "unknown CPU"} × ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}/${process.arch}`);
let failed = 0;
for (const name of benches) {
  console.log(`\n=== ${name}`);
  const result = spawnSync(process.execPath, ["--import", "tsx", join(folder, name)], { stdio: "inherit", env: { ...process.env, TZ: "UTC" } });
  if (result.status !== 0) {
    failed++;
    console.log(`!!! ${name} exited with ${result.status}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
