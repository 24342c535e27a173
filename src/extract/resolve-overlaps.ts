import type { ExtractedStatistic, StatisticKind } from "./types.js";

/**
 * How specific each kind is: where two readings overlap, the more specific one wins. A test statistic
 * owns the p printed after it; an effect or mean with its CI owns its numbers; a count with its
 * percentage beats the bare count or the sample size it sits in.
 */
export const kindPriority: Readonly<Record<StatisticKind, number>> = {
  "test-statistic": 10,
  "effect-ci": 9,
  "mean-ci": 8,
  "median-spread": 7,
  "mean-dispersion": 6,
  "count-percent": 5,
  "percent-change": 4,
  "count-of-total": 3,
  "p-value": 2,
  "sample-size": 1,
};

/**
 * Keeps one reading of each stretch of text: candidates are taken most specific kind first, then
 * longest, then earliest, and each is kept only if it overlaps none kept before. The result is in text
 * order. Work is linear in the candidates' total length (each marks the characters it covers).
 *
 * @example
 * // "11/20 (55%)" read as count-percent and its "11/20" as count-of-total: only the count-percent stays.
 */
export function resolveOverlaps(candidates: readonly ExtractedStatistic[], textLength: number): ExtractedStatistic[] {
  const order = [...candidates].sort(
    (a, b) => kindPriority[b.kind] - kindPriority[a.kind] || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const taken = new Uint8Array(textLength);
  const kept: ExtractedStatistic[] = [];
  for (const candidate of order) {
    let free = true;
    for (let i = candidate.start; i < candidate.end && free; i++) free = taken[i] === 0;
    if (!free) continue;
    taken.fill(1, candidate.start, candidate.end);
    kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}
