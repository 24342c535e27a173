// Builds dist/ from src/ (docs/package.md, "Developing"):
// 1. the library: ESM JavaScript and .d.ts through `tsc -b tsconfig.build.json` (incremental: about
//    0.6 s when nothing changed, 2 s after an edit, 8 s from scratch), one file per source file;
// 2. the CLI: src/cli/main.ts bundled by esbuild into dist/cli/ (our code and commander in a few files,
//    one chunk per command, loaded when named; every other package stays an import). Measured
//    (tests/bench/cli-startup.bench.ts): 1.17–1.24× `node -e 0` for `cohort grim` against 1.54× for
//    tsc's one file per module, because node pays per module file it resolves and reads;
// 3. copies the plain-JavaScript worker files tsc does not emit;
// 4. writes dist/.build-stamp with the time the build *started*: bin/cohort.js runs dist/ only when no
//    file under src/ is newer than that, so a file edited during a build counts as not built.
// Run by `npm run build`, `npm ci` and `npm pack` (prepare), `npm test` and vitest's global setup.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const started = Date.now();
if (process.argv.includes("--clean")) rmSync(join(root, "dist"), { recursive: true, force: true });
rmSync(join(root, "dist/.build-stamp"), { force: true });

const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const result = spawnSync(process.execPath, [tsc, "-b", join(root, "tsconfig.build.json")], { stdio: "inherit" });
if (result.status !== 0) {
  process.stderr.write("build: tsc failed; dist/ is not marked fresh, so bin/cohort.js runs the sources through tsx\n");
  process.exit(result.status ?? 1);
}

// The CLI bundle. Its chunks sit two folders below the package root, as src/<area>/<file>.ts do, so
// paths built from import.meta.url (data/instruments, data/checklists) resolve the same.
const { build } = await import("esbuild");
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const external = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies, ...manifest.optionalDependencies }).filter((name) => name !== "commander");
rmSync(join(root, "dist/cli"), { recursive: true, force: true });
await build({
  entryPoints: [join(root, "src/cli/main.ts")],
  outdir: join(root, "dist/cli"),
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external: [...external, ...external.map((name) => `${name}/*`)],
  // commander is CommonJS: inside an ES module bundle its require() calls need a require.
  banner: { js: "import { createRequire as __cohortRequire } from 'node:module'; const require = __cohortRequire(import.meta.url);" },
  logLevel: "warning",
});

/** Plain-JavaScript modules under src/ (worker threads): copied as they are. */
function copyPlainJavaScript(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) copyPlainJavaScript(path);
    else if (entry.name.endsWith(".mjs")) {
      const target = join(root, "dist", relative(join(root, "src"), path));
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(path, target);
    }
  }
}
copyPlainJavaScript(join(root, "src"));
// Worker files the CLI bundle starts (new URL("./x.mjs", import.meta.url) from a chunk in dist/cli/).
copyFileSync(join(root, "src/reconstruct/write-worker.mjs"), join(root, "dist/cli/write-worker.mjs"));
writeFileSync(join(root, "dist/.build-stamp"), `${started}\n`);
