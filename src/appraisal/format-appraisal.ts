import { visibleControls } from "../io/visible-controls.js";
import type { Evidence } from "../schema/checklist.js";
import type { Appraisal, AppraisedChecklist } from "./appraise-study.js";
import type { GradeOutcome } from "./grade.js";
import { flagsAdmitted, type LimitFlag } from "./limit-flag.js";
import type { Verdict } from "./verdict.js";

const ANSWER_LABEL = { yes: "Yes", no: "No", unclear: "Unclear", "not-applicable": "N/A" } as const;

function quoteLines(evidence: ReadonlyArray<Evidence>, indent: string, label: string): string[] {
  return evidence.map((entry) => `${indent}${label}: "${entry.source.quote}" (${entry.source.file})${entry.note ? ` — ${entry.note}` : ""}`);
}

const LEVEL_WORDS = { stated: "stated", implied: "implied", none: "not admitted" } as const;

function flagLines(flag: LimitFlag, index: number): string[] {
  const pad = "     ";
  return [
    `  ${index + 1}. ${flag.title} [${flag.id}] (${LEVEL_WORDS[flag.admission.level]} by the source)`,
    ...quoteLines(flag.admission.quotes, pad, flag.admission.level === "implied" ? "implied" : "admitted"),
    ...quoteLines(flag.evidence, pad, "evidence"),
    ...flag.notes.map((note) => `${pad}note: ${note}`),
    `${pad}why: ${flag.why}`,
    ...flag.consequences.map((consequence) => `${pad}consequence: ${consequence.statement}`),
  ];
}

function verdictLines(verdict: Verdict): string[] {
  return [
    "Verdict",
    `  What was done: ${verdict.done}`,
    `  What was found: ${verdict.found}`,
    `  What it can show: ${verdict.canShow}`,
    `  What it cannot show: ${verdict.cannotShow}`,
    "  The three biggest reasons:",
    ...verdict.reasons.map((reason, index) => `    ${index + 1}. ${reason}`),
    `  ${verdict.certainty}`,
  ];
}

function gradeLines(grade: readonly GradeOutcome[]): string[] {
  return [
    "GRADE certainty per outcome",
    ...grade.flatMap((row) => [
      `  ${row.label}: ${row.certainty} (starts at ${row.start}: ${row.startReason})`,
      ...row.domains.map((domain) => `     ${domain.domain}: ${domain.rating}${domain.downgrade > 0 ? ` (−${domain.downgrade})` : ""} — ${domain.reasons.join("; ")}`),
    ]),
  ];
}

function checklistLines(checklist: AppraisedChecklist): string[] {
  const lines = [
    "",
    `Checklist: ${checklist.tool.name}, ${checklist.tool.version} (${checklist.file})`,
    `  appraised from: ${checklist.appraisedFrom}`,
    ...(checklist.applicability ? [`  applicability: ${checklist.applicability}`] : []),
    ...(checklist.result ? [`  result appraised: ${checklist.result}`] : []),
    `  ${checklist.note}`,
  ];
  for (const item of [...checklist.items].sort((a, b) => a.number - b.number)) {
    lines.push(`  ${item.number}. ${item.question}`, `     ${ANSWER_LABEL[item.answer]} — ${item.reason}`, ...quoteLines(item.evidence, "     ", "quote"));
  }
  if (checklist.domainJudgements) {
    lines.push("  Domain judgements:");
    for (const domain of [...checklist.domainJudgements].sort((a, b) => a.domain - b.domain)) {
      lines.push(`  D${domain.domain} ${domain.name}: ${domain.judgement} — ${domain.reason}`, ...quoteLines(domain.evidence, "     ", "quote"));
    }
  }
  if (checklist.overallJudgement) lines.push(`  Overall: ${checklist.overallJudgement.judgement} — ${checklist.overallJudgement.reason}`);
  return lines;
}

/**
 * The appraisal as text for people: the verdict, the limits the source states, implies and does not
 * admit (each with quotes, why it matters and its numbers), GRADE per outcome, then each checklist
 * item by item. No total score.
 *
 * @example
 * formatAppraisal(appraiseStudy(studyA, instruments, [])).split("\n")[0]; // => "Appraisal of ketamine-im-substance-misuse: …"
 */
export function formatAppraisal(appraisal: Appraisal): string {
  const { study, limits } = appraisal;
  const stated = flagsAdmitted(limits, "stated");
  const implied = flagsAdmitted(limits, "implied");
  const none = flagsAdmitted(limits, "none");
  const total = limits.flags.length;
  const lines = [
    `Appraisal of ${study.id}: ${study.title}`,
    `Source: ${study.sourceFile} (${study.sourceKind}); ${limits.attribution}`,
    "",
    ...verdictLines(appraisal.verdict),
    "",
    `Limits register: ${total} limit${total === 1 ? "" : "s"}, ${stated.length} stated by the source, ${implied.length} implied, ${none.length} not admitted`,
    "",
    `Stated by the source (${stated.length}):`,
    ...(stated.length === 0 ? ["  (none)"] : stated.flatMap(flagLines)),
    "",
    `Implied by the source (${implied.length}):`,
    ...(implied.length === 0 ? ["  (none)"] : implied.flatMap(flagLines)),
    "",
    `Not admitted by the source (${none.length}):`,
    ...(none.length === 0 ? ["  (none)"] : none.flatMap(flagLines)),
    "",
    ...gradeLines(appraisal.grade),
    ...appraisal.checklists.flatMap(checklistLines),
    ...(appraisal.notes.length > 0 ? ["", ...appraisal.notes.map((note) => `Note: ${note}`)] : []),
  ];
  // Each entry is one line; a line break inside study text is shown (␊), never obeyed.
  return `${lines.map((line) => visibleControls(line)).join("\n")}\n`;
}
