import type { CheckResult } from "../schema/check-result.js";
import type { Study } from "../schema/study.js";

/**
 * What an inconsistent check result is, read from the study file, so a summary words it as what it is:
 * - `contradiction`: reported numbers that cannot all be true together, under nothing but the stated rounding;
 * - `complete-answers`: a mean impossible only if everyone answered every item of an instrument scored from
 *   the items answered (the RAND-36): a question for the authors, not proof of an error;
 * - `assumed-denominator`: a share that fails only with its group's size as the denominator, which the
 *   source does not print (it may be of those who answered);
 * - `derived-df`: a statistic printed without its df that fails with df derived from the design (the file says
 *   how), not with df the source prints: the design may have been analysed otherwise (a sphericity correction);
 * - `groups-short`: groups nobody assigned (defined by an outcome or an exposure) that hold fewer people than
 *   the study, which is possible (the rest are in neither group), not a contradiction.
 */
export type FindingClass = "contradiction" | "complete-answers" | "assumed-denominator" | "derived-df" | "groups-short";

/**
 * The class of one inconsistent result (see FindingClass).
 *
 * @example
 * findingClass(yogaRand36Grim, yoga); // => "complete-answers"
 */
export function findingClass(result: CheckResult, study: Study): FindingClass {
  const details = result.details !== null && typeof result.details === "object" ? (result.details as Record<string, unknown>) : {};
  // withPartialAnswers (src/checks/check-study.ts) records whether one partial respondent explains the misfit.
  if ("onePartialRespondent" in details) return "complete-answers";
  const values = (result.subject ?? []).map((id) => study.reported.find((value) => value.id === id));
  if (values.some((value) => value?.kind === "proportion" && value.denominator === undefined && value.denominatorUnknown !== true)) return "assumed-denominator";
  if (values.some((value) => value?.kind === "test" && value.statistic?.df === undefined && value.statistic?.dfDerived !== undefined)) return "derived-df";
  const unassigned = study.design.arms.length >= 2 && (study.design.allocation.value === "not-applicable" || study.design.arms.every((arm) => arm.definedBy !== undefined && arm.intervention === undefined));
  if (result.check === "flow-arms-sum" && unassigned && study.design.arms.reduce((sum, arm) => sum + arm.size.value, 0) < study.design.sampleSize.value) return "groups-short";
  return "contradiction";
}

/** The subjects of results, each once, with the checks that found it: "a (grim, grimmer); b + c (percent)". */
export function findingSubjects(results: readonly CheckResult[]): string {
  const bySubject = new Map<string, string[]>();
  for (const result of results) {
    const key = (result.subject ?? [result.check]).join(" + ");
    bySubject.set(key, [...(bySubject.get(key) ?? []), result.check]);
  }
  return [...bySubject].map(([subject, checks]) => `${subject} (${[...new Set(checks)].join(", ")})`).join("; ");
}

/**
 * The summary of a study's checks in one line, each class of finding worded as what it is.
 *
 * @example
 * checksSummary(results, yoga); // => "5 of 76 checks find reported numbers that cannot all be true together (…). 11 more find a mean impossible only if everyone answered every item (…)."
 */
export function checksSummary(results: readonly CheckResult[], study: Study): string {
  const inconsistent = results.filter((result) => result.status === "inconsistent");
  const of = (kind: FindingClass) => inconsistent.filter((result) => findingClass(result, study) === kind);
  const contradictions = of("contradiction");
  const rest = inconsistent.length - contradictions.length;
  const sentences = [
    contradictions.length > 0
      ? `${contradictions.length} of ${results.length} checks ${contradictions.length === 1 ? "finds" : "find"} reported numbers that cannot all be true together (${findingSubjects(contradictions)}).`
      : inconsistent.length > 0
        ? `No check of ${results.length} finds reported numbers that cannot all be true together under the stated rounding alone.`
        : `All ${results.length} checks find the reported numbers consistent or undecidable; none contradicts another.`,
    ...classSentences(of, rest > 0 && contradictions.length > 0),
  ];
  return sentences.join(" ");
}

/** One sentence per class of finding that is not a contradiction, as the reports word them. */
export function classSentences(of: (kind: FindingClass) => CheckResult[], more: boolean): string[] {
  const count = (n: number) => `${n}${more ? " more" : ""} check${n === 1 ? "" : "s"}`;
  const verb = (n: number) => (n === 1 ? "finds" : "find");
  const out: string[] = [];
  const answers = of("complete-answers");
  if (answers.length > 0) out.push(`${count(answers.length)} ${verb(answers.length)} a mean or an SD impossible only if everyone answered every item of a scale that scores the items answered: a question for the authors, not proof of an error (${findingSubjects(answers)}).`);
  const denominators = of("assumed-denominator");
  if (denominators.length > 0) out.push(`${count(denominators.length)} ${verb(denominators.length)} numbers that do not fit if each share is of its whole group, a denominator the source does not print; the shares may be of fewer people (${findingSubjects(denominators)}).`);
  const derived = of("derived-df");
  if (derived.length > 0) out.push(`${count(derived.length)} ${verb(derived.length)} a p that does not fit its statistic with df derived from the design, which the source does not print; another analysis (a sphericity correction) may fit (${findingSubjects(derived)}).`);
  const short = of("groups-short");
  if (short.length > 0) out.push(`${count(short.length)} ${verb(short.length)} that the groups nobody assigned hold fewer people than the study: the rest are in neither group (${findingSubjects(short)}).`);
  return out;
}
