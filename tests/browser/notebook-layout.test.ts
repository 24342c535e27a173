// The notebook on a phone (390 px) and a desktop (1366 px) in Chromium: an axe-core accessibility
// audit, chart text at its drawn size, nothing scrolling sideways, charts named once with no per-mark
// labels, tables with captions and scoped headers, and screenshots of the first screen and of study
// B's severity figure (docs/notebook.md shows them; written to docs/screenshots/ with
// NOTEBOOK_SCREENSHOTS=1, to .tmp/screenshots/ otherwise, so a test run leaves the checkout clean).
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIN_CHART_FONT } from "../../src/charts/chart-layout.js";

const root = join(import.meta.dirname, "..", "..");
const notebook = pathToFileURL(join(root, "reports", "index.html")).href;
const CHROMIUM = "/usr/bin/chromium";
const AXE = readFileSync(join(root, "node_modules", "axe-core", "axe.min.js"), "utf8");
const SHOTS = process.env.NOTEBOOK_SCREENSHOTS === "1" ? join(root, "docs", "screenshots") : join(root, ".tmp", "screenshots");
const VIEWPORTS = [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1366, height: 900 },
] as const;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium) to run the notebook browser tests`);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"] });
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

/** The notebook at a width; bypassCSP only so the audit can inject axe (the page's own CSP is tested in notebook.test.ts). */
async function open(width: number, height: number, bypassCSP = false): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height }, bypassCSP });
  await page.route("**/*", (route) => (route.request().url().startsWith("file:") ? route.continue() : route.abort()));
  await page.goto(notebook, { waitUntil: "load" });
  return page;
}

interface AxeResult {
  violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown[] }> }>;
}

describe.each(VIEWPORTS)("notebook at $width px", ({ name, width, height }) => {
  it("passes an axe-core audit (WCAG 2.1 A/AA and best practice) with no serious or critical violation", async () => {
    const page = await open(width, height, true);
    await page.addScriptTag({ content: AXE });
    // Every disclosure opened, so the audit also sees hidden tables, hints and worked answers.
    await page.evaluate(() => {
      document.querySelectorAll("details").forEach((d) => ((d as HTMLDetailsElement).open = true));
      document.querySelectorAll("[hidden]").forEach((el) => el.removeAttribute("hidden"));
    });
    const result = (await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<unknown> } }).axe;
      return axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] }, resultTypes: ["violations"] });
    })) as AxeResult;
    const serious = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id} (${v.impact}) ×${v.nodes.length}: ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
    expect(serious).toEqual([]);
    // Moderate and minor findings fail too: heading order and landmarks are best-practice rules, and the issue asks for both.
    expect(result.violations.map((v) => `${v.id} (${v.impact}) ×${v.nodes.length}`)).toEqual([]);
    await page.close();
  });

  it("fits the screen: nothing scrolls sideways, every visible chart's text is drawn at 11 px or more", async () => {
    const page = await open(width, height);
    const layout = await page.evaluate(() => {
      const scrollWidth = document.documentElement.scrollWidth;
      const sizes: Array<{ chart: string; smallest: number; width: number }> = [];
      document.querySelectorAll("figure.chart").forEach((figure) => {
        const svg = Array.from(figure.querySelectorAll("svg")).find((s) => s.getBoundingClientRect().width > 0);
        if (!svg) return;
        const box = svg.getBoundingClientRect();
        let smallest = Infinity;
        svg.querySelectorAll("text").forEach((text: SVGTextElement) => {
          if (!text.textContent?.trim()) return;
          // The size a reader sees: the font size times the scale the page draws the SVG at.
          // (rotated text, e.g. a y-axis title, scales by the length of the matrix's first column).
          const m = text.getScreenCTM();
          const scale = m ? Math.hypot(m.a, m.b) : 1;
          smallest = Math.min(smallest, parseFloat(getComputedStyle(text).fontSize) * scale);
        });
        sizes.push({ chart: figure.getAttribute("data-chart") ?? "", smallest, width: box.right });
      });
      return { scrollWidth, sizes };
    });
    expect(layout.scrollWidth).toBeLessThanOrEqual(width);
    expect(layout.sizes.length).toBeGreaterThan(0);
    for (const chart of layout.sizes) {
      expect(chart.smallest, `${chart.chart} text at ${width} px`).toBeGreaterThanOrEqual(MIN_CHART_FONT - 0.01);
      expect(chart.width, `${chart.chart} runs past the screen`).toBeLessThanOrEqual(width);
    }
    console.log(`notebook at ${width} px: ${layout.sizes.length} charts, smallest chart text ${Math.min(...layout.sizes.map((s) => s.smallest)).toFixed(1)} px`);
    await page.screenshot({ path: join(SHOTS, `notebook-${name}-${width}.png`) });
    for (const [chart, file] of [["mean-chains-bpi-sf-severity", "study-b-severity"], ["p-values", "study-b-p-values"]] as const) {
      const figure = page.locator(`#study-kap-pilot-two-approaches figure.chart[data-chart="${chart}"]`);
      await figure.scrollIntoViewIfNeeded();
      await figure.screenshot({ path: join(SHOTS, `${file}-${name}-${width}.png`) });
    }
    await page.close();
  });
});

