import * as z from "zod";
import { Evidence } from "../schema/checklist.js";
import { LIMIT_KINDS, LimitKind } from "../schema/limit-kind.js";

export { LIMIT_KINDS, LimitKind };

/** A number that makes a limit concrete (an MDE, an interval, a bound), with its method and reference. */
export const Consequence = z
  .object({
    method: z.enum([
      "mde",
      "compatible-effects",
      "power",
      "significance-threshold",
      "proportion-interval",
      "rule-of-three",
      "zero-events",
      "regression-to-the-mean",
      "attrition-bounds",
      "enrolment-fraction",
      "familywise-error",
      "important-change",
    ]),
    statement: z.string().min(1).meta({ description: "The consequence in one sentence, numbers rounded for reading." }),
    inputs: z.record(z.string(), z.union([z.number(), z.string(), z.array(z.number())])),
    result: z.record(z.string(), z.union([z.number(), z.string(), z.array(z.number())])).meta({ description: "Unrounded results." }),
    references: z.array(z.object({ citation: z.string(), doi: z.string().optional() }).strict()).min(1),
  })
  .strict()
  .meta({ id: "Consequence" });
export type Consequence = z.infer<typeof Consequence>;

/**
 * How far the source admits a limit, from the form of its own sentences: `stated` (it names the
 * limit as a limitation of this study, or as a caveat on a result), `implied` (it only asks future
 * research for what this study lacks), `none`.
 */
export const AdmissionLevel = z.enum(["stated", "implied", "none"]).meta({ id: "AdmissionLevel" });
export type AdmissionLevel = z.infer<typeof AdmissionLevel>;

export const Admission = z
  .object({
    level: AdmissionLevel,
    quotes: z.array(Evidence).meta({ description: "The source's own sentences conceding the limit (empty when none)." }),
  })
  .strict()
  .meta({ id: "Admission" });
export type Admission = z.infer<typeof Admission>;

/** One limit of a study: what it is, how far the source admits it, the quotes, why it matters, and what it costs in numbers. */
export const LimitFlag = z
  .object({
    id: LimitKind,
    title: z.string().min(1),
    admission: Admission,
    evidence: z.array(Evidence).meta({ description: "Quotes from the study file showing the limit; empty when the limit is an absence (see notes)." }),
    notes: z.array(z.string()).meta({ description: "What the study file records without a quote (e.g. `blinding: not reported`)." }),
    why: z.string().min(1),
    consequences: z.array(Consequence),
  })
  .strict()
  .meta({ id: "LimitFlag" });
export type LimitFlag = z.infer<typeof LimitFlag>;

/** The limits register of one study: its flags in LIMIT_KINDS order, and how its quotes were attributed. */
export const LimitsRegister = z
  .object({
    study: z.string(),
    flags: z.array(LimitFlag),
    attribution: z.string().meta({ description: "How quotes were attributed to parts of the source (declared sections, or the document as a whole)." }),
  })
  .strict()
  .meta({ id: "LimitsRegister" });
export type LimitsRegister = z.infer<typeof LimitsRegister>;

/** The flags of a register at one admission level, in register order. */
export function flagsAdmitted(register: LimitsRegister, level: AdmissionLevel): LimitFlag[] {
  return register.flags.filter((flag) => flag.admission.level === level);
}
