import type { InstrumentRegistry } from "../io/load-instruments.js";
import type { Claim } from "../schema/reported-value.js";
import type { Study } from "../schema/study.js";
import { definedGroupWords, groupsNotAssigned, hasInactiveControl, measuredWords, orderedTimepoints } from "./design-facts.js";
import { GRADE_LEVELS, type GradeOutcome } from "./grade.js";
import type { LimitFlag, LimitsRegister } from "./limit-flag.js";
import { attributedToStudy, listWords, type ResolvedLimitsOptions } from "./limit-rules.js";
import { completions } from "./conduct-limits.js";
import type { Attribution } from "./source-sections.js";

/** A plain-language verdict a student can read in a minute: what was done, found, can and cannot be shown, and why. */
export interface Verdict {
  done: string;
  found: string;
  canShow: string;
  cannotShow: string;
  /** The three limits that matter most, each in one sentence. */
  reasons: string[];
  certainty: string;
}

const DESIGN_WORDS: Record<Study["design"]["type"]["value"], string> = {
  observational: "An observational study",
  "case-series": "A case series",
  pilot: "A pilot study",
  trial: "A trial",
  cohort: "A cohort study",
  other: "A study",
};

const SOURCE_WORDS: Record<Study["source"]["kind"], string> = {
  abstract: "an abstract",
  article: "a journal article",
  "blog-post": "a blog post about the study",
  "clinic-page": "a clinic's web page about the study",
  "press-release": "a press release",
  other: "a document",
};

/** Claims that report a result (not conclusions, generalisations or asides). */
const RESULT_TYPES: ReadonlySet<Claim["type"]> = new Set(["significance", "non-significance", "improvement", "all-improved", "trend", "comparison", "safety", "efficacy"]);

/**
 * How much each limit weighs in the verdict (lower is heavier), from the design: a missing comparison
 * group weighs most when there is one group; losses weigh by their size; regression to the mean
 * weighs less when an inactive comparison arm shares it.
 */
function weight(flag: LimitFlag, study: Study, options: ResolvedLimitsOptions): number {
  switch (flag.id) {
    case "no-control-group":
      return study.design.arms.length === 1 ? 1 : 8;
    case "non-random-allocation":
      return 2;
    case "small-arms":
      return 3;
    case "regression-to-the-mean":
      return hasInactiveControl(study) ? 15 : 4;
    case "attrition": {
      const known = completions(study).filter((entry) => entry.observed !== undefined);
      const worst = Math.max(0, ...known.map((entry) => 1 - entry.observed! / entry.started));
      return known.length > 0 && worst > options.attritionConcern ? 5 : 17;
    }
    default:
      return DEFAULT_WEIGHT[flag.id] ?? 30;
  }
}

const DEFAULT_WEIGHT: Partial<Record<LimitFlag["id"], number>> = {
  "unblinded-assessment": 6,
  "missing-dispersion": 7,
  "control-without-placebo": 9,
  "small-sample": 10,
  "co-interventions": 11,
  "significance-without-test": 12,
  "no-test-reported": 13,
  "below-important-difference": 14,
  "harms-imprecise": 16,
  multiplicity: 18,
  "unattributed-claims": 19,
  "promotional-source": 20,
  "undefined-improvement": 21,
  "undefined-band-label": 22,
  "convenience-sample": 23,
  "not-significant": 24,
  "no-follow-up": 25,
  "missing-dose": 26,
  "imprecise-shares": 27,
  "instrument-version-assumed": 28,
};

/** The first sentence of a text. */
const firstSentence = (text: string): string => (text.match(/^.*?[.!?](\s|$)/)?.[0] ?? text).trim();

/** One reason: the limit and what it costs, in one sentence. */
function reasonOf(flag: LimitFlag): string {
  const cost = flag.consequences[0]?.statement ?? firstSentence(flag.why);
  const admitted = flag.admission.level === "stated" ? " (the source says so itself)" : flag.admission.level === "implied" ? " (the source implies it)" : "";
  return `${flag.title}${admitted}: ${cost.replace(/\.$/, "")}.`;
}

/** Quotes of claims, each without its closing full stop so the sentence around them ends once. */
const quoted = (claims: readonly Claim[], limit: number): string => claims.slice(0, limit).map((claim) => `"${claim.source.quote.replace(/\.$/, "")}"`).join("; ");

/**
 * The verdict on one study, written from its file, its limits register and its GRADE ratings; every
 * sentence names only what those record. The three reasons are the heaviest limits found (see weight).
 *
 * @param study a validated study
 * @param instruments instrument definitions (names of what was measured)
 * @param register the study's limits register
 * @param grades the study's GRADE ratings
 * @param attribution where each quote sits in the source
 * @param options the register's resolved thresholds
 * @example
 * studyVerdict(studyA, instruments, registerA, gradesA, attributionA, options).reasons.length; // => 3
 */
