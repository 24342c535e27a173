// What each entry loads, read from the compiled files themselves (their static imports, followed
// through dist/): the core entry stays free of I/O, charts and DataFrames, and the CLI loads one
// command's code at a time.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "../helpers/fixtures.js";

const dist = join(root, "dist");

/** Specifiers of a compiled module's static imports and re-exports (not import(), which loads lazily). */
function staticImports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w*{},\s$]*?\sfrom\s*)?["']([^"']+)["']/g)].map((match) => match[1]!);
}

/** Every module a file loads before it runs: our own files followed, packages and node builtins collected. */
function closure(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const specifier of staticImports(file)) {
      if (specifier.startsWith(".")) visit(resolve(dirname(file), specifier));
      else packages.add(specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0]!);
    }
  };
  visit(entry);
  return { files, packages };
}

describe("the core entry (cohortcheck)", () => {
  it("loads no file system, worker, charts, vega, resvg or DataFrame code", () => {
    expect(existsSync(join(dist, "index.js"))).toBe(true);
    const { files, packages } = closure(join(dist, "index.js"));
    expect(files.size).toBeGreaterThan(50);
    const forbidden = ["node:fs", "node:worker_threads", "node:child_process", "vega", "vega-lite", "@resvg/resvg-js", "danfojs-node", "hyparquet-writer"];
    expect([...packages].filter((name) => forbidden.includes(name))).toEqual([]);
    expect([...files].filter((file) => /^\/(charts|report|dataframe)\/|^\/io\/(read|load|write)/.test(file.slice(dist.length)))).toEqual([]);
  });
});

describe("the CLI bundle (dist/cli)", () => {
  const cli = join(dist, "cli");
  const chunk = (name: string) => join(cli, readdirSync(cli).find((file) => file.startsWith(`${name}-`) && file.endsWith(".js"))!);

  it("starts on commander and the command list alone", () => {
    const { files, packages } = closure(join(cli, "main.js"));
    expect([...packages].filter((name) => !name.startsWith("node:"))).toEqual([]);
    // main.js and shared chunks (commander, errors, the command list), no command's own chunk.
    const commands = readdirSync(cli).filter((name) => !name.startsWith("chunk-") && name !== "main.js");
    expect(commands.length).toBeGreaterThanOrEqual(15);
    expect([...files].map((file) => file.slice(cli.length + 1)).filter((name) => commands.includes(name))).toEqual([]);
    const text = [...files].map((file) => readFileSync(file, "utf8")).join("\n");
    expect(text).not.toMatch(/\bz\.object\(|\$ZodType|vega/);
  });

  it("runs `cohort grim` without zod, vega or any other command", () => {
    const { files, packages } = closure(chunk("grim"));
    expect([...packages].filter((name) => !name.startsWith("node:"))).toEqual([]);
    expect([...files].map((file) => file.slice(cli.length + 1)).filter((name) => !name.startsWith("chunk-") && !name.startsWith("grim-"))).toEqual([]);
    const text = [...files].map((file) => readFileSync(file, "utf8")).join("\n");
    expect(text).not.toMatch(/\bz\.object\(|\$ZodType|vega/);
  });
});
