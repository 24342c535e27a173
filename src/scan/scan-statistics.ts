import { checkStatistics } from "../checks/check-statistics.js";
import { draftStudy } from "../draft/draft-study.js";
import { isUnknown } from "../draft/unknown.js";
import type { ExtractedStatistic } from "../extract/types.js";
import type { CheckResult } from "../schema/check-result.js";
import type { Study } from "../schema/study.js";
import type { RoundingMode } from "../stats/rounding.js";

/** One statistic found in a text, with the checks that ran on it alone (none when it needs more, e.g. an n). */
export interface ScannedStatistic {
  id: string;
  statistic: ExtractedStatistic;
  checks: CheckResult[];
  /** Why no check ran, when none did. */
  unchecked?: string;
}

export interface ScanOptions {
  rounding: RoundingMode;
  threshold: number;
}

const TESTED = new Set(["t", "F", "chi2", "z", "r"]);
const CHECKED_EFFECTS = new Set(["risk-ratio", "odds-ratio", "hazard-ratio", "mean-difference", "risk-difference"]);
/** Between an effect's CI and the p printed with it: "(95% CI 0.58 to 0.87; P=0.001)". */
const P_AFTER_EFFECT = /^[ \t\u00a0]{0,3}[;,][ \t\u00a0]{0,3}$/;

type Value = Record<string, any>;

/** Why a value needs more than its own quote to be checked. */
function whyUnchecked(value: Value): string {
  switch (value.kind) {
    case "test":
      return value.statistic ? "its degrees of freedom or p are not printed with it" : "a p alone has no statistic to recompute it from";
    case "proportion":
      return value.denominator === undefined ? "its n is not printed with it" : "no percentage is printed with it";
    case "effect":
      return isUnknown(value.ci?.level) ? "its CI level is not printed" : "its measure is not a difference or a ratio";
    case "mean":
    case "median":
      return "its n is not printed with it";
    case "percent-change":
      return "the means it changes between are not printed with it";
    default:
      return "no check applies to it alone";
  }
}

/**
 * Scan mode: every statistic in a text, and the checks that need nothing but what is printed with it,
 * run through the very code `cohort check` uses on a study file (checkStatistics), so a finished study
 * file holding the same values gets the same verdicts. Checked: p from a test statistic printed with its
 * df and p (statcheck's method); a percentage printed with its count and total; CI ↔ p of a ratio or
 * difference printed with its CI level (and the p printed right after it, in the same brackets). Means,
 * medians, sample sizes and lone p-values are listed with the reason no check ran.
 *
 * @example
 * scanStatistics("t(28) = 2.20, p = .03", { rounding: "up_or_down", threshold: 5 })[0].checks[0].status; // => "inconsistent"
 */
export function scanStatistics(text: string, options: ScanOptions): ScannedStatistic[] {
  const draft = draftStudy(text, { file: "source.txt", id: "scan", sources: ".", schema: "." });
  const values = draft.study.reported as Value[];
  const checkable: Value[] = [];
  const pOf = new Map<string, string>();
  values.forEach((value, index) => {
    // A z is referred to the normal distribution: it needs no df.
    if (value.kind === "test" && value.statistic && value.p && TESTED.has(value.statistic.name) && (value.statistic.df || value.statistic.name === "z")) {
      checkable.push({ ...value, comparison: "other", groups: undefined, timepoints: undefined });
    } else if (value.kind === "proportion" && value.denominator !== undefined && value.percent !== undefined) {
      checkable.push({ ...value, outcome: "scanned", group: "all", timepoint: undefined });
    } else if (value.kind === "effect" && CHECKED_EFFECTS.has(value.measure) && !isUnknown(value.ci.level)) {
      const next = values[index + 1];
      const between = next ? text.slice(draft.statistics[index]!.end, draft.statistics[index + 1]!.start) : "";
      const p = next?.kind === "test" && !next.statistic && P_AFTER_EFFECT.test(between) ? next.p : undefined;
      if (p) pOf.set(next!.id, value.id);
      checkable.push({ ...value, outcome: undefined, groups: undefined, ...(p ? { p } : {}) });
    }
  });
  // Only the values checked, with nothing unknown that the checks read: a study in all but its design.
  const study = { design: { sampleSize: { value: 0 }, arms: [] }, reported: checkable } as unknown as Study;
  const results = checkStatistics(study, { ...options, gridOf: () => undefined });
  return values.map((value, index) => {
    const checks = results.filter((result) => result.subject?.includes(value.id));
    const owner = pOf.get(value.id);
    const unchecked = checks.length > 0 ? undefined : owner !== undefined ? `checked with ${owner}, whose CI it is printed with` : whyUnchecked(value);
    return { id: value.id, statistic: draft.statistics[index]!, checks, ...(unchecked !== undefined ? { unchecked } : {}) };
  });
}
