import { createHash } from "node:crypto";
import { RECONSTRUCTION_LABEL } from "../schema/reconstruction.js";
import type { Study } from "../schema/study.js";
import { REPORT_SECTIONS, type Artefact, type Skipped } from "./artefact.js";
import { escapeHtml } from "./escape-html.js";
import { notebookExercise } from "./notebook-exercise.js";
import { notebookFigure } from "./notebook-figure.js";
import { NOTEBOOK_SCRIPT, NOTEBOOK_SCRIPT_PACKAGES } from "./notebook-script.js";
import { chartSwitchStyle, NOTEBOOK_STYLE } from "./notebook-style.js";
import { notebookTable } from "./notebook-table.js";
import { inPlainWords, type Glossary } from "./plain-names.js";
import { citationLine } from "./study-lookup.js";

export { NOTEBOOK_TABLE_ROWS } from "./notebook-table.js";

/** An artefact with its chart already rendered to SVG (wide, and narrow when the figure has a phone layout). */
export interface RenderedArtefact extends Artefact {
  svg?: string;
  narrowSvg?: string;
}

/** One study's part of the notebook. */
export interface NotebookStudy {
  study: Study;
  artefacts: RenderedArtefact[];
  skipped: Skipped[];
  /** Internal ids and the words shown instead (plainNames); none replaced when absent. */
  glossary?: Glossary;
}

/** Extra free-standing sections (e.g. the claims registers), already as artefacts. */
export interface NotebookExtra {
  id: string;
  title: string;
  paragraphs: string[];
  artefacts: RenderedArtefact[];
}

const NO_GLOSSARY: Glossary = new Map();

/**
 * The self-contained teaching notebook (reports/index.html): narrative, every chart as inline SVG
 * (with a phone layout where it has one), tables, and exercises a reader answers in the page. Made for
 * any screen and for assistive technology: a `<main>` landmark, contents for the page and for each
 * study, back-to-top links, headings in order, charts as named and described images, tables with
 * captions and column headers, plain words for internal ids (the ids stay in "for the toolkit"
 * details). No network: no external script, style, font or image, and a Content-Security-Policy that
 * allows only the notebook's one script (by hash). All text from data files is HTML-escaped.
 *
 * @param studies each study with its rendered artefacts
 * @param extras further sections (claims registers)
 * @throws CohortError when a chart's SVG carries a script or an event handler
 * @example
 * notebookHtml([], []).startsWith("<!doctype html>"); // => true
 */
