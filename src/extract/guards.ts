import { pattern } from "./patterns.js";
import { look, type ScanContext } from "./scan-context.js";
import type { ExtractedNumber } from "./types.js";

const YEAR_CONTEXT = pattern(String.raw`(?:\b(?:[Ii]n|[Ss]ince|[Ff]rom|[Uu]ntil|[Tt]ill|[Dd]uring|[Bb]etween|[Bb]y|[Yy]ears?|et al\.?,?|[A-Z][a-z]{2,9},)|[(\[,;]) ?$`, "");

/**
 * Whether a whole number printed at `start` reads as a calendar year (1900–2099 after "in", "since",
 * "et al.", a name, a bracket…) rather than a count: "in 2019 (45%)" is not 2019 people.
 *
 * @example
 * // "Smith, 2019 (45%)": the number after a name and a comma is a year.
 */
export function looksLikeYear(context: ScanContext, start: number, value: ExtractedNumber): boolean {
  if (value.parsed.digits !== 0 || value.value < 1900 || value.value > 2099 || value.text.includes(",")) return false;
  return YEAR_CONTEXT.test(look(context, start - 12, start));
}

const REFERENCE_CONTEXT = pattern(String.raw`(?:\b(?:Tables?|Figs?\.?|Figures?|Supplementary|Appendix|Sections?|Chapters?|Refs?\.?|References?|p\.|pp\.|pages?|vol\.?|no\.|No\.|Step|Phase|Grade|Stage|Type|Day|Week|Month|Year|Session|Visit|Cycle|Version|Model|Study|Trial|Group|Arm|Cohort)) ?$`, "");

/**
 * Whether a number printed at `start` names a table, figure, page, reference or stage ("Table 2",
 * "p. 11", "Phase 3", "Day 14") rather than counting anything.
 */
export function looksLikeReference(context: ScanContext, start: number): boolean {
  return REFERENCE_CONTEXT.test(look(context, start - 14, start));
}

/** Whether a number is a whole number (no decimals printed). */
export const isWhole = (value: ExtractedNumber | undefined): boolean => value !== undefined && value.parsed.digits === 0 && !value.parsed.negative;

/** Whether lower ≤ estimate ≤ upper (an interval that contains its point estimate). */
export const contains = (lower: ExtractedNumber, estimate: ExtractedNumber, upper: ExtractedNumber): boolean =>
  lower.value <= estimate.value && estimate.value <= upper.value;
