import * as z from "zod";
import { DecimalString, NonNegativeDecimalString, PercentString, Slug } from "./primitives.js";
import { Source } from "./source.js";

/*
 * The pieces reported statistics are made of: what a ± means, a confidence interval, a p-value as
 * printed, an IQR or range, and which measure a value is on. Each reported number stays a string
 * (trailing zeros carry the rounding), and its meaning is explicit: a ± whose kind the source does
 * not state is `unstated`, never silently read as an SD.
 */

/** What the number after a `±` (or in brackets after a mean) is. */
export const DispersionKind = z
  .enum(["sd", "se", "ci95", "unstated"])
  .meta({
    id: "DispersionKind",
    description:
      "`sd` or `se`: as the source labels it; `ci95`: the half-width of a 95% confidence interval; `unstated`: the source prints `±` or brackets without saying which (common), and the checks test every reading.",
  });
export type DispersionKind = z.infer<typeof DispersionKind>;

/** The spread printed after a mean, with what the source says it is. */
export const Dispersion = z
  .object({ kind: DispersionKind, value: NonNegativeDecimalString })
  .strict()
  .meta({ id: "Dispersion", description: "The number after a `±` or in brackets, e.g. `{ \"kind\": \"sd\", \"value\": \"1.30\" }` for \"5.2 ± 1.30 (SD)\"." });
export type Dispersion = z.infer<typeof Dispersion>;

/** A confidence interval as printed: its level and both ends. */
export const ConfidenceInterval = z
  .object({
    level: PercentString.default("95").meta({ description: "Confidence level in percent, as printed; default \"95\"." }),
    lower: DecimalString,
    upper: DecimalString,
  })
  .strict()
  .superRefine((ci, context) => {
    if (Number(ci.lower) > Number(ci.upper)) context.addIssue({ code: "custom", path: ["upper"], message: `the upper end (${ci.upper}) is below the lower end (${ci.lower})` });
    const level = Number(ci.level);
    if (!(level > 0 && level < 100)) context.addIssue({ code: "custom", path: ["level"], message: `a confidence level lies strictly between 0 and 100, received "${ci.level}"` });
  })
  .meta({ id: "ConfidenceInterval", description: "A confidence interval as printed, e.g. `{ \"level\": \"95\", \"lower\": \"-3.4\", \"upper\": \"-0.8\" }`." });
export type ConfidenceInterval = z.infer<typeof ConfidenceInterval>;

/** A p-value as printed: the relation (`p = .04`, `p < .001`) and the number, written with its leading zero. */
export const PValue = z
  .object({
    relation: z.enum(["=", "<", ">", "<=", ">="]).meta({ description: "As printed: `p = .04` is `=`, `p < .001` is `<`, `p ≤ .05` is `<=`." }),
    value: NonNegativeDecimalString.meta({ description: "The printed number with a leading zero added if the source omits it: `.04` is written \"0.04\" (the digits after the point are kept)." }),
  })
  .strict()
  .superRefine((p, context) => {
    if (Number(p.value) > 1) context.addIssue({ code: "custom", path: ["value"], message: `a p-value cannot exceed 1, received "${p.value}"` });
  })
  .meta({ id: "PValue" });
export type PValue = z.infer<typeof PValue>;

/** An interquartile range or a range (or a bracketed spread the source does not name) after a median. */
export const Spread = z
  .object({
    kind: z.enum(["iqr", "range", "unstated"]).meta({ description: "`iqr`: quartiles (Q1–Q3); `range`: minimum–maximum; `unstated`: brackets without a name." }),
    lower: DecimalString,
    upper: DecimalString,
  })
  .strict()
  .superRefine((spread, context) => {
    if (Number(spread.lower) > Number(spread.upper)) context.addIssue({ code: "custom", path: ["upper"], message: `the upper end (${spread.upper}) is below the lower end (${spread.lower})` });
  })
  .meta({ id: "Spread" });
export type Spread = z.infer<typeof Spread>;

/**
 * Which measure a value is on: an instrument the study lists (a scored scale, so its granularity and
 * range are known) or a variable the study defines (age, weight, a lab value). Exactly one is set
 * where a measure is required; the study's cross-field rules check that it exists.
 */
export const measureFields = {
  instrument: Slug.optional().meta({ description: "Id of an instrument listed under the study's `instruments`." }),
  variable: Slug.optional().meta({ description: "Id of a variable listed under the study's `variables` (age, weight, a lab value: anything that is not a scored instrument)." }),
};

/** Further places in the sources that state the same value. */
export const alsoQuoted = z.array(Source).optional().meta({ description: "Further places in the sources that state the same value." });

/** How a value was read where the source is not explicit (a footnote missing from the copy read; a label given once for several values). */
export const readingNote = z
  .string()
  .min(1)
  .optional()
  .meta({ description: "How the value was read where the source is not explicit, e.g. `the footnote that explains † is not in the copy read`." });

/** Whose value it is: one arm, or the whole sample. */
export const group = Slug.meta({ description: "An arm id, or `all` for the whole sample." });
