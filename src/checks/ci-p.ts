import { CohortError } from "../errors.js";
import { normalCdf, normalQuantile, tCdf, tQuantile } from "../inference/distributions.js";
import * as msg from "../messages/checks.js";
import type { CheckResult } from "../schema/check-result.js";
import { reportedNumber, type ReportedNumber, type RoundingAssumption } from "../stats/reported-number.js";
import { parseReportedP, type ReportedP } from "../stats/reported-p.js";
import { compareP, showPRange, type SignificanceOptions } from "./p-verdict.js";
import { references } from "./references.js";
import type { Range } from "./summary-t-range.js";
import { requireMode } from "./validate.js";

/** A difference (mean difference, risk difference: natural scale, null 0) or a ratio (RR, OR, HR: log scale, null 1). */
export type EffectScale = "difference" | "ratio";

/** An effect estimate with its CI and (optionally) the printed p, parsed once. */
export interface CiPParsed extends SignificanceOptions {
  scale: EffectScale;
  estimate: ReportedNumber;
  lower: ReportedNumber;
  upper: ReportedNumber;
  /** Confidence level in percent, default 95. */
  level?: number;
  /** Degrees of freedom when the CI and test use the t distribution (normal otherwise). */
  df?: number;
  p?: ReportedP;
}

export interface CiPInput extends SignificanceOptions, Partial<RoundingAssumption> {
  scale: EffectScale;
  estimate: string;
  lower: string;
  upper: string;
  level?: number;
  df?: number;
  p?: string;
}

/** The interval of a reported number on the analysis scale (log for ratios). */
function onScale(n: ReportedNumber, scale: EffectScale, name: string): Range {
  if (scale === "difference") return [n.lower, n.upper];
  if (!(n.value > 0)) throw new CohortError({ message: msg.ratioNotPositive(name, n.text) });
  return [Math.log(Math.max(n.lower, Number.MIN_VALUE)), Math.log(n.upper)];
}

/**
 * CI ↔ p for an effect estimate (Altman & Bland 2011): on the natural scale for differences and the log
 * scale for ratios, the estimate of a Wald-type interval sits at the centre of its CI (the geometric centre
 * for ratios); the SE is the CI width / (2·z) with z the normal (or t, given df) quantile of the level; and
 * p follows from estimate / SE. Every printed number stands for its rounding interval: the centre test asks
 * whether some estimate, lower and upper limit within their intervals have the estimate at the centre; the
 * attainable |estimate|/SE is exact at the corners (it grows with |estimate| and falls with the width).
 * Reference: Altman DG, Bland JM (2011) How to obtain the P value from a confidence interval, BMJ 343:d2304,
 * doi:10.1136/bmj.d2304; and How to obtain the confidence interval from a P value, BMJ 343:d2090.
 *
 * @throws CohortError for a CI whose lower limit is not below its upper, a ratio ≤ 0, or a level outside 0–100
 * @example
 * ciP({ scale: "difference", estimate: "17", lower: "1.4", upper: "32.6", p: "P = 0.032" }).status; // => "consistent" (Altman & Bland 2011, d2090)
 */
