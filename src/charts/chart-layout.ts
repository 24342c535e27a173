import { wrapText } from "./wrap-text.js";

/**
 * How a chart is laid out: "wide" for a desktop page and the report files, "narrow" for a phone —
 * the whole SVG at most NARROW_CHART_WIDTH px wide, so the page shows its text at its own size
 * instead of shrinking a wide chart (11 px text scaled to a 390 px screen is 3–7 px).
 */
export type ChartLayout = "wide" | "narrow";

/** The widest a narrow chart may be: a 390 px phone screen less the page's margins. */
export const NARROW_CHART_WIDTH = 358;

/** The widest a wide chart may be: the notebook's column on a 1366 px screen. */
export const WIDE_CHART_WIDTH = 1068;

/** The smallest text a chart draws (px), in either layout. */
export const MIN_CHART_FONT = 11;

/** Characters per line of a chart's title (14 px bold) and subtitle (11 px) in each layout. */
const CHARACTERS = { wide: { title: 90, subtitle: 96 }, narrow: { title: 38, subtitle: 54 } } as const;

/**
 * A chart's title block with both texts wrapped to the layout's width (vega draws each line as
 * given and does not wrap, so a long title would otherwise widen the whole SVG past a phone's screen).
 *
 * @param title the title
 * @param subtitle lines or one paragraph under it
 * @param layout wide or narrow
 * @example
 * chartTitle("p-values the reported numbers allow", "Reconstruction — not patient data.", "narrow").text; // => ["p-values the reported numbers allow"]
 */
export function chartTitle(title: string, subtitle: string | readonly string[] | undefined, layout: ChartLayout): { text: string[]; subtitle?: string[] } {
  const size = CHARACTERS[layout];
  const lines = subtitle === undefined ? [] : (typeof subtitle === "string" ? [subtitle] : subtitle).flatMap((line) => wrapText(line, size.subtitle));
  return { text: wrapText(title, size.title), ...(lines.length > 0 ? { subtitle: lines } : {}) };
}

/**
 * Text wrapped to a width in pixels at a font size, estimating a character at 0.56 em (Arimo's
 * average for lower-case prose; digits and capitals are wider, so it errs towards fewer characters).
 * A word longer than a line is broken with a hyphen rather than cut off.
 *
 * @example
 * wrapToPixels("moderately severe", 66, 11); // => ["moderately", "severe"]
 * wrapToPixels("benzodiazepine", 56, 11); // => ["benzodia-", "zepine"]
 */
export function wrapToPixels(text: string, pixels: number, fontSize: number): string[] {
  const characters = Math.max(4, Math.floor(pixels / (0.56 * fontSize)));
  const words = text.split(/\s+/).flatMap((word) => {
    if (word.length <= characters) return [word];
    const pieces: string[] = [];
    let rest = word;
    while (rest.length > characters) {
      pieces.push(`${rest.slice(0, characters - 1)}-`);
      rest = rest.slice(characters - 1);
    }
    return [...pieces, rest];
  });
  return wrapText(words.join(" "), characters);
}
