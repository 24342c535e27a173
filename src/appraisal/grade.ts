import { sampleSizeFor } from "../inference/sample-size-for.js";
import type { InstrumentRegistry } from "../io/load-instruments.js";
import type { Study } from "../schema/study.js";
import { completions } from "./conduct-limits.js";
import { groupsNotAssigned } from "./design-facts.js";
import { sharedCoInterventions } from "./design-limits.js";
import type { LimitFlag, LimitsRegister } from "./limit-flag.js";
import { listWords, type ResolvedLimitsOptions } from "./limit-rules.js";

/** GRADE's four levels of certainty, lowest first. */
export const GRADE_LEVELS = ["very low", "low", "moderate", "high"] as const;
export type GradeLevel = (typeof GRADE_LEVELS)[number];

/** One GRADE domain for one outcome: how it is rated, by how many levels it rates the evidence down, and why. */
export interface GradeDomain {
  domain: "risk of bias" | "imprecision" | "inconsistency" | "indirectness" | "publication bias";
  rating: "not serious" | "serious" | "very serious" | "not applicable" | "not assessable";
  downgrade: 0 | 1 | 2;
  reasons: string[];
}

/** The GRADE certainty of one outcome of one study. */
export interface GradeOutcome {
  outcome: string;
  label: string;
  start: GradeLevel;
  startReason: string;
  domains: GradeDomain[];
  certainty: GradeLevel;
}

export const GRADE_REFERENCE = {
  citation: "Guyatt GH, Oxman AD, Vist GE, et al. (2008) GRADE: an emerging consensus on rating quality of evidence and strength of recommendations. BMJ 336:924–926",
  doi: "10.1136/bmj.39489.470347.AD",
} as const;
export const GRADE_IMPRECISION_REFERENCE = {
  citation: "Guyatt GH, Oxman AD, Kunz R, et al. (2011) GRADE guidelines 6. Rating the quality of evidence — imprecision. J Clin Epidemiol 64:1283–1293",
  doi: "10.1016/j.jclinepi.2011.01.012",
} as const;

const flagOf = (register: LimitsRegister, id: LimitFlag["id"]) => register.flags.find((flag) => flag.id === id);
const rating = (downgrade: number): GradeDomain["rating"] => (downgrade === 0 ? "not serious" : downgrade === 1 ? "serious" : "very serious");

/** Concerns about risk of bias that apply to every outcome of the study, each a reason in words. */
function biasConcerns(study: Study, register: LimitsRegister, options: ResolvedLimitsOptions): string[] {
  const concerns: string[] = [];
  if (study.design.arms.length === 1 && flagOf(register, "no-control-group")) concerns.push("no comparison group: a change before and after cannot be told from regression to the mean, natural course or expectation");
  const blinding = flagOf(register, "unblinded-assessment");
  if (blinding) concerns.push(blinding.title);
  const lost = flagOf(register, "attrition");
  if (lost) {
    const known = completions(study).filter((entry) => entry.observed !== undefined);
    const worst = Math.max(0, ...known.map((entry) => 1 - entry.observed! / entry.started));
    if (known.length === 0) concerns.push(`${lost.title}: missing outcome data cannot be judged`);
    else if (worst > options.attritionConcern) concerns.push(`${lost.title} (more than ${Math.round(options.attritionConcern * 100)}% in an arm)`);
  }
  const co = flagOf(register, "co-interventions");
  if (co && (study.design.arms.length === 1 || sharedCoInterventions(study).length === 0)) concerns.push(`${co.title}: their effect is mixed with the treatment's`);
  return concerns;
}

/** Whether the study reports any measure of precision for an instrument: an SD or SE, a CI, or a test. */
function precisionReported(study: Study, instrument: string): { numbers: boolean; precision: boolean } {
  const values = study.reported.filter((value) => "instrument" in value && value.instrument === instrument);
  const precision = values.some(
    (value) =>
      ((value.kind === "mean" || value.kind === "mean-change") && (value.ci !== undefined || value.dispersion?.kind === "sd" || value.dispersion?.kind === "se" || value.dispersion?.kind === "ci95")) ||
      (value.kind === "effect" && (value.ci !== undefined || value.se !== undefined)) ||
      value.kind === "test",
  );
  return { numbers: values.some((value) => value.kind !== "eligibility"), precision };
}

