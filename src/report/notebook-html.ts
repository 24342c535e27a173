import { createHash } from "node:crypto";
import { CohortError } from "../errors.js";
import * as msg from "../messages/reports.js";
import { RECONSTRUCTION_LABEL } from "../schema/reconstruction.js";
import type { Study } from "../schema/study.js";
import { REPORT_SECTIONS, type Artefact, type Skipped } from "./artefact.js";
import { escapeHtml } from "./escape-html.js";
import { citationLine } from "./study-lookup.js";
import { unsafeSvgReason } from "./svg-safety.js";
import type { Table } from "./table.js";

/** An artefact with its chart already rendered to SVG. */
export interface RenderedArtefact extends Artefact {
  svg?: string;
}

/** One study's part of the notebook. */
export interface NotebookStudy {
  study: Study;
  artefacts: RenderedArtefact[];
  skipped: Skipped[];
}

/** Extra free-standing sections (e.g. the claims registers), already as artefacts. */
export interface NotebookExtra {
  id: string;
  title: string;
  paragraphs: string[];
  artefacts: RenderedArtefact[];
}

/** Rows shown per table in the notebook; longer tables point to their CSV. */
export const NOTEBOOK_TABLE_ROWS = 25;

/** The notebook's only script: reveals an exercise's answer when its button is clicked. */
const REVEAL_SCRIPT = `document.addEventListener("click", function (event) {
  var button = event.target.closest ? event.target.closest("button.reveal") : null;
  if (!button) return;
  var answer = document.getElementById(button.getAttribute("aria-controls"));
  if (!answer) return;
  var open = answer.hidden;
  answer.hidden = !open;
  button.setAttribute("aria-expanded", open ? "true" : "false");
  button.textContent = open ? "Hide answer" : "Show answer";
});`;

const STYLE = `body{font-family:"Liberation Sans",Arial,sans-serif;max-width:1100px;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}
h1{font-size:1.8rem}h2{border-bottom:2px solid #ddd;padding-bottom:.3rem;margin-top:3rem}h3{margin-top:2rem}h4{margin-bottom:.3rem}
.label{display:inline-block;background:#fff3cd;border:1px solid #e0c36a;padding:.1rem .5rem;font-size:.85rem;border-radius:3px}
.table-wrap{overflow-x:auto}table{border-collapse:collapse;font-size:.85rem;margin:.5rem 0}th,td{border:1px solid #ddd;padding:.25rem .45rem;vertical-align:top;text-align:left}th{background:#f5f5f5}td.num{text-align:right;font-variant-numeric:tabular-nums}
figure.chart{margin:1rem 0;overflow-x:auto}figure.chart svg{max-width:100%;height:auto}figcaption{font-size:.85rem;color:#555}
.exercise{margin-bottom:1rem}.answer{background:#eef6ee;border-left:4px solid #5a5;padding:.4rem .8rem;margin-top:.4rem}.method{font-size:.8rem;color:#555}
button.reveal{font:inherit;padding:.2rem .7rem;cursor:pointer}nav ul{columns:2}.note{color:#555;font-size:.9rem}`;

/**
 * The self-contained teaching notebook (reports/index.html): narrative, every chart as inline SVG,
 * tables, and exercises whose computed answers are revealed on click. No network: no external
 * script, style, font or image, and a Content-Security-Policy that allows only the notebook's one
 * script (by hash) — so even a script that slipped into the page would not run. All text from data
 * files is HTML-escaped.
 *
 * @param studies each study with its rendered artefacts
 * @param extras further sections (claims registers)
 * @throws CohortError when a chart's SVG carries a script or an event handler
 * @example
 * notebookHtml([], []).startsWith("<!doctype html>"); // => true
 */
