import { twoSampleT } from "./two-sample-t.js";
import type { TTestResult } from "./t-test-result.js";

/**
 * Student's pooled-variance two-sample t-test of mean(x) − mean(y), df = n_x + n_y − 2, with Cohen's d
 * on the pooled SD.
 *
 * Why: what many small studies actually ran; comparing it with Welch shows how much the equal-variance
 * assumption matters for a given reconstruction.
 *
 * Reference: Student (1908) Biometrika 6:1–25, doi:10.1093/biomet/6.1.1; checked against R's
 * t.test(extra ~ group, data = sleep, var.equal = TRUE): t = −1.8608, df = 18, p = 0.07919.
 *
 * @param x first group (at least 2 finite values)
 * @param y second group (at least 2 finite values)
 * @param level confidence level of the CI, default 0.95
 * @throws {CohortError} on fewer than 2 values in a group, non-finite values, no variation at all, or
 *   values so extreme that a mean, variance, df or interval overflow or underflow in double precision
 * @example
 * studentT([1, 2, 3, 4], [2, 4, 6, 8]).df; // => 6
 */
export function studentT(x: ReadonlyArray<number>, y: ReadonlyArray<number>, level = 0.95): TTestResult {
  return twoSampleT(x, y, true, level);
}
