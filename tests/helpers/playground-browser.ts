import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { root } from "./fixtures.js";

export const PLAYGROUND_URL = pathToFileURL(join(root, "site/playground/index.html")).href;
const CHROMIUM = "/usr/bin/chromium";

/** Chromium as the notebook's browser test starts it: headless, no network services, no sandbox (root in CI). */
export async function launchChromium(): Promise<Browser> {
  // Never skip: a machine without Chromium fails here with the fix in the message.
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium; scripts/test.sh does this as root) to run the playground's browser tests`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/** A page of the playground that records console errors, page errors and every request leaving file:// (all refused). */
export interface OpenPage {
  page: Page;
  problems: string[];
  offline: string[];
}

export async function openPlayground(browser: Browser, hash = "", viewport = { width: 1366, height: 900 }): Promise<OpenPage> {
  const page = await browser.newPage({ viewport });
  const problems: string[] = [];
  const offline: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:") || url.startsWith("blob:")) return route.continue();
    offline.push(url);
    return route.abort();
  });
  await page.goto(`${PLAYGROUND_URL}${hash}`, { waitUntil: "load" });
  return { page, problems, offline };
}

/** A check on the page as its results region shows it. */
export interface PageFinding {
  check: string;
  status: string;
  explanation: string;
}

/** A statistic a scan found, as the page shows it. */
export interface PageStatistic {
  kind: string;
  verdict: string;
  quote: string;
  checks: PageFinding[];
}

/**
 * Opens a panel's inputs through the link (as a shared link does: the fragment changes, the page reads
 * it and runs) and waits until the panel's results are drawn.
 */
export async function runThroughLink(page: Page, tab: string, hash: string): Promise<void> {
  await page.evaluate(
    async ({ tab, hash }) => {
      const results = document.getElementById(`results-${tab}`)!;
      results.replaceChildren();
      results.dataset.state = "idle";
      const done = new Promise<void>((resolve) => {
        const observer = new MutationObserver(() => {
          if (results.dataset.state === "done" || results.dataset.state === "stopped") {
            observer.disconnect();
            resolve();
          }
        });
        observer.observe(results, { attributes: true, attributeFilter: ["data-state"] });
      });
      history.replaceState(null, "", "#"); // so the next fragment is a change even if it repeats the last
      location.hash = hash;
      await done;
    },
    { tab, hash },
  );
}

export async function readFindings(page: Page, tab: string): Promise<PageFinding[]> {
  return page.$$eval(`#results-${tab} > article.finding`, (nodes) =>
    nodes.map((node) => ({ check: node.getAttribute("data-check")!, status: node.getAttribute("data-status")!, explanation: node.querySelector(".explanation")!.textContent! })),
  );
}

export async function readStatistics(page: Page, tab: string): Promise<PageStatistic[]> {
  return page.$$eval(`#results-${tab} > article.statistic`, (nodes) =>
    nodes.map((node) => ({
      kind: node.getAttribute("data-kind")!,
      verdict: node.getAttribute("data-verdict")!,
      quote: node.querySelector(".quote")!.textContent!,
      checks: Array.from(node.querySelectorAll("article.finding")).map((finding) => ({
        check: finding.getAttribute("data-check")!,
        status: finding.getAttribute("data-status")!,
        explanation: finding.querySelector(".explanation")!.textContent!,
      })),
    })),
  );
}
