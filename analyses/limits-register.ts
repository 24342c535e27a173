import { appraiseStudy } from "../src/appraisal/appraise-study.js";
import { GRADE_LEVELS } from "../src/appraisal/grade.js";
import { attributionFor } from "../src/appraisal/source-sections.js";
import type { Artefact } from "../src/report/artefact.js";
import { defineAnalysis } from "../src/report/analysis.js";

const id = "limits-register";
const title = "Limits register: what the evidence cannot carry";
const LEVEL = { stated: "stated", implied: "implied", none: "no" } as const;
const quotes = (list: ReadonlyArray<{ source: { quote: string } }>) => list.map((e) => `"${e.source.quote}"`).join(" · ");

/**
 * The appraisal of a study as three artefacts: the plain-language verdict (opens the report), the
 * limits register (every limit, how far the source admits it, quotes, why, numbers) and GRADE
 * certainty per outcome.
 */
export default defineAnalysis({
  id,
  title,
  section: "limits",
  run({ study, instruments, studyFile }) {
    const appraisal = appraiseStudy(study, instruments, [], {}, attributionFor(study, studyFile));
    const { verdict, limits, grade } = appraisal;
    const count = (level: "stated" | "implied" | "none") => limits.flags.filter((f) => f.admission.level === level);
    const verdictArtefact: Artefact = {
      id: "verdict",
      title: "Verdict: what this study can and cannot show",
      section: "verdict",
      paragraphs: [
        `What was done: ${verdict.done}`,
        `What was found: ${verdict.found}`,
        `What it can show: ${verdict.canShow}`,
        `What it cannot show: ${verdict.cannotShow}`,
        verdict.reasons.length === 0 ? "The limits register finds no limit in the study file." : verdict.reasons.length === 1 ? "The biggest reason for caution:" : `The ${verdict.reasons.length === 3 ? "three" : "two"} biggest reasons for caution, heaviest first:`,
        verdict.certainty,
        "Written from the study file by cohortcheck (src/appraisal/verdict.ts); the limits register and GRADE table below give every reason, quote and number behind it.",
      ],
      // The reasons follow the sentence that introduces them (the fifth paragraph).
      list: { after: 5, items: verdict.reasons },
    };
    const register: Artefact = {
      id,
      title,
      section: "limits",
      paragraphs: [
        limits.flags.length === 0
          ? "The limits register finds no limit in the study file."
          : `${limits.flags.length} limit${limits.flags.length === 1 ? "" : "s"} found. The source states ${count("stated").length}${count("stated").length > 0 ? ` (${count("stated").map((f) => f.title).join("; ")})` : ""}, implies ${count("implied").length}${count("implied").length > 0 ? ` (${count("implied").map((f) => f.title).join("; ")})` : ""} and does not admit ${count("none").length}.`,
        "Each limit follows from fields of the study file (design, arms and their roles, flow, reported values, claims) and the instrument data; how far the source admits it comes from the form of its own stated limitations (a limitation or caveat states it; a call for future research only implies it). Where a number exists, it makes the limit concrete.",
        `Attribution: ${limits.attribution}.`,
      ],
      summary: `${limits.flags.length} limit${limits.flags.length === 1 ? "" : "s"} found; the source states ${count("stated").length}, implies ${count("implied").length} and does not admit ${count("none").length}.`,
      table: {
        columns: [
          { key: "admitted", label: "admitted by the source" },
          { key: "title", label: "limit" },
          { key: "evidence", label: "evidence" },
          { key: "why", label: "why it matters" },
          { key: "consequence", label: "in numbers" },
          { key: "admission", label: "the source's words" },
        ],
        rows: limits.flags.map((flag) => ({
          admitted: LEVEL[flag.admission.level],
          title: flag.title,
          evidence: [quotes(flag.evidence), ...flag.notes].filter((part) => part !== "").join(" · "),
          why: flag.why,
          consequence: flag.consequences.map((c) => c.statement).join(" · "),
          admission: quotes(flag.admission.quotes),
        })),
      },
      exercises: [
        {
          question: `Which limits of "${study.title}" does its source not admit?`,
          answer: count("none").length > 0 ? count("none").map((f) => f.title).join("; ") : "None: every limit found is stated or implied by the source.",
          method: "limitsRegister(study, instruments, options, attribution) from src/appraisal (rules over the study file; admissions from limitationsStated)",
          ...(limits.flags.length > 0
            ? {
                input: {
                  kind: "choice" as const,
                  label: "Which of these limits does the source not admit?",
                  multiple: true,
                  options: [
                    ...limits.flags.map((f) => ({ label: f.title, correct: f.admission.level === "none", feedback: `${LEVEL[f.admission.level]} admission in the source. ${f.why}` })),
                    ...(count("none").length === 0 ? [{ label: "None of them: the source admits every one", correct: true, feedback: "Every limit found is stated or implied by the source." }] : []),
                  ],
                },
                hint: "Read the register above: its column on whether the source admits each limit says stated, implied or no.",
              }
            : {}),
        },
      ],
    };
    const cell = (outcome: (typeof grade)[number], domain: string) => {
      const found = outcome.domains.find((d) => d.domain === domain)!;
      return `${found.rating}${found.downgrade > 0 ? ` (−${found.downgrade})` : ""}: ${found.reasons.join("; ")}`;
    };
    const downgrades = grade.length > 0 ? grade[0]!.domains.reduce((sum, d) => sum + d.downgrade, 0) : 0;
    const gradeArtefact: Artefact = {
      id: "grade",
      title: "Certainty of the evidence (GRADE), per outcome",
      section: "limits",
      paragraphs: [
        "GRADE rates how sure one can be of an effect: comparisons of arms allocated at random start at high, everything else at low; each serious concern rates it down one level (very serious: two), never below very low (Guyatt et al. 2008, BMJ 336:924, doi:10.1136/bmj.39489.470347.AD; imprecision: Guyatt et al. 2011, J Clin Epidemiol 64:1283, doi:10.1016/j.jclinepi.2011.01.012).",
        grade.length > 0
          ? `One row per outcome (${grade.length}): each instrument the study lists, and each other measure or counted outcome on which it reports ${study.design.arms.length >= 2 ? "a comparison between groups or over time" : "values over time or a test"}.`
          : `No outcome is rated: the study file lists no instrument and reports no measure or counted outcome ${study.design.arms.length >= 2 ? "compared between groups or over time" : "over time or with a test"}.`,
        "For one study, inconsistency is not applicable and publication bias is not assessable: they are shown as such, not passed. Indirectness is judged against the study's own question.",
      ],
      summary: verdict.certainty,
      table: grade.length === 0 ? undefined : {
        columns: [
          { key: "outcome", label: "outcome" },
          { key: "start", label: "starts at" },
          { key: "bias", label: "risk of bias" },
          { key: "imprecision", label: "imprecision" },
          { key: "inconsistency", label: "inconsistency" },
          { key: "indirectness", label: "indirectness" },
          { key: "publication", label: "publication bias" },
          { key: "certainty", label: "certainty" },
        ],
        rows: grade.map((g) => ({
          outcome: g.label,
          start: `${g.start}: ${g.startReason}`,
          bias: cell(g, "risk of bias"),
          imprecision: cell(g, "imprecision"),
          inconsistency: cell(g, "inconsistency"),
          indirectness: cell(g, "indirectness"),
          publication: cell(g, "publication bias"),
          certainty: g.certainty,
        })),
      },
      exercises: grade.length > 0
        ? [
            {
              question: `What is the GRADE certainty of the evidence on ${grade[0]!.label} from "${study.title}", and what rates it down?`,
              answer: `${grade[0]!.certainty}: starts at ${grade[0]!.start}; ${grade[0]!.domains.filter((d) => d.downgrade > 0).map((d) => `${d.domain} −${d.downgrade} (${d.reasons.join("; ")})`).join("; ") || "nothing rates it down"}.`,
              method: "gradeCertainty(study, instruments, register, options) from src/appraisal",
              input: {
                kind: "choice" as const,
                label: `GRADE certainty for ${grade[0]!.label}`,
                multiple: false,
                options: [...GRADE_LEVELS].reverse().map((level) => ({
                  label: level,
                  correct: level === grade[0]!.certainty,
                  feedback: level === grade[0]!.certainty ? `It starts at ${grade[0]!.start} and ends at ${level}.` : `The toolkit rates it ${grade[0]!.certainty}: it starts at ${grade[0]!.start}${downgrades > 0 ? `, is rated down ${downgrades} level${downgrades === 1 ? "" : "s"} (never below very low)` : " and nothing rates it down"}, and ends at ${grade[0]!.certainty}.`,
                })),
              },
              hint: "A randomised comparison starts at high, anything else at low; each serious concern in the table above rates it down one level, never below very low.",
            },
          ]
        : [],
    };
    return [verdictArtefact, register, gradeArtefact];
  },
});
