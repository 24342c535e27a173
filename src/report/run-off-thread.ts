import { Worker } from "node:worker_threads";
import { CohortError, type Problem } from "../errors.js";

interface Reply {
  id: number;
  ok: boolean;
  result?: unknown;
  error?: { message: string; problems?: Problem[]; exitCode?: number };
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

let shared: { worker: Worker; pending: Map<number, Pending> } | undefined;
let nextId = 0;

/** The one worker all calls share (modules load once in it); created on first use, unref'd while idle. */
function sharedWorker(): { worker: Worker; pending: Map<number, Pending> } {
  if (shared) return shared;
  // The worker registers tsx itself, so it loads TypeScript whichever runner started this process.
  const worker = new Worker(new URL("./off-thread-worker.mjs", import.meta.url), { execArgv: [] });
  const pending = new Map<number, Pending>();
  const current = { worker, pending };
  const failAll = (error: Error) => {
    if (shared === current) shared = undefined;
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  worker.on("message", (reply: Reply) => {
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if (pending.size === 0) worker.unref();
    if (reply.ok) waiting.resolve(reply.result);
    else if (reply.error?.problems) waiting.reject(new CohortError(reply.error.problems, reply.error.exitCode));
    else waiting.reject(new Error(reply.error?.message ?? "worker failed"));
  });
  worker.on("error", (error) => failAll(error));
  worker.on("exit", (code) => failAll(new Error(`worker stopped (exit code ${code}) before answering`)));
  worker.unref();
  shared = current;
  return current;
}

/**
 * Starts the shared worker and has it load `module` now, so a later runOffThread call on it
 * starts computing at once. Why: the worker's imports then overlap the main thread's own.
 *
 * @example
 * prewarmOffThread(new URL("../inference/over-reconstructions.ts", import.meta.url)); // returns at once
 */
export function prewarmOffThread(module: URL): void {
  const { worker, pending } = sharedWorker();
  const id = nextId++;
  pending.set(id, { resolve: () => {}, reject: () => {} });
  worker.ref();
  worker.postMessage({ id, module: module.href, args: [] });
}

/**
 * Runs `name` exported by `module` in a worker thread with `args` (structured-cloned: plain data,
 * Maps, arrays) and resolves with its result. Why: the machine has two cores; a long pure
 * computation (tests over hundreds of rebuilt datasets) then runs beside chart rendering instead
 * of before it. Calls share one worker, taken in order, so modules load once. The result is the
 * same as calling the function directly; only the thread differs. A CohortError thrown in the
 * worker is rethrown as a CohortError with the same problems.
 *
 * @param module URL of the module (e.g. `new URL("../inference/over-reconstructions.ts", import.meta.url)`)
 * @param name the exported function
 * @param args its arguments
 * @throws CohortError or Error as the function threw it
 * @example
 * await runOffThread<string>(new URL("./format-number.ts", import.meta.url), "formatNumber", [0.55, 3]); // => "0.550"
 */
export function runOffThread<T>(module: URL, name: string, args: unknown[]): Promise<T> {
  const { worker, pending } = sharedWorker();
  const id = nextId++;
  return new Promise<T>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
    worker.ref();
    worker.postMessage({ id, module: module.href, name, args });
  });
}
