// The playground page in Chromium: typing inputs and reading verdicts, the link round trip, keyboard-only
// use, labels and live results, CLOSURE in a worker that never freezes the page, refusals, hostile text,
// and reading at phone and desktop widths. Its answers against the CLI's: playground-cli.test.ts.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grim } from "../../src/checks/grim.js";
import { grimmer } from "../../src/checks/grimmer.js";
import { sdBoundsCheck } from "../../src/checks/sd-bounds.js";
import * as msg from "../../src/messages/playground.js";
import { cohortInProcess } from "../helpers/cli-in-process.js";
import { launchChromium, openPlayground, readFindings, readStatistics, runThroughLink, type OpenPage } from "../helpers/playground-browser.js";

let browser: Browser;
const opened: OpenPage[] = [];
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  // No page had a console error or a page error, and none tried to reach the network.
  expect(opened.flatMap((o) => o.problems)).toEqual([]);
  expect(opened.flatMap((o) => o.offline)).toEqual([]);
  await browser?.close();
});

async function open(hash = "", viewport?: { width: number; height: number }): Promise<Page> {
  const o = await openPlayground(browser, hash, viewport);
  opened.push(o);
  return o.page;
}

const fieldValues = (page: Page, tab: string) =>
  page.$$eval(`#form-${tab} input[type=text], #form-${tab} select, #form-${tab} textarea`, (nodes) => nodes.map((node) => [(node as HTMLInputElement).name, (node as HTMLInputElement).value]));

