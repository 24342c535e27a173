import { CohortError } from "../errors.js";
import * as message from "../messages/inference.js";
import { sampleMoments } from "./sample-moments.js";
import { requireComputableT, tInterval, twoSidedP, varianceUnderflowed, type TTestResult } from "./t-test-result.js";
import { requireLevel, requireValues } from "./validate.js";

/**
 * Shared body of Student's and Welch's two-sample t-tests (not exported from the barrel).
 * Cohen's d uses the pooled SD, √(((n_x−1)s_x² + (n_y−1)s_y²)/(n_x+n_y−2)), for both: it is the d of
 * `power("two-group", …)`, so reported and planned effects are on one scale.
 */
export function twoSampleT(x: ReadonlyArray<number>, y: ReadonlyArray<number>, equalVariances: boolean, level: number): TTestResult {
  requireValues("x", x, 2);
  requireValues("y", y, 2);
  requireLevel(level);
  const a = sampleMoments(x);
  const b = sampleMoments(y);
  const pooledVariance = ((a.n - 1) * a.variance + (b.n - 1) * b.variance) / (a.n + b.n - 2);
  const testName = equalVariances ? "Student's t-test" : "Welch's t-test";
  if (pooledVariance === 0 && (varianceUnderflowed(x) || varianceUnderflowed(y))) throw new CohortError({ message: message.tTestTooExtreme(equalVariances ? "student-t" : "welch-t") });
  if (!(pooledVariance > 0)) throw new CohortError({ message: message.noVariation(testName) });
  const estimate = a.mean - b.mean;
  let standardError: number;
  let df: number;
  if (equalVariances) {
    standardError = Math.sqrt(pooledVariance * (1 / a.n + 1 / b.n));
    df = a.n + b.n - 2;
  } else {
    const va = a.variance / a.n;
    const vb = b.variance / b.n;
    standardError = Math.sqrt(va + vb);
    // Welch–Satterthwaite degrees of freedom.
    df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  }
  const t = estimate / standardError;
  return requireComputableT({
    test: equalVariances ? "student-t" : "welch-t",
    n: [a.n, b.n],
    t,
    df,
    p: twoSidedP(t, df),
    estimate,
    standardError,
    level,
    ci: tInterval(estimate, standardError, df, level),
    effectSize: { name: "d", value: estimate / Math.sqrt(pooledVariance), definition: "(mean x − mean y) / pooled SD" },
  });
}
