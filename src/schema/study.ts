import * as z from "zod";
import { Source, SourcePaths } from "./source.js";
import { designAttribute, ReportedDecimal, ReportedInteger, ReportedText, Slug } from "./primitives.js";
import { ExtractionRecord } from "./extraction-record.js";
import { Claim, ReportedValue, StatedLimitation } from "./reported-value.js";
import { StudyId } from "./study-id.js";
import { checkStudyConsistency } from "./study-consistency.js";
import { Variable } from "./variable.js";

/** Who wrote it, where and when. */
export const Citation = z
  .object({
    title: z.string().min(1),
    authors: z.array(z.string().min(1)).optional(),
    venue: z.string().optional(),
    date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD").optional(),
    doi: z.string().regex(/^10\.\d{4,9}\/\S+$/, "must be a DOI such as 10.3389/fpain.2023.1127863").optional(),
    url: z.string().url().optional(),
    note: z.string().optional(),
  })
  .strict()
  .meta({ id: "Citation" });

/**
 * A section of the source document: it starts at the first line that reads `heading` (trimmed) and
 * runs to the next declared section. Who wrote it decides whether a claim found only there can be
 * attributed to the study: an aggregator's unsigned summary (`unattributed`) cannot.
 */
export const SourceSection = z
  .object({
    heading: z.string().min(1).meta({ description: "The section's heading as a whole line of the document, e.g. `Abstract`." }),
    kind: z.enum(["title", "summary", "abstract", "introduction", "methods", "results", "discussion", "conclusion", "author-note", "page-furniture", "other"]),
    writtenBy: z
      .enum(["study-authors", "secondary-author", "unattributed"])
      .meta({ description: "`study-authors`: the study's own text (its abstract, its paper); `secondary-author`: a named author writing about the study (a blog, a news piece); `unattributed`: no author given (an aggregator's summary block, page furniture)." }),
  })
  .strict()
  .meta({ id: "SourceSection" });
export type SourceSection = z.infer<typeof SourceSection>;

/** The document the reported values are quoted from. */
export const SourceDocument = z
  .object({
    file: Source.shape.file,
    kind: z.enum(["abstract", "article", "blog-post", "clinic-page", "press-release", "other"]),
    description: z.string().min(1),
    publisher: z.string().optional().meta({ description: "Who published this document (a clinic, a journal, an aggregator)." }),
    conflictsOfInterest: z.array(ReportedText).optional().meta({ description: "Interests visible in the text (e.g. the author runs a clinic selling the treatment)." }),
    sections: z.array(SourceSection).optional().meta({ description: "The document's sections in order, so each quote can be attributed (abstract, results, a summary written by others); text before the first heading is the document's head." }),
  })
  .strict()
  .superRefine((document, context) => {
    const headings = (document.sections ?? []).map((section) => section.heading.trim());
    headings.forEach((heading, index) => {
      if (headings.indexOf(heading) !== index) context.addIssue({ code: "custom", path: ["sections", index, "heading"], message: `duplicate section heading "${heading}"` });
    });
  })
  .meta({ id: "SourceDocument" });

/** What was given: any kind of intervention; the drug fields apply only to drugs. */
export const Intervention = z
  .object({
    description: ReportedText,
    type: z
      .enum(["drug", "procedure", "device", "psychological", "behavioural", "exercise", "dietary", "combination", "usual-care", "placebo", "none", "other"])
      .optional()
      .meta({ description: "What kind of intervention it is; `combination` when several kinds are given together (list the others under `coInterventions`)." }),
    drug: z.string().min(1).optional().meta({ description: "For a drug: its name." }),
    dose: ReportedDecimal.optional(),
    doseNote: z.string().optional().meta({ description: "What is known about dose when no number is reported (e.g. `escalating`)." }),
    route: ReportedText.optional().meta({ description: "For a drug: how it is given." }),
    schedule: ReportedText.optional().meta({ description: "How often and for how long." }),
    sessions: ReportedInteger.optional(),
    coInterventions: z.array(ReportedText).default([]).meta({ description: "Treatments given alongside (nerve blocks, psychotherapy): they confound the main intervention's effect." }),
  })
  .strict()
  .meta({ id: "Intervention" });

/** What an arm is for in the comparison. */
export const ArmRole = z
  .enum(["experimental", "active-comparator", "placebo", "sham", "usual-care", "wait-list", "no-treatment", "other"])
  .meta({ id: "ArmRole", description: "`experimental` for the treatment studied; the others name the kind of comparison arm." });

export const Arm = z
  .object({
    id: Slug,
    label: z.string().min(1),
    role: ArmRole.optional(),
    size: ReportedInteger,
    intervention: Intervention.optional().meta({ description: "What the arm was given. Required unless `definedBy` is set (a group nobody assigned a treatment to)." }),
    definedBy: ReportedText.optional().meta({ description: "How membership of the group is defined when it is not an assignment, with the quote: an exposure, or an outcome (an observational cohort's survivors and non-survivors)." }),
  })
  .strict()
  .superRefine((arm, context) => {
    if (arm.intervention === undefined && arm.definedBy === undefined) context.addIssue({ code: "custom", path: ["intervention"], message: "say what the arm was given (intervention), or, for a group nobody assigned, how it is defined (definedBy)" });
  })
  .meta({ id: "Arm" });