export function notebookHtml(studies: readonly NotebookStudy[], extras: readonly NotebookExtra[] = []): string {
  const e = escapeHtml;
  const hash = createHash("sha256").update(REVEAL_SCRIPT).digest("base64");
  const csp = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'`;
  let exerciseCounter = 0;
  const withExercises = studies.filter((s) => s.artefacts.some((a) => (a.exercises ?? []).length > 0)).length;
  const renderExercises = (artefacts: readonly RenderedArtefact[]): string[] => {
    const exercises = artefacts.flatMap((a) => a.exercises ?? []);
    if (exercises.length === 0) return [];
    const out = ['<section class="exercises">', "<h3>Exercises</h3>", "<ol>"];
    for (const exercise of exercises) {
      exerciseCounter += 1;
      const answerId = `answer-${exerciseCounter}`;
      out.push(
        `<li class="exercise"><p class="question">${e(exercise.question)}</p>`,
        `<button type="button" class="reveal" aria-expanded="false" aria-controls="${answerId}">Show answer</button>`,
        `<div class="answer" id="${answerId}" hidden><p>${e(exercise.answer)}</p><p class="method">Computed with ${e(exercise.method)}</p></div></li>`,
      );
    }
    out.push("</ol>", "</section>");
    return out;
  };
  const parts: string[] = [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    "<title>cohortcheck: a critical-appraisal notebook</title>",
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    "<header>",
    "<h1>cohortcheck: reading clinical studies critically</h1>",
    `<p>Generated by <code>npm run reports</code> from the study files in <code>data/studies/</code>. For each study: what its source reports, what can be rebuilt from those numbers (labelled <span class="label">${e(RECONSTRUCTION_LABEL)}</span>), what the checks find, and what the evidence cannot carry.${withExercises ? ` ${withExercises === studies.length ? "Each study ends" : "Studies with something to compute end"} with exercises; the answers are computed by the toolkit and hidden until you click.` : ""}</p>`,
    `<p>For a class: read a study's <em>Summary</em> first${withExercises ? ", then try its exercises before opening the answers; each answer names the function that computed it, so the numbers can be reproduced with the <code>cohort</code> CLI or the library" : ""}. Every chart is also in the study folder as a Vega-Lite spec, SVG and PNG, and every table as CSV.</p>`,
    "<nav><ul>",
    ...studies.map(({ study }) => `<li><a href="#study-${e(study.id)}">${e(study.title)}</a></li>`),
    ...extras.map((x) => `<li><a href="#${e(x.id)}">${e(x.title)}</a></li>`),
    "</ul></nav>",
    "</header>",
  ];
  const renderArtefact = (artefact: RenderedArtefact, prefix: string): string[] => {
    const out = [`<article class="artefact" id="${e(prefix)}-${e(artefact.id)}">`, `<h4>${e(artefact.title)}</h4>`];
    if (artefact.reconstruction) out.push(`<p><span class="label">${e(RECONSTRUCTION_LABEL)}</span></p>`);
    for (const paragraph of artefact.paragraphs) out.push(`<p>${e(paragraph)}</p>`);
    if (artefact.svg !== undefined && artefact.figure) {
      out.push(`<figure class="chart" data-chart="${e(artefact.id)}">${inlineSvg(artefact.svg, `${prefix}-${artefact.id}`)}<figcaption>${e(artefact.figure.alt)}</figcaption></figure>`);
    }
    if (artefact.table) out.push(tableHtml(artefact.table, `${prefix}/tables/${artefact.id}.csv`));
    out.push("</article>");
    return out;
  };
  for (const { study, artefacts, skipped } of studies) {
    parts.push(`<section class="study" id="study-${e(study.id)}">`, `<h2>${e(study.title)}</h2>`);
    parts.push(`<p><strong>Source:</strong> ${e(citationLine(study))} (${e(study.source.kind)}: ${e(study.source.description)})</p>`);
    parts.push(`<p><strong>Design:</strong> ${e(study.design.type.value)}, ${e(study.design.sampling.value)} sampling, control group: ${e(study.design.controlGroup.value)}, n = ${study.design.sampleSize.value}. Full report: <a href="${e(study.id)}/report.md">${e(study.id)}/report.md</a>.</p>`);
    const summaries = artefacts.filter((a) => a.summary !== undefined);
    // The verdict section opens the study, before the summary.
    const summaryHtml = summaries.length > 0 ? ['<h3>Summary</h3>', "<ul class=\"summary\">", ...summaries.map((a) => `<li>${e(a.summary!)}</li>`), "</ul>"] : [];
    if (!artefacts.some((a) => a.section === "verdict")) parts.push(...summaryHtml);
    for (const section of REPORT_SECTIONS) {
      const inSection = artefacts.filter((a) => a.section === section.id);
      if (section.id === "reported" && artefacts.some((a) => a.section === "verdict")) parts.push(...summaryHtml);
      if (inSection.length === 0) continue;
      parts.push(`<h3>${e(section.title)}</h3>`);
      for (const artefact of inSection) parts.push(...renderArtefact(artefact, study.id));
    }
    if (skipped.length > 0) {
      parts.push('<p class="note"><strong>Not applicable to this study:</strong> ' + skipped.map((s) => `${e(s.title)} (${e(s.reason)})`).join("; ") + "</p>");
    }
    parts.push(...renderExercises(artefacts), "</section>");
  }
  for (const extra of extras) {
    parts.push(`<section class="extra" id="${e(extra.id)}">`, `<h2>${e(extra.title)}</h2>`, ...extra.paragraphs.map((p) => `<p>${e(p)}</p>`));
    for (const artefact of extra.artefacts) parts.push(...renderArtefact(artefact, extra.id));
    parts.push(...renderExercises(extra.artefacts), "</section>");
  }
  parts.push(`<script>${REVEAL_SCRIPT}</script>`, "</body>", "</html>", "");
  return parts.join("\n");
}

function tableHtml(table: Table, csvPath: string): string {
  const e = escapeHtml;
  const shown = table.rows.slice(0, NOTEBOOK_TABLE_ROWS);
  const head = `<tr>${table.columns.map((c) => `<th>${e(c.label)}</th>`).join("")}</tr>`;
  const body = shown.map((row) => `<tr>${table.columns.map((c) => `<td${c.align === "right" ? ' class="num"' : ""}>${e(row[c.key] ?? "")}</td>`).join("")}</tr>`).join("\n");
  const more = table.rows.length > shown.length ? `<p class="note">First ${shown.length} of ${table.rows.length} rows; all are in <a href="${e(csvPath)}">${e(csvPath)}</a>.</p>` : "";
  return `<div class="table-wrap"><table>\n${head}\n${body}\n</table></div>${more}`;
}

/**
 * Chart SVG made safe to inline several times in one page: ids are prefixed so clip paths of two
 * charts cannot collide, the XML prolog is dropped, and SVG carrying a script, event handler or script URL
 * is refused (by parsing its markup, so escaped study text in labels is not mistaken for one).
 */
function inlineSvg(svg: string, prefix: string): string {
  const unsafe = unsafeSvgReason(svg);
  if (unsafe) throw new CohortError({ message: msg.unsafeSvg(prefix, unsafe) });
  const safePrefix = prefix.replace(/[^A-Za-z0-9_-]/g, "-");
  return svg
    .replace(/^<\?xml[^>]*>\s*/, "")
    .replace(/(\sid=")([^"]+)"/g, (_all, before: string, id: string) => `${before}${safePrefix}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_all, id: string) => `url(#${safePrefix}-${id})`)
    .replace(/(\shref="#|xlink:href="#)([^"]+)"/g, (_all, before: string, id: string) => `${before}${safePrefix}-${id}"`);
}
