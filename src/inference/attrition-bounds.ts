import { CohortError } from "../errors.js";
import * as message from "../messages/bounds.js";
import { requireCount } from "./validate.js";

/** Worst-case bounds on a statistic of everyone who started, when only some were observed. */
export interface WorstCaseBounds {
  observed: number;
  total: number;
  /** The statistic among those observed. */
  estimate: number;
  /** [lower, upper]: every missing person at the worst, then at the best, end. */
  interval: [number, number];
}

/** Horowitz & Manski (2000), the reference of both bound functions. */
export const HOROWITZ_MANSKI = {
  citation: "Horowitz JL, Manski CF (2000) Nonparametric analysis of randomized experiments with missing covariate and outcome data. J Am Stat Assoc 95:77–84",
  doi: "10.1080/01621459.2000.10473902",
} as const;

function requireObserved(observed: number, total: number): void {
  if (!Number.isInteger(total) || !Number.isInteger(observed) || observed < 1 || observed > total) throw new CohortError({ message: message.attritionCountsInvalid(observed, total) });
}

/**
 * Worst-case bounds on a proportion of everyone who started when only `observed` of `total` are
 * seen: the missing ones all without the outcome (lower) or all with it (upper). No assumption
 * about why people are missing; the interval is as wide as the missing share.
 *
 * Reference: Horowitz JL, Manski CF (2000) J Am Stat Assoc 95:77–84, doi:10.1080/01621459.2000.10473902.
 *
 * @param count people with the outcome among those observed
 * @param observed people observed (1 ≤ observed ≤ total)
 * @param total people who started
 * @throws {CohortError} on counts out of range
 * @example
 * proportionBounds(11, 22, 24).interval; // => [0.4583..., 0.5416...] (11/24 and 13/24)
 */
export function proportionBounds(count: number, observed: number, total: number): WorstCaseBounds {
  requireObserved(observed, total);
  requireCount(count, observed);
  const missing = total - observed;
  return { observed, total, estimate: count / observed, interval: [count / total, (count + missing) / total] };
}

/**
 * Worst-case bounds on the mean score of everyone who started when only `observed` of `total` are
 * seen and scores lie in [min, max]: the missing all at the bottom (lower) or the top (upper).
 *
 * Reference: Horowitz & Manski (2000), as for proportionBounds (a bounded outcome's mean).
 *
 * @param mean mean among those observed, within [min, max]
 * @param observed people observed (1 ≤ observed ≤ total)
 * @param total people who started
 * @param min lowest possible score
 * @param max highest possible score
 * @throws {CohortError} on counts out of range, min ≥ max or a mean outside [min, max]
 * @example
 * meanBounds(9.6, 22, 24, 0, 27).interval; // => [8.8, 11.05] ((22·9.6 + 2·0)/24, (22·9.6 + 2·27)/24)
 */
export function meanBounds(mean: number, observed: number, total: number, min: number, max: number): WorstCaseBounds {
  requireObserved(observed, total);
  if (!(min < max)) throw new CohortError({ message: message.attritionRangeInvalid(min, max) });
  if (!(mean >= min && mean <= max)) throw new CohortError({ message: message.attritionMeanOutOfRange(mean, min, max) });
  const missing = total - observed;
  const sum = observed * mean;
  return { observed, total, estimate: mean, interval: [(sum + missing * min) / total, (sum + missing * max) / total] };
}

/**
 * Worst-case bounds on a difference a − b from the bounds of each: [a.low − b.high, a.high − b.low].
 *
 * @example
 * differenceBounds([0.4583, 0.5417], [0.125, 0.2083]); // => [0.25, 0.4167]
 */
export function differenceBounds(a: readonly [number, number], b: readonly [number, number]): [number, number] {
  return [a[0] - b[1], a[1] - b[0]];
}
