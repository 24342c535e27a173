import * as z from "zod";

/** A published reference for a method, an instrument or a band convention. */
export const Reference = z
  .object({
    citation: z.string().min(1).meta({ description: "Authors, year, title, venue as usually cited." }),
    doi: z.string().regex(/^10\.\d{4,9}\/\S+$/, "must be a DOI such as 10.1177/1948550616673876").optional(),
    url: z.string().url().optional(),
    quote: z.string().optional().meta({ description: "Verbatim text from the reference (or the page read) supporting the use made of it." }),
    note: z.string().optional(),
  })
  .strict()
  .meta({ id: "Reference" });
export type Reference = z.infer<typeof Reference>;
