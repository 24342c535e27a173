import { Worker } from "node:worker_threads";
import { CohortError, type Problem } from "../errors.js";

/**
 * Runs `name` exported by `module` in a worker thread with `args` (structured-cloned: plain data,
 * Maps, arrays) and resolves with its result. Why: the machine has two cores; a long pure
 * computation (tests over hundreds of rebuilt datasets) then runs beside chart rendering instead
 * of before it. The result is the same as calling the function directly; only the thread differs.
 * A CohortError thrown in the worker is rethrown as a CohortError with the same problems.
 *
 * @param module URL of the module (e.g. `new URL("../inference/over-reconstructions.ts", import.meta.url)`)
 * @param name the exported function
 * @param args its arguments
 * @throws CohortError or Error as the function threw it
 * @example
 * await runOffThread<number>(new URL("./math.ts", import.meta.url), "add", [1, 2]); // => 3
 */
export function runOffThread<T>(module: URL, name: string, args: unknown[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    // The worker registers tsx itself, so it loads TypeScript whichever runner started this process.
    const worker = new Worker(new URL("./off-thread-worker.mjs", import.meta.url), { workerData: { module: module.href, name, args }, execArgv: [] });
    let settled = false;
    worker.once("message", (message: { ok: boolean; result?: T; error?: { message: string; problems?: Problem[]; exitCode?: number } }) => {
      settled = true;
      if (message.ok) resolve(message.result as T);
      else if (message.error?.problems) reject(new CohortError(message.error.problems, message.error.exitCode));
      else reject(new Error(message.error?.message ?? "worker failed"));
      void worker.terminate();
    });
    worker.once("error", (error) => {
      if (!settled) reject(error);
      settled = true;
    });
    worker.once("exit", (code) => {
      if (!settled) reject(new Error(`worker for ${name} exited with code ${code} before answering`));
      settled = true;
    });
  });
}
