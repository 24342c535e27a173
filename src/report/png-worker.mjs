// Worker thread that turns chart SVG into PNG through resvg: parse, rasterise and PNG-encode all
// happen here, off the main thread, which meanwhile draws the next charts with vega. Plain
// JavaScript: a worker thread does not inherit the TypeScript loader in every runner (vitest's forks,
// plain node); the resvg options come with each request.
import { parentPort } from "node:worker_threads";
import { Resvg } from "@resvg/resvg-js";

parentPort.on("message", ({ id, svg, options }) => {
  try {
    const png = new Resvg(svg, options).render().asPng();
    // A copy of its own, so its memory can be handed over to the main thread instead of cloned.
    const bytes = new Uint8Array(png);
    parentPort.postMessage({ id, result: bytes }, [bytes.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
