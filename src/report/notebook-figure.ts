import { CohortError } from "../errors.js";
import * as msg from "../messages/reports.js";
import { escapeHtml } from "./escape-html.js";
import { fitClass } from "./notebook-style.js";
import { unsafeSvgReason } from "./svg-safety.js";

/** A chart as the notebook shows it: its wide SVG, its narrow SVG (if any), name and description. */
export interface NotebookChart {
  /** Unique in the page; prefixes every id inside the SVGs. */
  prefix: string;
  /** Artefact id (data-chart). */
  id: string;
  svg: string;
  narrowSvg?: string;
  /** The chart's name (its title). */
  name: string;
  /** The chart's description (the figure's caption), already in plain words. */
  description: string;
  /** After the description: where the chart's numbers are, as HTML (a table or a pointer to one). */
  dataHtml: string;
}

/**
 * A chart as a figure with one name and one description: each SVG is an image (`role="img"`) named
 * by its own title and described by the caption; the narrow layout is shown instead of the wide one
 * below the screen width the wide one needs (the figure's fit class, see chartSwitchStyle), so a
 * chart's text is never scaled below its size. Returns the HTML and the fit class used (if any).
 *
 * @throws CohortError when an SVG carries a script, an event handler or a script URL
 * @example
 * notebookFigure({ prefix: "s-power", id: "power", svg: "<svg width=\"500\"></svg>", name: "Power", description: "d", dataHtml: "" }).html.startsWith('<figure class="chart'); // => true
 */
export function notebookFigure(chart: NotebookChart): { html: string; fit?: { name: string; width: number } } {
  const e = escapeHtml;
  const captionId = `${chart.prefix}-caption`;
  const wide = inlineSvg(chart.svg, `${chart.prefix}-w`, chart.name, captionId);
  const width = Number(/<svg[^>]*\swidth="(\d+(?:\.\d+)?)"/.exec(chart.svg)?.[1] ?? 0);
  const fit = chart.narrowSvg !== undefined && width > 0 ? { name: fitClass(width), width } : undefined;
  const narrow = chart.narrowSvg !== undefined ? `<div class="chart-narrow">${inlineSvg(chart.narrowSvg, `${chart.prefix}-n`, chart.name, captionId)}</div>` : "";
  const html = [
    `<figure class="chart${fit ? ` ${fit.name}` : ""}" data-chart="${e(chart.id)}">`,
    `<div class="chart-wide">${wide}</div>${narrow}`,
    `<figcaption id="${e(captionId)}">${e(chart.description)}${chart.dataHtml ? ` ${chart.dataHtml}` : ""}</figcaption>`,
    "</figure>",
  ].join("\n");
  return fit ? { html, fit } : { html };
}

/**
 * Chart SVG made safe to inline several times in one page, as one named image: ids are prefixed so
 * clip paths of two charts cannot collide, the XML prolog is dropped, the root gets `role="img"`, a
 * `<title>` naming it and `aria-describedby` pointing at the caption, and SVG carrying a script,
 * event handler or script URL is refused (by parsing its markup, so escaped study text in labels is
 * not mistaken for one).
 */
export function inlineSvg(svg: string, prefix: string, name: string, describedBy: string): string {
  const unsafe = unsafeSvgReason(svg);
  if (unsafe) throw new CohortError({ message: msg.unsafeSvg(prefix.replace(/-[wn]$/, ""), unsafe) });
  const safePrefix = prefix.replace(/[^A-Za-z0-9_-]/g, "-");
  const titleId = `${safePrefix}-title`;
  return svg
    .replace(/^<\?xml[^>]*>\s*/, "")
    .replace(/(\sid=")([^"]+)"/g, (_all, before: string, id: string) => `${before}${safePrefix}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_all, id: string) => `url(#${safePrefix}-${id})`)
    .replace(/(\shref="#|xlink:href="#)([^"]+)"/g, (_all, before: string, id: string) => `${before}${safePrefix}-${id}"`)
    .replace(/^<svg\b([^>]*)>/, (_all, attributes: string) => `<svg${attributes} role="img" aria-labelledby="${titleId}" aria-describedby="${escapeHtml(describedBy)}"><title id="${titleId}">${escapeHtml(name)}</title>`);
}
