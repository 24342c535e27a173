import type { Evidence } from "../schema/checklist.js";
import type { Appraisal, AppraisedChecklist } from "./appraise-study.js";
import type { LimitFlag } from "./limit-flag.js";

const ANSWER_LABEL = { yes: "Yes", no: "No", unclear: "Unclear", "not-applicable": "N/A" } as const;

function quoteLines(evidence: ReadonlyArray<Evidence>, indent: string, label: string): string[] {
  return evidence.map((entry) => `${indent}${label}: "${entry.source.quote}" (${entry.source.file})${entry.note ? ` — ${entry.note}` : ""}`);
}

function flagLines(flag: LimitFlag, index: number): string[] {
  const pad = "     ";
  return [
    `  ${index + 1}. ${flag.title} [${flag.id}]`,
    ...quoteLines(flag.admission, pad, "admitted"),
    ...quoteLines(flag.evidence, pad, "evidence"),
    ...flag.notes.map((note) => `${pad}note: ${note}`),
    `${pad}why: ${flag.why}`,
    ...flag.consequences.map((consequence) => `${pad}consequence: ${consequence.statement}`),
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
 * The appraisal as text for people: the limits the source admits, those it does not (each with
 * quotes, why it matters and its numbers), then each checklist item by item. No total score.
 *
 * @example
 * formatAppraisal(appraiseStudy(studyA, instruments, [])).split("\n")[0]; // => "Appraisal of ketamine-im-substance-misuse: …"
 */
export function formatAppraisal(appraisal: Appraisal): string {
  const { study, limits } = appraisal;
  const total = limits.admitted.length + limits.notAdmitted.length;
  const lines = [
    `Appraisal of ${study.id}: ${study.title}`,
    `Source: ${study.sourceFile} (${study.sourceKind})`,
    "",
    `Limits register: ${total} limit${total === 1 ? "" : "s"}, ${limits.admitted.length} admitted by the source, ${limits.notAdmitted.length} not admitted`,
    "",
    `Admitted by the source (${limits.admitted.length}):`,
    ...(limits.admitted.length === 0 ? ["  (none)"] : limits.admitted.flatMap(flagLines)),
    "",
    `Not admitted by the source (${limits.notAdmitted.length}):`,
    ...(limits.notAdmitted.length === 0 ? ["  (none)"] : limits.notAdmitted.flatMap(flagLines)),
    ...appraisal.checklists.flatMap(checklistLines),
    ...(appraisal.notes.length > 0 ? ["", ...appraisal.notes.map((note) => `Note: ${note}`)] : []),
  ];
  return `${lines.join("\n")}\n`;
}
