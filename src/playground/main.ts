/**
 * The playground's browser code (bundled into site/playground/index.html by scripts/build-playground.ts).
 * The same script is the page and its worker: on the page it wires the forms; started as a worker from
 * a blob of its own text, it answers CLOSURE and passage jobs.
 */
import * as z from "zod";
import { serveJobs } from "./jobs.js";
import { startPage } from "./page.js";

// No code generation from strings: the page's CSP forbids eval, so zod must not try it.
z.config({ jitless: true });

if (typeof document === "undefined") {
  serveJobs(globalThis as unknown as Parameters<typeof serveJobs>[0]);
} else {
  // The script's own text, read now: document.currentScript is null once this first run ends.
  const source = document.currentScript?.textContent ?? undefined;
  const begin = () => startPage(source);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", begin);
  else begin();
}
