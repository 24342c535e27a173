// Worker thread that runs exported functions of project modules and posts back their results, one
// request at a time. Plain JavaScript so it starts in any runner (tsx, vitest, plain node); the
// TypeScript modules it imports are loaded through tsx's loader, registered here for this thread.
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();

parentPort.on("message", async ({ id, module, name, args }) => {
  try {
    const loaded = await import(module);
    // A request without a function name only loads the module (warm-up).
    const result = name === undefined ? null : await loaded[name](...args);
    parentPort.postMessage({ id, ok: true, result });
  } catch (error) {
    const detail = error && typeof error === "object" ? error : {};
    parentPort.postMessage({
      id,
      ok: false,
      error: { message: error instanceof Error ? error.message : String(error), problems: detail.problems, exitCode: detail.exitCode },
    });
  }
});
