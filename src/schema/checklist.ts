import * as z from "zod";
import { registerDataFileSchema } from "./json-schemas.js";
import { Slug } from "./primitives.js";
import { Reference } from "./reference.js";
import { Source, SourcePaths } from "./source.js";
import * as message from "../messages/appraisal.js";

/**
 * One piece of evidence: a verbatim quote wrapped in `source` (so `cohort audit-sources` checks it
 * like every other quote in the data files), and optionally what the quote shows.
 */
export const Evidence = z
  .object({
    source: Source,
    note: z.string().min(1).optional().meta({ description: "What the quote shows for this answer or flag." }),
  })
  .strict()
  .meta({ id: "Evidence" });
export type Evidence = z.infer<typeof Evidence>;

/** Yes / No / Unclear / Not applicable: the answers JBI and CASP offer (CASP's "Can't tell" is `unclear`). */
export const ChecklistAnswer = z.enum(["yes", "no", "unclear", "not-applicable"]).meta({ id: "ChecklistAnswer" });
export type ChecklistAnswer = z.infer<typeof ChecklistAnswer>;

/** ROBINS-I domain and overall judgements (Sterne et al. 2016). */
export const RobinsJudgement = z.enum(["low", "moderate", "serious", "critical", "no-information"]).meta({ id: "RobinsJudgement" });
export type RobinsJudgement = z.infer<typeof RobinsJudgement>;

/** Severity order of ROBINS-I judgements; "no information" ranks with none. */
const SEVERITY: Record<RobinsJudgement, number> = { "no-information": 0, low: 1, moderate: 2, serious: 3, critical: 4 };

/** Which appraisal tool a checklist fills in, and where its wording comes from. */
export const ChecklistTool = z
  .object({
    id: Slug.meta({ description: "Tool id, e.g. `jbi-case-series`; known ids are checked against the built-in item wording." }),
    name: z.string().min(1),
    version: z.string().min(1).meta({ description: "Which version of the tool (tools are revised; numbering can change)." }),
    reference: Reference,
    itemCount: z.number().int().min(1).meta({ description: "How many items the tool has; items must be numbered 1..itemCount, each once." }),
  })
  .strict()
  .meta({ id: "ChecklistTool" });
export type ChecklistTool = z.infer<typeof ChecklistTool>;

/** One question of the tool, answered for this study with the reason and the quotes it rests on. */
export const ChecklistItem = z
  .object({
    id: Slug,
    number: z.number().int().min(1),
    question: z.string().min(1).meta({ description: "The tool's own wording." }),
    answer: ChecklistAnswer,
    reason: z.string().min(1),
    basis: z.enum(["quoted", "absent-from-source"]).meta({
      description: "`quoted`: the answer rests on the quotes in `evidence` (at least one); `absent-from-source`: it rests on what the source does not say (evidence may be empty; the reason says what is missing).",
    }),
    evidence: z.array(Evidence),
  })
  .strict()
  .superRefine((item, context) => {
    if (item.basis === "quoted" && item.evidence.length === 0) {
      context.addIssue({ code: "custom", path: ["evidence"], message: message.checklistQuotedWithoutEvidence(item.number) });
    }
  })
  .meta({ id: "ChecklistItem" });
export type ChecklistItem = z.infer<typeof ChecklistItem>;

/** A ROBINS-I domain judgement with its reason and quotes. */
export const DomainJudgement = z
  .object({
    domain: z.number().int().min(1).max(7),
    name: z.string().min(1),
    judgement: RobinsJudgement,
    reason: z.string().min(1),
    evidence: z.array(Evidence),
  })
  .strict()
  .meta({ id: "DomainJudgement" });
export type DomainJudgement = z.infer<typeof DomainJudgement>;

/**
 * A critical-appraisal checklist filled in for one study, as data. There is deliberately no score
 * field: JBI and CASP advise against summing items (an "x/10" hides which bias is present), so
 * none is stored or computed.
 */
export const Checklist = z
  .object({
    $schema: z.string().optional(),
    sources: SourcePaths.optional(),
    tool: ChecklistTool,
    study: Slug.meta({ description: "Id of the appraised study (a study file's `id`)." }),
    appraisedFrom: z.string().min(1).meta({ description: "What was read: e.g. the abstract only, or a blog summary rather than the paper." }),
    applicability: z.string().min(1).optional().meta({ description: "Caveats on using this tool for this design (e.g. ROBINS-I needs a comparator)." }),
    result: z.string().min(1).optional().meta({ description: "ROBINS-I is applied per result: which result is appraised." }),
    items: z.array(ChecklistItem).min(1),
    domainJudgements: z.array(DomainJudgement).optional(),
    overallJudgement: z
      .object({ judgement: RobinsJudgement, reason: z.string().min(1) })
      .strict()
      .optional()
      .meta({ description: "ROBINS-I overall judgement (at least as severe as the worst domain)." }),
    note: z.string().min(1).meta({ description: "Must say that no total score is computed (JBI and CASP advise against totals), plus any other caveat." }),
  })
  .strict()
  .superRefine((checklist, context) => {
    const issue = (path: PropertyKey[], message: string) => context.addIssue({ code: "custom", path, message });
    const seen = new Map<number, number>();
    checklist.items.forEach((item, index) => {
      const first = seen.get(item.number);
      if (first !== undefined) issue(["items", index, "number"], message.checklistDuplicateNumber(item.number, first));
      else seen.set(item.number, index);
      if (item.number > checklist.tool.itemCount) issue(["items", index, "number"], message.checklistNumberTooLarge(item.number, checklist.tool.itemCount));
    });
    const missing = Array.from({ length: checklist.tool.itemCount }, (_, index) => index + 1).filter((number) => !seen.has(number));
    if (missing.length > 0) issue(["items"], message.checklistNumbersMissing(missing, checklist.tool.itemCount));
    const ids = checklist.items.map((item) => item.id);
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index) issue(["items", index, "id"], `duplicate item id "${id}"`);
    });
    const domains = (checklist.domainJudgements ?? []).map((judgement) => judgement.domain);
    domains.forEach((domain, index) => {
      if (domains.indexOf(domain) !== index) issue(["domainJudgements", index, "domain"], `duplicate domain ${domain}`);
    });
    if (checklist.overallJudgement && !checklist.domainJudgements) issue(["overallJudgement"], "an overall judgement needs the domain judgements it rests on");
    if (checklist.overallJudgement && checklist.domainJudgements) {
      // ROBINS-I: the overall risk is at least as severe as the most severe domain.
      const worst = checklist.domainJudgements.reduce((max, judgement) => Math.max(max, SEVERITY[judgement.judgement]), 0);
      const overall = checklist.overallJudgement.judgement;
      if (overall !== "no-information" && SEVERITY[overall] < worst) {
        issue(["overallJudgement", "judgement"], `overall judgement "${overall}" is less severe than the worst domain judgement ("${RobinsJudgement.options.find((option) => SEVERITY[option] === worst)}")`);
      }
    }
    if (!/no (total )?score/i.test(checklist.note)) issue(["note"], message.checklistNoteWithoutNoScore(checklist.note));
  })
  .meta({ id: "Checklist", title: "cohortcheck appraisal checklist", description: "A critical-appraisal checklist filled in for one study; no total score." });
export type Checklist = z.infer<typeof Checklist>;

registerDataFileSchema("checklist.schema.json", Checklist);
