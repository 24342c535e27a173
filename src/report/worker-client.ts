import { Worker } from "node:worker_threads";

/** A worker thread answering one request per message (`{ id, ...payload }` → `{ id, result | error }`). */
export interface WorkerClient<Request, Result> {
  /** Sends one request; resolves with its result, rejects with the worker's error. */
  request(payload: Request, transfer?: readonly ArrayBuffer[]): Promise<Result>;
  /** Stops the worker; pending requests reject. */
  close(): Promise<void>;
}

/**
 * Starts a plain-JavaScript worker (see png-worker.mjs) and returns a client for it.
 * Why a helper: a report output whose work is slow and synchronous (PNG through resvg) runs in a worker of its
 * own so its import and its work overlap the main thread's.
 * The worker is unref'd while nothing is pending, so an idle worker never keeps the process alive.
 *
 * @param url the worker module (plain JavaScript: worker threads do not inherit the TypeScript loader in every runner)
 * @param name names the worker in errors ("PNG worker")
 * @example
 * const png = startWorkerClient<{ svg: string }, Uint8Array>(new URL("./png-worker.mjs", import.meta.url), "PNG worker");
 */
export function startWorkerClient<Request extends object, Result>(url: URL, name: string): WorkerClient<Request, Result> {
  const worker = new Worker(url, { execArgv: [] });
  worker.unref();
  let next = 0;
  const pending = new Map<number, { resolve: (result: Result) => void; reject: (error: Error) => void }>();
  const failAll = (error: Error) => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  worker.on("message", (message: { id: number; result?: Result; error?: string }) => {
    const waiting = pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id);
    if (pending.size === 0) worker.unref();
    if (message.error !== undefined || message.result === undefined) waiting.reject(new Error(`${name}: ${message.error ?? "no output"}`));
    else waiting.resolve(message.result);
  });
  worker.on("error", (error) => failAll(error));
  worker.on("exit", (code) => failAll(new Error(`${name} stopped (exit code ${code})`)));
  return {
    request(payload, transfer = []) {
      const id = next++;
      return new Promise<Result>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.ref();
        worker.postMessage({ id, ...payload }, [...transfer]);
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
