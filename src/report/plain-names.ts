import type { InstrumentRegistry } from "../io/load-instruments.js";
import type { ReportedValue } from "../schema/reported-value.js";
import type { Study } from "../schema/study.js";
import { checkNameEntries } from "./check-names.js";
import { describeCell } from "./describe-reported.js";
import { measureLabel, timepointLabel, valueGroupLabel, withoutDetail } from "./study-lookup.js";

/**
 * Internal ids a reader meets in report text, and the words the notebook shows instead: a study's
 * reported values, claims and stated limits (by what they are: measure, printed figure, group, time;
 * or the source's opening words), and the names of the alternative computations the checks try.
 * The notebook keeps each id in a "for the toolkit" detail beside the words that replace it.
 */
export type Glossary = ReadonlyMap<string, string>;

/** Alternative computations of a percent change (src/checks/chain-alternatives.ts), as a reader would say them. */
const COMPUTATIONS: ReadonlyArray<readonly [string, string]> = [
  ["percent-of-earlier", "the usual percent change, 100 × (later − earlier) / earlier"],
  ["percent-of-later", "a change relative to the later value, 100 × (later − earlier) / later"],
  ["percentage-points", "percentage points of the scale range, not percent"],
  ["means-off-grid-2dp", "group means off the item grid, rounded to 2 decimals (missing answers or an unreported n)"],
  ["means-off-grid-3dp", "group means off the item grid, rounded to 3 decimals (missing answers or an unreported n)"],
  ["mean-of-individual-changes", "a mean of each patient's own percent change"],
];

/**
 * The glossary of one study: every id with a hyphen (a one-word id such as "sex" or "enrolled" is also
 * a plain word, so it is left alone) of its reported values, claims and stated limits, plus the
 * computation names, mapped to words.
 *
 * @param study the validated study
 * @param instruments the instrument definitions (for measure names)
 * @example
 * plainNames(studyB, instruments).get("psycholytic-severity-s3-s6"); // => "BPI-SF severity +24.56% (Psycholytic KAP, After session 3 → After session 6)"
 */
export function plainNames(study: Study, instruments: InstrumentRegistry): Glossary {
  const names = new Map<string, string>(COMPUTATIONS);
  for (const value of study.reported) names.set(value.id, valueName(value, study, instruments));
  for (const claim of study.claims) names.set(claim.id, `the claim ${openingWords(claim.source.quote)}`);
  for (const limit of study.limitationsStated ?? []) names.set(limit.id, `the stated limit ${openingWords(limit.source.quote)}`);
  // The alternative "n − 1 or n − 2 at a timepoint" (dropout or a missing answer), named by its timepoint.
  for (const timepoint of study.design.timepoints) {
    for (const drop of [1, 2]) names.set(`n-${drop}-at-${timepoint.id}`, `${drop} fewer patient${drop === 1 ? "" : "s"} at ${timepointLabel(study, timepoint.id)}`);
  }
  for (const id of [...names.keys()]) if (!id.includes("-")) names.delete(id);
  // A check id in parentheses after a finding ("… (flow-arms-sum)"), named in words; only in parentheses,
  // so prose such as "a two-by-two table" is left alone.
  for (const [id, name] of checkNameEntries()) if (id.includes("-")) names.set(`(${id})`, `(${name})`);
  return names;
}

/**
 * A reported value in words: its measure, the figure as printed, and its group and time.
 *
 * @example
 * valueName(psycholyticS3S6, studyB, instruments); // => "BPI-SF severity +24.56% (Psycholytic KAP, After session 3 → After session 6)"
 */
export function valueName(value: ReportedValue, study: Study, instruments: InstrumentRegistry): string {
  const measure = measureLabel(study, instruments, value);
  const group = valueGroupLabel(study, value);
  const time =
    "from" in value && typeof value.from === "string" && "to" in value && typeof value.to === "string"
      ? `${timepointLabel(study, value.from)} → ${timepointLabel(study, value.to)}`
      : "timepoint" in value && typeof value.timepoint === "string"
        ? timepointLabel(study, value.timepoint)
        : "";
  const figure = (() => {
    switch (value.kind) {
      case "composition":
        return `${value.variable} (${value.categories.length} categor${value.categories.length === 1 ? "y" : "ies"})`;
      case "mean":
        return `mean ${value.mean}`;
      case "median":
        return `median ${value.median}`;
      case "mean-change":
        return `mean change ${value.change}`;
      case "band-shift":
        return `band shift ${describeCell(value)}`;
      case "test": {
        const s = value.statistic;
        return s ? `${s.name}${s.df ? `(${s.df.join(", ")})` : ""} = ${s.value}` : `${value.method ?? "test"}${value.p ? ` (p ${value.p.relation} ${value.p.value})` : ""}`;
      }
      case "effect":
        return `${value.label ?? value.measure.replace(/-/g, " ")} ${value.estimate}`;
      case "sample-flow":
        return `${value.stage.replace(/-/g, " ")} ${value.count}`;
      case "eligibility":
        return "entry criterion";
      case "proportion":
        return `${value.outcome} ${describeCell(value)}`;
      default:
        return describeCell(value);
    }
  })();
  const where = [group === "not stated" ? "" : withoutDetail(group), time].filter((part) => part !== "").join(", ");
  // A figure that already names its measure (a composition's variable) is not preceded by it again.
  const named = measure && !figure.startsWith(measure) ? `${measure} ${figure}` : figure;
  return `${named}${where ? ` (${where})` : ""}`;
}

/** A quote's first ten words, in quotation marks (with "…" when there are more). */
function openingWords(quote: string): string {
  const words = quote.replace(/\s+/g, " ").trim().split(" ");
  return `"${words.slice(0, 10).join(" ")}${words.length > 10 ? " …" : ""}"`;
}

/**
 * Text with every glossary id (as a whole token) replaced by its words, and the ids it replaced.
 *
 * @param text plain text (not yet escaped)
 * @param glossary a study's plainNames
 * @example
 * inPlainWords("consistent under: means-off-grid-3dp", plainNames(study, instruments)).text; // => "consistent under: group means off the item grid, rounded to 3 decimals (…)"
 */
export function inPlainWords(text: string, glossary: Glossary): { text: string; replaced: string[] } {
  const pattern = patternOf(glossary);
  if (pattern === undefined) return { text, replaced: [] };
  const replaced: string[] = [];
  const out = text.replace(pattern, (id: string) => {
    if (!replaced.includes(id)) replaced.push(id);
    return glossary.get(id) ?? id;
  });
  return { text: out, replaced };
}

const patterns = new WeakMap<Glossary, RegExp | undefined>();

/** One regular expression of a glossary's ids, longest first, each a whole token (not part of a longer id). */
function patternOf(glossary: Glossary): RegExp | undefined {
  if (patterns.has(glossary)) return patterns.get(glossary);
  const ids = [...glossary.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const pattern = ids.length === 0 ? undefined : new RegExp(`(?<![A-Za-z0-9_-])(?:${ids.map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})(?![A-Za-z0-9_-])`, "g");
  patterns.set(glossary, pattern);
  return pattern;
}