export const Timepoint = z
  .object({
    id: Slug,
    label: z.string().min(1),
    order: z.number().int().nonnegative().meta({ description: "Position in time; timepoints are listed in this order." }),
    source: Source.optional(),
  })
  .strict()
  .meta({ id: "Timepoint" });

/**
 * The total n: quoted like any reported integer, or, when the source states only the arm sizes,
 * derived from them (`derivedFrom: "arm-sizes"`, no quote; validation checks the sum). One object
 * with optional parts rather than a union, so a wrong field is reported at its own JSON path.
 */
export const SampleSize = z
  .object({
    value: z.number().int("must be a whole number").nonnegative("must not be negative"),
    source: Source.optional().meta({ description: "The quote that states the total. Required unless `derivedFrom` is set." }),
    alsoQuoted: z.array(Source).optional(),
    derivedFrom: z.literal("arm-sizes").optional().meta({ description: "Set when the source states only the arm sizes: the total is their sum." }),
    note: z.string().optional(),
  })
  .strict()
  .superRefine((size, context) => {
    if (size.source === undefined && size.derivedFrom === undefined) context.addIssue({ code: "custom", path: ["source"], message: "quote the sentence that states the total, or set derivedFrom: \"arm-sizes\" when the source states only the arm sizes" });
    if (size.source !== undefined && size.derivedFrom !== undefined) context.addIssue({ code: "custom", path: ["derivedFrom"], message: "a quoted total is not derived: remove derivedFrom, or the source quote" });
  })
  .meta({ id: "SampleSize", description: "The total n, quoted or derived from the quoted arm sizes, e.g. `{ \"value\": 40, \"derivedFrom\": \"arm-sizes\" }`." });

export const Design = z
  .object({
    type: designAttribute(["observational", "case-series", "pilot", "trial", "cohort", "other"], "DesignType"),
    sampling: designAttribute(["convenience", "consecutive", "random", "not-reported"], "Sampling"),
    allocation: designAttribute(["randomised", "non-randomised", "single-group", "not-applicable", "not-reported"], "Allocation").meta({
      description: "`not-applicable`: nobody was allocated — the groups are defined by an exposure or an outcome (every arm then has `definedBy`).",
    }),
    controlGroup: designAttribute(["yes", "no", "not-reported"], "ControlGroup"),
    blinding: designAttribute(["none", "single", "double", "not-reported"], "Blinding"),
    sampleSize: SampleSize,
    arms: z.array(Arm).min(1),
    timepoints: z.array(Timepoint).min(1),
    followUp: designAttribute(["reported", "not-reported"], "FollowUp"),
    outcomeAssessment: designAttribute(["self-report", "clinician-rated", "mixed", "not-reported"], "OutcomeAssessment").optional(),
    acknowledgedDiscrepancy: z.string().optional().meta({ description: "Set only when the source's arm sizes do not add up to its sample size: explains it." }),
  })
  .strict()
  .superRefine((design, context) => {
    if (design.allocation.value !== "not-applicable") return;
    design.arms.forEach((arm, index) => {
      if (arm.definedBy === undefined) context.addIssue({ code: "custom", path: ["arms", index, "definedBy"], message: `allocation is "not-applicable" (nobody was allocated), so say how group "${arm.id}" is defined (definedBy)` });
    });
  })
  .meta({ id: "Design" });

/** How the study names an instrument, and which definition in data/instruments it means. */
export const StudyInstrument = z
  .object({
    ref: Slug.meta({ description: "Id of an instrument definition in data/instruments (file `<id>.json`)." }),
    measures: z.string().min(1),
    source: Source.meta({ description: "Where the source names the instrument." }),
    note: z.string().optional().meta({ description: "E.g. the version is not stated and one is assumed." }),
  })
  .strict()
  .meta({ id: "StudyInstrument" });

/**
 * A clinical study as its source reports it: citation, design, instruments and variables, and every
 * reported number and claim with its verbatim quote. Any design (one arm or several, randomised or
 * not, drug or not). Nothing here is reconstructed.
 */
export const Study = z
  .object({
    $schema: z.string().optional(),
    sources: SourcePaths.optional(),
    id: StudyId.meta({ description: "Used for the report folder name: `reports/<id>/`; not a name the reports tree uses itself (`claims-registers`)." }),
    title: z.string().min(1),
    citation: Citation,
    source: SourceDocument,
    design: Design,
    instruments: z.array(StudyInstrument),
    variables: z.array(Variable).default([]).meta({ description: "Measured quantities that are not scored instruments (age, weight, lab values), for reported values that name a `variable`." }),
    reported: z.array(ReportedValue),
    claims: z.array(Claim),
    limitationsStated: z.array(StatedLimitation),
    extraction: ExtractionRecord.optional().meta({ description: "Left by `cohort extract`: where each drafted value's quote sits in the source, and what was left to fill." }),
  })
  .strict()
  .superRefine(checkStudyConsistency)
  .meta({ id: "Study", title: "cohortcheck study file", description: "A clinical study as its source reports it." });
export type Study = z.infer<typeof Study>;
export type Design = z.infer<typeof Design>;
export type Arm = z.infer<typeof Arm>;
export type Timepoint = z.infer<typeof Timepoint>;
export type StudyInstrument = z.infer<typeof StudyInstrument>;
export type Intervention = z.infer<typeof Intervention>;
export type ArmRole = z.infer<typeof ArmRole>;
export type SampleSize = z.infer<typeof SampleSize>;
