import type { InstrumentRegistry } from "../io/load-instruments.js";
import type { Study } from "../schema/study.js";
import { completionKnown } from "./conduct-limits.js";
import { groupsNotAssigned, interventionWords } from "./design-facts.js";
import { sharedCoInterventions } from "./design-limits.js";
import { imprecisionReasons, precisionNotSerious } from "./grade-imprecision.js";
import type { LimitFlag, LimitsRegister } from "./limit-flag.js";
import { listNames, listWords, pct, type ResolvedLimitsOptions } from "./limit-rules.js";
import { outcomeMeasures, outcomeObserved, type OutcomeMeasure } from "./outcome-measures.js";

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
  /** The outcome: an instrument's ref, a variable's id, or a counted outcome's words (`kind` says which). */
  outcome: string;
  kind: OutcomeMeasure["kind"];
  /** The short name reports use (an instrument's abbreviation, a variable's label, the counted outcome's words). */
  name: string;
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

/** Whether an outcome is followed over time: the design has two or more timepoints and the outcome has a value after the first. */
function followedOverTime(study: Study, outcome: OutcomeMeasure): boolean {
  const first = [...study.design.timepoints].sort((a, b) => a.order - b.order)[0]?.id;
  return study.design.timepoints.length >= 2 && (outcome.kind === "instrument" || outcome.timepoints.some((timepoint) => timepoint !== first));
}

/** Missing outcome data for one outcome: the worst group's share not observed at its last timepoint, or unknown. */
function missingData(study: Study, outcome: OutcomeMeasure, options: ResolvedLimitsOptions): string | undefined {
  if (!followedOverTime(study, outcome)) return undefined;
  const groups = outcomeObserved(study, outcome);
  const known = groups.filter((entry) => entry.observed !== undefined);
  if (known.length === 0) return completionKnown(study) ? undefined : "how many were observed at the end is not reported: missing outcome data cannot be judged";
  const worst = known.reduce((top, entry) => (1 - entry.observed! / entry.started > 1 - top.observed! / top.started ? entry : top));
  const share = 1 - worst.observed! / worst.started;
  if (share <= options.attritionConcern) return undefined;
  const arm = study.design.arms.find((candidate) => candidate.id === worst.group)?.label;
  return `${outcome.name} is missing for ${worst.started - worst.observed!} of ${worst.started}${arm ? ` in ${arm}` : ""} (${pct(share)}, more than ${Math.round(options.attritionConcern * 100)}%)`;
}

/** Concerns about risk of bias for one outcome, each a reason in words. */
function biasConcerns(study: Study, outcome: OutcomeMeasure, register: LimitsRegister, options: ResolvedLimitsOptions): string[] {
  const concerns: string[] = [];
  if (study.design.arms.length === 1 && flagOf(register, "no-control-group")) concerns.push("no comparison group: a change before and after cannot be told from regression to the mean, natural course or expectation");
  const blinding = flagOf(register, "unblinded-assessment");
  // A characteristic with no timepoint, compared between groups nobody assigned, is not measured after the groups form.
  if (blinding && !setAside(study, outcome)) concerns.push(blinding.title);
  const missing = missingData(study, outcome, options);
  if (missing) concerns.push(missing);
  const co = flagOf(register, "co-interventions");
  if (co && (study.design.arms.length === 1 || sharedCoInterventions(study).length === 0)) concerns.push(`${co.title}: their effect is mixed with that of ${interventionWords(study)}`);
  return concerns;
}

/** Whether blinding is set aside for an outcome: a characteristic with no timepoint compared between groups nobody assigned. */
const setAside = (study: Study, outcome: OutcomeMeasure): boolean => groupsNotAssigned(study) && outcome.kind !== "instrument" && outcome.timepoints.length === 0;

/** Why nothing rates risk of bias down, saying what the start already carries and what was set aside. */
function noConcern(study: Study, outcome: OutcomeMeasure, register: LimitsRegister, start: GradeLevel): string {
  const base = start === "low" ? "no concern beyond those that start it at low" : "no design concern found in the study file";
  return setAside(study, outcome) && study.design.blinding.value !== "single" && study.design.blinding.value !== "double"
    ? `${base}; blinding does not matter here: ${outcome.name} is a characteristic with no timepoint, not a measure taken after the groups formed`
    : base;
}

function startOf(study: Study): { start: GradeLevel; reason: string } {
  const randomised = study.design.allocation.value === "randomised" && study.design.arms.length >= 2;
  if (randomised) return { start: "high", reason: "arms allocated at random: GRADE starts at high" };
  const why = groupsNotAssigned(study) ? "groups nobody assigned (each defined by an exposure or an outcome)" : study.design.arms.length >= 2 ? "arms not shown to be allocated at random" : "one group, with no comparison allocated at random";
  return { start: "low", reason: `${why} (design: ${study.design.type.value}, allocation: ${study.design.allocation.value.replace(/-/g, " ")}): GRADE starts at low; no rating up (that needs an effect estimate with its CI)` };
}

