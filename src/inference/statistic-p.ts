import { CohortError } from "../errors.js";
import * as msg from "../messages/checks.js";
import { chiSquareUpperTail, fUpperTail, normalCdf, tCdf } from "./distributions.js";

/** The test statistics whose p-value can be recomputed from the statistic and its degrees of freedom. */
export type StatisticKind = "t" | "F" | "chi2" | "z" | "r";

/** Degrees of freedom as a paper prints them: t(df2), F(df1, df2), χ²(df1), r(df2); z has none. */
export interface DegreesOfFreedom {
  df1?: number;
  df2?: number;
}

function requireDf(name: string, value: number | undefined, test: string): number {
  if (value === undefined) throw new CohortError({ message: msg.missingDf(test, name) });
  if (!(typeof value === "number" && Number.isFinite(value) && value > 0)) throw new CohortError({ message: msg.badDf(name, value) });
  return value;
}

/** Throws unless the degrees of freedom a statistic needs are present and positive. */
export function checkDegreesOfFreedom(kind: StatisticKind, df: DegreesOfFreedom): void {
  if (kind === "t" || kind === "r") requireDf("df", df.df2, kind);
  if (kind === "F") {
    requireDf("df1", df.df1, "F");
    requireDf("df2", df.df2, "F");
  }
  if (kind === "chi2") requireDf("df", df.df1, "χ²");
}

/**
 * The t statistic of a Pearson correlation r with df = n − 2 degrees of freedom: t = r·√df / √(1 − r²).
 *
 * @example
 * correlationToT(0.22, 28); // => 1.1932…
 */
export function correlationToT(r: number, df: number): number {
  if (Math.abs(r) >= 1) return r > 0 ? Infinity : -Infinity;
  return (r * Math.sqrt(df)) / Math.sqrt(1 - r * r);
}

/**
 * The p-value of a test statistic: two-tailed (default) or one-tailed for t, z and r (half the two-tailed
 * p, the reading of a test in the direction of the effect); the upper tail for F and χ², which have no
 * second tail. Distributions from @stdlib (t, normal, incomplete beta and gamma).
 * Reference: Nuijten MB et al. (2016) The prevalence of statistical reporting errors in psychology
 * (1985–2013), Behav Res Methods 48:1205–1226, doi:10.3758/s13428-015-0664-2 (statcheck's recomputation).
 *
 * @param kind t, F, chi2, z or r
 * @param value the statistic (its sign is ignored for t, z and r)
 * @param df df2 for t and r (r: n − 2), df1 and df2 for F, df1 for χ²
 * @param tails 2 (default) or 1
 * @throws CohortError for missing or non-positive degrees of freedom, a correlation outside −1…1, or a negative F or χ²
 * @example
 * pFromStatistic("t", 2.2, { df2: 28 }); // => 0.0362… (statcheck: pt(-2.2, 28) * 2)
 * pFromStatistic("chi2", 2 * Math.log(20), { df1: 2 }); // => 0.05 (χ²₂ upper tail is e^(−x/2))
 */
export function pFromStatistic(kind: StatisticKind, value: number, df: DegreesOfFreedom, tails: 1 | 2 = 2): number {
  checkDegreesOfFreedom(kind, df);
  const halve = tails === 1 ? 0.5 : 1;
  switch (kind) {
    case "t":
      return Math.min(1, 2 * tCdf(-Math.abs(value), df.df2 as number)) * halve;
    case "z":
      return Math.min(1, 2 * normalCdf(-Math.abs(value))) * halve;
    case "r": {
      if (Math.abs(value) > 1) throw new CohortError({ message: msg.correlationOutOfRange(String(value)) });
      const t = correlationToT(value, df.df2 as number);
      return Number.isFinite(t) ? Math.min(1, 2 * tCdf(-Math.abs(t), df.df2 as number)) * halve : 0;
    }
    case "F":
      if (value < 0) throw new CohortError({ message: msg.negativeStatistic("F", String(value)) });
      return fUpperTail(value, df.df1 as number, df.df2 as number);
    case "chi2":
      if (value < 0) throw new CohortError({ message: msg.negativeStatistic("χ²", String(value)) });
      return chiSquareUpperTail(value, df.df1 as number);
  }
}

/** Whether a statistic's p falls as |value| grows (t, z, r) or as the value grows (F, χ²): every kind here is monotone. */
export function isSigned(kind: StatisticKind): boolean {
  return kind === "t" || kind === "z" || kind === "r";
}
