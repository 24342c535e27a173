import { CohortError } from "../errors.js";
import * as msg from "../messages/checks.js";
import { twoSidedP } from "./t-test-result.js";

/** A group as papers summarise it: mean, sample SD (n − 1 denominator) and size. */
export interface GroupSummary {
  mean: number;
  sd: number;
  n: number;
}

/** A t statistic recomputed from summary statistics. */
export interface SummaryT {
  /** mean difference (first − second; after − before). */
  difference: number;
  standardError: number;
  t: number;
  df: number;
  /** Two-sided p. */
  p: number;
}

function requireN(name: string, n: number): void {
  if (!Number.isInteger(n) || n < 2) throw new CohortError({ message: msg.tooFewForTest(name, n) });
}

function result(difference: number, standardError: number, df: number): SummaryT {
  const t = standardError > 0 ? difference / standardError : difference === 0 ? 0 : Math.sign(difference) * Infinity;
  return { difference, standardError, t, df, p: Number.isFinite(t) ? twoSidedP(t, df) : 0 };
}

/**
 * Student's pooled-variance t from two groups' means, SDs and sizes: SE = s_p·√(1/n₁ + 1/n₂) with
 * s_p² = ((n₁−1)s₁² + (n₂−1)s₂²)/(n₁+n₂−2), df = n₁ + n₂ − 2.
 * Reference: Student (1908), doi:10.1093/biomet/6.1.1; as R's t.test(var.equal = TRUE).
 *
 * @example
 * studentTFromSummary({ mean: 0.75, sd: 1.789010, n: 10 }, { mean: 2.33, sd: 2.002249, n: 10 }).t; // => −1.8608 (R: sleep data)
 */
export function studentTFromSummary(a: GroupSummary, b: GroupSummary): SummaryT {
  requireN("Student's t-test", a.n);
  requireN("Student's t-test", b.n);
  const df = a.n + b.n - 2;
  const pooled = ((a.n - 1) * a.sd ** 2 + (b.n - 1) * b.sd ** 2) / df;
  return result(a.mean - b.mean, Math.sqrt(pooled * (1 / a.n + 1 / b.n)), df);
}

/**
 * Welch–Satterthwaite degrees of freedom of two variances of means u = s₁²/n₁ and w = s₂²/n₂:
 * (u + w)² / (u²/(n₁−1) + w²/(n₂−1)).
 */
export function welchDf(u: number, w: number, n1: number, n2: number): number {
  const denominator = u ** 2 / (n1 - 1) + w ** 2 / (n2 - 1);
  return denominator > 0 ? (u + w) ** 2 / denominator : n1 + n2 - 2;
}

/**
 * Welch's t from two groups' summaries: SE = √(s₁²/n₁ + s₂²/n₂), Welch–Satterthwaite df.
 * Reference: Welch (1947), doi:10.1093/biomet/34.1-2.28; as R's t.test default.
 *
 * @example
 * welchTFromSummary({ mean: 0.75, sd: 1.789010, n: 10 }, { mean: 2.33, sd: 2.002249, n: 10 }).df; // => 17.776 (R: sleep data)
 */
export function welchTFromSummary(a: GroupSummary, b: GroupSummary): SummaryT {
  requireN("Welch's t-test", a.n);
  requireN("Welch's t-test", b.n);
  const u = a.sd ** 2 / a.n;
  const w = b.sd ** 2 / b.n;
  return result(a.mean - b.mean, Math.sqrt(u + w), welchDf(u, w, a.n, b.n));
}

/**
 * Paired t from the mean and SD of the n within-person changes: t = mean / (SD/√n), df = n − 1.
 *
 * @example
 * pairedTFromSummary(1.58, 1.229995, 10).t; // => 4.0621 (R: sleep data, paired)
 */
export function pairedTFromSummary(meanChange: number, sdChange: number, n: number): SummaryT {
  requireN("the paired t-test", n);
  return result(meanChange, sdChange / Math.sqrt(n), n - 1);
}

/**
 * SD of the changes from the two SDs and their correlation: √(s₁² + s₂² − 2r·s₁·s₂).
 *
 * @example
 * changeSdFromCorrelation(3, 4, 0); // => 5
 */
export function changeSdFromCorrelation(sd1: number, sd2: number, r: number): number {
  return Math.sqrt(Math.max(0, sd1 ** 2 + sd2 ** 2 - 2 * r * sd1 * sd2));
}
