/**
 * Splits text into lines of at most `width` characters at spaces (a longer word gets a line of its
 * own). Why: without a canvas, vega sizes a chart by estimating text at 0.8 × font size per
 * character, so one long subtitle widens the whole image; lines keep it to the plot's width.
 *
 * @param text the text
 * @param width the most characters per line
 * @example
 * wrapText("two groups, 5 vs 5; alpha 0.05", 12); // => ["two groups,", "5 vs 5;", "alpha 0.05"]
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    if (line === "") line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}