/**
 * GRADE certainty for each outcome (instrument) of one study. Randomised comparisons start at high,
 * everything else at low, as GRADE does; each domain then rates down by one level (serious) or two
 * (very serious), never below very low. Risk of bias counts the design concerns the limits register
 * found (one concern: serious; two or more: very serious). Imprecision follows GRADE guidance 6: no
 * measure of precision, a total n below the optimal information size (the n of one trial with 80%
 * power for d = 0.5), or an interval that may fall short of a minimal important change. Inconsistency
 * needs several studies and publication bias a body of evidence: for one study they are marked not
 * applicable and not assessable, not silently passed. Indirectness is judged against the study's own
 * question and is not rated down. No upgrading is applied (it needs an effect estimate with its CI).
 *
 * Reference: Guyatt GH et al. (2008) BMJ 336:924–926, doi:10.1136/bmj.39489.470347.AD; imprecision:
 * Guyatt GH et al. (2011) J Clin Epidemiol 64:1283–1293, doi:10.1016/j.jclinepi.2011.01.012.
 *
 * @param study a validated study
 * @param instruments instrument definitions (names)
 * @param register the study's limits register
 * @param options the register's resolved thresholds
 * @example
 * gradeCertainty(studyA, instruments, registerA, options).map((row) => row.certainty); // => ["very low", "very low", "very low"]
 */
export function gradeCertainty(study: Study, instruments: InstrumentRegistry, register: LimitsRegister, options: ResolvedLimitsOptions): GradeOutcome[] {
  const randomised = study.design.allocation.value === "randomised" && study.design.arms.length >= 2;
  const start: GradeLevel = randomised ? "high" : "low";
  const startReason = randomised
    ? "randomised comparison: GRADE starts at high"
    : `${groupsNotAssigned(study) ? "groups nobody assigned (each defined by an exposure or an outcome)" : study.design.arms.length >= 2 ? "arms not shown to be randomised" : "one group, no randomised comparison"} (design: ${study.design.type.value}, allocation: ${study.design.allocation.value.replace(/-/g, " ")}): GRADE starts at low; no rating up (that needs an effect estimate with its CI)`;
  const concerns = biasConcerns(study, register, options);
  const ois = study.design.arms.length >= 2 ? sampleSizeFor("two-group", options.mediumEffect, options.power, options.alpha).n * 2 : sampleSizeFor("paired", options.mediumEffect, options.power, options.alpha).n;
  const n = study.design.sampleSize.value;
  const shared = sharedCoInterventions(study);
  const important = flagOf(register, "below-important-difference");
  const publication = flagOf(register, "promotional-source");
  return study.instruments.map((entry) => {
    const abbreviation = instruments.get(entry.ref)?.abbreviation ?? entry.ref;
    const { numbers, precision } = precisionReported(study, entry.ref);
    const imprecision: string[] = [];
    if (!numbers) imprecision.push(`no numbers are reported for ${abbreviation}, only words`);
    else if (!precision) imprecision.push(`no SD, SE, confidence interval or test is reported for ${abbreviation}, so its precision cannot be judged`);
    if (n < ois) imprecision.push(`total n = ${n} is below the optimal information size of ${ois} (${study.design.arms.length >= 2 ? "two groups" : "paired before/after"}, 80% power for d = ${options.mediumEffect}, α = ${options.alpha})`);
    const short = (important?.consequences ?? []).filter((consequence) => String(consequence.inputs.label ?? "").startsWith(abbreviation) && consequence.result.verdict !== "reaches");
    if (short.length > 0) imprecision.push(`${short.length} comparison${short.length === 1 ? "" : "s"} with a minimal important change may fall short of it`);
    const biasDown = Math.min(2, concerns.length) as 0 | 1 | 2;
    const impreciseDown = Math.min(2, imprecision.length) as 0 | 1 | 2;
    const domains: GradeDomain[] = [
      { domain: "risk of bias", rating: rating(biasDown), downgrade: biasDown, reasons: concerns.length > 0 ? concerns : ["no design concern found in the study file"] },
      { domain: "imprecision", rating: rating(impreciseDown), downgrade: impreciseDown, reasons: imprecision.length > 0 ? imprecision : [`precision reported and n = ${n} reaches the optimal information size of ${ois}`] },
      { domain: "inconsistency", rating: "not applicable", downgrade: 0, reasons: ["one study, so consistency across studies cannot be judged"] },
      {
        domain: "indirectness",
        rating: "not serious",
        downgrade: 0,
        reasons: [`judged against the study's own question: ${listWords(study.design.arms.map((arm) => arm.label))}, ${entry.measures}${shared.length > 0 ? `; a reader asking about the treatment without ${listWords(shared)} should rate it down` : ""}`],
      },
      { domain: "publication bias", rating: "not assessable", downgrade: 0, reasons: [`one study, and publication bias needs a body of evidence${publication ? "; the report itself is a secondary one (see the limits register)" : ""}`] },
    ];
    const total = domains.reduce((sum, domain) => sum + domain.downgrade, 0);
    const certainty = GRADE_LEVELS[Math.max(0, GRADE_LEVELS.indexOf(start) - total)]!;
    return { outcome: entry.ref, label: `${abbreviation} (${entry.measures})`, start, startReason, domains, certainty };
  });
}
