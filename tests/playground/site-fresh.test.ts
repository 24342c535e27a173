import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildPlayground, PLAYGROUND_DIR } from "../../scripts/build-playground.js";
import { references } from "../../src/checks/references.js";

let built: Record<string, string>;
beforeAll(async () => {
  built = await buildPlayground();
});

const page = () => built["index.html"]!;
/** The page split into its one inline script and the markup around it. */
function parts(html: string): { script: string; markup: string } {
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)];
  expect(scripts).toHaveLength(1);
  return { script: scripts[0]![1]!, markup: html.replace(scripts[0]![0], "") };
}

describe("site/playground (npm run playground)", () => {
  it("is fresh: rebuilding gives the committed files byte for byte", () => {
    expect(Object.keys(built).sort()).toEqual(["THIRD-PARTY-LICENSES.txt", "index.html"]);
    for (const [name, content] of Object.entries(built)) {
      const committed = readFileSync(join(PLAYGROUND_DIR, name), "utf8");
      // Not toBe on 400 kB of text: a mismatch would print all of it. Run `npm run playground` and commit.
      expect(committed === content, `site/playground/${name} is stale: run npm run playground and commit it`).toBe(true);
    }
  });

  it("rebuilds the same bytes twice (nothing in it depends on the clock or the machine)", async () => {
    expect((await buildPlayground())["index.html"] === page()).toBe(true);
  });

  it("loads nothing from outside: no URL in the markup, no network API in the script, a CSP that allows only its own script and style", () => {
    const { script, markup } = parts(page());
    expect(markup).not.toMatch(/https?:|\/\/[a-z0-9.-]+\.[a-z]{2,}\//i);
    expect(markup).not.toMatch(/<(link|img|iframe|object|embed|audio|video|source)\b/i);
    expect(script).not.toMatch(/\bfetch\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon|importScripts|\bimport\(/);
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page())![1]!;
    const scriptHash = createHash("sha256").update(script, "utf8").digest("base64");
    const style = /<style>([\s\S]*?)<\/style>/.exec(markup)![1]!;
    const styleHash = createHash("sha256").update(style, "utf8").digest("base64");
    expect(csp).toBe(`default-src 'none'; script-src 'sha256-${scriptHash}'; style-src 'sha256-${styleHash}'; worker-src blob:; base-uri 'none'; form-action 'none'`);
    expect(markup).not.toMatch(/\sstyle="|\son[a-z]+="/i); // inline style and handlers would be refused by the CSP anyway
  });

  it("holds URLs only as text: the methods' references, and zod's JSON Schema ids", () => {
    const { script } = parts(page());
    const cited = new Set([...JSON.stringify(references).matchAll(/https?:\/\/[^\s"'),]+/g)].map((m) => m[0]));
    const zodIds = new Set(["http://json-schema.org/draft-04/schema#", "http://json-schema.org/draft-07/schema#", "https://json-schema.org/draft/2020-12/schema"]);
    for (const [url] of script.matchAll(/https?:\/\/[^\s"'`),\\]+/g)) {
      if (url.startsWith("http://[")) continue; // zod's IPv6 URL check builds one from a template: no request
      expect(cited.has(url) || zodIds.has(url), url).toBe(true);
    }
  });

  it("keeps the bundled script out of the HTML parser's way (no closing tag or comment opener inside it)", () => {
    const { script } = parts(page());
    expect(script).not.toMatch(/<\/script|<!--/i);
  });

  it("lists every bundled package with its licence text", () => {
    const licences = built["THIRD-PARTY-LICENSES.txt"]!;
    for (const name of ["zod", "jstat", "@stdlib/stats-base-dists-t-cdf"]) expect(licences).toMatch(new RegExp(`^${name.replace(/[/.]/g, "\\$&")} \\d`, "m"));
    expect(licences).toContain("Apache License");
  });
});
