import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "../helpers/fixtures.js";

const catalogue = readFileSync(join(root, "docs/errors.md"), "utf8");

/** The catalogue's section for one messages module: from its "## src/messages/<file>" heading to the next heading. */
function section(file: string): string {
  const start = catalogue.indexOf(`## src/messages/${file}`);
  if (start < 0) return "";
  const next = catalogue.indexOf("\n## ", start + 1);
  return catalogue.slice(start, next < 0 ? undefined : next);
}

describe("docs/errors.md (the error catalogue)", () => {
  const files = readdirSync(join(root, "src/messages")).filter((name) => name.endsWith(".ts")).sort();

  it("has a section for every src/messages module", () => {
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(section(file), `no "## src/messages/${file}" section`).not.toBe("");
  });

  for (const file of files) {
    it(`names every message function of src/messages/${file} in its section`, async () => {
      const module = (await import(`../../src/messages/${file.replace(/\.ts$/, ".js")}`)) as Record<string, unknown>;
      const names = Object.entries(module).filter(([, value]) => typeof value === "function").map(([name]) => name);
      expect(names.length).toBeGreaterThan(0);
      const text = section(file);
      const missing = names.filter((name) => !text.includes(`\`${name}\``));
      expect(missing, `add these to docs/errors.md under "## src/messages/${file}"`).toEqual([]);
    });
  }
});
