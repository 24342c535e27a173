import * as z from "zod";

/** Every reconstructed dataset carries this label, verbatim. */
export const RECONSTRUCTION_LABEL = "reconstruction — not patient data" as const;

/**
 * A dataset rebuilt from reported aggregates. It is one of many datasets consistent with what was
 * reported, never the data: it is labelled as such and carries the assumptions that produced it.
 */
export const Reconstruction = z
  .object({
    label: z.literal(RECONSTRUCTION_LABEL),
    studyId: z.string().optional(),
    method: z.string().meta({ description: "How it was produced, e.g. `closure`, `sprite`, `crosstab`, `mean-chain`." }),
    seed: z.number().int().optional().meta({ description: "Seed of the random source, when the method is random." }),
    index: z.number().int().nonnegative().optional().meta({ description: "Which of the reconstructions this is (0-based)." }),
    of: z.union([z.number().int().nonnegative(), z.literal("unknown")]).optional().meta({ description: "How many feasible reconstructions exist, when known." }),
    assumptions: z.array(z.string()).min(1).meta({ description: "Every assumption that produced this dataset." }),
    columns: z.array(z.string()),
    rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
  })
  .strict()
  .meta({ id: "Reconstruction" });
export type Reconstruction = z.infer<typeof Reconstruction>;
