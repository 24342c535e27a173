import type { Slice, SliceFamily } from "./score-slices.js";

/** Slices of one group under one band convention (or other variant of the constraints), named by `tag`. */
export interface SliceSource {
  family: SliceFamily;
  /** e.g. the band convention id; "" when there is only one. */
  tag: string;
}

/** One group's part of a dataset that attains an extreme: scores in scoring units, patients in class order. */
export interface WitnessGroup {
  before: number[];
  after: number[];
  /** Each patient's category, when per-category bounds applied. */
  categories?: string[];
  /** The group totals the slice assumed, when they are fixed. */
  totals: [number, number] | null;
  tag: string;
}

/** A dataset consistent with the constraints, one entry per group of the test: a reconstruction, never the data. */
export type Witness = WitnessGroup[];

/**
 * An extreme of a statistic or of p over every dataset the constraints allow. `attained` is a value a
 * dataset reaches (`witness` is one); `bound` is a value none passes, proven (an exact search, or a
 * theorem the doc of the test names). They are equal when the extreme is exact.
 */
export interface Extreme {
  attained: number | null;
  bound: number;
  exact: boolean;
  /** How the bound is known, in words. */
  boundBy: string;
  witness: Witness | null;
  /** The statistic at the witness (for an extreme of p) or p at the witness (for an extreme of the statistic). */
  companion?: number;
  /** True when `bound` is a limit the datasets approach but none attains (e.g. p → 0 as the SD of the changes → 0). */
  limit?: boolean;
  /** For a search over summary statistics: the correlation and the means and SDs (within their rounding) where the extreme sits. */
  setting?: { r: number; means: [number, number]; sds: [number, number] } | null;
}

/** A vector of a slice with the group totals and tag it came from, to realise as a witness. */
export interface Pick {
  slice: Slice;
  z: number[];
  tag: string;
}

/** The dataset behind a pick. */
export function witnessGroup(pick: Pick): WitnessGroup {
  const { before, after, categories } = pick.slice.realise(pick.z);
  return { before, after, ...(categories ? { categories } : {}), totals: pick.slice.totals, tag: pick.tag };
}

/** Sources whose slices are all exact (no relaxed constraint): only then is a found vector attained. */
export function relaxedOf(sources: readonly SliceSource[]): string[] {
  return [...new Set(sources.flatMap((s) => s.family.relaxed))];
}
