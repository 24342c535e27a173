import { CohortError } from "../errors.js";
import * as message from "../messages/inference.js";
import { sampleMoments } from "./sample-moments.js";
import { requireComputableT, tInterval, twoSidedP, varianceUnderflowed, type TTestResult } from "./t-test-result.js";
import { requireLevel, requireValues } from "./validate.js";

/**
 * One-sample t-test of H0: mean = mu, with Cohen's d = (mean − mu) / SD (sample SD, n − 1).
 *
 * Why: the building block of the paired test, and the right test when a study compares its mean with
 * a norm. Uses the sample SD; simple-statistics' tTest uses the population SD and is not used here.
 *
 * Reference: Student (1908) The probable error of a mean. Biometrika 6:1–25, doi:10.1093/biomet/6.1.1;
 * checked against R's t.test(1:6, mu = 3.385) (p = 0.15057034426283503, STYLE.md §1).
 *
 * @param values observations (at least 2, finite, not all equal)
 * @param mu hypothesised mean, default 0
 * @param level confidence level of the CI, default 0.95
 * @throws {CohortError} on fewer than 2 values, non-finite values, zero variance, level ∉ [1e-12, 1 − 1e-12],
 *   or values so extreme that the mean, variance or interval overflow or underflow
 * @example
 * oneSampleT([1, 2, 3, 4, 5, 6], 3.385).p; // => 0.15057...
 */
export function oneSampleT(values: ReadonlyArray<number>, mu = 0, level = 0.95): TTestResult {
  requireValues("values", values, 2);
  requireLevel(level);
  if (!Number.isFinite(mu)) throw new CohortError({ message: message.valueNotFinite("mu", 0, mu) });
  const { n, mean, variance } = sampleMoments(values);
  if (variance === 0 && varianceUnderflowed(values)) throw new CohortError({ message: message.tTestTooExtreme("one-sample-t") });
  if (!(variance > 0)) throw new CohortError({ message: message.noVariation("one-sample t-test") });
  const sd = Math.sqrt(variance);
  const standardError = sd / Math.sqrt(n);
  const estimate = mean - mu;
  const df = n - 1;
  const t = estimate / standardError;
  return requireComputableT({
    test: "one-sample-t",
    n: [n],
    t,
    df,
    p: twoSidedP(t, df),
    estimate,
    standardError,
    level,
    ci: tInterval(estimate, standardError, df, level),
    effectSize: { name: "d", value: estimate / sd, definition: "(mean − mu) / sample SD" },
  });
}