export function studyVerdict(study: Study, instruments: InstrumentRegistry, register: LimitsRegister, grades: readonly GradeOutcome[], attribution: Attribution, options: ResolvedLimitsOptions): Verdict {
  const d = study.design;
  const gave = (text: string) => (/^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text).replace(/\.$/, "");
  const sampling = d.sampling.value === "convenience" ? " (a convenience sample)" : d.sampling.value === "not-reported" ? " (how they were chosen is not reported)" : ` (${d.sampling.value} sampling)`;
  const received = (arm: Study["design"]["arms"][number]) => (arm.intervention ? `received ${gave(arm.intervention.description.value)}` : arm.definedBy?.value ?? arm.label);
  const who = groupsNotAssigned(study)
    ? `${d.sampleSize.value} people${sampling}, compared in ${d.arms.length} groups that nobody assigned, each defined by an exposure or an outcome: ${definedGroupWords(study)}.`
    : d.arms.length === 1
      ? `${d.sampleSize.value} people${sampling}, all of whom ${received(d.arms[0]!)}.`
      : `${d.sampleSize.value} people${sampling} in ${d.arms.length} groups: ${d.arms.map((arm) => `${arm.size.value} ${received(arm)}`).join("; ")}. ${d.allocation.value === "randomised" ? "People were allocated to the groups at random." : d.allocation.value === "not-reported" ? "How people were put in each group is not reported." : "People were not allocated to the groups at random."}`;
  const times = orderedTimepoints(study).map((timepoint) => timepoint.label);
  const done = `${DESIGN_WORDS[d.type.value]} of ${who} Measured: ${measuredWords(study, instruments)}, at ${times.length} time${times.length === 1 ? "" : "s"} (${times.join("; ")}). Source: ${SOURCE_WORDS[study.source.kind]}${study.source.publisher ? `, published by ${study.source.publisher}` : ""}.`;

  const own = study.claims.filter((claim) => RESULT_TYPES.has(claim.type) && attributedToStudy(claim, attribution));
  const others = study.claims.filter((claim) => !attributedToStudy(claim, attribution));
  const kinds = [...new Set(study.reported.map((value) => value.kind))];
  const found = [
    own.length > 0 ? `In its own words: ${quoted(own, 4)}${own.length > 4 ? ` (and ${own.length - 4} more claims)` : ""}.` : "The source states no result in words.",
    `It gives ${study.reported.length} numbers or bands (${kinds.join(", ") || "none"}), ${own.some((claim) => claim.testReported) ? "with a test behind some claims" : "and no statistical test behind its claims"}.`,
    ...(others.length > 0 ? [`The page's unsigned summary adds ${others.length} claim${others.length === 1 ? "" : "s"} the study's own text does not make (${quoted(others, 2)}); they are not counted as the study's.`] : []),
  ].join(" ");

  const best = grades.reduce((top, grade) => Math.max(top, GRADE_LEVELS.indexOf(grade.certainty)), 0);
  const has = (id: LimitFlag["id"]) => register.flags.some((flag) => flag.id === id);
  const canShow =
    best >= GRADE_LEVELS.indexOf("moderate")
      ? `It gives estimates that are probably close to the truth for ${listWords(grades.filter((grade) => GRADE_LEVELS.indexOf(grade.certainty) >= 2).map((grade) => grade.label))}.`
      : best === GRADE_LEVELS.indexOf("low")
        ? `It gives estimates for ${listWords(grades.filter((grade) => grade.certainty === "low").map((grade) => grade.label))}, but the true effect may be substantially different (low certainty).`
        : `It can describe what was observed in these ${d.sampleSize.value} people, as the source words it, and suggest what a better study should test; any estimate of effect from it is very uncertain.`;
  const cannot: string[] = [];
  if (groupsNotAssigned(study)) cannot.push("that what defines the groups caused the differences between them, or the reverse (the groups were not assigned)");
  else if (!hasInactiveControl(study) || has("non-random-allocation")) cannot.push(d.arms.length === 1 ? "that the treatment caused the changes reported" : "that one treatment caused a difference between the groups");
  if (has("missing-dispersion") || has("no-test-reported") || has("significance-without-test")) cannot.push("how large any effect is, or whether it is more than chance");
  if (has("below-important-difference")) cannot.push("that the changes are large enough to matter to patients");
  if (has("harms-imprecise")) cannot.push(d.arms.length === 1 ? "that the treatment is safe" : "that the treatments are safe");
  if (has("regression-to-the-mean") && !hasInactiveControl(study)) cannot.push("how much of the change would have happened without treatment");
  const cannotShow = cannot.length > 0 ? `It cannot show: ${cannot.join("; ")}.` : "Within its own question, the limits below are what stands between the result and a firm answer.";

  const reasons = [...register.flags].sort((a, b) => weight(a, study, options) - weight(b, study, options)).slice(0, 3).map(reasonOf);
  const certainty = `GRADE certainty: ${grades.map((grade) => `${grade.label} ${grade.certainty}`).join("; ") || "no outcome instrument recorded"}.`;
  return { done, found, canShow, cannotShow, reasons, certainty };
}
