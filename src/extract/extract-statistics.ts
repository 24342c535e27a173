import type { Recogniser } from "./build-statistic.js";
import { countOfTotal } from "./count-of-total.js";
import { countPercent } from "./count-percent.js";
import { effectCi } from "./effect-ci.js";
import { meanCi } from "./mean-ci.js";
import { meanDispersion } from "./mean-dispersion.js";
import { medianSpread } from "./median-spread.js";
import { percentChange } from "./percent-change.js";
import { pValue } from "./p-value.js";
import { resolveOverlaps } from "./resolve-overlaps.js";
import { sampleSize } from "./sample-size.js";
import { scanContext } from "./scan-context.js";
import { testStatistic } from "./test-statistic.js";
import type { ExtractedStatistic } from "./types.js";

/** The recognisers, one per kind. */
export const recognisers: readonly Recogniser[] = [testStatistic, effectCi, meanCi, medianSpread, meanDispersion, countPercent, percentChange, countOfTotal, pValue, sampleSize];

/**
 * Finds every reported statistic in a plain text: counts with percentages, counts of totals, means
 * with SD/SE or CI, medians with IQR or range, percent changes, test statistics with their p, p-values,
 * effects with CIs and sample sizes. Each comes with its verbatim quote (`quote === text.slice(start,
 * end)`, UTF-16 offsets), its fields as printed, their exact numeric readings and flags for whatever
 * needs a person's eye. Where readings overlap, the more specific kind wins (resolveOverlaps).
 * Pure and linear in the length of the text.
 *
 * @param text the document as plain text, unchanged (offsets refer to it)
 * @example
 * extractStatistics("Females comprised 55% (11/20).")[0];
 * // => { kind: "count-percent", start: 18, end: 29, quote: "55% (11/20)",
 * //      fields: { count: "11", total: "20", percent: "55" }, values: {…}, flags: [] }
 */
export function extractStatistics(text: string): ExtractedStatistic[] {
  return extractStatisticsWithWork(text).statistics;
}

/**
 * extractStatistics, also returning the work done: the characters the scan and its context windows
 * looked at (a deterministic count, for showing the scan stays linear without timing it).
 *
 * @example
 * extractStatisticsWithWork("p = .04").work; // => a small multiple of the text's length
 */
export function extractStatisticsWithWork(text: string): { statistics: ExtractedStatistic[]; work: number } {
  const context = scanContext(text);
  const candidates = recognisers.flatMap((recogniser) => recogniser.recognise(context));
  for (const candidate of candidates) context.work += candidate.end - candidate.start;
  return { statistics: resolveOverlaps(candidates, text.length), work: context.work };
}