/**
 * GRADE certainty for each outcome of one study, whatever its measure: every instrument the study
 * lists, and every variable or counted outcome on which it reports a comparison (outcomeMeasures).
 * Allocation at random starts at high, everything else at low, as GRADE does; each domain then rates
 * down by one level (serious) or two (very serious), never below very low. Risk of bias counts the
 * concerns the file shows for the outcome (no comparison group, unblinded assessment, more than 20%
 * of its data missing or completion unknown, co-interventions mixed with the intervention): one is
 * serious, two or more very serious. Imprecision follows GRADE guidance 6 (imprecisionReasons).
 * Inconsistency needs several studies and publication bias a body of evidence: for one study they
 * are marked not applicable and not assessable, not silently passed. Indirectness is judged against
 * the study's own question and is not rated down. No upgrading is applied.
 *
 * Reference: Guyatt GH et al. (2008) BMJ 336:924–926, doi:10.1136/bmj.39489.470347.AD; imprecision:
 * Guyatt GH et al. (2011) J Clin Epidemiol 64:1283–1293, doi:10.1016/j.jclinepi.2011.01.012.
 *
 * @param study a validated study
 * @param instruments instrument definitions (names)
 * @param register the study's limits register
 * @param options the register's resolved thresholds
 * @example
 * gradeCertainty(maskTrial, instruments, register, options).map((row) => row.certainty); // => ["moderate", "very low"]
 */
export function gradeCertainty(study: Study, instruments: InstrumentRegistry, register: LimitsRegister, options: ResolvedLimitsOptions): GradeOutcome[] {
  const { start, reason: startReason } = startOf(study);
  const shared = sharedCoInterventions(study);
  const publication = flagOf(register, "promotional-source");
  return outcomeMeasures(study, instruments).map((outcome) => {
    const concerns = biasConcerns(study, outcome, register, options);
    const imprecision = imprecisionReasons(study, outcome, register, options);
    const biasDown = Math.min(2, concerns.length) as 0 | 1 | 2;
    const impreciseDown = Math.min(2, imprecision.reduce((sum, entry) => sum + entry.levels, 0)) as 0 | 1 | 2;
    const groups = groupsNotAssigned(study) ? study.design.arms.map((arm) => arm.definedBy?.value ?? arm.label) : study.design.arms.map((arm) => arm.label);
    const domains: GradeDomain[] = [
      { domain: "risk of bias", rating: rating(biasDown), downgrade: biasDown, reasons: concerns.length > 0 ? concerns : [noConcern(study, outcome, register, start)] },
      { domain: "imprecision", rating: rating(impreciseDown), downgrade: impreciseDown, reasons: imprecision.length > 0 ? imprecision.map((entry) => entry.reason) : [precisionNotSerious(study, outcome, options)] },
      { domain: "inconsistency", rating: "not applicable", downgrade: 0, reasons: ["one study, so consistency across studies cannot be judged"] },
      {
        domain: "indirectness",
        rating: "not serious",
        downgrade: 0,
        reasons: [`judged against the study's own question: ${listWords(groups)}, ${outcome.measures}${shared.length > 0 ? `; a reader asking about ${interventionWords(study)} without ${listWords(shared)} should rate it down` : ""}`],
      },
      { domain: "publication bias", rating: "not assessable", downgrade: 0, reasons: [`one study, and publication bias needs a body of evidence${publication ? "; the report itself is a secondary one (see the limits register)" : ""}`] },
    ];
    const total = domains.reduce((sum, domain) => sum + domain.downgrade, 0);
    const certainty = GRADE_LEVELS[Math.max(0, GRADE_LEVELS.indexOf(start) - total)]!;
    return { outcome: outcome.key.slice(outcome.key.indexOf(":") + 1), kind: outcome.kind, name: outcome.name, label: outcome.label, start, startReason, domains, certainty };
  });
}

/**
 * The ratings in one sentence, outcomes grouped by level, highest first: "moderate for A; very low for B
 * and C". With many outcomes at one level, their count and the first few.
 *
 * @example
 * gradeSummary(rows); // => "very low for all 3 outcomes rated (PHQ-9, NRS and SDS)"
 */
export function gradeSummary(grades: readonly GradeOutcome[], shown = 5): string {
  if (grades.length === 0) return "no outcome with a reported result to rate";
  const names = (rows: readonly GradeOutcome[]) => listNames(rows.map((row) => row.name), shown);
  const levels = [...GRADE_LEVELS].reverse().filter((level) => grades.some((row) => row.certainty === level));
  if (levels.length === 1) return grades.length === 1 ? `${levels[0]} for ${grades[0]!.name}` : `${levels[0]} for ${grades.length === 2 ? "both" : `all ${grades.length}`} outcomes rated (${names(grades)})`;
  return levels.map((level) => `${level} for ${names(grades.filter((row) => row.certainty === level))}`).join("; ");
}
