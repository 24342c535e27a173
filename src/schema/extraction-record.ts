import * as z from "zod";
import { statisticFlags, statisticKinds } from "../extract/types.js";
import { Slug } from "./primitives.js";
import { Source } from "./source.js";

/** How one reported value of a drafted file was read from its source. */
export const ExtractedValueRecord = z
  .object({
    id: Slug.meta({ description: "Id of the reported value this record is about." }),
    kind: z.enum(statisticKinds).meta({ description: "What the extractor read the quote as (the labelled-corpus kinds)." }),
    start: z.number().int().nonnegative().meta({ description: "Offset of the quote in the source text, in UTF-16 code units." }),
    end: z.number().int().nonnegative().meta({ description: "Offset just past the quote (end exclusive)." }),
    flags: z.array(z.enum(statisticFlags)).meta({ description: "What the reading noticed and a person should look at (decimal comma, spread kind from context…)." }),
    fill: z.array(z.string().min(1)).meta({ description: "The fields of the value left `unknown` at drafting, as paths within the value (e.g. `group`)." }),
  })
  .strict()
  .superRefine((record, context) => {
    if (record.end <= record.start) context.addIssue({ code: "custom", path: ["end"], message: `end ${record.end} must lie after start ${record.start}` });
  })
  .meta({ id: "ExtractedValueRecord" });

/**
 * The record `cohort extract` leaves in a drafted study file: where each value's quote sits in the
 * source and what was left for a person to complete. It documents the draft; checks and reports
 * ignore it, and a value's record may be deleted with the value.
 */
export const ExtractionRecord = z
  .object({
    tool: z.literal("cohort extract"),
    source: Source.shape.file,
    values: z.array(ExtractedValueRecord),
  })
  .strict()
  .meta({ id: "ExtractionRecord", description: "How `cohort extract` drafted this file: offsets, kinds, flags and the fields left `unknown`." });
export type ExtractionRecord = z.infer<typeof ExtractionRecord>;
