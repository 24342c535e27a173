import { changeSdFromCorrelation, welchDf } from "../inference/summary-t.js";
import { twoSidedP } from "../inference/t-test-result.js";

/** A closed range [low, high]. */
export type Range = [number, number];

/** What a t-test can give over the rounding intervals of its inputs. */
export interface TRange {
  /** |t| from its least to its greatest. */
  t: Range;
  df: Range;
  /** Two-sided p from its least to its greatest. */
  p: Range;
  /** How the extremes were found: "exact" (monotone, corners) or "searched" (Welch's p and df). */
  method: "exact" | "searched";
}

/** The least and greatest |a − b| for a ∈ A, b ∈ B. */
export function absDifferenceRange(a: Range, b: Range): Range {
  const low = a[0] - b[1];
  const high = a[1] - b[0];
  const least = low > 0 ? low : high < 0 ? -high : 0;
  return [least, Math.max(Math.abs(low), Math.abs(high))];
}

/** The least and greatest |x| for x in a range. */
export function absRange(x: Range): Range {
  return x[0] >= 0 ? x : x[1] <= 0 ? [-x[1], -x[0]] : [0, Math.max(-x[0], x[1])];
}

function ratio(numerator: number, denominator: number): number {
  return denominator > 0 ? numerator / denominator : numerator > 0 ? Infinity : 0;
}

function p(t: number, df: number): number {
  return Number.isFinite(t) ? twoSidedP(t, df) : 0;
}

/**
 * Student's t over the box of means and SDs. |t| = |d| / (s_p·√(1/n₁+1/n₂)) grows with |d| and falls as
 * either SD grows (s_p² is increasing in both), and df = n₁ + n₂ − 2 is fixed, so the extremes of |t|, and
 * of p (which falls as |t| grows), lie at the corners: exact.
 */
export function studentTRange(difference: Range, sd1: Range, sd2: Range, n1: number, n2: number): TRange {
  const df = n1 + n2 - 2;
  const se = (s1: number, s2: number) => Math.sqrt((((n1 - 1) * s1 ** 2 + (n2 - 1) * s2 ** 2) / df) * (1 / n1 + 1 / n2));
  const t: Range = [ratio(difference[0], se(sd1[1], sd2[1])), ratio(difference[1], se(sd1[0], sd2[0]))];
  return { t, df: [df, df], p: [p(t[1], df), p(t[0], df)], method: "exact" };
}

/**
 * Paired t over the box of the mean change and the SD of the changes: |t| = |d̄|·√n / SD_c, df = n − 1,
 * monotone in both: exact.
 */
export function pairedTRange(meanChange: Range, sdChange: Range, n: number): TRange {
  const df = n - 1;
  const t: Range = [ratio(meanChange[0] * Math.sqrt(n), sdChange[1]), ratio(meanChange[1] * Math.sqrt(n), sdChange[0])];
  return { t, df: [df, df], p: [p(t[1], df), p(t[0], df)], method: "exact" };
}

/**
 * The least and greatest SD of the changes √(s₁² + s₂² − 2r·s₁s₂) over a box of SDs and correlation.
 * f = s₁² + s₂² − 2r·s₁s₂ falls as r grows (s₁s₂ ≥ 0) and is convex in (s₁, s₂) for |r| ≤ 1, so its
 * greatest value is at a corner and its least at the greatest r, at a corner or where an edge meets
 * s₁ = r·s₂ or s₂ = r·s₁ (the minimiser of the convex quadratic along that edge): exact.
 */
export function changeSdRange(sd1: Range, sd2: Range, r: Range): Range {
  const rHigh = Math.min(1, r[1]);
  const rLow = Math.max(-1, r[0]);
  const clamp = (x: number, range: Range) => Math.min(range[1], Math.max(range[0], x));
  const candidates: number[] = [];
  for (const s1 of sd1) for (const s2 of sd2) candidates.push(changeSdFromCorrelation(s1, s2, rHigh));
  for (const s2 of sd2) candidates.push(changeSdFromCorrelation(clamp(rHigh * s2, sd1), s2, rHigh));
  for (const s1 of sd1) candidates.push(changeSdFromCorrelation(s1, clamp(rHigh * s1, sd2), rHigh));
  let high = 0;
  for (const s1 of sd1) for (const s2 of sd2) for (const rr of [rLow, rHigh]) high = Math.max(high, changeSdFromCorrelation(s1, s2, rr));
  return [Math.min(...candidates), high];
}

