import { renderAsync } from "@resvg/resvg-js";
import { pngOptions } from "./png-options.js";

/**
 * Renders chart SVG to PNG with resvg at `scale` times its size, on white, with only the chart font
 * loaded (deterministic text). Why resvg: a pure renderer with no browser; vega's own PNG path
 * needs node-canvas. It renders on libuv's thread pool, so several charts render while the main
 * thread goes on with other work.
 * Reference: @resvg/resvg-js README, https://github.com/thx/resvg-js
 *
 * @param svg SVG text (from renderSvg)
 * @param scale zoom factor (default 2, for sharp text on high-density screens)
 * @throws CohortError when a font file is missing (names it and the package that ships it)
 * @example
 * (await renderPng('<svg xmlns="http://www.w3.org/2000/svg" width="2" height="2"/>')).subarray(1, 4).toString(); // => "PNG"
 */
export async function renderPng(svg: string, scale = 2): Promise<Buffer> {
  const image = await renderAsync(svg, pngOptions(scale));
  return image.asPng();
}
