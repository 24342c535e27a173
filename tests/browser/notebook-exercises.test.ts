// The notebook's exercises in Chromium, with the keyboard alone: every exercise that takes an answer
// is tried empty, unreadable, wrong and right; its hint and worked answer are opened with Tab and
// Enter. The page's feedback comes from judgeAnswer run in the page (the bundled library); the right
// answers typed here are read from the worked answer the toolkit wrote in Node, so a page that
// computed differently from the report would fail.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as msg from "../../src/messages/exercises.js";

const root = join(import.meta.dirname, "..", "..");
const notebook = pathToFileURL(join(root, "reports", "index.html")).href;
const CHROMIUM = "/usr/bin/chromium";
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium) to run the notebook browser tests`);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"] });
  page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  // No network: the page's own file only (its CSP is left on, so the bundled script must run under it).
  await page.route("**/*", (route) => (route.request().url().startsWith("file:") ? route.continue() : route.abort()));
  await page.goto(notebook, { waitUntil: "load" });
});
afterAll(async () => {
  await browser?.close();
});

/** The worked answer's text (read from the DOM while hidden). */
const workedAnswer = (exercise: Locator) => exercise.locator(".answer > p").first().evaluate((p) => p.textContent ?? "");
const feedback = (exercise: Locator) => exercise.locator(".feedback");

/** Types into a field the keyboard has focus on (select all, then type), as a reader would. */
async function typeInto(field: Locator, text: string): Promise<void> {
  await field.focus();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Backspace");
  if (text !== "") await page.keyboard.type(text);
}

/** Presses Tab until the element matching `selector` inside `scope` has focus (at most `limit` times). */
async function tabTo(scope: Locator, selector: string, limit = 30): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if (await scope.locator(selector).evaluate((el) => el === document.activeElement).catch(() => false)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** From the Check button: Tab to the hint (when there is one) and the worked answer, open each with Enter. */
async function openHintAndAnswer(exercise: Locator): Promise<void> {
  const hint = exercise.locator('button.reveal[aria-controls$="-hint"]');
  if ((await hint.count()) > 0) {
    await tabTo(exercise, 'button.reveal[aria-controls$="-hint"]');
    await page.keyboard.press("Enter");
    expect(await exercise.locator(".hint").isVisible()).toBe(true);
    expect(await hint.getAttribute("aria-expanded")).toBe("true");
  }
  await tabTo(exercise, 'button.reveal[aria-controls^="answer-"]');
  await page.keyboard.press("Enter");
  expect(await exercise.locator(".answer").isVisible()).toBe(true);
}

/** Numbers in a text, in order ("34.2–74.2%" → 34.2, 74.2; the en dash is not a minus). */
const numbers = (text: string) => [...text.matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));

describe("notebook exercises, keyboard only", () => {
  it("checks every number exercise: empty, not a number, too high, too low, and the toolkit's value", async () => {
    const exercises = page.locator('li.exercise:has(form[data-kind="number"])');
    const count = await exercises.count();
    // One power exercise per study (5 studies) and the crosstab count of study A.
    expect(count).toBe(6);
    for (let i = 0; i < count; i++) {
      const exercise = exercises.nth(i);
      const field = exercise.locator("form input");
      const answer = await workedAnswer(exercise);
      // "A standardised effect of 2.02 (Cohen's d) …" or "86 tables. …": the first number is the answer.
      const value = numbers(answer)[0]!;
      const decimals = /^\D*\d+\.(\d+)/.exec(answer)?.[1]?.length ?? 0;

      await typeInto(field, "");
      await page.keyboard.press("Enter");
      expect(await feedback(exercise).innerText()).toBe(msg.emptyAnswer());
      expect(await field.getAttribute("aria-invalid")).toBe("true");

      await typeInto(field, "two");
      await page.keyboard.press("Enter");
      expect(await feedback(exercise).innerText()).toBe(msg.notANumber("two"));

      await typeInto(field, String(value * 2 + 1));
      await page.keyboard.press("Enter");
      expect(await feedback(exercise).innerText()).toBe(msg.tooHigh());
      expect(await feedback(exercise).getAttribute("data-state")).toBe("wrong");

      await typeInto(field, "0");
      await page.keyboard.press("Enter");
      expect(await feedback(exercise).innerText()).toBe(msg.tooLow());

      await typeInto(field, answer.match(/\d+(?:\.\d+)?/)![0]);
      await page.keyboard.press("Enter");
      expect(await feedback(exercise).innerText()).toBe(msg.rightNumber(value.toFixed(decimals)));
      expect(await field.getAttribute("aria-invalid")).toBeNull();

      await tabTo(exercise, 'button[type="submit"]', 3);
      await openHintAndAnswer(exercise);
    }
    expect(problems).toEqual([]);
  });

  it("checks every interval exercise against either method's interval, each end to one decimal", async () => {
    const exercises = page.locator('li.exercise:has(form[data-kind="interval"])');
    const count = await exercises.count();
    expect(count).toBe(2);
    for (let i = 0; i < count; i++) {
      const exercise = exercises.nth(i);
      const [lower, upper] = [exercise.locator("input").nth(0), exercise.locator("input").nth(1)];
      const answer = await workedAnswer(exercise);
      // "Wilson 34.2–74.2%; Clopper–Pearson (exact) 31.5–76.9%. …"
      const wilson = numbers(/Wilson ([^;]*)/.exec(answer)![1]!);
      const exact = numbers(answer.slice(answer.indexOf("(exact)") + "(exact)".length)).slice(0, 2);

      await typeInto(lower, "");
      await typeInto(upper, "");
      await page.keyboard.press("Enter");
      expect(await feedback(exercise).innerText()).toBe(msg.emptyAnswer());
      // The empty field gets the focus back, marked.
      expect(await lower.evaluate((el) => el === document.activeElement && el.getAttribute("aria-invalid") === "true")).toBe(true);

      await typeInto(lower, String(wilson[1]));
      await typeInto(upper, String(wilson[0]));
      await page.keyboard.press("Enter");
      expect(await feedback(exercise).innerText()).toBe(msg.endsReversed());

      // Too wide by 5 points on each side (more than either method's interval).
      await typeInto(lower, String(wilson[0]! - 5));
      await typeInto(upper, String(wilson[1]! + 5));
      await page.keyboard.press("Enter");
      expect(await feedback(exercise).innerText()).toBe(msg.wrongInterval("Wilson", [msg.endOff("lower", "low"), msg.endOff("upper", "high")]));

      await typeInto(lower, String(wilson[0]));
      await page.keyboard.press("Tab");
      await page.keyboard.type(String(wilson[1]));
      await page.keyboard.press("Enter");
      expect(await feedback(exercise).innerText()).toBe(msg.rightInterval("Wilson", `${wilson[0]!.toFixed(1)}–${wilson[1]!.toFixed(1)}%`));

      await typeInto(lower, String(exact[0]));
      await typeInto(upper, `${exact[1]}%`);
      await page.keyboard.press("Enter");
      expect(await feedback(exercise).innerText()).toMatch(/^Right: that is the (Wilson|Clopper–Pearson \(exact\)) interval/);

      await tabTo(exercise, 'button[type="submit"]', 3);
      await openHintAndAnswer(exercise);
    }
    expect(problems).toEqual([]);
  });

  it("checks every choice exercise: nothing chosen, a wrong choice, and the right ones, showing the toolkit's finding under each choice", async () => {
    const exercises = page.locator('li.exercise:has(form[data-kind="choice"])');
    const count = await exercises.count();
    expect(count).toBeGreaterThanOrEqual(5);
    for (let i = 0; i < count; i++) {
      const exercise = exercises.nth(i);
      const form = exercise.locator("form");
      const input = JSON.parse((await form.getAttribute("data-input"))!) as { multiple: boolean; options: Array<{ correct: boolean }> };
      const options = exercise.locator("form input");
      const right = input.options.flatMap((o, index) => (o.correct ? [index] : []));
      const wrong = input.options.findIndex((o) => !o.correct);

      // Nothing chosen: Tab from the first option to the Check button, Enter.
      await options.first().focus();
      await tabTo(exercise, 'button[type="submit"]');
      await page.keyboard.press("Enter");
      expect(await feedback(exercise).innerText()).toBe(msg.emptyChoice());

      const choose = async (indices: number[]) => {
        for (let k = 0; k < input.options.length; k++) {
          const option = options.nth(k);
          const want = indices.includes(k);
          if ((await option.isChecked()) === want) continue;
          await option.focus();
          await page.keyboard.press("Space");
        }
        await tabTo(exercise, 'button[type="submit"]');
        await page.keyboard.press("Enter");
      };
      if (wrong >= 0) {
        await choose([wrong]);
        expect([msg.wrongChoice(), msg.partlyRight()]).toContain(await feedback(exercise).innerText());
        expect(await exercise.locator(`#${await options.nth(wrong).getAttribute("data-note")}`).isVisible()).toBe(true);
      }
      await choose(input.multiple ? right : right.slice(0, 1));
      expect(await feedback(exercise).innerText()).toBe(msg.rightChoice());
      for (const index of right) expect(await exercise.locator(`#${await options.nth(index).getAttribute("data-note")}`).isVisible()).toBe(true);
      await openHintAndAnswer(exercise);
    }
    expect(problems).toEqual([]);
  });
});