/** The least or greatest of a smooth function on [a, b]: 65 evenly spaced samples, then golden-section refinement around the best. */
function extreme(f: (x: number) => number, a: number, b: number, sign: 1 | -1): { x: number; value: number } {
  const steps = 64;
  let bestX = a;
  let best = sign * f(a);
  for (let i = 1; i <= steps; i++) {
    const x = a + ((b - a) * i) / steps;
    const value = sign * f(x);
    if (value < best) {
      best = value;
      bestX = x;
    }
  }
  let lo = Math.max(a, bestX - (b - a) / steps);
  let hi = Math.min(b, bestX + (b - a) / steps);
  const golden = (Math.sqrt(5) - 1) / 2;
  for (let iteration = 0; iteration < 60 && hi - lo > 0; iteration++) {
    const x1 = hi - golden * (hi - lo);
    const x2 = lo + golden * (hi - lo);
    if (sign * f(x1) <= sign * f(x2)) hi = x2;
    else lo = x1;
  }
  const mid = (lo + hi) / 2;
  const refined = sign * f(mid);
  return refined < best ? { x: mid, value: refined * sign } : { x: bestX, value: best * sign };
}

/**
 * Welch's t over the box of means and SDs. |t| = |d|/√(u + w) (u = s₁²/n₁, w = s₂²/n₂) is monotone, so its
 * range is exact. p also depends on the Welch–Satterthwaite df, which moves against |t|: with S = u + w
 * fixed, df is largest where u/w = (n₁−1)/(n₂−1) and falls towards both ends of the segment u + w = S
 * inside the box. Since p falls as |t| grows and as df grows (the t distribution's tails thin with df), the
 * greatest p lies at the least |d| on the box's boundary (an end of some segment), and the least p at the
 * greatest |d| on the curve of df-best splits (the point of each segment nearest that ratio). Each is a
 * one-dimensional problem, searched by dense sampling and golden-section refinement: "searched", not proved.
 */
export function welchTRange(difference: Range, sd1: Range, sd2: Range, n1: number, n2: number): TRange {
  const u: Range = [sd1[0] ** 2 / n1, sd1[1] ** 2 / n1];
  const w: Range = [sd2[0] ** 2 / n2, sd2[1] ** 2 / n2];
  const t: Range = [ratio(difference[0], Math.sqrt(u[1] + w[1])), ratio(difference[1], Math.sqrt(u[0] + w[0]))];
  const df = (uu: number, ww: number) => welchDf(uu, ww, n1, n2);
  const pAt = (d: number, uu: number, ww: number) => p(ratio(d, Math.sqrt(uu + ww)), df(uu, ww));
  // The boundary of the box, walked as four edges of a parameter s ∈ [0, 1].
  const edges: ((s: number) => [number, number])[] = [
    (s) => [u[0] + s * (u[1] - u[0]), w[0]],
    (s) => [u[0] + s * (u[1] - u[0]), w[1]],
    (s) => [u[0], w[0] + s * (w[1] - w[0])],
    (s) => [u[1], w[0] + s * (w[1] - w[0])],
  ];
  // The df-best split of each total S, clamped into the box.
  const share = (n1 - 1) / (n1 - 1 + (n2 - 1));
  const best = (total: number): [number, number] => {
    const uu = Math.min(u[1], total - w[0], Math.max(u[0], total - w[1], total * share));
    return [uu, total - uu];
  };
  const onCurve = (s: number) => best(u[0] + w[0] + s * (u[1] + w[1] - u[0] - w[0]));
  const pHigh = Math.max(...edges.map((edge) => extreme((s) => pAt(difference[0], ...edge(s)), 0, 1, -1).value));
  const pLow = extreme((s) => pAt(difference[1], ...onCurve(s)), 0, 1, 1).value;
  const dfHigh = extreme((s) => df(...onCurve(s)), 0, 1, -1).value;
  const dfLow = Math.min(...edges.map((edge) => extreme((s) => df(...edge(s)), 0, 1, 1).value));
  return { t, df: [dfLow, dfHigh], p: [pLow, pHigh], method: "searched" };
}
