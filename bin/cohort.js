#!/usr/bin/env node
// The `cohort` command. Runs the compiled CLI in dist/. In a development checkout (src/ beside dist/)
// it first makes sure dist/ is not older than the sources: when a file under src/ changed after the
// last build started (dist/.build-stamp), or dist/ was never built, it runs the sources through tsx
// (a devDependency) instead, so an edit is never hidden by stale compiled code. `npm run build`
// (incremental) makes the fast path current again. See docs/package.md, "Developing".
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";

const src = new URL("../src/", import.meta.url);

/** Newest modification time under a folder (files and the folders themselves: a deletion counts too). */
function newest(folder) {
  let latest = statSync(folder).mtimeMs;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = `${folder}/${entry.name}`;
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

function distIsCurrent() {
  if (!existsSync(src)) return true; // an installed package: dist/ is all there is
  let stamp;
  try {
    stamp = Number(readFileSync(new URL("../dist/.build-stamp", import.meta.url), "utf8"));
  } catch {
    return false;
  }
  return newest(src.pathname.replace(/\/$/, "")) <= stamp;
}

if (distIsCurrent()) {
  const { main } = await import("../dist/cli/main.js");
  await main(process.argv.slice(2));
} else {
  const { register } = await import("tsx/esm/api");
  register();
  const { main } = await import("../src/cli/main.ts");
  await main(process.argv.slice(2));
}
