import { existsSync } from "node:fs";
import { createRequire } from "node:module";
// A type only: the options are built without loading resvg, so a thread that hands PNG work to a
// worker never pays for resvg's import (its loader asks for a process report to detect musl).
import type { ResvgRenderOptions } from "@resvg/resvg-js";
import { CohortError } from "../errors.js";
import * as msg from "../messages/reports.js";
import { CHART_FONT } from "./theme.js";

/** The chart font's files inside the npm package that ships them (Google Fonts' Arimo, SIL OFL 1.1). */
const FONT_PACKAGE_FILES = ["400Regular/Arimo_400Regular.ttf", "700Bold/Arimo_700Bold.ttf", "400Regular_Italic/Arimo_400Regular_Italic.ttf"].map((file) => `@expo-google-fonts/arimo/${file}`);

/** A package file's path, resolved as node resolves imports from here (works in a checkout and when installed). */
function fontFile(specifier: string): string {
  try {
    return createRequire(import.meta.url).resolve(specifier);
  } catch {
    throw new CohortError({ file: specifier, message: msg.fontMissing(specifier) });
  }
}

/**
 * The font files PNG rendering loads, and nothing else: resvg is told not to scan the system
 * fonts, so a PNG never changes because another font got installed or the machine runs another
 * operating system. Found through node's module resolution, not a system path.
 *
 * @throws CohortError when the font package is not installed
 * @example
 * chartFontFiles()[0].endsWith("Arimo_400Regular.ttf"); // => true
 */
export function chartFontFiles(): string[] {
  return FONT_PACKAGE_FILES.map(fontFile);
}

/**
 * The resvg options of every chart PNG (white background, `scale`×, only the chart font loaded),
 * after finding the font files. Shared by renderPng and the report's PNG worker, so both give the same bytes.
 *
 * @throws CohortError when a font file is missing
 * @example
 * pngOptions(2).fitTo; // => { mode: "zoom", value: 2 }
 */
export function pngOptions(scale = 2): ResvgRenderOptions {
  const files = chartFontFiles();
  for (const file of files) if (!existsSync(file)) throw new CohortError({ file, message: msg.fontMissing(file) });
  return {
    background: "white",
    fitTo: { mode: "zoom", value: scale },
    font: { loadSystemFonts: false, fontFiles: files, defaultFontFamily: CHART_FONT, sansSerifFamily: CHART_FONT },
  };
}
