import * as z from "zod";
import { Evidence } from "./checklist.js";
import { registerDataFileSchema } from "./json-schemas.js";
import { DecimalString, ReportedText, Slug } from "./primitives.js";
import { Source, SourcePaths } from "./source.js";

/** What kind of text makes a claim: who is speaking shapes what a reader should discount. */
export const SourceKind = z
  .enum(["clinic-marketing", "review-summary", "professional-blog", "therapist-blog", "other"])
  .meta({ id: "SourceKind", description: "`review-summary`: the text quotes or summarises a published review." });
export type SourceKind = z.infer<typeof SourceKind>;

/**
 * Whether a claim points to evidence: `reference` (a link, DOI or citation a reader can follow);
 * `named-without-reference` (a particular study, review or body is named — "A 2022 meta-analysis",
 * "according to the WHO" — but nothing a reader could look up); `none` (nothing, or only a vague
 * appeal such as "research shows" or "multiple studies", which the claim's question points out).
 */
export const CitesEvidence = z.enum(["none", "named-without-reference", "reference"]).meta({ id: "CitesEvidence" });
export type CitesEvidence = z.infer<typeof CitesEvidence>;

/**
 * A number stated in a claim. `value` sits beside its `source`, so `cohort audit-sources` checks
 * that the quote states it.
 */
export const ClaimNumber = z
  .object({
    value: DecimalString,
    unit: z.string().min(1).meta({ description: "E.g. `%`, `million adults`, `US$ trillion per year`." }),
    qualifier: z.enum(["exactly", "more-than", "less-than", "about", "up-to"]).optional(),
    of: z.string().min(1).meta({ description: "What the number counts or measures." }),
    source: Source,
  })
  .strict()
  .meta({ id: "ClaimNumber" });
export type ClaimNumber = z.infer<typeof ClaimNumber>;

/** One claim of a context source, with what a careful reader should ask of it. */
export const RegisteredClaim = z
  .object({
    id: Slug,
    topic: z.string().min(1),
    kind: SourceKind.meta({ description: "Whose voice the claim is in (a clinic page may quote a review)." }),
    source: Source.meta({ description: "The claim, verbatim." }),
    citesEvidence: CitesEvidence,
    citedEvidence: z.array(Evidence).optional().meta({ description: "The quoted reference, link or naming of the evidence (required unless citesEvidence is `none`)." }),
    numbers: z.array(ClaimNumber).optional(),
    question: z.string().min(1).meta({ description: "The question a careful reader should ask." }),
  })
  .strict()
  .superRefine((claim, context) => {
    const cited = claim.citedEvidence ?? [];
    if (claim.citesEvidence !== "none" && cited.length === 0) {
      context.addIssue({ code: "custom", path: ["citedEvidence"], message: `citesEvidence is "${claim.citesEvidence}" but no citedEvidence quote shows it` });
    }
    if (claim.citesEvidence === "none" && cited.length > 0) {
      context.addIssue({ code: "custom", path: ["citesEvidence"], message: `citesEvidence is "none" but ${cited.length} citedEvidence quote(s) are given` });
    }
  })
  .meta({ id: "RegisteredClaim" });
export type RegisteredClaim = z.infer<typeof RegisteredClaim>;

/**
 * What a careful reader finds in how the document reports a study: spin (non-significance put down
 * to sample size, a conclusion stronger than the results), selective reporting, the reporter's own
 * interest. It is about the document, not the study, so it belongs here and not in the study's
 * checklists.
 */
export const RegisterFinding = z
  .object({
    id: Slug,
    kind: z.enum(["spin", "selective-reporting", "conflict-of-interest", "other"]),
    study: Slug.optional().meta({ description: "Id of the study file the document reports on, when it reports one." }),
    finding: z.string().min(1).meta({ description: "What the document does, in one or two sentences." }),
    evidence: z.array(Evidence).min(1),
  })
  .strict()
  .meta({ id: "RegisterFinding" });
export type RegisterFinding = z.infer<typeof RegisterFinding>;

/**
 * The claims of one context source (a blog post, a clinic page), each with its quote, whether it
 * cites evidence, and the conflicts of interest visible in the text.
 */
export const ClaimsRegister = z
  .object({
    $schema: z.string().optional(),
    sources: SourcePaths.optional(),
    id: Slug,
    title: z.string().min(1),
    file: Source.shape.file.meta({ description: "The source document every quote comes from." }),
    kind: SourceKind.meta({ description: "What the document as a whole is." }),
    author: ReportedText.optional().meta({ description: "Who wrote it, as the text says." }),
    scope: z.string().min(1).meta({ description: "Which parts of the document are registered (e.g. only the framing paragraphs)." }),
    conflictsOfInterest: z.array(ReportedText).meta({ description: "Interests visible in the text, each quoted; empty when none is visible." }),
    claims: z.array(RegisteredClaim).min(1),
    findings: z.array(RegisterFinding).default([]).meta({ description: "How the document reports a study (spin, selective reporting), each with its quotes." }),
    note: z.string().optional(),
  })
  .strict()
  .superRefine((register, context) => {
    const ids = register.claims.map((claim) => claim.id);
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index) context.addIssue({ code: "custom", path: ["claims", index, "id"], message: `duplicate claim id "${id}"` });
    });
    // Every quote must come from the one document the register is about.
    const check = (source: { file: string }, path: PropertyKey[]) => {
      if (source.file !== register.file) context.addIssue({ code: "custom", path: [...path, "file"], message: `quote is from "${source.file}" but this register covers "${register.file}"` });
    };
    if (register.author) check(register.author.source, ["author", "source"]);
    register.conflictsOfInterest.forEach((conflict, index) => check(conflict.source, ["conflictsOfInterest", index, "source"]));
    const findingIds = register.findings.map((finding) => finding.id);
    register.findings.forEach((finding, index) => {
      if (findingIds.indexOf(finding.id) !== index) context.addIssue({ code: "custom", path: ["findings", index, "id"], message: `duplicate finding id "${finding.id}"` });
      finding.evidence.forEach((evidence, e) => check(evidence.source, ["findings", index, "evidence", e, "source"]));
    });
    register.claims.forEach((claim, index) => {
      check(claim.source, ["claims", index, "source"]);
      claim.citedEvidence?.forEach((evidence, e) => check(evidence.source, ["claims", index, "citedEvidence", e, "source"]));
      claim.numbers?.forEach((number, n) => check(number.source, ["claims", index, "numbers", n, "source"]));
    });
  })
  .meta({ id: "ClaimsRegister", title: "cohortcheck claims register", description: "The claims of one context source, with quotes, cited evidence and conflicts of interest." });
export type ClaimsRegister = z.infer<typeof ClaimsRegister>;

registerDataFileSchema("claims-register.schema.json", ClaimsRegister);
