import { clopperPearson } from "../inference/clopper-pearson.js";
import { tQuantile } from "../inference/distributions.js";
import { mde } from "../inference/mde.js";
import { power } from "../inference/power.js";
import { ruleOfThree } from "../inference/rule-of-three.js";
import type { TDesign } from "../inference/t-design.js";
import { wilson } from "../inference/wilson.js";
import type { Consequence } from "./limit-flag.js";

/*
 * The numbers that make a limit concrete. Every figure comes from src/inference; these functions
 * only choose the inputs and say what the figure means in one sentence.
 */

const COHEN = { citation: "Cohen J (1988) Statistical Power Analysis for the Behavioral Sciences, 2nd ed., ch. 2 (noncentral t, two-sided)" };
const STUDENT = { citation: "Student (1908) The probable error of a mean. Biometrika 6:1–25", doi: "10.1093/biomet/6.1.1" };

const fixed = (value: number, digits: number): string => value.toFixed(digits);
const pct = (value: number): string => `${(value * 100).toFixed(1)}%`;

function designWords(design: TDesign, n: readonly number[]): string {
  if (design === "two-group") return `a two-group t-test with ${n[0]} vs ${n[1]}`;
  if (design === "paired") return `a paired (pre/post) t-test with n = ${n[0]}`;
  return `a one-sample t-test with n = ${n[0]}`;
}

/**
 * The minimal detectable standardised effect of a t-test design at the given power and α.
 *
 * Why: "n = 20" means little to a reader; "only changes of dz ≥ 0.66 were detectable" does.
 * Reference: Cohen J (1988) Statistical Power Analysis for the Behavioral Sciences, 2nd ed., ch. 2.
 *
 * @param design "two-group", "paired" or "one-sample"
 * @param n [n1, n2] for two groups, [n] otherwise; each ≥ 2
 * @param targetPower default 0.80
 * @param alpha two-sided, default 0.05
 * @throws {CohortError} from mde() on sizes below 2 or alpha/power out of range
 * @example
 * mdeConsequence("two-group", [5, 5]).result.mde; // => 2.0244...
 */
export function mdeConsequence(design: TDesign, n: readonly number[], targetPower = 0.8, alpha = 0.05): Consequence {
  const sizes = design === "two-group" ? ([n[0]!, n[1]!] as const) : n[0]!;
  const result = mde(design, sizes, targetPower, alpha);
  const effect = design === "paired" ? "dz (mean change ÷ SD of the changes)" : "d";
  return {
    method: "mde",
    statement: `${designWords(design, n)} at α = ${alpha} detects, with ${pct(targetPower)} power, only effects of ${effect} ≥ ${fixed(result.mde, 2)}`,
    inputs: { design, n: [...result.n], alpha, power: targetPower },
    result: { mde: result.mde, df: result.df, criticalT: result.criticalT },
    references: [COHEN],
  };
}

/**
 * Power of a two-sided t-test of a design for one standardised effect.
 *
 * Why: shows how likely a study this size was to find a medium or large effect at all.
 * Reference: Cohen J (1988), ch. 2; G*Power's two-tailed convention (both rejection regions).
 *
 * @param design "two-group", "paired" or "one-sample"
 * @param n [n1, n2] for two groups, [n] otherwise; each ≥ 2
 * @param effect standardised effect (d or dz)
 * @param alpha two-sided, default 0.05
 * @throws {CohortError} from power() on bad sizes, alpha or effect
 * @example
 * powerConsequence("two-group", [5, 5], 1).result.power; // => 0.2859...
 */
export function powerConsequence(design: TDesign, n: readonly number[], effect: number, alpha = 0.05): Consequence {
  const sizes = design === "two-group" ? ([n[0]!, n[1]!] as const) : n[0]!;
  const result = power(design, sizes, effect, alpha);
  return {
    method: "power",
    statement: `${designWords(design, n)} has ${pct(result.power)} power to detect d = ${effect} at α = ${alpha}`,
    inputs: { design, n: [...result.n], effect, alpha },
    result: { power: result.power, df: result.df, ncp: result.ncp },
    references: [COHEN],
  };
}

