import * as z from "zod";
import { Slug, StepValue } from "./primitives.js";
import { Source } from "./source.js";

/**
 * A measured quantity that is not a scored instrument: age, weight, a lab value, a count of days.
 * Values on it are checked only as far as what is declared allows: GRIM needs `step` (the
 * granularity of one person's value, e.g. 1 for age in whole years), SD bounds need `min` and `max`.
 * Nothing is assumed when a field is absent.
 */
export const Variable = z
  .object({
    id: Slug,
    label: z.string().min(1).meta({ description: "What it is, in the source's words, e.g. `age`." }),
    unit: z.string().min(1).optional().meta({ description: "E.g. `years`, `kg`, `mmol/L`." }),
    step: StepValue.optional().meta({ description: "Granularity of one person's value (1 for whole years; 0.1 for weights recorded to 0.1 kg; 5 or \"100/3\" for a score in such steps). Only set it when the source or the measure fixes it." }),
    min: z.number().optional().meta({ description: "Lowest possible value of one person's value, when the measure bounds it." }),
    max: z.number().optional().meta({ description: "Highest possible value of one person's value, when the measure bounds it." }),
    note: z.string().optional(),
    source: Source.optional().meta({ description: "Where the source names the variable or states how it was recorded." }),
  })
  .strict()
  .superRefine((variable, context) => {
    if (variable.min !== undefined && variable.max !== undefined && variable.min >= variable.max) {
      context.addIssue({ code: "custom", path: ["max"], message: `max (${variable.max}) must be greater than min (${variable.min})` });
    }
  })
  .meta({ id: "Variable" });
export type Variable = z.infer<typeof Variable>;
