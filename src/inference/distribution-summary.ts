import { medianSorted, quantileSorted } from "simple-statistics";
import * as z from "zod";
import { CohortError } from "../errors.js";
import * as message from "../messages/inference.js";
import { requireValues } from "./validate.js";

/** Five-number summary of many values (e.g. p-values over reconstructions) plus the share below a threshold. */
export const DistributionSummary = z.object({
  count: z.number().int().positive(),
  min: z.number(),
  q1: z.number(),
  median: z.number(),
  q3: z.number(),
  max: z.number(),
  threshold: z.number(),
  shareBelow: z.number().min(0).max(1).describe("share of values strictly below threshold"),
});
export type DistributionSummary = z.infer<typeof DistributionSummary>;

/**
 * Summarises a distribution: min, quartiles, max, and the share of values below a threshold.
 *
 * Why: over many reconstructed datasets a test has no single p-value; "p ranged 0.002–0.31, median
 * 0.04, below 0.05 in 58%" is the honest report. Quartiles and median are simple-statistics'
 * quantileSorted / medianSorted: linear interpolation between order statistics (Hyndman & Fan 1996
 * type 7, R's default quantile, since simple-statistics 7.12), so they match R.
 *
 * Reference: Hyndman RJ, Fan Y (1996) Sample quantiles in statistical packages. Am Stat 50:361–365,
 * doi:10.1080/00031305.1996.10473566.
 *
 * @param values at least one finite number
 * @param threshold default 0.05 (significance)
 * @throws {CohortError} on an empty list, non-finite values, or a non-finite threshold
 * @example
 * distributionSummary([0.01, 0.02, 0.03, 0.2]); // => { count: 4, min: 0.01, q1: 0.0175, median: 0.025, q3: 0.0725, max: 0.2, threshold: 0.05, shareBelow: 0.75 }
 */
export function distributionSummary(values: ReadonlyArray<number>, threshold = 0.05): DistributionSummary {
  requireValues("values", values, 1);
  if (!Number.isFinite(threshold)) throw new CohortError({ message: message.thresholdOutOfRange(threshold) });
  const sorted = [...values].sort((a, b) => a - b);
  const below = sorted.filter((value) => value < threshold).length;
  return {
    count: sorted.length,
    min: sorted[0] as number,
    q1: quantileSorted(sorted, 0.25),
    median: medianSorted(sorted),
    q3: quantileSorted(sorted, 0.75),
    max: sorted[sorted.length - 1] as number,
    threshold,
    shareBelow: below / sorted.length,
  };
}
