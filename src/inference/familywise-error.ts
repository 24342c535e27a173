import { CohortError } from "../errors.js";
import * as message from "../messages/bounds.js";
import { requireAlpha } from "./validate.js";

/**
 * The chance that at least one of k independent tests gives p < α when no effect exists in any of
 * them: 1 − (1 − α)^k. With many outcomes, timepoints and comparisons, one "significant" result is
 * expected by chance alone; correlated tests make the figure smaller, never zero.
 *
 * Reference: Bender R, Lange S (2001) Adjusting for multiple testing — when and how? J Clin
 * Epidemiol 54:343–349, doi:10.1016/S0895-4356(00)00314-0.
 *
 * @param tests number of tests k (whole number ≥ 1)
 * @param alpha level of each test, default 0.05
 * @throws {CohortError} on k < 1 or α outside (0, 1)
 * @example
 * familywiseError(15); // => 0.5367... (1 − 0.95^15)
 */
export function familywiseError(tests: number, alpha = 0.05): number {
  if (!Number.isInteger(tests) || tests < 1) throw new CohortError({ message: message.familywiseTestsInvalid(tests) });
  requireAlpha(alpha);
  return 1 - Math.pow(1 - alpha, tests);
}
