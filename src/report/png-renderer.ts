import type { ResvgRenderOptions } from "@resvg/resvg-js";
import { pngOptions } from "../charts/png-options.js";
import { startWorkerClient } from "./worker-client.js";

/** Chart PNGs rendered in a worker thread (see png-worker.mjs). */
export interface PngRenderer {
  /** The PNG of one chart's SVG: the same bytes renderPng gives. */
  toPng(svg: string): Promise<Uint8Array>;
  /** Stops the worker; pending renders reject. */
  close(): Promise<void>;
}

/**
 * Starts a worker that renders chart SVG to PNG with resvg, with renderPng's options (white
 * background, `scale`×, only the chart font). Why a worker: encoding a PNG is synchronous in
 * resvg-js, about 20 ms per chart here, and would otherwise hold up the main thread drawing the
 * next chart.
 *
 * @param scale zoom factor (default 2, as renderPng)
 * @throws CohortError when a chart font file is missing (checked here, before the worker is started)
 * @example
 * const pngs = startPngRenderer(); (await pngs.toPng('<svg xmlns="http://www.w3.org/2000/svg" width="2" height="2"/>')).subarray(1, 4); await pngs.close(); // => bytes "PNG"
 */
export function startPngRenderer(scale = 2): PngRenderer {
  const options = pngOptions(scale);
  const worker = startWorkerClient<{ svg: string; options: ResvgRenderOptions }, Uint8Array>(new URL("./png-worker.mjs", import.meta.url), "PNG worker");
  return {
    toPng: (svg) => worker.request({ svg, options }),
    close: () => worker.close(),
  };
}
