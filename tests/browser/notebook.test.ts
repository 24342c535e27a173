import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");
const notebook = join(root, "reports", "index.html");
const CHROMIUM = "/usr/bin/chromium";
let browser: Browser;

beforeAll(async () => {
  // Never skip: a machine without Chromium fails here with the fix in the message.
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium; scripts/test.sh does this as root) to run the notebook browser test`);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
});
afterAll(async () => {
  await browser?.close();
});

/** Charts the committed reports hold: one SVG file per chart, counted independently of the notebook. */
function committedCharts(): number {
  let count = 0;
  for (const entry of readdirSync(join(root, "reports"), { withFileTypes: true })) {
    const figures = join(root, "reports", entry.name, "figures");
    if (entry.isDirectory() && existsSync(figures)) count += readdirSync(figures).filter((name) => name.endsWith(".svg")).length;
  }
  return count;
}

async function openNotebook() {
  const page = await browser.newPage();
  const problems: string[] = [];
  const offline: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:")) return route.continue();
    offline.push(url);
    return route.abort();
  });
  await page.goto(pathToFileURL(notebook).href, { waitUntil: "load" });
  return { page, problems, offline };
}

describe("notebook", () => {
  it("renders every chart as an SVG with marks, with no console error and no network request", async () => {
    const { page, problems, offline } = await openNotebook();
    const charts = await page.$$eval("figure.chart", (figures) =>
      figures.map((figure) => {
        const svg = figure.querySelector("svg");
        const box = svg?.getBoundingClientRect();
        const marks = svg ? svg.querySelectorAll("g[class*='mark-'] path, g[class*='mark-'] rect, g[class*='mark-'] line, g[class*='mark-'] text").length : 0;
        return { id: figure.getAttribute("data-chart"), width: box?.width ?? 0, height: box?.height ?? 0, marks };
      }),
    );
    expect(charts.length).toBe(committedCharts());
    for (const chart of charts) {
      expect(chart.marks, `${chart.id} has no marks`).toBeGreaterThan(0);
      expect(chart.width * chart.height, `${chart.id} has no area`).toBeGreaterThan(0);
    }
    expect(problems).toEqual([]);
    expect(offline).toEqual([]);
    await page.close();
  });

  it("hides every exercise answer until its button is clicked, then shows it", async () => {
    const { page, problems } = await openNotebook();
    const buttons = page.locator("button.reveal");
    const count = await buttons.count();
    expect(count).toBeGreaterThanOrEqual(3);
    for (let index = 0; index < count; index++) {
      const button = buttons.nth(index);
      const answer = page.locator(`#${await button.getAttribute("aria-controls")}`);
      expect(await answer.isVisible()).toBe(false);
      await button.click();
      expect(await answer.isVisible()).toBe(true);
      expect(await button.getAttribute("aria-expanded")).toBe("true");
      expect((await answer.innerText()).length).toBeGreaterThan(0);
    }
    // A second click hides it again.
    await buttons.first().click();
    expect(await page.locator(`#${await buttons.first().getAttribute("aria-controls")}`).isVisible()).toBe(false);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe("notebook with hostile study text", () => {
  it("renders markup from a study file as text: no script runs, no request is made", async () => {
    const { mkdtempSync, rmSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { notebookHtml } = await import("../../src/report/notebook-html.js");
    const { loadInstruments } = await import("../../src/io/load-instruments.js");
    const { loadStudy } = await import("../../src/io/load-study.js");
    const study = loadStudy(join(root, "data/studies/ketamine-im-substance-misuse.json"), loadInstruments());
    const hostile = {
      ...study,
      title: '<script>window.__pwned = "title"</script><img src="https://example.invalid/x.png" onerror="window.__pwned = \'img\'">',
    };
    const artefact = {
      id: "hostile",
      title: "<svg onload=\"window.__pwned = 'svg'\"></svg>",
      section: "reported" as const,
      paragraphs: ['"><script>window.__pwned = "paragraph"</script>'],
      table: { columns: [{ key: "a", label: "<b>a</b>" }], rows: [{ a: "<iframe src=\"https://example.invalid/\"></iframe>" }] },
      exercises: [
        {
          question: "<script>window.__pwned = 'question'</script>?",
          answer: "<img src=x onerror=\"window.__pwned='answer'\">",
          method: "m",
          // Study text inside the form's JSON attribute, and shown as each option's label and finding.
          input: { kind: "choice" as const, label: "<b onmouseover=\"window.__pwned='label'\">x</b>", multiple: false, options: [{ label: "\"'><script>window.__pwned='option'</script>", correct: true, feedback: "<img src=x onerror=\"window.__pwned='feedback'\">" }] },
        },
      ],
    };
    const folder = mkdtempSync(join(tmpdir(), "cohortcheck-hostile-"));
    const file = join(folder, "index.html");
    writeFileSync(file, notebookHtml([{ study: hostile, artefacts: [artefact], skipped: [] }]));
    const page = await browser.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(error.message));
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url === pathToFileURL(file).href) return route.continue();
      requests.push(url);
      return route.abort();
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
    await page.locator("button.reveal").first().click();
    // Answer the choice: the page parses the JSON and shows the option's finding, as text.
    await page.locator("form.try input").first().check();
    await page.locator('form.try button[type="submit"]').click();
    expect(await page.locator(".feedback").first().innerText()).toBe((await import("../../src/messages/exercises.js")).rightChoice());
    expect(await page.locator(".option-note").first().innerText()).toContain("<img src=x");
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    // The markup shows as text.
    expect(await page.locator("section.study h2").first().innerText()).toContain("<script>");
    expect(requests).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
    rmSync(folder, { recursive: true, force: true });
  });
});
