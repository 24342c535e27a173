import * as z from "zod";

/** A confidence interval for one proportion, with the method and inputs that produced it. */
export const ProportionInterval = z.object({
  method: z.enum(["wilson", "clopper-pearson", "rule-of-three"]),
  count: z.number().int().nonnegative(),
  n: z.number().int().positive(),
  level: z.number().gt(0).lt(1),
  estimate: z.number().min(0).max(1).describe("count / n"),
  interval: z.tuple([z.number(), z.number()]).describe("[low, high] as proportions"),
  sides: z.union([z.literal(1), z.literal(2)]).describe("2 for a two-sided interval; 1 for the rule of three's one-sided bound"),
  note: z.string().optional(),
  reference: z.object({ citation: z.string(), doi: z.string().optional(), url: z.string().optional() }),
});
export type ProportionInterval = z.infer<typeof ProportionInterval>;
