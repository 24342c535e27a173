import { checklistNotes, checklistsFor } from "../src/appraisal/appraise-study.js";
import { attributionFor } from "../src/appraisal/source-sections.js";
import { builtInChecklistsDir } from "../src/appraisal/load-checklist.js";
import { defineAnalysis, skip } from "../src/report/analysis.js";

const id = "checklists";
const title = "Appraisal checklists";

/** The critical-appraisal checklists filled in for this study (data/checklists): every item's answer, reason and quotes; no total score. Evidence about the report rather than the study is noted. */
export default defineAnalysis({
  id,
  title,
  section: "limits",
  run({ study, studyFile }) {
    const own = checklistsFor(study, builtInChecklistsDir).filter((entry) => entry.checklist.study === study.id);
    const attribution = attributionFor(study, studyFile);
    if (own.length === 0) return skip(id, title, `no appraisal checklist in data/checklists names the study "${study.id}"`);
    return own.map(({ checklist }) => ({
      id: `${id}-${checklist.tool.id}`,
      title: `${checklist.tool.name} (${checklist.tool.version})`,
      section: "limits" as const,
      paragraphs: [
        `Appraised from: ${checklist.appraisedFrom}`,
        ...(checklist.applicability ? [`Applicability: ${checklist.applicability}`] : []),
        ...(checklist.overallJudgement ? [`Overall judgement: ${checklist.overallJudgement.judgement} — ${checklist.overallJudgement.reason}`] : []),
        checklist.note,
        ...checklistNotes(study, { file: checklist.tool.id, ...checklist }, attribution),
      ],
      table: {
        columns: [
          { key: "number", label: "item", align: "right" as const },
          { key: "question", label: "question" },
          { key: "answer", label: "answer" },
          { key: "reason", label: "reason" },
          { key: "evidence", label: "quotes" },
        ],
        rows: [
          ...checklist.items.map((item) => ({ number: String(item.number), question: item.question, answer: item.answer, reason: item.reason, evidence: item.evidence.map((e) => `"${e.source.quote}"`).join(" · ") })),
          ...(checklist.domainJudgements ?? []).map((domain) => ({ number: `D${domain.domain}`, question: domain.name, answer: domain.judgement, reason: domain.reason, evidence: domain.evidence.map((e) => `"${e.source.quote}"`).join(" · ") })),
        ],
      },
    }));
  },
});
