import { CohortError } from "../errors.js";
import * as msg from "../messages/checks.js";
import type { CheckResult } from "../schema/check-result.js";
import { integersInInterval, parseDecimal, roundingInterval, type RoundingMode } from "../stats/rounding.js";
import { references } from "./references.js";
import { compareVariance, sdFromSums } from "./sum-of-squares.js";
import { MAX_TOTALS, requireMode, requireWhole } from "./validate.js";

export interface DebitInput {
  /** Mean of 0/1 data (a proportion), string to keep trailing zeros. */
  mean: string;
  /** Sample SD, string to keep trailing zeros. */
  sd: string;
  n: number;
  rounding?: RoundingMode;
  threshold?: number;
}

/**
 * DEBIT (descriptive binary test): can a mean and sample SD of n values that are each 0 or 1 round
 * to the reported ones? Binary data are fixed by the number of ones k, so every k in 0…n whose mean
 * k/n fits is tried and its SD sqrt(k(n−k)/(n(n−1))) compared exactly with the SD's rounding
 * interval; the verdict is exact (scrutiny's `formula = "exact"`), not a bounds heuristic.
 * Reference: Heathers & Brown (2019), https://osf.io/5vb3u/; scrutiny `debit()` (sample SD only, #64).
 *
 * @param input.mean string, between 0 and 1
 * @param input.sd string, ≥ 0
 * @param input.n whole number ≥ 2
 * @throws CohortError for a mean outside 0–1, a negative SD, or n < 2
 * @example
 * debit({ mean: "0.05", sd: "0.21", n: 20 }).status; // => "inconsistent" (scrutiny test-debit.R)
 */
export function debit(input: DebitInput): CheckResult {
  const n = requireWhole("n", input.n, 1);
  if (n < 2) throw new CohortError({ message: msg.nTooSmallForSd(n) });
  const rounding = requireMode(input.rounding);
  const threshold = input.threshold ?? 5;
  const m = parseDecimal(input.mean, "mean");
  if (m.negative && m.scaled > 0) throw new CohortError({ message: msg.binaryMeanOutOfRange(input.mean) });
  if (m.scaled > 10 ** m.digits) throw new CohortError({ message: msg.binaryMeanOutOfRange(input.mean) });
  const s = parseDecimal(input.sd, "sd");
  if (s.negative && s.scaled > 0) throw new CohortError({ message: msg.negativeSd(input.sd) });
  const ks = integersInInterval(roundingInterval(input.mean, rounding, threshold), n);
  const sd = roundingInterval(input.sd, rounding, threshold);
  const first = Math.max(0, ks.first);
  const last = Math.min(n, ks.last);
  // Estimate the work first: one step per count of ones that fits the mean (about n/10^decimals).
  if (last - first + 1 > MAX_TOTALS) {
    return {
      check: "debit",
      status: "undetermined",
      inputs: { mean: input.mean, sd: input.sd, n },
      assumptions: { rounding, data: "binary (0/1)", sd: "sample SD (n − 1 denominator)" },
      explanation: `${last - first + 1} counts of ones out of ${n} fit mean ${input.mean} (more than the ${MAX_TOTALS} DEBIT tries): n is far above 10^${m.digits}, so the mean is too coarse to test`,
      reference: references.debit,
      details: { onesForMean: null, onesRange: { lowest: first, highest: last, count: last - first + 1 }, fitting: [] },
    };
  }
  const fitting: { ones: number; sd: number }[] = [];
  const meanFits: number[] = [];
  for (let k = first; k <= last; k++) {
    meanFits.push(k);
    // For 0/1 data Σa² = Σa = k, so the variance is (n·k − k²)/(n(n−1)).
    const q = BigInt(k);
    const lo = compareVariance(q, k, n, 1, Math.max(0, sd.lo), sd.den);
    const hi = compareVariance(q, k, n, 1, sd.hi, sd.den);
    const aboveLo = lo > 0 || (lo === 0 && (sd.loIn || sd.lo < 0));
    const belowHi = hi < 0 || (hi === 0 && sd.hiIn);
    if (aboveLo && belowHi) fitting.push({ ones: k, sd: sdFromSums(q, k, n, 1) });
  }
  const status = fitting.length > 0 ? "consistent" : "inconsistent";
  return {
    check: "debit",
    status,
    inputs: { mean: input.mean, sd: input.sd, n },
    assumptions: { rounding, data: "binary (0/1)", sd: "sample SD (n − 1 denominator)" },
    explanation:
      fitting.length > 0
        ? `${fitting[0]!.ones} ones out of ${n} give mean ${input.mean} and SD ${fitting[0]!.sd.toFixed(4)}, which rounds to ${input.sd}`
        : meanFits.length === 0
          ? `no count of ones out of ${n} gives mean ${input.mean}`
          : `the counts of ones that give mean ${input.mean} (${meanFits.join(", ")}) have SDs that do not round to ${input.sd}`,
    reference: references.debit,
    details: { onesForMean: meanFits, fitting },
  };
}
