import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { CONTROLS, visibleControls } from "../io/visible-controls.js";
import { stripVegaAria } from "./strip-vega-aria.js";
import { useChartFontMetrics } from "./text-width.js";

/**
 * Renders a Vega-Lite spec to SVG text in Node, with no canvas and no browser: vega-lite compiles
 * it, a headless vega View (renderer "none") draws it with `toSVG()`, measuring text in the chart
 * font (useChartFontMetrics). The result is normalised
 * (see normaliseSvg) so the same spec gives the same bytes in any process, carries no ARIA
 * attributes of vega's (see stripVegaAria): whoever shows the chart names and describes it once,
 * and shows control characters of study text in labels visibly (see svgVisibleControls).
 * Reference: Vega View API, https://vega.github.io/vega/docs/api/view/#view_toSVG
 *
 * @param spec a Vega-Lite top-level spec (data inline)
 * @throws Error when vega-lite cannot compile the spec or vega cannot render it
 * @example
 * (await renderSvg({ data: { values: [{ a: 1 }] }, mark: "point", encoding: { x: { field: "a", type: "quantitative" } } })).startsWith("<svg"); // => true
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  useChartFontMetrics();
  const compiled = compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none", logLevel: vega.Error });
  try {
    return svgVisibleControls(normaliseSvg(stripVegaAria(await view.toSVG())));
  } finally {
    view.finalize();
  }
}

/**
 * Makes rendered SVG byte-stable, as Observable Plot's snapshot suite does: ids that vega numbers
 * with a process-wide counter (clip paths, gradients) are renumbered from 1 in order of
 * appearance, and coordinates (numbers inside tags, not the text drawn) are limited to 3 decimals
 * (floating-point dust differs between runs of different charts, never visibly).
 * Reference: observablehq/plot test/plot-snapshot.js (reindexIri, toFixed(3))
 *
 * @example
 * normaliseSvg('<clipPath id="clip7"/><g clip-path="url(#clip7)"><path d="M0.12345,1"/></g>'); // => '<clipPath id="clip1"/><g clip-path="url(#clip1)"><path d="M0.123,1"/></g>'
 */
export function normaliseSvg(svg: string): string {
  const renamed = new Map<string, string>();
  const counters = new Map<string, number>();
  for (const match of svg.matchAll(/\sid="([A-Za-z_-]+?)(\d+)"/g)) {
    const whole = `${match[1]}${match[2]}`;
    if (renamed.has(whole)) continue;
    const next = (counters.get(match[1]!) ?? 0) + 1;
    counters.set(match[1]!, next);
    renamed.set(whole, `${match[1]}${next}`);
  }
  let out = svg.replace(/(\sid="|url\(#)([A-Za-z_-]+?\d+)([")])/g, (all, before: string, id: string, after: string) => `${before}${renamed.get(id) ?? id}${after}`);
  // Inside tags only: a number a label prints ("p < 0.0001") is text, not a coordinate.
  out = out.replace(/<[^>]*>/g, (tag) => tag.replace(/\d+\.\d{4,}/g, (number) => String(+(+number).toFixed(3))));
  return out;
}

/**
 * SVG with control characters shown as their pictures (ESC → ␛, U+202E → `<U+202E>`, escaped as
 * markup): XML 1.0 forbids most C0 controls, so resvg refuses the whole figure (a study title with an
 * escape sequence stopped `npm run reports`), and a bidirectional override would reorder a label.
 * vega writes none of these characters itself, so only study text changes.
 * Reference: XML 1.0 §2.2 (Char), https://www.w3.org/TR/xml/#charsets
 *
 * @example
 * svgVisibleControls("<text>a\u001b[2J\u202eb</text>"); // => "<text>a␛[2J&lt;U+202E&gt;b</text>"
 */
export function svgVisibleControls(svg: string): string {
  return svg.replace(CONTROLS, (character) => visibleControls(character).replace(/</g, "&lt;").replace(/>/g, "&gt;"));
}
