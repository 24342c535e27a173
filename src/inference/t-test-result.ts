import * as z from "zod";
import { CohortError } from "../errors.js";
import * as message from "../messages/inference.js";
import { tCdf, tQuantile } from "./distributions.js";

/** Result of a t-test: statistic, two-sided p, the estimate with its CI, and a standardised effect. */
export const TTestResult = z.object({
  test: z.enum(["paired-t", "welch-t", "student-t", "one-sample-t"]),
  n: z.array(z.number().int()).describe("sample sizes: [pairs], [n_x, n_y] or [n]"),
  t: z.number(),
  df: z.number(),
  p: z.number().min(0).max(1).describe("two-sided p-value"),
  estimate: z.number().describe("mean difference (x − y; after − before; mean − mu)"),
  standardError: z.number(),
  level: z.number(),
  ci: z.tuple([z.number(), z.number()]).describe("confidence interval of the estimate"),
  effectSize: z.object({
    name: z.enum(["d", "dz"]),
    value: z.number(),
    definition: z.string(),
  }),
});
export type TTestResult = z.infer<typeof TTestResult>;

/** Two-sided p-value of t with df degrees of freedom; the lower tail avoids 1 − (1 − ε) cancellation. */
export function twoSidedP(t: number, df: number): number {
  return Math.min(1, 2 * tCdf(-Math.abs(t), df));
}

/** estimate ± t_{1−α/2, df} · SE. */
export function tInterval(estimate: number, standardError: number, df: number, level: number): [number, number] {
  const half = tQuantile(1 - (1 - level) / 2, df) * standardError;
  return [estimate - half, estimate + half];
}

/**
 * Refuses a t-test whose numbers overflowed or underflowed in double precision (values near ±1e308
 * make the variance Infinity; values near 1e-160 make Welch's df 0/0): every reported quantity must be
 * finite and the standard error positive, otherwise a CohortError instead of a NaN interval.
 */
export function requireComputableT(result: TTestResult): TTestResult {
  const numbers = [result.t, result.df, result.p, result.estimate, result.standardError, result.ci[0], result.ci[1], result.effectSize.value];
  if (!numbers.every((value) => Number.isFinite(value)) || !(result.standardError > 0) || !(result.df > 0)) {
    throw new CohortError({ message: message.tTestTooExtreme(result.test) });
  }
  return result;
}

/** A zero variance from values that differ means it underflowed, not that there is no variation. */
export function varianceUnderflowed(values: ReadonlyArray<number>): boolean {
  return values.some((value) => value !== values[0]);
}
