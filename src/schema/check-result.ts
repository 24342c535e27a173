import * as z from "zod";
import { Reference } from "./reference.js";

/** The verdict every check returns. `undetermined` means the check cannot decide (e.g. too little granularity). */
export const CheckStatus = z.enum(["consistent", "inconsistent", "undetermined"]);
export type CheckStatus = z.infer<typeof CheckStatus>;

/**
 * The one result shape of every check (scrutiny's constant `consistency` column, as a record):
 * which check ran, on what inputs as reported, under which assumptions, with what verdict, why,
 * and the method's reference. `subject` names the reported value(s) checked when run on a study.
 */
export const CheckResult = z
  .object({
    check: z.string().meta({ description: "Name of the check, e.g. `grim`, `percent`, `percent-change-chain`." }),
    status: CheckStatus,
    subject: z.array(z.string()).optional().meta({ description: "Ids of the study's reported values this result is about." }),
    inputs: z.record(z.string(), z.unknown()).meta({ description: "The inputs as reported (numbers that need trailing zeros stay strings)." }),
    assumptions: z
      .record(z.string(), z.unknown())
      .meta({ description: "Everything the verdict depends on that the source does not state: rounding mode, granularity, denominator, band convention…" }),
    explanation: z.string().meta({ description: "One line a person can read." }),
    reference: Reference,
    details: z.unknown().optional().meta({ description: "Check-specific evidence (candidate counts, feasible means, alternatives tried…)." }),
  })
  .strict()
  .meta({ id: "CheckResult" });
export type CheckResult = z.infer<typeof CheckResult>;
