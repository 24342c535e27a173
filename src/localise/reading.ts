/**
 * The small interface every localisation problem implements. A problem is a set of reported figures
 * that cannot all be true together (a percent-change chain, a composition, a mean with its SD and n,
 * a test statistic with its p); each figure has other ways it may have been computed or printed
 * (readings); the problem can test any choice of readings, one per figure at most, and say what the
 * numbers then imply. The engine (localise.ts) knows nothing of the domains.
 */

/** The kinds of slip a reading stands for; each has a prior (priors.ts) that ranks explanations of one size. */
export type SlipKind =
  | "percent-of-later"
  | "percentage-points"
  | "truncated"
  | "digit-neighbour"
  | "digit-transposed"
  | "other-denominator"
  | "missing-patients"
  | "off-grid"
  | "se-as-sd"
  | "population-sd"
  | "sd-as-se"
  | "ci-as-sd"
  | "one-tailed"
  | "statistic-truncated"
  | "sphericity-corrected";

/** One reported number of the set, as printed. */
export interface Figure {
  /** Unique within the problem, e.g. the reported value's id, or `<id>.sd`. */
  id: string;
  /** What it is, for people: "psycholytic-severity-s3-s6 (+24.56%)". */
  label: string;
  /** The figure as the source prints it (or the assumption it stands for, e.g. "n = 5 at after-s1"). */
  printed: string;
}

/** Another way one figure may have been computed or printed. `params` is the problem's own. */
export interface Reading<P = unknown> {
  figure: string;
  slip: SlipKind;
  /** A clause that completes "if <figure> …", e.g. "was computed relative to the later value". */
  label: string;
  params: P;
}

/** What a test of some readings found: whether everything fits, and what the figures then imply. */
export interface ReadingOutcome {
  status: "consistent" | "inconsistent" | "undetermined";
  /** How many solutions (tuples of means, count vectors, totals…) fit, when the problem counts them. */
  solutions?: number;
  /** What the fitting solutions imply, for people: "means after-s3 2.15; after-s6 2.85", "counts 9 + 11". */
  implies: string[];
  /** Per figure changed by a reading: the value the paper should have printed under the usual reading. */
  corrected: Record<string, string>;
  /** Structured evidence (tuples, counts…) for reports and charts. */
  details?: unknown;
}

/** A set of jointly inconsistent reported figures and the ways to read each. */
export interface LocalisationProblem<P = unknown> {
  /** The check the set failed, e.g. `percent-change-chain`. */
  check: string;
  /** Ids of the study's reported values the set is made of. */
  subject: string[];
  figures: Figure[];
  /** Every alternative reading of every figure (none is the as-printed reading). */
  readings: Reading<P>[];
  /** Estimated work units of one test under these readings, before running it. */
  cost(readings: readonly Reading<P>[]): number;
  /** Tests the figures with these readings applied (at most one per figure), the rest as printed. */
  test(readings: readonly Reading<P>[]): ReadingOutcome;
}
