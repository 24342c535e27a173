import { extractStatistics } from "../extract/extract-statistics.js";
import type { ExtractedStatistic } from "../extract/types.js";
import { draftValue } from "./draft-value.js";
import { UNKNOWN } from "./unknown.js";

export interface DraftOptions {
  /** The source document's file name, as the draft's quotes cite it. */
  file: string;
  /** The draft study's id (a slug). */
  id: string;
  /** Where the source documents are, relative to the draft file (its `sources` field). */
  sources: string;
  /** The study JSON Schema, relative to the draft file (its `$schema` field), so editors autocomplete. */
  schema: string;
}

export interface Draft {
  /** The draft study file, as JSON data. */
  study: Record<string, unknown>;
  /** What the extractor read, in text order (one reported value each). */
  statistics: ExtractedStatistic[];
  /** How many fields the draft leaves `unknown`. */
  unknowns: number;
}

/** A design attribute nobody has read yet. */
const unknownAttribute = () => ({ value: UNKNOWN, basis: UNKNOWN });

/** Counts the `unknown` markers in a JSON value. */
function countUnknowns(value: unknown): number {
  if (value === UNKNOWN) return 1;
  if (Array.isArray(value)) return value.reduce((total: number, item) => total + countUnknowns(item), 0);
  if (value !== null && typeof value === "object") return Object.values(value).reduce((total: number, item) => total + countUnknowns(item), 0);
  return 0;
}

/**
 * Drafts a study file from a source text: every reported statistic the extractor finds becomes a
 * reported value quoted verbatim, with the fields only a person can fill (group, timepoint, measure,
 * comparison, and the whole design) written as `unknown`, and an `extraction` record of each quote's
 * offsets, kind and flags. The draft fails `cohort validate` until every `unknown` is filled (or its
 * value deleted); nothing is guessed.
 *
 * @param text the source document's text, unchanged
 * @example
 * draftStudy("Females comprised 55% (11/20).", { file: "a.txt", id: "a", sources: ".", schema: "study.schema.json" }).study.reported;
 * // => [{ kind: "proportion", id: "count-percent-1", count: 11, denominator: 20, percent: "55", group: "<unknown>", … }]
 */
export function draftStudy(text: string, options: DraftOptions): Draft {
  const statistics = extractStatistics(text);
  const perKind = new Map<string, number>();
  const drafted = statistics.map((statistic) => {
    const index = (perKind.get(statistic.kind) ?? 0) + 1;
    perKind.set(statistic.kind, index);
    const id = `${statistic.kind}-${index}`;
    return { statistic, id, ...draftValue(statistic, id, options.file) };
  });
  const study = {
    $schema: options.schema,
    sources: [options.sources],
    id: options.id,
    title: UNKNOWN,
    citation: { title: UNKNOWN },
    source: { file: options.file, kind: UNKNOWN, description: UNKNOWN },
    design: {
      type: unknownAttribute(),
      sampling: unknownAttribute(),
      allocation: unknownAttribute(),
      controlGroup: unknownAttribute(),
      blinding: unknownAttribute(),
      sampleSize: { value: UNKNOWN, source: { file: options.file, quote: UNKNOWN } },
      arms: [{ id: UNKNOWN, label: UNKNOWN, size: { value: UNKNOWN, source: { file: options.file, quote: UNKNOWN } }, intervention: { description: { value: UNKNOWN, source: { file: options.file, quote: UNKNOWN } } } }],
      timepoints: [{ id: UNKNOWN, label: UNKNOWN, order: 0 }],
      followUp: unknownAttribute(),
    },
    instruments: [],
    variables: [],
    reported: drafted.map((entry) => entry.value),
    claims: [],
    limitationsStated: [],
    extraction: {
      tool: "cohort extract",
      source: options.file,
      values: drafted.map(({ statistic, id, fill }) => ({ id, kind: statistic.kind, start: statistic.start, end: statistic.end, flags: statistic.flags, fill })),
    },
  };
  return { study, statistics, unknowns: countUnknowns({ ...study, extraction: undefined }) };
}
