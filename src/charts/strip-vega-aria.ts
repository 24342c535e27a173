/**
 * Removes the ARIA attributes vega writes into SVG (role, aria-roledescription, aria-label,
 * aria-hidden on every mark group and item). Why: a chart is one image to a screen reader; the page
 * that shows it gives it one name and one description (and a table of its numbers), while vega's
 * attributes read out raw field names mark by mark ("position: 0; mean: 1.6; …").
 * Reference: Vega-Lite config `aria`, https://vega.github.io/vega-lite/docs/config.html
 *
 * @param svg SVG text from vega's toSVG
 * @example
 * stripVegaAria('<g class="mark-rule role-mark" role="graphics-object" aria-roledescription="rule mark container"><line/></g>'); // => '<g class="mark-rule role-mark"><line/></g>'
 */
export function stripVegaAria(svg: string): string {
  return svg.replace(/\s(?:role|aria-[a-z]+)="[^"]*"/g, "");
}
