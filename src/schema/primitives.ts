import * as z from "zod";
import { Source } from "./source.js";

/**
 * An identifier used in file names and references: lower-case letters, digits and '-'. Anything
 * that could act as a path ('/', '..', spaces) is refused, so an id can never escape an output folder.
 */
export const Slug = z
  .string()
  .min(1, "must not be empty")
  .max(80, "must be at most 80 characters")
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lower-case letters, digits and single '-' (no '/', '.', '_' or spaces)")
  .meta({ id: "Slug", description: "Identifier: lower-case letters, digits and single hyphens, e.g. `phq-9`." });
export type Slug = z.infer<typeof Slug>;

/** A reported decimal kept as a string so trailing zeros survive ("5.10" has two decimals). */
export const DecimalString = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/, "must be a decimal number written as a string, e.g. \"21.88\" (strings keep trailing zeros)")
  .meta({ id: "DecimalString", description: "A reported decimal, as a string to keep trailing zeros." });

/** A reported decimal that cannot be negative (an SD, an SE, a test's df), kept as a string. */
export const NonNegativeDecimalString = z
  .string()
  .regex(/^\d+(\.\d+)?$/, "must be a non-negative decimal number written as a string, e.g. \"1.30\" (no sign; strings keep trailing zeros)")
  .meta({ id: "NonNegativeDecimalString", description: "A reported decimal that cannot be negative, as a string to keep trailing zeros." });

/** A reported percentage as a string: digits with optional decimals, no sign, no % sign. */
export const PercentString = z
  .string()
  .regex(/^\d+(\.\d+)?$/, "must be a percentage written as a string of digits, e.g. \"45\" or \"21.88\" (no % sign, no sign)")
  .meta({ id: "PercentString", description: "A reported percentage as a string, e.g. \"21.88\"." });

/**
 * The step between possible values of a measure: a positive number (1, 0.5, 50) or a fraction written
 * as a string ("100/3") when no decimal states it exactly.
 */
export const StepValue = z
  .union([
    z.number().positive("must be positive"),
    z.string().regex(/^[1-9]\d*\/[1-9]\d*$/, "must be a positive number, or a fraction written as a string such as \"100/3\""),
  ])
  .meta({ id: "StepValue", description: "A positive number (e.g. 1, 0.5, 50), or a fraction as a string (\"100/3\") when no decimal states it exactly." });
export type StepValue = z.infer<typeof StepValue>;

const alsoQuoted = z
  .array(Source)
  .optional()
  .meta({ description: "Further places in the sources that state the same value." });

/** A whole number stated by a source, with the quote that states it. */
export const ReportedInteger = z
  .object({ value: z.number().int("must be a whole number").nonnegative("must not be negative"), source: Source, alsoQuoted })
  .strict()
  .meta({ id: "ReportedInteger", description: "A whole number as reported, with its source quote." });
export type ReportedInteger = z.infer<typeof ReportedInteger>;

/** A decimal stated by a source (kept as a string), with the quote that states it. */
export const ReportedDecimal = z
  .object({ value: DecimalString, unit: z.string().optional(), source: Source, alsoQuoted })
  .strict()
  .meta({ id: "ReportedDecimal", description: "A decimal as reported (string), with its source quote." });
export type ReportedDecimal = z.infer<typeof ReportedDecimal>;

/** A piece of text stated by a source, with the quote that states it. */
export const ReportedText = z
  .object({ value: z.string().min(1), source: Source, alsoQuoted })
  .strict()
  .meta({ id: "ReportedText", description: "A statement as reported, with its source quote." });
export type ReportedText = z.infer<typeof ReportedText>;

/**
 * A design attribute: its value, whether the source states it or it is inferred from what the
 * source says (and does not say), and the quote behind it. "not-reported" values need no quote.
 */
export function designAttribute<const T extends readonly [string, ...string[]]>(values: T, id: string) {
  return z
    .object({
      value: z.enum(values),
      basis: z.enum(["stated", "inferred", "not-reported"]).meta({ description: "`stated`: the source says so; `inferred`: read from what it says or leaves out; `not-reported`." }),
      note: z.string().optional(),
      source: Source.optional(),
    })
    .strict()
    .superRefine((attribute, context) => {
      if (attribute.basis !== "not-reported" && !attribute.source) {
        context.addIssue({ code: "custom", path: ["source"], message: `a ${attribute.basis} value needs the quote it rests on` });
      }
    })
    .meta({ id });
}
