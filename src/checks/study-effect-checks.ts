import type { CheckResult } from "../schema/check-result.js";
import type { EffectEstimate } from "../schema/reported-statistics.js";
import { ciP } from "./ci-p.js";
import { effectCounts } from "./effect-counts.js";
import { etaSquaredF } from "./eta-squared-f.js";
import { pText, proportionsTable, type StudyContext } from "./study-test-checks.js";
import { twoByTwo } from "./two-by-two.js";

const RATIOS = new Set(["risk-ratio", "odds-ratio", "hazard-ratio"]);
const DIFFERENCES = new Set(["mean-difference", "risk-difference"]);
const FROM_COUNTS = new Set(["risk-ratio", "odds-ratio", "risk-difference"]);

/**
 * Every check of one reported effect: CI ↔ p (ciP) on a difference or ratio with a CI; for an effect
 * `about` two proportions with counts, the effect recomputed from the 2×2 table (effectCounts) and its p
 * from Fisher's and χ² tests (twoByTwo); for a partial η² `about` an F test, ηp² from F and its df
 * (etaSquaredF).
 */
export function effectChecks(effect: EffectEstimate, context: StudyContext): CheckResult[] {
  const { assumption } = context;
  const out: CheckResult[] = [];
  if (effect.ci && (RATIOS.has(effect.measure) || DIFFERENCES.has(effect.measure))) {
    const ci = effect.ci;
    const result = ciP({ scale: RATIOS.has(effect.measure) ? "ratio" : "difference", estimate: effect.estimate, lower: ci.lower, upper: ci.upper, level: Number(ci.level), ...(effect.p ? { p: pText(effect.p) } : {}), ...assumption });
    out.push({ ...result, subject: [effect.id] });
  }
  const about = (effect.about ?? []).map((id) => context.byId.get(id));
  const [a, b] = about;
  if (FROM_COUNTS.has(effect.measure) && about.length === 2 && a?.kind === "proportion" && b?.kind === "proportion") {
    const table = proportionsTable(a, b, context);
    if (table) {
      const result = effectCounts({
        measure: effect.measure as "odds-ratio" | "risk-ratio" | "risk-difference",
        estimate: effect.estimate,
        events: [table.table[0][0], table.table[1][0]],
        totals: table.totals,
        ...(effect.unit ? { unit: effect.unit } : {}),
        ...assumption,
      });
      out.push({ ...result, subject: [effect.id, a.id, b.id], assumptions: { ...result.assumptions, denominators: table.denominators } });
      if (effect.p) {
        const p = twoByTwo({ table: table.table, p: pText(effect.p), ...assumption });
        out.push({ ...p, subject: [effect.id, a.id, b.id], assumptions: { ...p.assumptions, denominators: table.denominators, test: `${String(p.assumptions.test ?? "Fisher's exact or Pearson's χ² (with or without Yates' correction)")}; the printed p may come from the model behind the estimate instead` } });
      }
    }
  }
  if (effect.measure === "partial-eta-squared" && about.length === 1 && a?.kind === "test" && a.statistic?.name === "F") {
    const df = a.statistic.df ?? a.statistic.dfDerived?.df;
    if (df && df.length === 2) {
      const result = etaSquaredF({ eta: effect.estimate, F: a.statistic.value, df1: df[0]!, df2: df[1]!, ...(a.statistic.df === undefined && a.statistic.dfDerived ? { dfDerivedFrom: a.statistic.dfDerived.from } : {}), ...assumption });
      out.push({ ...result, subject: [effect.id, a.id] });
    }
  }
  return out;
}