describe("notebook structure", () => {
  it("names each chart once (its title, described by the caption), has no per-mark labels, and offers its numbers as a table", async () => {
    const page = await open(1366, 900);
    const charts = await page.$$eval("figure.chart", (figures) =>
      figures.map((figure) => {
        const svgs = Array.from(figure.querySelectorAll("svg"));
        return {
          id: figure.getAttribute("data-chart"),
          named: svgs.every((svg) => svg.getAttribute("role") === "img" && (document.getElementById(svg.getAttribute("aria-labelledby") ?? "")?.textContent ?? "").trim().length > 0),
          described: svgs.every((svg) => (document.getElementById(svg.getAttribute("aria-describedby") ?? "")?.textContent ?? "").trim().length > 20),
          innerLabels: svgs.reduce((n, svg) => n + svg.querySelectorAll("[aria-label], [role]:not(svg)").length, 0),
          table: figure.querySelector("table") !== null || (figure.closest("article")?.querySelector("table") ?? null) !== null,
        };
      }),
    );
    expect(charts.length).toBeGreaterThan(0);
    for (const chart of charts) {
      expect(chart.named, `${chart.id} name`).toBe(true);
      expect(chart.described, `${chart.id} description`).toBe(true);
      expect(chart.innerLabels, `${chart.id} per-mark labels`).toBe(0);
      expect(chart.table, `${chart.id} data table`).toBe(true);
    }
    await page.close();
  });

  it("gives every table a caption and scoped column headers, has one main landmark and headings that never skip a level", async () => {
    const page = await open(1366, 900);
    const found = await page.evaluate(() => ({
      tables: Array.from(document.querySelectorAll("table")).map((t) => ({ caption: (t.querySelector("caption")?.textContent ?? "").trim(), unscoped: t.querySelectorAll("th:not([scope])").length, heads: t.querySelectorAll("thead th").length })),
      mains: document.querySelectorAll("main").length,
      levels: Array.from(document.querySelectorAll("h1, h2, h3, h4, h5, h6")).map((h) => Number(h.tagName[1])),
    }));
    expect(found.tables.length).toBeGreaterThan(0);
    for (const table of found.tables) {
      expect(table.caption.length).toBeGreaterThan(0);
      expect(table.unscoped).toBe(0);
      expect(table.heads).toBeGreaterThan(0);
    }
    expect(found.mains).toBe(1);
    expect(found.levels[0]).toBe(1);
    for (let i = 1; i < found.levels.length; i++) expect(found.levels[i]! - found.levels[i - 1]!, `heading ${i}`).toBeLessThanOrEqual(1);
    await page.close();
  });

  it("keeps internal ids out of reader text: ids and function calls appear only under 'For the toolkit'", async () => {
    // Every hyphenated id a study file gives its reported values, claims and stated limits (one-word ids such as
    // "sex" are also plain words), the hyphenated check ids, and the library's function names.
    const ids = new Set<string>(["flow-arms-sum", "flow-stage-order", "flow-stage-sum", "percent-change-chain", "sd-bounds", "statistic-p", "eta-squared-f", "median-grid", "means-off-grid-3dp", "means-off-grid-2dp", "checkStudy(", "exactExtremes(", "countTables(", "clopperPearson("]);
    for (const name of readdirSync(join(root, "data", "studies")).filter((n) => n.endsWith(".json"))) {
      const study = JSON.parse(readFileSync(join(root, "data", "studies", name), "utf8")) as { reported?: Array<{ id: string }>; claims?: Array<{ id: string }>; limitationsStated?: Array<{ id: string }> };
      for (const item of [...(study.reported ?? []), ...(study.claims ?? []), ...(study.limitationsStated ?? [])]) if (item.id.includes("-")) ids.add(item.id);
    }
    const page = await open(1366, 900);
    const text = await page.evaluate(() => {
      const main = document.querySelector("main")!.cloneNode(true) as HTMLElement;
      main.querySelectorAll("details.toolkit, svg, code").forEach((el) => el.remove());
      // Links keep their text; their targets (file names) are not reader text.
      return main.textContent ?? "";
    });
    const found = [...ids].filter((id) => new RegExp(`(?<![A-Za-z0-9_-])${id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![A-Za-z0-9_-])`).test(text));
    expect(found).toEqual([]);
    await page.close();
  });
});