export function notebookHtml(studies: readonly NotebookStudy[], extras: readonly NotebookExtra[] = []): string {
  const e = escapeHtml;
  const hash = createHash("sha256").update(NOTEBOOK_SCRIPT).digest("base64");
  const csp = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'`;
  const fits = new Map<string, number>();
  let exerciseCounter = 0;
  const withExercises = studies.filter((s) => s.artefacts.some((a) => (a.exercises ?? []).length > 0)).length;

  /** Renders the parts of one section (a study or an extra), with its glossary. */
  const renderer = (folder: string, glossary: Glossary) => {
    const words = (text: string, used?: Set<string>) => {
      const plain = inPlainWords(text, glossary);
      for (const id of plain.replaced) used?.add(id);
      return plain.text;
    };
    const glossaryHtml = (used: ReadonlySet<string>) =>
      used.size === 0 ? "" : `<p>Named in plain words above:</p><dl class="glossary">${[...used].sort().map((id) => `<dt>${e(id)}</dt><dd>${e(glossary.get(id) ?? id)}</dd>`).join("")}</dl>`;

    const artefactHtml = (artefact: RenderedArtefact, level: 3 | 4): string[] => {
      const used = new Set<string>();
      const w = (text: string) => words(text, used);
      const anchor = `${folder}-${artefact.id}`;
      const out = [`<article class="artefact" id="${e(anchor)}">`, `<h${level}>${e(w(artefact.title))}</h${level}>`];
      if (artefact.reconstruction) out.push(`<p><span class="label">${e(RECONSTRUCTION_LABEL)}</span></p>`);
      const list = artefact.list ? `<ol>${artefact.list.items.map((item) => `<li>${e(w(item))}</li>`).join("")}</ol>` : "";
      artefact.paragraphs.forEach((paragraph, i) => {
        if (i === artefact.list?.after) out.push(list);
        out.push(`<p>${e(w(paragraph))}</p>`);
      });
      if (artefact.list && artefact.list.after >= artefact.paragraphs.length) out.push(list);
      const readerColumns = artefact.table?.columns.filter((c) => !c.toolkit);
      const toolkitColumns = artefact.table?.columns.filter((c) => c.toolkit) ?? [];
      const csv = `${folder}/tables/${artefact.id}.csv`;
      if (artefact.svg !== undefined && artefact.figure) {
        const figureTable = artefact.figure.table;
        const dataHtml = figureTable
          ? `<details class="chart-data"><summary>The chart's numbers as a table</summary>${notebookTable(figureTable, `Numbers drawn in the chart: ${artefact.title}`, undefined, w, csv)}</details>`
          : artefact.table
            ? "The numbers behind it are in the table below."
            : "";
        const figure = notebookFigure({ prefix: anchor, id: artefact.id, svg: artefact.svg, ...(artefact.narrowSvg !== undefined ? { narrowSvg: artefact.narrowSvg } : {}), name: w(artefact.title), description: w(artefact.figure.alt), dataHtml });
        if (figure.fit) fits.set(figure.fit.name, figure.fit.width);
        out.push(figure.html);
      }
      if (artefact.table) out.push(notebookTable(artefact.table, artefact.title, readerColumns, w, csv));
      const files = [
        ...(artefact.figure && artefact.svg !== undefined ? [["Vega-Lite spec", `figures/${artefact.id}.vl.json`], ["SVG", `figures/${artefact.id}.svg`], ["PNG", `figures/${artefact.id}.png`]] : []),
        ...(artefact.table ? [["CSV", `tables/${artefact.id}.csv`]] : []),
      ];
      const toolkitTable =
        artefact.table && toolkitColumns.length > 0
          ? notebookTable(artefact.table, `${artefact.title}: columns for the toolkit`, [readerColumns![0] ?? artefact.table.columns[0]!, ...toolkitColumns], (text) => text, csv)
          : "";
      out.push(
        `<details class="toolkit"><summary>For the toolkit</summary><p>Artefact <code>${e(artefact.id)}</code>${files.length > 0 ? `; files: ${files.map(([label, path]) => `<a href="${e(`${folder}/${path}`)}">${label}</a>`).join(", ")}` : ""}.</p>${glossaryHtml(used)}${toolkitTable}</details>`,
        "</article>",
      );
      return out;
    };

    const exercisesHtml = (artefacts: readonly RenderedArtefact[], headingId: string): string[] => {
      const exercises = artefacts.flatMap((a) => a.exercises ?? []);
      if (exercises.length === 0) return [];
      // Not a named region: every study has one, and landmarks of one name would be indistinguishable.
      const out = [`<section class="exercises">`, `<h3 id="${e(headingId)}">Exercises</h3>`, '<ol class="exercises">'];
      for (const exercise of exercises) {
        exerciseCounter += 1;
        const used = new Set<string>();
        const w = (text: string) => words(text, used);
        // Rendered once to collect the ids it names, then with their glossary in its toolkit detail.
        notebookExercise(exercise, exerciseCounter, w, "");
        out.push(notebookExercise(exercise, exerciseCounter, w, glossaryHtml(used)));
      }
      out.push("</ol>", "</section>");
      return out;
    };
    return { words, artefactHtml, exercisesHtml };
  };

  const body: string[] = [];
  const contents: string[] = [];
  for (const { study, artefacts, skipped, glossary } of studies) {
    const r = renderer(study.id, glossary ?? NO_GLOSSARY);
    const studyAnchor = `study-${study.id}`;
    const sectionId = (section: string) => `${study.id}--${section}`;
    const summaries = artefacts.filter((a) => a.summary !== undefined);
    const hasVerdict = artefacts.some((a) => a.section === "verdict");
    const hasExercises = artefacts.some((a) => (a.exercises ?? []).length > 0);
    // The sections in page order, with their ids, for the study's own contents.
    const order: Array<{ id: string; title: string }> = [];
    const summaryPart = summaries.length > 0 ? [{ id: "summary", title: "Summary" }] : [];
    if (!hasVerdict) order.push(...summaryPart);
    for (const section of REPORT_SECTIONS) {
      if (section.id === "reported" && hasVerdict) order.push(...summaryPart);
      if (artefacts.some((a) => a.section === section.id)) order.push({ id: section.id, title: section.title });
    }
    if (hasExercises) order.push({ id: "exercises", title: "Exercises" });

    contents.push(`<li><a href="#${e(studyAnchor)}">${e(study.title)}</a></li>`);
    body.push(`<section class="study" id="${e(studyAnchor)}" aria-labelledby="${e(studyAnchor)}-title">`, `<h2 id="${e(studyAnchor)}-title">${e(study.title)}</h2>`);
    body.push(`<p><strong>Source:</strong> ${e(citationLine(study))} (${e(study.source.kind)}: ${e(r.words(study.source.description))})</p>`);
    body.push(`<p><strong>Design:</strong> ${e(study.design.type.value)}, ${e(study.design.sampling.value)} sampling, control group: ${e(study.design.controlGroup.value)}, n = ${study.design.sampleSize.value}. <a href="${e(study.id)}/report.md">The full report (Markdown)</a>.</p>`);
    body.push(`<nav class="in-study" aria-label="${e(`Parts of the study: ${study.title}`)}"><ul>${order.map((part) => `<li><a href="#${e(sectionId(part.id))}">${e(part.title)}</a></li>`).join("")}</ul></nav>`);
    const back = `<p class="back"><a href="#${e(studyAnchor)}">Back to this study's parts</a> · <a href="#top">Back to the contents</a></p>`;
    const summaryHtml = summaries.length > 0 ? [`<h3 id="${e(sectionId("summary"))}">Summary</h3>`, '<ul class="summary">', ...summaries.map((a) => `<li>${e(r.words(a.summary!))}</li>`), "</ul>", back] : [];
    // The verdict section opens the study, before the summary.
    if (!hasVerdict) body.push(...summaryHtml);
    for (const section of REPORT_SECTIONS) {
      const inSection = artefacts.filter((a) => a.section === section.id);
      if (section.id === "reported" && hasVerdict) body.push(...summaryHtml);
      if (inSection.length === 0) continue;
      body.push(`<h3 id="${e(sectionId(section.id))}">${e(section.title)}</h3>`);
      for (const artefact of inSection) body.push(...r.artefactHtml(artefact, 4));
      body.push(back);
    }
    if (skipped.length > 0) {
      body.push('<p class="note"><strong>Not applicable to this study:</strong> ' + skipped.map((s) => `${e(r.words(s.title))} (${e(r.words(s.reason))})`).join("; ") + "</p>");
    }
    if (hasExercises) body.push(...r.exercisesHtml(artefacts, sectionId("exercises")), back);
    body.push("</section>");
  }
  for (const extra of extras) {
    const r = renderer(extra.id, NO_GLOSSARY);
    contents.push(`<li><a href="#${e(extra.id)}">${e(extra.title)}</a></li>`);
    body.push(`<section class="extra" id="${e(extra.id)}" aria-labelledby="${e(extra.id)}-title">`, `<h2 id="${e(extra.id)}-title">${e(extra.title)}</h2>`, ...extra.paragraphs.map((p) => `<p>${e(p)}</p>`));
    for (const artefact of extra.artefacts) body.push(...r.artefactHtml(artefact, 3));
    body.push(...r.exercisesHtml(extra.artefacts, `${extra.id}--exercises`), '<p class="back"><a href="#top">Back to the contents</a></p>', "</section>");
  }

  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    "<title>cohortcheck: a critical-appraisal notebook</title>",
    `<style>${NOTEBOOK_STYLE}\n${chartSwitchStyle(fits)}</style>`,
    "</head>",
    "<body>",
    '<a class="skip" href="#main">Skip to the studies</a>',
    '<header id="top">',
    "<h1>cohortcheck: reading clinical studies critically</h1>",
    `<p>Generated by <code>npm run reports</code> from the study files in <code>data/studies/</code>. For each study: what its source reports, what can be rebuilt from those numbers (labelled <span class="label">${e(RECONSTRUCTION_LABEL)}</span>), what the checks find, and what the evidence cannot carry.${withExercises ? ` ${withExercises === studies.length ? "Each study ends" : "Studies with something to compute end"} with exercises: type or choose an answer and check it, ask for a hint, then open the worked answer. The toolkit computed every answer it accepts and every finding it shows.` : ""}</p>`,
    `<p>For a class: read a study's <em>Summary</em> first${withExercises ? ", then try its exercises; each worked answer names, under <em>For the toolkit</em>, the function that computed it, so the numbers can be reproduced with the <code>cohort</code> CLI or the library" : ""}. Every chart is also in the study folder as a Vega-Lite spec, SVG and PNG, and every table as CSV (links under <em>For the toolkit</em>).</p>`,
    "</header>",
    '<nav class="contents" aria-labelledby="contents-title">',
    '<h2 id="contents-title">Contents</h2>',
    `<ol>${contents.join("")}</ol>`,
    "</nav>",
    '<main id="main">',
    ...body,
    "</main>",
    `<footer><p>cohortcheck notebook. Reconstructions are labelled as such: none of them is patient data. The page's one script is cohortcheck's own code (it checks the exercises' answers) with ${e(NOTEBOOK_SCRIPT_PACKAGES.join(", "))} bundled in; their licences are in <a href="THIRD-PARTY-LICENSES.txt">THIRD-PARTY-LICENSES.txt</a>. <a href="#top">Back to the contents</a>.</p></footer>`,
    `<script>${NOTEBOOK_SCRIPT}</script>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