/**
 * The smallest observed standardised effect a t-test would call significant: t_crit(1 − α/2, df)
 * divided by the design's √(effective n). A claim of "significant" is checkable only against it,
 * and it needs the SD the source does not report.
 *
 * Reference: Student (1908) Biometrika 6:1–25, doi:10.1093/biomet/6.1.1 (t = effect × √n_eff).
 *
 * @param design "two-group", "paired" or "one-sample"
 * @param n [n1, n2] for two groups, [n] otherwise; each ≥ 2
 * @param alpha two-sided, default 0.05
 * @throws never for sizes ≥ 2; callers skip smaller groups
 * @example
 * significanceThresholdConsequence("paired", [20]).result.threshold; // => 0.4680... (2.093 / √20)
 */
export function significanceThresholdConsequence(design: TDesign, n: readonly number[], alpha = 0.05): Consequence {
  const two = design === "two-group";
  const df = two ? n[0]! + n[1]! - 2 : n[0]! - 1;
  const scale = two ? Math.sqrt((n[0]! * n[1]!) / (n[0]! + n[1]!)) : Math.sqrt(n[0]!);
  const criticalT = tQuantile(1 - alpha / 2, df);
  const threshold = criticalT / scale;
  const effect = design === "paired" ? "dz = mean change ÷ SD of the changes" : "d";
  return {
    method: "significance-threshold",
    statement: `${designWords(design, n)} is significant at α = ${alpha} only if the observed ${effect} is at least ${fixed(threshold, 3)} (t_crit ${fixed(criticalT, 3)} with ${df} df ÷ ${two ? "√(n1·n2/(n1+n2))" : "√n"}); without the SD this cannot be checked`,
    inputs: { design, n: [...n], alpha },
    result: { threshold, criticalT, df },
    references: [STUDENT],
  };
}

/**
 * Wilson and Clopper–Pearson 95% intervals for one reported share count/n.
 *
 * Why: "55%" of 20 reads as precise; its interval is 40 points wide.
 * Reference: Wilson EB (1927) doi:10.1080/01621459.1927.10502953; Clopper CJ, Pearson ES (1934) doi:10.1093/biomet/26.4.404.
 *
 * @param label what the share is of, e.g. "sex: female"
 * @param count whole number, 0 ≤ count ≤ n
 * @param n whole number ≥ 1
 * @throws {CohortError} from wilson() on a count outside 0..n
 * @example
 * shareIntervalConsequence("female", 11, 20).result.wilson; // => [0.3421..., 0.7418...]
 */
export function shareIntervalConsequence(label: string, count: number, n: number): Consequence {
  const w = wilson(count, n);
  const cp = clopperPearson(count, n);
  const width = w.interval[1] - w.interval[0];
  return {
    method: "proportion-interval",
    statement: `${label} ${count}/${n} = ${pct(count / n)}: 95% Wilson ${pct(w.interval[0])} to ${pct(w.interval[1])} (${(width * 100).toFixed(1)} points wide); Clopper–Pearson ${pct(cp.interval[0])} to ${pct(cp.interval[1])}`,
    inputs: { category: label, count, n, level: 0.95 },
    result: { estimate: count / n, wilson: [...w.interval], clopperPearson: [...cp.interval], wilsonWidth: width },
    references: [w.reference, cp.reference].map(({ citation, doi }) => (doi ? { citation, doi } : { citation })),
  };
}

/**
 * The rule of three for an "all n improved" claim read at its strongest (every one of the n): the
 * true rate could still be as low as 1 − 3/n.
 *
 * Reference: Hanley JA, Lippman-Hand A (1983) JAMA 249:1743–1745, doi:10.1001/jama.1983.03330370053031.
 *
 * @param n group size, whole number ≥ 1
 * @param what what improved, in the claim's terms (e.g. "on PHQ-9"); default none
 * @throws {CohortError} from ruleOfThree() on n < 1
 * @example
 * ruleOfThreeConsequence(20).result.lowerBound; // => 0.85
 */
export function ruleOfThreeConsequence(n: number, what = ""): Consequence {
  const rule = ruleOfThree(n, n);
  return {
    method: "rule-of-three",
    statement: `under the strongest reading (every one of the ${n} improved${what ? ` ${what}` : ""}), ${n}/${n} is still consistent with a true rate of improvement as low as ${pct(rule.interval[0])} (rule of three 1 − 3/${n}, one-sided 95%; exact bound ${pct(rule.exactBound)})`,
    inputs: { count: n, n },
    result: { lowerBound: rule.interval[0], exactLowerBound: rule.exactBound },
    references: [{ citation: rule.reference.citation, ...(rule.reference.doi ? { doi: rule.reference.doi } : {}) }],
  };
}
