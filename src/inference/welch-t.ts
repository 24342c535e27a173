import { twoSampleT } from "./two-sample-t.js";
import type { TTestResult } from "./t-test-result.js";

/**
 * Welch's unequal-variances t-test of mean(x) − mean(y), with Welch–Satterthwaite df and Cohen's d
 * on the pooled SD.
 *
 * Why: the safer default between two small arms (study B, 5 vs 5) whose SDs need not match; R's
 * t.test default.
 *
 * Reference: Welch BL (1947) Biometrika 34:28–35, doi:10.1093/biomet/34.1-2.28; checked against R's
 * t.test(extra ~ group, data = sleep): t = −1.8608, df = 17.776, p = 0.07939.
 *
 * @param x first group (at least 2 finite values)
 * @param y second group (at least 2 finite values)
 * @param level confidence level of the CI, default 0.95
 * @throws {CohortError} on fewer than 2 values in a group, non-finite values, no variation in either group, or
 *   values so extreme that a mean, variance, df or interval overflow or underflow in double precision
 * @example
 * welchT([1, 2, 3, 4], [2, 4, 6, 8]).df; // => 4.4117...
 */
export function welchT(x: ReadonlyArray<number>, y: ReadonlyArray<number>, level = 0.95): TTestResult {
  return twoSampleT(x, y, false, level);
}
