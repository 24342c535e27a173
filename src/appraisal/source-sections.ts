import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CohortError } from "../errors.js";
import * as message from "../messages/appraisal.js";
import { declaredSources } from "../provenance/audit-sources.js";
import type { Source } from "../schema/source.js";
import type { SourceSection, Study } from "../schema/study.js";

/** The part of the source document a quote comes from. */
export interface LocatedSection {
  heading: string;
  kind: SourceSection["kind"];
  writtenBy: SourceSection["writtenBy"];
}

/**
 * Which section each quote of a study comes from. `resolved` is false when the study declares no
 * sections (every quote is then attributed to the document as a whole, as before sections existed).
 */
export interface Attribution {
  resolved: boolean;
  /** The section a quote lies in; undefined when unresolved. */
  sectionOf(source: Source): LocatedSection | undefined;
  /** One sentence saying how quotes were attributed, for the register. */
  description: string;
}

/** The head of a document, before its first declared heading: page furniture unless declared. */
const HEAD: LocatedSection = { heading: "(before the first heading)", kind: "page-furniture", writtenBy: "unattributed" };

/** No sections declared: every quote belongs to the source document as a whole. */
export function wholeDocumentAttribution(study: Study): Attribution {
  return {
    resolved: false,
    sectionOf: () => undefined,
    description: `the source's sections are not declared in the study file, so every quote is attributed to ${study.source.file} as a whole`,
  };
}

/**
 * Attributes quotes to the declared sections of the source text: each section starts at the first
 * whole line that reads its heading (after the previous section's start) and runs to the next.
 * A quote is placed where it first occurs in the document.
 *
 * @param study a validated study whose `source.sections` are declared
 * @param text the full text of `study.source.file`
 * @throws {CohortError} when a declared heading is not a line of the document (naming it and the JSON path)
 * @example
 * attributeSections(studyA, text).sectionOf({ file, quote: "dependence severity significantly lessened" })?.writtenBy; // => "unattributed"
 */
export function attributeSections(study: Study, text: string): Attribution {
  const sections = study.source.sections ?? [];
  if (sections.length === 0) return wholeDocumentAttribution(study);
  const lineStarts = [0];
  for (let i = 0; i < text.length; i += 1) if (text[i] === "\n") lineStarts.push(i + 1);
  const lines = lineStarts.map((start, index) => ({ start, text: text.slice(start, (lineStarts[index + 1] ?? text.length + 1) - 1).trim() }));
  const starts: number[] = [];
  let from = 0;
  sections.forEach((section, index) => {
    const line = lines.find((candidate) => candidate.start >= from && candidate.text === section.heading.trim());
    if (!line) throw new CohortError({ path: `$.source.sections[${index}].heading`, message: message.sectionHeadingNotFound(section.heading, study.source.file) });
    starts.push(line.start);
    from = line.start + 1;
  });
  const sectionAt = (position: number): LocatedSection => {
    let found: LocatedSection = HEAD;
    sections.forEach((section, index) => {
      if (position >= starts[index]!) found = { heading: section.heading, kind: section.kind, writtenBy: section.writtenBy };
    });
    return found;
  };
  return {
    resolved: true,
    sectionOf(source) {
      if (source.file !== study.source.file) return undefined;
      const position = text.indexOf(source.quote);
      return position < 0 ? undefined : sectionAt(position);
    },
    description: `quotes are attributed to the ${sections.length} sections declared for ${study.source.file} (${sections.map((section) => `${section.heading}: ${WRITTEN_BY[section.writtenBy]}`).join("; ")})`,
  };
}

/** Plain words for who wrote a section. */
export const WRITTEN_BY: Record<SourceSection["writtenBy"], string> = {
  "study-authors": "the study's authors",
  "secondary-author": "a named author writing about the study",
  unattributed: "no author given",
};

/**
 * Reads the source document of a study and attributes its quotes to the declared sections. A study
 * without sections needs no document. The document is looked up where `cohort audit-sources` looks:
 * the study's `sources` (relative to its file), else `../sources` beside the study file.
 *
 * @param study a validated study
 * @param studyFile the study file's path (to resolve its `sources`)
 * @throws {CohortError} when sections are declared but the document cannot be found, or a heading is missing
 * @example
 * loadAttribution(studyA, "data/studies/ketamine-im-substance-misuse.json").resolved; // => true
 */
export function loadAttribution(study: Study, studyFile: string): Attribution {
  if (!study.source.sections || study.source.sections.length === 0) return wholeDocumentAttribution(study);
  for (const place of declaredSources(study, studyFile)) {
    const candidate = existsSync(place) && statSync(place).isDirectory() ? join(place, study.source.file) : place;
    if (candidate.endsWith(study.source.file) && existsSync(candidate) && statSync(candidate).isFile()) {
      try {
        return attributeSections(study, readFileSync(candidate, "utf8"));
      } catch (error) {
        if (error instanceof CohortError) throw new CohortError(error.problems.map((problem) => ({ file: studyFile, ...problem })));
        throw error;
      }
    }
  }
  throw new CohortError({ file: studyFile, path: "$.source.sections", message: message.sectionDocumentNotFound(study.source.file) });
}

/**
 * The attribution for a study in a report: from its own file when known, else as if it sat in the
 * built-in data/studies folder (its sources then default to data/sources/). When declared sections
 * cannot be placed because the document is missing, the report falls back to the document as a
 * whole and says so (`cohort appraise` refuses instead).
 *
 * @example
 * attributionFor(studyA).resolved; // => true
 */
export function attributionFor(study: Study, studyFile?: string): Attribution {
  const file = studyFile ?? join(fileURLToPath(new URL("../../data/studies", import.meta.url)), `${study.id}.json`);
  try {
    return loadAttribution(study, file);
  } catch (error) {
    // A report still appraises a study copied without its documents, and says what it could not do.
    if (error instanceof CohortError && error.problems.every((problem) => problem.path === "$.source.sections")) {
      return { ...wholeDocumentAttribution(study), description: `the source's sections are declared but its document ${study.source.file} was not found beside the study file, so every quote is attributed to the document as a whole` };
    }
    throw error;
  }
}
