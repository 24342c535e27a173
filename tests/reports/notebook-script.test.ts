import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildNotebookScript, NOTEBOOK_SCRIPT_FILE, notebookScriptModule } from "../../scripts/build-notebook-script.js";

describe("src/report/notebook-script.ts (built from src/notebook/main.ts)", () => {
  it("is fresh: rebuilding the bundle gives the committed module byte for byte", async () => {
    const fresh = notebookScriptModule(await buildNotebookScript());
    // Not toBe on 300 kB of text: a mismatch would print all of it.
    expect(readFileSync(NOTEBOOK_SCRIPT_FILE, "utf8") === fresh, "stale: run npx tsx scripts/build-notebook-script.ts (npm run reports does) and commit").toBe(true);
  });
  it("bundles the library's judge and the calls it runs, and no code made from strings at run time", async () => {
    const { script } = await buildNotebookScript();
    // The messages of judgeAnswer are in the bundle, so the page says what the library says.
    expect(script).toContain("Type an answer first.");
    // The page's CSP allows no eval: the bundle must not call it (Function(...) as a constructor is a run-time eval too).
    expect(script).not.toMatch(/\beval\(/);
  });
});
