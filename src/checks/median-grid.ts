import type { CheckResult } from "../schema/check-result.js";
import { integersInInterval, roundingInterval, type RoundingMode, type ScaledInterval } from "../stats/rounding.js";
import { inSteps, stepText, WHOLE, type Step } from "../stats/step.js";
import { references } from "./references.js";
import { requireMode, requireWhole } from "./validate.js";

export interface MedianGridInput {
  median: string;
  n: number;
  /** The printed IQR and/or range. */
  spread?: { kind: "iqr" | "range" | "unstated"; lower: string; upper: string }[];
  /** Step of one person's value (default 1: whole numbers). */
  step?: Step;
  /** Bounds of one person's value, when the measure has them. */
  scale?: { min: number; max: number };
  rounding?: RoundingMode;
  threshold?: number;
}

/** One printed order statistic and whether a value on its grid rounds to it. */
interface OrderFinding {
  what: string;
  printed: string;
  /** The grid it must lie on: a multiple of this. */
  grid: string;
  onGrid: boolean;
  inScale: boolean | null;
}

/**
 * The fraction of a step a quartile of n values can land on, under Hyndman & Fan's types 1, 2, 6 and 7
 * (type 7 is R's and numpy's default, type 6 SPSS's and Minitab's, type 2 SAS's default; type 1 the
 * inverse of the empirical distribution): the quartile is x_j + w·(x_{j+1} − x_j) with w from the
 * position h; the denominator of w (1, 2 or 4) for p = 1/4 and 3/4, largest over the four types.
 */
function quartileDenominator(n: number): number {
  const denominators = [0.25, 0.75].flatMap((p) => {
    const type7 = ((n - 1) * p) % 1; // h = (n − 1)p + 1
    const type6 = ((n + 1) * p) % 1; // h = (n + 1)p
    const type2 = (n * p) % 1 === 0 ? 0.5 : 0; // average at a discontinuity
    return [type7, type6, type2].map((w) => (w === 0 ? 1 : w === 0.5 ? 2 : 4));
  });
  return Math.max(...denominators);
}

function onGrid(interval: ScaledInterval, step: Step): boolean {
  // Some whole k with k·step in the interval, exactly.
  const k = integersInInterval(inSteps(interval, step), 1);
  return k.first <= k.last;
}

/**
 * What a median, its quartiles and its range can be when every person's value is a multiple of a step
 * (whole numbers by default): the median of n values is the middle value (n odd: a multiple of the step)
 * or the mean of the two middle values (n even: a multiple of half the step); a range's ends are observed
 * values (multiples of the step); a quartile is a multiple of a quarter, half or the whole step depending
 * on n and the quantile definition — the finest over Hyndman–Fan types 1, 2, 6 and 7 is allowed, so
 * quartiles by type 8 or 9 (which can fall on thirds) are not covered. Every printed end must also lie
 * within the measure's bounds. Exact: each printed number's rounding interval is searched for a multiple.
 * Reference: Hyndman RJ, Fan Y (1996) Am Stat 50:361–365, doi:10.2307/2684934.
 *
 * @example
 * medianGrid({ median: "59", n: 170, spread: [{ kind: "iqr", lower: "54", upper: "66" }], scale: { min: 16, max: 217 } }).status; // => "consistent"
 * medianGrid({ median: "4.3", n: 11 }).status; // => "inconsistent" (n odd: the median is one of the whole-number values)
 */
export function medianGrid(input: MedianGridInput): CheckResult {
  const n = requireWhole("n", input.n, 1);
  const rounding = requireMode(input.rounding);
  const threshold = input.threshold ?? 5;
  const step = input.step ?? WHOLE;
  const half: Step = step.num % 2 === 0 ? { num: step.num / 2, den: step.den } : { num: step.num, den: step.den * 2 };
  const quarterDen = quartileDenominator(n);
  const quartileStep: Step = { num: step.num, den: step.den * quarterDen };
  const inScale = (text: string): boolean | null => {
    if (!input.scale) return null;
    const i = roundingInterval(text, rounding, threshold);
    return i.hi / i.den >= input.scale.min && i.lo / i.den <= input.scale.max;
  };
  const find = (what: string, printed: string, grid: Step): OrderFinding => ({ what, printed, grid: stepText(grid), onGrid: onGrid(roundingInterval(printed, rounding, threshold), grid), inScale: inScale(printed) });
  const findings: OrderFinding[] = [find("median", input.median, n % 2 === 1 ? step : half)];
  for (const spread of input.spread ?? []) {
    if (spread.kind === "range") findings.push(find("minimum", spread.lower, step), find("maximum", spread.upper, step));
    else if (spread.kind === "iqr") findings.push(find("lower quartile", spread.lower, quartileStep), find("upper quartile", spread.upper, quartileStep));
    else findings.push({ ...find("lower end", spread.lower, quartileStep), onGrid: true }, { ...find("upper end", spread.upper, quartileStep), onGrid: true });
  }
  const bad = findings.filter((f) => !f.onGrid || f.inScale === false);
  const whole = step.num === 1 && step.den === 1;
  const values = whole ? "whole-number values" : `values in steps of ${stepText(step)}`;
  return {
    check: "median-grid",
    status: bad.length > 0 ? "inconsistent" : "consistent",
    inputs: { median: input.median, n, ...(input.spread ? { spread: input.spread } : {}) },
    assumptions: {
      rounding,
      ...(rounding.includes("from") ? { threshold } : {}),
      values: `${values}${input.scale ? ` within ${input.scale.min}–${input.scale.max}` : ""}`,
      median: n % 2 === 1 ? `n = ${n} is odd: the median is the middle value` : `n = ${n} is even: the median is the mean of the two middle values`,
      quartiles: "Hyndman–Fan types 1, 2, 6 or 7 (R's and numpy's default, SPSS's, SAS's): a multiple of the step over 1, 2 or 4 as n decides; types 8 and 9 are not covered",
    },
    explanation:
      bad.length === 0
        ? `with n = ${n} and ${values}, the ${findings.map((f) => `${f.what} ${f.printed}`).join(", ")} ${findings.length === 1 ? "is" : "are"} possible`
        : bad.map((f) => (f.onGrid ? `the ${f.what} ${f.printed} lies outside ${input.scale!.min}–${input.scale!.max}` : `the ${f.what} ${f.printed} is not a multiple of ${f.grid} (after rounding), which ${f.what === "median" ? `a median of ${n} ${values} must be` : `a ${f.what} of ${values} must be`}`)).join("; "),
    reference: references.medianGrid,
    details: { findings },
  };
}
