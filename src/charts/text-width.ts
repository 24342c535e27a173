import * as vega from "vega";
import { ARIMO_WIDTHS } from "./arimo-widths.js";

/**
 * The width in pixels of a line of text in the chart font (Arimo), from the font's own advance
 * widths (arimo-widths.ts, generated from the font files). Why: without a canvas vega estimates every
 * character at 0.8 em, so it lays labels out ~60% wider than they are drawn: charts get wide empty
 * margins and truncate labels that would fit.
 *
 * @param text one line
 * @param fontSize in px
 * @param bold bold weight (titles)
 * @example
 * Math.round(textWidth("0123456789", 11)); // => 61 (ten digits of 1139/2048 em)
 */
export function textWidth(text: string, fontSize: number, bold = false): number {
  const table = bold ? ARIMO_WIDTHS.bold : ARIMO_WIDTHS.regular;
  const fallback = bold ? ARIMO_WIDTHS.fallback.bold : ARIMO_WIDTHS.fallback.regular;
  let units = 0;
  for (const character of text) units += table[character] ?? fallback;
  return (units * fontSize) / ARIMO_WIDTHS.unitsPerEm;
}

/** The parts of a vega text item its width depends on. */
interface TextItem {
  text?: unknown;
  fontSize?: number;
  fontWeight?: string | number;
}

/**
 * Makes vega measure chart text with the chart font's widths (textWidth) instead of its estimate.
 * Vega's text metrics are one object for the process; setting its `width` is the hook vega offers for
 * this (as vl-convert does). Idempotent; every chart uses the one font, so every chart measures alike.
 * Reference: vega-scenegraph textMetrics, https://github.com/vega/vega/blob/main/packages/vega-scenegraph/src/util/text.js
 *
 * @example
 * useChartFontMetrics(); // vega now lays out a chart's text at its drawn width
 */
export function useChartFontMetrics(): void {
  (vega as unknown as { textMetrics: { width: (item: TextItem, text?: unknown) => number } }).textMetrics.width = measure;
}

function measure(item: TextItem, text?: unknown): number {
  const value = text ?? item.text;
  const line = value === null || value === undefined ? "" : String(value);
  const size = item.fontSize ?? 11;
  const bold = item.fontWeight === "bold" || (typeof item.fontWeight === "number" && item.fontWeight >= 600) || item.fontWeight === "600" || item.fontWeight === "700";
  return size <= 0 ? 0 : textWidth(line, size, bold);
}
