import { existsSync } from "node:fs";
import { renderAsync, type ResvgRenderOptions } from "@resvg/resvg-js";
import { CohortError } from "../errors.js";
import * as msg from "../messages/reports.js";
import { CHART_FONT } from "./theme.js";

/**
 * The font files PNG rendering loads, and nothing else: resvg is told not to scan the system
 * fonts, so a PNG never changes because another font got installed. Debian package fonts-liberation.
 */
export const CHART_FONT_FILES: readonly string[] = [
  "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
  "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
  "/usr/share/fonts/truetype/liberation/LiberationSans-Italic.ttf",
];

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

/**
 * The resvg options of every chart PNG (white background, `scale`×, only the chart font loaded),
 * after checking the font files exist. Shared with the output worker so both paths give the same bytes.
 *
 * @throws CohortError when a font file is missing
 * @example
 * pngOptions(2).fitTo; // => { mode: "zoom", value: 2 }
 */
export function pngOptions(scale = 2): ResvgRenderOptions {
  for (const file of CHART_FONT_FILES) if (!existsSync(file)) throw new CohortError({ file, message: msg.fontMissing(file) });
  return {
    background: "white",
    fitTo: { mode: "zoom", value: scale },
    font: { loadSystemFonts: false, fontFiles: [...CHART_FONT_FILES], defaultFontFamily: CHART_FONT, sansSerifFamily: CHART_FONT },
  };
}
