import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { Slug } from "../../src/schema/primitives.js";
import { Source } from "../../src/schema/source.js";
import { root, seedJson, studyB } from "../helpers/fixtures.js";

describe("Slug (ids used as file and folder names)", () => {
  it("refuses every id that could name a path outside the output folder or a hidden file", () => {
    // Each of these, used as reports/<id>/, would escape the folder, hide the output, or name a device.
    const hostile = ["..", "../x", "a/../../b", "/etc", "a/b", "a\\b", ".hidden", "x.", "a..b", "a b", "A", "é", "a\u0000b", "", "-a", "a-", "a--b", "con/", "x".repeat(81), "%2e%2e", "a\nb", "__proto__"];
    for (const id of hostile) expect(Slug.safeParse(id).success, JSON.stringify(id)).toBe(false);
    // And these ordinary ids pass (hand-picked: the seed studies' ids and instrument ids).
    for (const id of ["kap-pilot-two-approaches", "ketamine-im-substance-misuse", "phq-9", "bpi-sf-severity", "a", "x".repeat(80)]) expect(Slug.safeParse(id).success).toBe(true);
  });

  it("a source file name is a plain name, never a path", () => {
    for (const file of ["../secret.txt", "/etc/passwd", "a/b.txt", "a\\b.txt", "", "x y.txt"]) expect(Source.safeParse({ file, quote: "q" }).success, file).toBe(false);
  });
});

describe("no data file is ever evaluated as code", () => {
  it("src/ and analyses/ contain no eval, new Function, vm, or dynamic import of a computed path", () => {
    const files: string[] = [];
    const walk = (folder: string) => {
      for (const name of readdirSync(folder)) {
        const path = join(folder, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(ts|mjs|js)$/.test(name)) files.push(path);
      }
    };
    walk(join(root, "src"));
    walk(join(root, "analyses"));
    const offences: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, "utf8").replace(/^\s*(\/\/|\*|\/\*).*$/gm, ""); // comments may mention them
      const where = relative(root, file);
      if (/\beval\s*\(/.test(text)) offences.push(`${where}: eval(`);
      if (/\bnew\s+Function\s*\(/.test(text) || /\bFunction\s*\(\s*["'`]/.test(text)) offences.push(`${where}: new Function`);
      if (/from\s+["']node:vm["']|require\(["'](node:)?vm["']\)/.test(text)) offences.push(`${where}: node:vm`);
      // import(...) is allowed only with a string literal (lazy loading of the project's own modules).
      for (const match of text.matchAll(/\bimport\s*\(\s*([^)]*)\)/g)) {
        if (!/^["'][^"'`$]+["']$/.test(match[1]!.trim())) offences.push(`${where}: import(${match[1]})`);
      }
      // Workers run the project's own files, never a path built from data: every new Worker(…) and
      // startWorkerClient(…) gets a constant URL of a file beside the caller, except inside
      // worker-client.ts, which passes on the URL its (so checked) callers gave it.
      const constantUrl = /^\s*new URL\(\s*["'][^"'`$]+["']\s*,\s*import\.meta\.url\s*\)/;
      for (const match of text.matchAll(/new\s+Worker\s*\(|\bstartWorkerClient\s*(?:<[^>]*>)?\(/g)) {
        const rest = text.slice(match.index! + match[0].length);
        if (where === "src/report/worker-client.ts" && /^\s*url\s*,/.test(rest)) continue;
        // The playground's worker is the page's own bundled script, started from a blob of its text.
        if (where === "src/playground/background.ts" && /^\s*ownScriptUrl\s*\)/.test(rest)) continue;
        if (/^\s*\w+\s*:/.test(rest)) continue; // a declaration's parameter list (name: Type), not a call
        if (!constantUrl.test(rest)) offences.push(`${where}: ${match[0]}${rest.slice(0, 40)}`);
      }
    }
    expect(files.length).toBeGreaterThan(50);
    expect(offences).toEqual([]);
  });
});

const PAYLOADS = [
  "<script>window.__pwned=1</script>",
  '<img src=x onerror="window.__pwned=2">',
  "</script><script>window.__pwned=3</script>",
  '"><svg onload="window.__pwned=4">',
  "<iframe srcdoc=\"<script>parent.__pwned=5</script>\"></iframe>",
  "{{constructor.constructor('window.__pwned=6')()}}",
];

/** Study B with script in every free-text field a notebook shows: title, citation, labels, claims, notes. */
function hostileStudy(): unknown {
  const study = seedJson(studyB);
  const all = PAYLOADS.join(" ");
  study.title = `Hostile ${all}`;
  study.citation.title = all;
  study.citation.url = "javascript:window.__pwned=7";
  study.citation.note = all;
  study.source.description = all;
  // Labels that also go into charts carry only <script> payloads: the chart renderer refuses any SVG
  // whose (escaped) text contains " onerror=" or "javascript:", which would stop the whole run.
  study.design.arms[0].label = `${PAYLOADS[0]} arm`;
  study.design.timepoints[0].label = PAYLOADS[2];
  study.design.type.note = all;
  for (const claim of study.claims) claim.source.quote = `${claim.source.quote} ${all}`;
  for (const value of study.reported) {
    if ("interpretation" in value) value.interpretation = all;
    value.source.quote = `${value.source.quote} ${PAYLOADS[2]}`;
    if (value.timepointsAsReported) value.timepointsAsReported = PAYLOADS[0];
  }
  return study;
}

describe("the notebook renders hostile study text inert (Chromium)", () => {
  it("no injected script, handler, iframe or javascript: link runs, and the text shows as text", async () => {
    const studies = mkdtempSync(join(tmpdir(), "cohortcheck-hostile-studies-"));
    const out = mkdtempSync(join(tmpdir(), "cohortcheck-hostile-reports-"));
    const claims = join(studies, "no-claims");
    mkdirSync(claims);
    writeFileSync(join(studies, "hostile.json"), JSON.stringify(hostileStudy(), null, 2));
    const run = spawnSync(process.execPath, ["--import", "tsx", join(root, "analyses/regenerate.ts"), "--studies", studies, "--out", out, "--claims", claims], { cwd: root, encoding: "utf8", env: { ...process.env, TZ: "UTC" } });
    expect(run.status, run.stderr).toBe(0);
    const notebook = join(out, "index.html");
    expect(readFileSync(notebook, "utf8")).toContain("Hostile");

    const browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    try {
      const page = await browser.newPage();
      const dialogs: string[] = [];
      page.on("dialog", async (dialog) => {
        dialogs.push(dialog.message());
        await dialog.dismiss();
      });
      await page.goto(pathToFileURL(notebook).href, { waitUntil: "load" });
      // Follow every link and press every button on the page, then look for any trace of execution.
      for (const element of await page.locator("a[href^='javascript:' i], button, summary").all()) await element.click({ force: true, timeout: 2000, noWaitAfter: true }).catch(() => undefined);
      const state = await page.evaluate(() => ({
        pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
        framePwned: document.querySelectorAll("iframe").length,
        injectedImages: Array.from(document.querySelectorAll("img")).filter((img) => img.getAttribute("src") === "x").length,
        injectedSvgHandlers: document.querySelectorAll("[onload],[onerror]").length,
        javascriptLinks: Array.from(document.querySelectorAll("a")).filter((a) => /^\s*javascript:/i.test(a.getAttribute("href") ?? "")).length,
        title: document.body.innerText.includes("<script>window.__pwned=1</script>"),
      }));
      expect(state).toEqual({ pwned: null, framePwned: 0, injectedImages: 0, injectedSvgHandlers: 0, javascriptLinks: 0, title: true });
      expect(dialogs).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
