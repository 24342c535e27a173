import { existsSync } from "node:fs";
// A type only: the options are built without loading resvg, so a thread that hands PNG work to a
// worker never pays for resvg's import (its loader asks for a process report to detect musl).
import type { ResvgRenderOptions } from "@resvg/resvg-js";
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
 * The resvg options of every chart PNG (white background, `scale`×, only the chart font loaded),
 * after checking the font files exist. Shared by renderPng and the report's PNG worker, so both give the same bytes.
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
