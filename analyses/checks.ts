import { checkStudy } from "../src/checks/check-study.js";
import { defineAnalysis, skip } from "../src/report/analysis.js";
import { describeAssumptions } from "../src/report/describe-check.js";
import { checkName } from "../src/report/check-names.js";
import { describeReported } from "../src/report/describe-reported.js";
import { checksSummary, findingClass, type FindingClass } from "../src/report/finding-class.js";
import { valueName } from "../src/report/plain-names.js";
import type { CheckResult } from "../src/schema/check-result.js";

const id = "checks";

/** How the exercise words each class of finding (src/report/finding-class.ts). */
const FINDING_WORDS: Record<FindingClass, string> = {
  contradiction: "these cannot all hold together",
  "complete-answers": "impossible only if everyone answered every item, a question for the authors",
  "assumed-denominator": "does not fit the group's size as denominator, which the source does not print",
  "derived-df": "does not fit df derived from the design, which the source does not print",
  "groups-short": "the groups nobody assigned hold fewer people than the study",
};
const title = "Every reported number, checked";

/** The verdict of every applicable check on every reported number (`cohort check`), with its assumptions. */
export default defineAnalysis({
  id,
  title,
  section: "checked",
  run({ study, instruments }) {
    const results = checkStudy(study, instruments);
    if (results.length === 0) return skip(id, title, "no check applies to any value the study reports");
    const inconsistent = results.filter((r) => r.status === "inconsistent");
    const count = (status: string) => results.filter((r) => r.status === status).length;
    const of = (kind: FindingClass) => inconsistent.filter((r) => findingClass(r, study) === kind);
    const contradictions = of("contradiction");
    const explained = (list: readonly CheckResult[]) => list.map((r) => `${(r.subject ?? [r.check]).join(" + ")} (${r.explanation})`).join("; ");
    // The exercise's choices: up to four sets of values found inconsistent and enough found consistent to make six, in the order checked.
    // Only a contradiction does not add up; an inconsistency that rests on something the source leaves unstated is a wrong choice, with why.
    const decided = results.map((r, index) => ({ r, index })).filter(({ r }) => r.status !== "undetermined" && (r.subject ?? []).length > 0);
    const wrong = decided.filter(({ r }) => r.status === "inconsistent").slice(0, 4);
    const fine = decided.filter(({ r }) => r.status === "consistent").slice(0, Math.max(2, 6 - wrong.length));
    const choices = [...wrong, ...fine].sort((a, b) => a.index - b.index).map(({ r }) => r);
    const isContradiction = (r: CheckResult) => r.status === "inconsistent" && findingClass(r, study) === "contradiction";
    const subjectWords = (r: CheckResult) =>
      (r.subject ?? [])
        .map((subject) => study.reported.find((v) => v.id === subject))
        .filter((v) => v !== undefined)
        .map((v) => valueName(v, study, instruments))
        .join("; ") || "the reported numbers";
    return {
      id,
      title,
      section: "checked",
      paragraphs: [
        `${results.length} checks ran on the reported numbers: ${count("consistent")} consistent, ${count("inconsistent")} inconsistent, ${count("undetermined")} undetermined (the check cannot decide from what is reported). Every verdict holds under the assumptions listed with it; rounding is "up_or_down" (a reported value may have been rounded either way at .5) unless stated.`,
        inconsistent.length === 0
          ? "No reported number is inconsistent with the others under these assumptions."
          : contradictions.length > 0
            ? `Not adding up: ${explained(contradictions)}.`
            : "No reported number is shown to be impossible under the stated rounding alone; every inconsistent result below rests on something the source leaves unstated.",
        ...(of("complete-answers").length > 0 ? [`Impossible only if everyone answered every item (a question for the authors, not proof of an error): ${explained(of("complete-answers"))}.`] : []),
        ...(of("assumed-denominator").length > 0 ? [`Not fitting the group's size as the denominator, which the source does not print: ${explained(of("assumed-denominator"))}.`] : []),
        ...(of("derived-df").length > 0 ? [`Not fitting df derived from the design, which the source does not print: ${explained(of("derived-df"))}.`] : []),
        ...(of("groups-short").length > 0 ? [`Groups nobody assigned that hold fewer people than the study: ${explained(of("groups-short"))}.`] : []),
      ],
      summary: checksSummary(results, study),
      table: {
        columns: [
          { key: "subject", label: "reported value(s)" },
          { key: "check", label: "check" },
          { key: "status", label: "verdict" },
          { key: "explanation", label: "why" },
          { key: "assumptions", label: "assumptions", toolkit: true },
          { key: "id", label: "check id", toolkit: true },
          { key: "reference", label: "method reference" },
        ],
        rows: results.map((r) => ({
          subject: (r.subject ?? []).join(", "),
          check: checkName(r.check),
          id: r.check,
          status: r.status,
          explanation: r.explanation,
          assumptions: describeAssumptions(r),
          reference: r.reference.citation + (r.reference.doi ? ` doi:${r.reference.doi}` : ""),
        })),
      },
      exercises: [
        {
          question: `Which number in "${study.title}" does not add up?`,
          answer:
            inconsistent.length > 0
              ? [
                  ...(contradictions.length === 0 ? ["None is shown to be impossible under the stated rounding alone"] : []),
                  ...inconsistent.map((r) => {
                    const values = (r.subject ?? []).map((subject) => study.reported.find((v) => v.id === subject)).filter((v) => v !== undefined);
                    return `${values.length > 0 ? values.map((v) => describeReported(v, study, instruments)).join("; ") : checkName(r.check)} — ${FINDING_WORDS[findingClass(r, study)]} (${checkName(r.check)}): ${r.explanation}`;
                  }),
                ].join(" | ")
              : `None: all ${results.length} checks find the reported numbers consistent (or cannot decide) under their stated assumptions.`,
          method: `checkStudy(study, instruments) from src/checks (the checks that ran: ${[...new Set(results.map((r) => r.check))].join(", ")})`,
          input: {
            kind: "choice" as const,
            label: "Which of these do not add up?",
            multiple: true,
            options: [
              ...choices.map((r) => ({
                // Two checks of one value (GRIM and GRIMMER of a mean) are two choices: each is named by its check too.
                label: `${subjectWords(r)}: ${checkName(r.check)}`,
                correct: isContradiction(r),
                feedback: `${checkName(r.check)}: ${r.status}${r.status === "inconsistent" ? `, ${FINDING_WORDS[findingClass(r, study)]}` : ""}; ${r.explanation}`,
              })),
              ...(contradictions.length === 0 ? [{ label: "None of them", correct: true, feedback: inconsistent.length === 0 ? `All ${results.length} checks find the reported numbers consistent (or cannot decide) under their stated assumptions.` : "None is shown to be impossible under the stated rounding alone; every inconsistency rests on something the source leaves unstated." }] : []),
            ],
          },
          hint: "Each number on its own may be possible; look for numbers that cannot all be true together — a mean impossible for whole-number scores of n people, a percentage no count of n gives, changes that do not chain. An inconsistency that needs an assumption the source does not state (everyone answered every item, the group's size as denominator) is a question for the authors, not proof.",
        },
      ],
    };
  },
});