describe("playground page", () => {
  it("takes a typed mean, SD and n and shows each check's verdict with the library's explanation", async () => {
    const page = await open();
    const panel = page.locator("#panel-mean");
    await panel.getByLabel("Mean", { exact: true }).pressSequentially("4.2");
    await panel.getByLabel("SD (optional)").pressSequentially("3.10");
    await panel.getByLabel("n", { exact: true }).pressSequentially("5");
    await panel.getByLabel("Lowest score (optional)").pressSequentially("1");
    await panel.getByLabel("Highest score (optional)").pressSequentially("7");
    await page.locator("#form-mean button.run").click();
    const expected = [
      grim({ mean: "4.2", n: 5 }),
      grimmer({ mean: "4.2", sd: "3.10", n: 5, scale: { min: 1, max: 7 } }),
      // Largest SD of five scores on 1–7 averaging 4.2: 1, 1, 7, 7, 5 → √(36.8/4) = 3.03, below 3.095 (hand).
      sdBoundsCheck({ mean: "4.2", sd: "3.10", n: 5, min: 1, max: 7 }),
    ].map((r) => ({ check: r.check, status: r.status, explanation: r.explanation }));
    expect(await readFindings(page, "mean")).toEqual(expected);
    expect(expected.map((r) => r.status)).toEqual(["consistent", "inconsistent", "inconsistent"]);
    expect(await page.locator("#results-mean .summary").innerText()).toBe("GRIM: consistent. GRIMMER: inconsistent. SD bounds: inconsistent.");
    expect(await page.locator("#results-mean").getAttribute("aria-live")).toBe("polite");
    expect(await page.locator("#results-mean").innerText()).toContain(msg.notBinary());
  });

  it("keeps the inputs in the link: the same link opened anew restores the fields and the results", async () => {
    const page = await open();
    await page.getByRole("tab", { name: "Percentage" }).click();
    await page.locator("#percent-percent").fill("45.0");
    await page.locator("#percent-n").fill("20");
    await page.locator("#percent-count").fill("9");
    await page.locator("#percent-rounding").selectOption("up_from");
    await page.locator("#percent-threshold").fill("4");
    await page.locator("#percent-count").press("Enter");
    const url = page.url();
    expect(new URL(url).hash).toBe("#tab=percent&percent=45.0&n=20&count=9&rounding=up_from&threshold=4");
    const findings = await readFindings(page, "percent");
    expect(findings.map((f) => f.status)).toEqual(["consistent"]); // 9/20 = 45% exactly
    const again = await open(new URL(url).hash);
    await again.waitForSelector("#results-percent[data-state=done]");
    expect(await again.locator("#panel-percent").isVisible()).toBe(true);
    expect(await fieldValues(again, "percent")).toEqual(await fieldValues(page, "percent"));
    expect(await readFindings(again, "percent")).toEqual(findings);
    // An example link within the page runs its inputs (hashchange), as a shared link followed in an open page does.
    await again.getByRole("tab", { name: "Test statistic" }).click();
    await again.getByRole("link", { name: "t(28) = 2.20, p = .03" }).click();
    await again.waitForSelector("#results-statistic[data-state=done]");
    expect((await readStatistics(again, "statistic"))[0]?.verdict).toBe("inconsistent");
  });

  it("works with the keyboard alone: tabs by arrow keys, fields by Tab, Enter checks", async () => {
    const page = await open();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("tab-mean");
    await page.keyboard.press("ArrowRight");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("tab-percent");
    expect(await page.getByRole("tab", { name: "Percentage" }).getAttribute("aria-selected")).toBe("true");
    expect(await page.locator("#panel-mean").isHidden()).toBe(true);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("percent-percent");
    await page.keyboard.type("33");
    await page.keyboard.press("Tab");
    await page.keyboard.type("10");
    await page.keyboard.press("Enter");
    // 33% of 10: 3/10 = 30%, 4/10 = 40% (hand): no count fits.
    expect(await readFindings(page, "percent")).toEqual([{ check: "percent", status: "inconsistent", explanation: "no whole count out of 10 gives 33% at 0 decimals" }]);
    // Back to the tabs; End goes to the last, Home to the first, ArrowLeft wraps around.
    await page.focus("#tab-percent");
    await page.keyboard.press("End");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("tab-passage");
    await page.keyboard.press("Home");
    await page.keyboard.press("ArrowLeft");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("tab-passage");
    // The statistic entered in parts: arrow keys move between the radio buttons, and the parts appear.
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("tab-statistic");
    await page.keyboard.press("Tab");
    await page.keyboard.press("ArrowRight");
    expect(await page.locator("#statistic-value").isVisible()).toBe(true);
    expect(await page.locator("#statistic-printed").isVisible()).toBe(false);
    await page.keyboard.press("Tab"); // the test select
    await page.keyboard.press("Tab");
    await page.keyboard.type("2.20");
    await page.keyboard.press("Tab");
    await page.keyboard.type("28");
    await page.keyboard.press("Tab"); // second df (F only): left empty
    await page.keyboard.press("Tab"); // relation: =
    await page.keyboard.press("Tab");
    await page.keyboard.type(".06");
    await page.keyboard.press("Enter");
    const [statistic] = await readStatistics(page, "statistic");
    expect(statistic?.quote).toBe("t(28) = 2.20, p = .06");
    expect(await page.locator("#results-statistic dd").first().innerText()).toBe("yes: the significance at α = .05 flips");
  });

  it("labels every input and draws the page's headings in order", async () => {
    const page = await open("#tab=passage&text=" + encodeURIComponent("t(28) = 2.20, p = .03 and 11/22 (50%)."));
    await page.waitForSelector("#results-passage[data-state=done]");
    const unlabelled = await page.$$eval("input, select, textarea", (nodes) => nodes.filter((node) => (node as HTMLInputElement).labels?.length === 0).map((node) => node.outerHTML));
    expect(unlabelled).toEqual([]);
    const levels = await page.$$eval("h1, h2, h3, h4, h5, h6", (nodes) => nodes.filter((n) => (n as HTMLElement).offsetParent !== null).map((n) => Number(n.tagName[1])));
    expect(levels[0]).toBe(1);
    levels.forEach((level, i) => expect(level - (levels[i - 1] ?? 0), `heading ${i}`).toBeLessThanOrEqual(1));
    expect(await page.$$eval("[role=tab]", (tabs) => tabs.map((tab) => document.getElementById(tab.getAttribute("aria-controls")!)?.getAttribute("aria-labelledby") === tab.id))).toEqual([true, true, true, true, true]);
  });

  it("names a field that needs a fix next to it and runs nothing", async () => {
    const page = await open("#tab=mean&mean=5.19&n=0");
    await page.waitForSelector("#results-mean[data-state=done]");
    expect(await page.locator("#mean-n").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#mean-n-error").innerText()).toBe(msg.notAtLeast(1, "0"));
    expect(await readFindings(page, "mean")).toEqual([]);
    expect(await page.locator("#results-mean .summary").innerText()).toBe("Nothing checked: one field needs a fix.");
    // Fixed, the mark goes.
    await page.locator("#mean-n").fill("28");
    await page.locator("#mean-n").press("Enter");
    expect(await page.locator("#mean-n").getAttribute("aria-invalid")).toBeNull();
    expect((await readFindings(page, "mean")).map((f) => f.status)).toEqual(["inconsistent"]);
  });

  it("runs CLOSURE in a worker: other checks answer while a large count runs, and Stop ends it", async () => {
    const page = await open();
    // 200 values on 1–10 with mean 5.5 and SD 2.6: within the library's work estimate, but seconds of
    // counting (about 11 s on the shared 2-core machine, then refused at the cap on transitions).
    // A space estimated past the budget (30 values on 0–100) is now refused at once.
    await page.evaluate(() => (location.hash = "tab=closure&mean=5.5&sd=2.6&n=200&min=1&max=10"));
    await page.waitForSelector("#results-closure[data-state=working]");
    expect(await page.locator("#results-closure").getAttribute("aria-busy")).toBe("true");
    // Meanwhile the page answers (a frozen page would not run this until the count ended).
    await runThroughLink(page, "mean", "tab=mean&mean=5.19&n=32");
    expect((await readFindings(page, "mean")).map((f) => f.status)).toEqual(["consistent"]);
    expect(await page.getAttribute("#results-closure", "data-state")).toBe("working");
    await page.getByRole("tab", { name: "CLOSURE" }).click();
    await page.locator("#form-closure button.stop").click();
    await page.waitForSelector("#results-closure[data-state=stopped]");
    expect(await page.locator("#results-closure").innerText()).toBe(msg.closureCancelled());
    expect(await page.getAttribute("#results-closure", "data-runner")).toBe("worker");
    expect(await page.locator("#form-closure button.stop").isHidden()).toBe(true);
    // Past the time budget the page stops the worker and says why (the budget shortened to 1 s here).
    await page.evaluate(() => (document.body.dataset.budgetSeconds = "1"));
    await runThroughLink(page, "closure", "tab=closure&mean=5.5&sd=2.6&n=200&min=1&max=10");
    expect(await page.locator("#results-closure").innerText()).toBe(msg.closureStopped(1));
    // And the next case runs in a fresh worker.
    await runThroughLink(page, "closure", "tab=closure&mean=2.9&sd=0.5&n=25&min=1&max=5");
    expect(await page.getAttribute("#results-closure .summary", "data-count")).toBe("4");
  });

  it("refuses a CLOSURE count past the library's budget with the CLI's message", async () => {
    const page = await open("#tab=closure&mean=4.00&sd=1.50&n=100000&min=1&max=7");
    await page.waitForSelector("#results-closure[data-state=done]");
    const cli = await cohortInProcess(["closure", "--mean", "4.00", "--sd", "1.50", "--n", "100000", "--min", "1", "--max", "7", "--count"]);
    expect(cli.status).toBe(3);
    expect(await page.locator("#results-closure .error-message").innerText()).toBe(cli.stderr.replace(/^cohort: /, "").trim());
    expect(await page.locator("#results-closure .error-message").getAttribute("data-refused")).toBe("true");
  });

  it("shows markup in a passage as text: no script runs, nothing is requested", async () => {
    const hostile = '<img src="x" onerror="window.__pwned = 1"><script>window.__pwned = 2</script> t(28) = 2.20, p = .03';
    const page = await open("#tab=passage&text=" + encodeURIComponent(hostile));
    await page.waitForSelector("#results-passage[data-state=done]");
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator("#results-passage img, #results-passage script").count()).toBe(0);
    expect(await page.locator("#passage-text").inputValue()).toBe(hostile);
    expect((await readStatistics(page, "passage")).map((s) => s.quote)).toEqual(["t(28) = 2.20, p = .03"]);
  });

  for (const viewport of [{ width: 390, height: 844 }, { width: 1366, height: 900 }]) {
    it(`reads at ${viewport.width} px: no sideways scrolling, 16 px text, targets at least 44 px tall`, async () => {
      const page = await open("", viewport);
      for (const [tab, hash] of [
        ["mean", "tab=mean&mean=3.44&sd=2.47&n=18&min=1&max=7"],
        ["statistic", "tab=statistic&entry=parts&test=F&value=3.21&df=2&df2=57&relation=%3C&p=.04"],
        ["closure", "tab=closure&mean=3.0&sd=1.2&n=200&min=1&max=5"],
        ["passage", "tab=passage&text=" + encodeURIComponent("Response occurred in 11/22 (50%) with therapy; the difference was significant, t(42) = 2.83, p = .07, and the odds ratio 6.33 (95% CI 1.48 to 27.1).")],
      ]) {
        await runThroughLink(page, tab!, hash!);
        const layout = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          fontSize: parseFloat(getComputedStyle(document.body).fontSize),
          smallest: Math.min(...Array.from(document.querySelectorAll<HTMLElement>("main p, main dd, main li, label")).filter((n) => n.offsetParent !== null).map((n) => parseFloat(getComputedStyle(n).fontSize))),
          targets: Array.from(document.querySelectorAll<HTMLElement>("[role=tab], main input[type=text], main select, button.run")).filter((n) => n.offsetParent !== null).map((n) => n.getBoundingClientRect().height),
        }));
        expect(layout.scrollWidth, tab).toBeLessThanOrEqual(viewport.width);
        expect(layout.fontSize).toBe(16);
        expect(layout.smallest, tab).toBeGreaterThanOrEqual(14);
        for (const height of layout.targets) expect(height, tab).toBeGreaterThanOrEqual(44);
      }
    });
  }
});
