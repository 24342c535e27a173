import * as z from "zod";
import { Evidence } from "../schema/checklist.js";

/**
 * Every kind of limit the register knows, in the order flags are listed. One flag per kind at most,
 * so the kind is the flag's id.
 */
export const LIMIT_KINDS = [
  "small-sample",
  "small-arms",
  "imprecise-shares",
  "no-control-group",
  "non-random-allocation",
  "convenience-sample",
  "co-interventions",
  "unblinded-self-report",
  "not-significant",
  "significance-without-test",
  "no-test-reported",
  "missing-dispersion",
  "undefined-band-label",
  "undefined-improvement",
  "no-follow-up",
  "missing-dose",
  "instrument-version-assumed",
  "promotional-source",
] as const;
export const LimitKind = z.enum(LIMIT_KINDS).meta({ id: "LimitKind" });
export type LimitKind = z.infer<typeof LimitKind>;

/** A number that makes a limit concrete (an MDE, an interval width, a rule-of-three bound), with its method and reference. */
export const Consequence = z
  .object({
    method: z.enum(["mde", "power", "significance-threshold", "proportion-interval", "rule-of-three"]),
    statement: z.string().min(1).meta({ description: "The consequence in one sentence, numbers rounded for reading." }),
    inputs: z.record(z.string(), z.union([z.number(), z.string(), z.array(z.number())])),
    result: z.record(z.string(), z.union([z.number(), z.array(z.number())])).meta({ description: "Unrounded results." }),
    references: z.array(z.object({ citation: z.string(), doi: z.string().optional() }).strict()).min(1),
  })
  .strict()
  .meta({ id: "Consequence" });
export type Consequence = z.infer<typeof Consequence>;

/** One limit of a study: what it is, whether the source admits it, the quotes, why it matters, and what it costs in numbers. */
export const LimitFlag = z
  .object({
    id: LimitKind,
    title: z.string().min(1),
    admitted: z.boolean().meta({ description: "Whether the source itself admits this limit (a stated limitation or, for non-significance, its own claim)." }),
    admission: z.array(Evidence).meta({ description: "The source's own words admitting it (empty when not admitted)." }),
    evidence: z.array(Evidence).meta({ description: "Quotes from the study file showing the limit; empty when the limit is an absence (see notes)." }),
    notes: z.array(z.string()).meta({ description: "What the study file records without a quote (e.g. `blinding: not reported`)." }),
    why: z.string().min(1),
    consequences: z.array(Consequence),
  })
  .strict()
  .meta({ id: "LimitFlag" });
export type LimitFlag = z.infer<typeof LimitFlag>;

/** The limits register of one study, admitted and not admitted kept apart, each in LIMIT_KINDS order. */
export const LimitsRegister = z
  .object({
    study: z.string(),
    admitted: z.array(LimitFlag),
    notAdmitted: z.array(LimitFlag),
  })
  .strict()
  .meta({ id: "LimitsRegister" });
export type LimitsRegister = z.infer<typeof LimitsRegister>;