export function ciPParsed(input: CiPParsed): CheckResult {
  const level = input.level ?? 95;
  if (!(level > 0 && level < 100)) throw new CohortError({ message: msg.badLevel(level) });
  if (!(input.lower.value < input.upper.value)) throw new CohortError({ message: msg.ciReversed(input.lower.text, input.upper.text) });
  const e = onScale(input.estimate, input.scale, "estimate");
  const l = onScale(input.lower, input.scale, "lower limit");
  const u = onScale(input.upper, input.scale, "upper limit");
  const quantile = input.df !== undefined ? tQuantile(1 - (1 - level / 100) / 2, input.df) : normalQuantile(1 - (1 - level / 100) / 2);
  // Centre: (l + u)/2 ranges over [(l₀ + u₀)/2, (l₁ + u₁)/2]; it must meet the estimate's interval.
  const centre: Range = [(l[0] + u[0]) / 2, (l[1] + u[1]) / 2];
  const centred = centre[0] <= e[1] && e[0] <= centre[1];
  const width: Range = [Math.max(0, u[0] - l[1]), u[1] - l[0]];
  const absEstimate: Range = e[0] >= 0 ? e : e[1] <= 0 ? [-e[1], -e[0]] : [0, Math.max(-e[0], e[1])];
  const se: Range = [width[0] / (2 * quantile), width[1] / (2 * quantile)];
  const z: Range = [absEstimate[0] / se[1], se[0] > 0 ? absEstimate[1] / se[0] : Infinity];
  const tail = (x: number) => (!Number.isFinite(x) ? 0 : input.df !== undefined ? 2 * tCdf(-x, input.df) : 2 * normalCdf(-x));
  const pRange: Range = [tail(z[1]), Math.min(1, tail(z[0]))];
  const comparison = input.p ? compareP(pRange[0], pRange[1], input.p, input) : null;
  const status = !centred || (comparison && !comparison.fits) ? "inconsistent" : comparison || input.p === undefined ? "consistent" : "undetermined";
  const scaleText = input.scale === "ratio" ? "log " : "";
  const printed = `${input.estimate.text} (${level}% CI ${input.lower.text} to ${input.upper.text})`;
  const pText = `p ${showPRange(pRange[0], pRange[1])}`;
  const problems = [
    centred ? null : `the estimate is not at the ${input.scale === "ratio" ? "geometric " : ""}centre of its CI (${scaleText}centre ${show(centre)}, ${scaleText}estimate ${show(e)})`,
    comparison && !comparison.fits ? `${pText} from the CI does not fit ${input.p?.text}${comparison.decisionError ? " (decision error: the significance at α flips)" : ""}` : null,
  ].filter((x): x is string => x !== null);
  const explanation =
    problems.length > 0
      ? `${printed}: ${problems.join("; ")}`
      : `${printed}: the estimate is at the ${input.scale === "ratio" ? "geometric " : ""}centre of its CI and the CI gives ${pText}${input.p ? `, which fits ${input.p.text}` : ""}`;
  return {
    check: "ci-p",
    status,
    inputs: { scale: input.scale, estimate: input.estimate.text, lower: input.lower.text, upper: input.upper.text, level, ...(input.df !== undefined ? { df: input.df } : {}), ...(input.p ? { p: input.p.text } : {}) },
    assumptions: {
      rounding: input.estimate.rounding,
      interval: `Wald-type: symmetric on the ${input.scale === "ratio" ? "log" : "natural"} scale (an exact or likelihood-based interval need not be)`,
      distribution: input.df !== undefined ? `t with ${input.df} df` : "normal",
      tails: "two-sided",
      alpha: input.alpha ?? 0.05,
    },
    explanation,
    reference: references.ciP,
    details: { centred, centreRange: centre, estimateRange: e, seRange: se, zRange: z, pRange, decisionError: comparison?.decisionError ?? false, consistentP: comparison && !comparison.fits ? comparison.consistentValues : null },
  };
}

function show(range: Range): string {
  const a = Number(range[0].toPrecision(4));
  const b = Number(range[1].toPrecision(4));
  return a === b ? String(a) : `${a} to ${b}`;
}

/**
 * CI ↔ p as printed: parses the estimate, the limits and the p once, then runs ciPParsed.
 *
 * @example
 * ciP({ scale: "ratio", estimate: "0.30", lower: "0.10", upper: "0.90", p: "P = 0.034" }).status; // => "consistent" (Altman & Bland 2011, d2090)
 */
export function ciP(input: CiPInput): CheckResult {
  const a = { rounding: requireMode(input.rounding), threshold: input.threshold ?? 5 };
  return ciPParsed({
    scale: input.scale,
    estimate: reportedNumber(input.estimate, a, "estimate"),
    lower: reportedNumber(input.lower, a, "lower limit"),
    upper: reportedNumber(input.upper, a, "upper limit"),
    ...(input.level !== undefined ? { level: input.level } : {}),
    ...(input.df !== undefined ? { df: input.df } : {}),
    ...(input.p !== undefined ? { p: parseReportedP(input.p, a) } : {}),
    ...(input.alpha !== undefined ? { alpha: input.alpha } : {}),
    ...(input.pEqualAlphaSignificant !== undefined ? { pEqualAlphaSignificant: input.pEqualAlphaSignificant } : {}),
  });
}
