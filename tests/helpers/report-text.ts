import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Reading generated reports as text, for the tests that hold each sentence to its study file:
 * report.md and the study's part of the notebook split into short units (a clause or a table
 * cell), with where each came from, and the words of a study's own files.
 */

/** One clause or table cell of a report, and the artefact it belongs to (undefined: the report's own frame). */
export interface TextUnit {
  text: string;
  where: string;
  /** Artefact id (from its CSV or figure link, or the notebook article id), when the unit sits inside one. */
  artefact?: string;
  /** The exercise's method line, when the unit is part of an exercise. */
  exerciseMethod?: string;
  /** The whole line, paragraph or table cell the unit was cut from. */
  block: string;
}

const ENTITIES: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": '"', "&#39;": "'", "&#x27;": "'" };

/** Markdown or HTML text as a reader sees it: escapes and entities undone, tags dropped. */
export function plainText(text: string): string {
  return text
    .replace(/<[^>]+>/g, " ")
    .replace(/&(lt|gt|amp|quot|#39|#x27);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, "$1");
}

/** A prose line cut into clauses: at sentence ends, semicolons, colons followed by a space, and " | ". */
export function clauses(line: string): string[] {
  return line
    .split(/(?<=[.;!?])\s+|:\s+|\s\|\s/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/**
 * report.md as units: table rows become one unit per cell, prose lines their clauses. Each unit
 * knows its artefact (the `### ` section it is in, identified by its `tables/<id>.csv` or
 * `figures/<id>.svg` link) and, in the Exercises list, the exercise's "How:" line.
 */
export function markdownUnits(markdown: string, where: string): TextUnit[] {
  const units: TextUnit[] = [];
  const sections = markdown.split(/\n(?=#{2,3} )/);
  for (const section of sections) {
    const link = /\((?:tables|figures)\/([a-z0-9-]+)\.(?:csv|svg)\)/.exec(section);
    // The verdict opens the report as a "## " section without a table; it names the module that wrote it.
    const artefact = section.startsWith("### ") && link ? link[1] : section.startsWith("## ") && /\(src\/appraisal\/verdict\.ts\)/.test(section) ? "verdict" : undefined;
    const exercises = section.startsWith("## Exercises") ? section.split(/\n(?=\d+\. )/) : [section];
    for (const block of exercises) {
      const method = /\n\s+- How: (.*)/.exec(block)?.[1];
      for (const raw of block.split("\n")) {
        const line = plainText(raw);
        if (/^\|\s*-/.test(raw)) continue;
        const parts = raw.startsWith("|") ? line.split(/\s\|\s|^\|\s|\s\|$/).map((c) => c.trim()).filter(Boolean).map((cell) => [cell, cell] as const) : clauses(line).map((clause) => [clause, line] as const);
        for (const [text, block] of parts) units.push({ text, block, where, ...(artefact ? { artefact } : {}), ...(method ? { exerciseMethod: plainText(method) } : {}) });
      }
    }
  }
  return units;
}

/** The part of the notebook (index.html) about one study: its `<section class="study">`. */
export function notebookSection(html: string, studyId: string): string {
  const start = html.indexOf(`<section class="study" id="study-${studyId}">`);
  if (start < 0) return "";
  const end = html.indexOf("</section>\n<section", start);
  return html.slice(start, end < 0 ? undefined : end);
}

/** The notebook section as units: each article's paragraphs, cells and exercises, with the article's artefact id. */
export function notebookUnits(section: string, studyId: string, where: string): TextUnit[] {
  const units: TextUnit[] = [];
  // An article ends where the next article, heading, note or exercise begins.
  const pieces = section.split(/(?=<article |<li class="exercise"|<h3[ >]|<p class="note">|<p class="back">)/);
  for (const piece of pieces) {
    const article = new RegExp(`^<article class="artefact" id="${studyId}-([a-z0-9-]+)"`).exec(piece)?.[1];
    const method = /<p class="method">Computed with (.*?)<\/p>/s.exec(piece)?.[1];
    for (const block of piece.split(/<\/(?:p|td|th|li|figcaption|caption|summary|dt|dd|h\d)>/)) {
      const text = plainText(block).replace(/\s+/g, " ").trim();
      for (const part of clauses(text)) units.push({ text: part, block: text, where, ...(article ? { artefact: article } : {}), ...(method ? { exerciseMethod: plainText(method) } : {}) });
    }
  }
  return units;
}

/** The CSV files of one report folder, by file name. */
export function reportCsvs(folder: string): Map<string, string> {
  const tables = join(folder, "tables");
  const out = new Map<string, string>();
  if (!existsSync(tables)) return out;
  for (const name of readdirSync(tables).sort()) out.set(name, readFileSync(join(tables, name), "utf8"));
  return out;
}

/** RFC 4180 rows of a CSV text (quoted cells may hold commas and quotes). */
export function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(cell), (cell = "");
    else if (c === "\n") row.push(cell), rows.push(row), (row = []), (cell = "");
    else cell += c;
  }
  if (cell !== "" || row.length > 0) row.push(cell), rows.push(row);
  return rows;
}

/** Lower-case words of a text (letters, inner hyphens and apostrophes). */
export function wordsOf(text: string): Set<string> {
  return new Set((text.match(/[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’-]*[A-Za-zÀ-ÿ]|[A-Za-z]/g) ?? []).map((word) => word.toLowerCase()));
}
