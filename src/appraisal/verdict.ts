import type { InstrumentRegistry } from "../io/load-instruments.js";
import type { Claim } from "../schema/reported-value.js";
import type { Study } from "../schema/study.js";
import { definedGroupWords, groupsNotAssigned, hasInactiveControl, isUntreatedArm, orderedTimepoints } from "./design-facts.js";
import { GRADE_LEVELS, gradeSummary, type GradeOutcome } from "./grade.js";
import type { LimitFlag, LimitsRegister } from "./limit-flag.js";
import { attributedToStudy, listNames, listWords, type ResolvedLimitsOptions } from "./limit-rules.js";
import { worstLoss } from "./conduct-limits.js";
import { outcomeMeasures, type OutcomeMeasure } from "./outcome-measures.js";
import type { Attribution } from "./source-sections.js";

/** A plain-language verdict a student can read in a minute: what was done, found, can and cannot be shown, and why. */
export interface Verdict {
  done: string;
  found: string;
  canShow: string;
  cannotShow: string;
  /** The three limits that matter most, heaviest first, each in two or three short sentences. */
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
function weight(flag: LimitFlag, study: Study, instruments: InstrumentRegistry, options: ResolvedLimitsOptions): number {
  switch (flag.id) {
    case "no-control-group":
      return study.design.arms.length === 1 ? 1 : 8;
    case "non-random-allocation":
      return 2;
    case "small-arms":
      return 3;
    case "regression-to-the-mean":
      return hasInactiveControl(study) ? 15 : 4;
    case "attrition":
      return worstLoss(study, instruments) > options.attritionConcern ? 5 : 17;
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
/** "Regular monthly ketamine" → "regular monthly ketamine"; "PHQ-9 …" and "IM …" stay as they are. */
const lowerFirst = (text: string): string => (/^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text);
const capitalised = (text: string): string => (text.length > 0 ? text[0]!.toUpperCase() + text.slice(1) : text);
const sentence = (text: string): string => capitalised(text.trim()).replace(/[.;,]?$/, ".");

/**
 * One reason in short sentences: the limit (its title, the first colon read as a dash), whether the
 * source admits it, and what it costs (its first number, or why it matters).
 */
function reasonOf(flag: LimitFlag): string {
  const cost = flag.consequences[0]?.statement ?? firstSentence(flag.why);
  const admitted = flag.admission.level === "stated" ? " The source says so itself." : flag.admission.level === "implied" ? " The source implies it." : "";
  return `${sentence(flag.title.replace(": ", " — "))}${admitted} ${sentence(cost)}`;
}

/** Quotes of claims, each without its closing full stop so the sentence around them ends once. */
const quoted = (claims: readonly Claim[], limit: number): string => claims.slice(0, limit).map((claim) => `"${claim.source.quote.replace(/\.$/, "")}"`).join("; ");

const SAMPLING_WORDS: Record<Study["design"]["sampling"]["value"], string> = {
  convenience: "They were a convenience sample.",
  consecutive: "They were enrolled consecutively.",
  random: "They were sampled at random.",
  "not-reported": "How they were chosen is not reported.",
};

/** Who was in which group, in sentences without the file's descriptions' grammar: sizes and labels. */
function groupsSentence(study: Study): string {
  const d = study.design;
  const n = d.sampleSize.value;
  if (groupsNotAssigned(study)) return `It compares ${d.arms.length} groups that nobody assigned, each defined by an exposure or an outcome (${definedGroupWords(study)}).`;
  if (d.arms.length === 1) {
    const arm = d.arms[0]!;
    return arm.intervention ? `All ${n} received the same intervention (${lowerFirst(arm.intervention.description.value).replace(/\.$/, "")}).` : `All ${n} were in one group (${arm.label}).`;
  }
  const sizes = listWords(d.arms.map((arm) => `${arm.size.value} ${d.allocation.value === "randomised" ? "to" : "in"} ${arm.label}`));
  if (d.allocation.value === "randomised") return `They were allocated at random to ${d.arms.length} groups, ${sizes}.`;
  if (d.allocation.value === "not-reported") return `They were in ${d.arms.length} groups, ${sizes}. How people were put in each group is not reported.`;
  return `They were in ${d.arms.length} groups, ${sizes}, not allocated at random.`;
}

/** "It compares 2 measures between the groups (A and B). It has one timepoint, 14 days." — the outcomes GRADE rates, at most `shown` named. */
function measuredSentence(study: Study, outcomes: readonly OutcomeMeasure[], shown = 6): string {
  const times = orderedTimepoints(study).map((timepoint) => timepoint.label);
  const when = times.length === 1 ? `It has one timepoint, ${times[0]}.` : `Its ${times.length} timepoints are ${listWords(times)}.`;
  if (outcomes.length === 0) return `It reports no measure ${study.design.arms.length >= 2 ? "compared between groups or over time" : "followed over time"}. ${when}`;
  const names = outcomes.map((outcome) => outcome.name);
  const listed = listNames(names, shown);
  const between = outcomes.some((outcome) => outcome.betweenGroups);
  const overTime = study.design.timepoints.length >= 2 && outcomes.some((outcome) => outcome.kind === "instrument" || outcome.timepoints.length >= 2);
  const [verb, where] = between && overTime ? ["compares", " between the groups and over time"] : between ? ["compares", " between the groups"] : overTime ? ["follows", " over time"] : ["reports", ""];
  return `It ${verb} ${outcomes.length} measure${outcomes.length === 1 ? "" : "s"}${where} (${listed}). ${when}`;
}

/** "Its one claim of a result comes with a test, p-value or confidence interval", "None of its 3 claims …", "2 of its 5 claims …". */
function testedSentence(claims: number, tested: number): string {
  const backing = "a test, p-value or confidence interval";
  if (claims === 1) return tested === 1 ? `Its one claim of a result comes with ${backing}.` : "Its one claim of a result comes with no test, p-value or confidence interval.";
  if (tested === 0) return `None of its ${claims} claims of a result comes with ${backing}.`;
  if (tested === claims) return `${claims === 2 ? "Both" : `All ${claims}`} of its claims of a result come with ${backing}.`;
  return `${tested} of its ${claims} claims of a result ${tested === 1 ? "comes" : "come"} with ${backing}.`;
}

/**
 * The verdict on one study, written from its file, its limits register and its GRADE ratings; every
 * sentence names only what those record, in short sentences a student can read in a minute. The three
 * reasons are the heaviest limits found (see weight).
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
  const outcomes = outcomeMeasures(study, instruments);
  const done = [
    `${DESIGN_WORDS[d.type.value]} of ${d.sampleSize.value} people.`,
    SAMPLING_WORDS[d.sampling.value],
    groupsSentence(study),
    measuredSentence(study, outcomes),
    `The source is ${SOURCE_WORDS[study.source.kind]}${study.source.publisher ? `, published by ${study.source.publisher}` : ""}.`,
  ].join(" ");

  const own = study.claims.filter((claim) => RESULT_TYPES.has(claim.type) && attributedToStudy(claim, attribution));
  const others = study.claims.filter((claim) => !attributedToStudy(claim, attribution));
  const kinds = [...new Set(study.reported.map((value) => value.kind))];
  const tests = study.reported.filter((value) => value.kind === "test" || (value.kind === "effect" && value.p !== undefined)).length;
  const tested = own.filter((claim) => claim.testReported).length;
  const found = [
    own.length > 0 ? `In its own words: ${quoted(own, 4)}${own.length > 4 ? ` (and ${own.length - 4} more claims)` : ""}.` : "The source states no result in words.",
    study.reported.length > 0 ? `It gives ${study.reported.length} number${study.reported.length === 1 ? "" : "s"} or bands (${kinds.join(", ")}).` : "It gives no number.",
    ...(study.reported.length === 0 ? [] : [tests > 0 ? `${tests} of them ${tests === 1 ? "is a test or an effect" : "are tests or effects"} with a p-value.` : "None of them is a test or a p-value."]),
    ...(own.length > 0 ? [testedSentence(own.length, tested)] : []),
    ...(others.length > 0 ? [`The page's unsigned summary adds ${others.length} claim${others.length === 1 ? "" : "s"} the study's own text does not make (${quoted(others, 2)}); they are not counted as the study's.`] : []),
  ].join(" ");

  const best = grades.reduce((top, grade) => Math.max(top, GRADE_LEVELS.indexOf(grade.certainty)), 0);
  const has = (id: LimitFlag["id"]) => register.flags.some((flag) => flag.id === id);
  const canShow =
    best >= GRADE_LEVELS.indexOf("moderate")
      ? `It gives estimates that are probably close to the truth for ${listNames(grades.filter((grade) => GRADE_LEVELS.indexOf(grade.certainty) >= 2).map((grade) => grade.name))}.`
      : best === GRADE_LEVELS.indexOf("low")
        ? `It gives estimates for ${listNames(grades.filter((grade) => grade.certainty === "low").map((grade) => grade.name))}, but the truth may be substantially different (low certainty).`
        : `It can describe what was observed in these ${d.sampleSize.value} people, as the source words it, and suggest what a better study should test. Any estimate from it is very uncertain.`;
  const several = d.arms.filter((arm) => !isUntreatedArm(arm)).length >= 2;
  const harms = register.flags.find((flag) => flag.id === "harms-imprecise");
  const cannot: string[] = [];
  if (groupsNotAssigned(study)) cannot.push("that what defines the groups caused the differences between them, or the reverse (nobody assigned the groups)");
  else if (!hasInactiveControl(study) || has("non-random-allocation")) cannot.push(d.arms.length === 1 ? "that the intervention caused the changes reported" : "that one arm's intervention caused a difference between the arms");
  if (has("missing-dispersion")) cannot.push("how large the changes are against the spread between people");
  if (has("no-test-reported") || has("significance-without-test")) cannot.push("that the differences it claims without a test are more than chance");
  if (has("below-important-difference")) cannot.push("that the changes are large enough to matter to the people measured");
  if (harms && /too few/.test(harms.title)) cannot.push(several ? "that the interventions are safe" : "that the intervention is safe");
  if (has("regression-to-the-mean") && !hasInactiveControl(study)) cannot.push("how much of the change would have happened without the intervention");
  const cannotShow = cannot.length > 0 ? `It cannot show ${cannot.length === 1 ? cannot[0] : `${cannot.slice(0, -1).join(", ")}, or ${cannot.at(-1)}`}.` : "Within its own question, the limits below are what stands between the result and a firm answer.";

  const reasons = [...register.flags].sort((a, b) => weight(a, study, instruments, options) - weight(b, study, instruments, options)).slice(0, 3).map(reasonOf);
  const certainty = `GRADE certainty: ${gradeSummary(grades)}.`;
  return { done, found, canShow, cannotShow, reasons, certainty };
}
