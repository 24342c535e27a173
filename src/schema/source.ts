import * as z from "zod";

/**
 * Where a reported value comes from: a source document (by file name, as in data/sources/)
 * and a verbatim quote from it. `cohort audit-sources` proves each quote occurs in its file.
 */
export const Source = z
  .object({
    file: z
      .string()
      .regex(/^[A-Za-z0-9._-]+$/, "must be a plain file name (letters, digits, '.', '_', '-'), not a path")
      .meta({ description: "File name of the source document, e.g. `000_3f875f1cb85950c7.txt`." }),
    quote: z.string().min(1, "must not be empty").meta({ description: "Verbatim text from the source document that states the value." }),
  })
  .strict()
  .meta({ id: "Source", description: "A source document and a verbatim quote from it." });
export type Source = z.infer<typeof Source>;

/** Where a data file's source documents are, when not in `data/sources/`: folders or files, relative to the data file. */
export const SourcePaths = z
  .array(z.string().min(1, "must not be empty"))
  .min(1, "must name at least one folder or file")
  .meta({ description: "Folders or files holding the source documents this file quotes, as paths relative to the data file. Default: `../sources` (that is, `data/sources/` for a file under `data/<kind>/`)." });
