// Worker thread that runs one exported function of a project module and posts back its result.
// Plain JavaScript so it starts in any runner (tsx, vitest, plain node); the TypeScript module it
// imports is loaded through tsx's loader, registered here for this thread only.
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();

try {
  const module = await import(workerData.module);
  const result = await module[workerData.name](...workerData.args);
  parentPort.postMessage({ ok: true, result });
} catch (error) {
  parentPort.postMessage({
    ok: false,
    error: { message: error instanceof Error ? error.message : String(error), problems: error && typeof error === "object" && "problems" in error ? error.problems : undefined, exitCode: error && typeof error === "object" && "exitCode" in error ? error.exitCode : undefined },
  });
}
