// Builds the playground (docs/playground.md): src/playground/main.ts and the library code it imports,
// bundled by esbuild for the browser into one script, inlined in one HTML page with a CSP that allows
// that script by hash, plus the licences of the npm packages bundled in. Deterministic: the same
// sources and lockfile give the same bytes, and tests/playground/page-fresh.test.ts rebuilds and compares.
// Run by `npm run playground`; writes site/playground/index.html and THIRD-PARTY-LICENSES.txt.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { playgroundHtml, scriptText } from "../src/playground/page-html.js";

const root = fileURLToPath(new URL("..", import.meta.url));
export const PLAYGROUND_DIR = join(root, "site/playground");

interface BundledPackage {
  name: string;
  version: string;
  license: string;
  text: string;
}

/** The package a bundled input file belongs to ("node_modules/@stdlib/x/lib/main.js" → "@stdlib/x"), or undefined for our sources. */
function packageOf(input: string): string | undefined {
  const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  return match?.[1];
}

/** A package's licence file and, when it has one, its NOTICE (Apache-2.0 asks for both to travel with the code). */
function licenceText(folder: string): string {
  const names = readdirSync(folder).sort();
  const read = (pattern: RegExp) => {
    const file = names.find((name) => pattern.test(name));
    return file ? readFileSync(join(folder, file), "utf8").replace(/\r\n/g, "\n").trim() : "";
  };
  return [read(/^licen[cs]e(\.(md|txt))?$/i), read(/^notice(\.(md|txt))?$/i)].filter(Boolean).join("\n\nNOTICE\n\n");
}

export function bundledPackages(inputs: readonly string[]): BundledPackage[] {
  const names = [...new Set(inputs.map(packageOf).filter((name): name is string => name !== undefined))].sort();
  return names.map((name) => {
    const folder = join(root, "node_modules", name);
    const manifest = JSON.parse(readFileSync(join(folder, "package.json"), "utf8")) as { version: string; license?: string };
    return { name, version: manifest.version, license: manifest.license ?? "see its licence text", text: licenceText(folder) };
  });
}

/** One licence text per distinct text, each after the packages under it (the @stdlib packages share one). */
export function licencesFile(packages: readonly BundledPackage[], bundledIn = "site/playground/index.html (the cohortcheck playground)"): string {
  const groups = new Map<string, BundledPackage[]>();
  for (const entry of packages) groups.set(entry.text, [...(groups.get(entry.text) ?? []), entry]);
  const parts = [
    `Third-party software bundled in ${bundledIn}, with its licences.`,
    "cohortcheck itself is under the MIT licence (package.json).",
  ];
  for (const [text, members] of groups) {
    parts.push("=".repeat(78), members.map((entry) => `${entry.name} ${entry.version} (${entry.license})`).join("\n"), "-".repeat(78), text || "(the package ships no licence file; its package.json names the licence above)");
  }
  return `${parts.join("\n\n")}\n`;
}

/** The bundled packages in a few words for the page's footer: the @stdlib ones counted, the others named. */
function packageSummary(packages: readonly BundledPackage[]): string[] {
  const stdlib = packages.filter((entry) => entry.name.startsWith("@stdlib/")).length;
  const others = packages.filter((entry) => !entry.name.startsWith("@stdlib/")).map((entry) => `${entry.name} ${entry.version}`);
  return [...others, ...(stdlib > 0 ? [`${stdlib} @stdlib packages`] : [])];
}

/** The playground's files, by name, as they must be on disk. */
export async function buildPlayground(): Promise<Record<string, string>> {
  const { build } = await import("esbuild");
  const result = await build({
    entryPoints: ["src/playground/main.ts"],
    absWorkingDir: root,
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    minify: true,
    // Licence headers go to THIRD-PARTY-LICENSES.txt instead (one copy per distinct text, not 47 inline).
    legalComments: "none",
    write: false,
    metafile: true,
    logLevel: "warning",
  });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error("build-playground: esbuild wrote no output");
  const packages = bundledPackages(Object.keys(result.metafile.inputs));
  const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
  const script = scriptText(output.text.trim());
  return {
    "index.html": playgroundHtml(
      script,
      manifest.version,
      packageSummary(packages),
    ),
    "THIRD-PARTY-LICENSES.txt": licencesFile(packages),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const files = await buildPlayground();
  if (!existsSync(PLAYGROUND_DIR)) mkdirSync(PLAYGROUND_DIR, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(PLAYGROUND_DIR, name), content);
  process.stdout.write(`playground: wrote ${Object.entries(files).map(([name, content]) => `${name} (${Buffer.byteLength(content)} bytes)`).join(", ")} to site/playground/\n`);
}
