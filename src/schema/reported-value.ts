import * as z from "zod";
import { Source } from "./source.js";
import { LimitKind } from "./limit-kind.js";
import { PercentString, ReportedInteger, Slug } from "./primitives.js";
import { EffectEstimate, Eligibility, Mean, MeanChange, Median, Proportion, SampleFlow, TestResult } from "./reported-statistics.js";
import { alsoQuoted, group } from "./statistic-parts.js";

export { EffectEstimate, Eligibility, Mean, MeanChange, Median, Proportion, SampleFlow, TestResult } from "./reported-statistics.js";

/** One category of a composition: its count and/or percentage as reported, and the quote. */
export const CompositionCategory = z
  .object({
    id: Slug,
    label: z.string().min(1),
    count: z.number().int("must be a whole number").nonnegative("must not be negative").optional(),
    percent: PercentString.optional(),
    source: Source,
    alsoQuoted,
  })
  .strict()
  .superRefine((category, context) => {
    if (category.count === undefined && category.percent === undefined) context.addIssue({ code: "custom", path: ["count"], message: "a category needs a reported count, a reported percent, or both" });
    if (category.percent !== undefined && Number(category.percent) > 100) context.addIssue({ code: "custom", path: ["percent"], message: `a share of a sample cannot exceed 100%, received "${category.percent}"` });
  })
  .meta({ id: "CompositionCategory" });

/** How a sample splits over the categories of one variable (sex; substance misused), as counts and/or percentages of n. */
export const Composition = z
  .object({
    kind: z.literal("composition"),
    id: Slug,
    variable: z.string().min(1),
    group,
    n: ReportedInteger.meta({ description: "The denominator the source uses." }),
    categoriesAre: z.enum(["exclusive", "overlapping"]).meta({ description: "`exclusive`: each person in exactly one category (counts must sum to n); `overlapping`: a person may be in several." }),
    allCategoriesListed: z
      .boolean()
      .default(true)
      .meta({ description: "`false` when the source gives only some categories of the variable (\"2788 women\" of 4575, men not stated): the listed counts and percentages are checked, and may add up to less than n and 100%." }),
    categories: z.array(CompositionCategory).min(1),
    acknowledgedDiscrepancy: z.string().optional().meta({ description: "Set only when the source's own counts do not add up: explains it, so validation passes and the checks report it." }),
    note: z.string().optional().meta({ description: "How the categories were read, e.g. exclusivity assumed because the counts sum to n." }),
  })
  .strict()
  .meta({ id: "Composition" });

/** One end of a band shift: the timepoint, the source's words, and the band id they map to (if any). */
export const BandPoint = z
  .object({
    timepoint: Slug,
    label: z.string().min(1).meta({ description: "The source's words, e.g. `moderately severe`." }),
    band: Slug.optional().meta({ description: "The band id the words map to in the instrument's conventions; absent when they map to none (e.g. SDS `satisfactory`)." }),
  })
  .strict()
  .meta({ id: "BandPoint" });

/** A reported move between severity bands of an instrument (PHQ-9 "moderately severe" → "mild"). */
export const BandShift = z
  .object({
    kind: z.literal("band-shift"),
    id: Slug,
    instrument: Slug,
    group,
    statistic: z.enum(["mean", "median", "not-stated"]).meta({ description: "Which group summary the bands describe; usually `not-stated`." }),
    from: BandPoint.optional().meta({ description: "Absent when the source gives only the end band." }),
    to: BandPoint,
    source: Source,
    alsoQuoted,
  })
  .strict()
  .meta({ id: "BandShift" });

/** A reported percent change of a group's mean between two timepoints (e.g. "decreased by 21.88%"). */
export const PercentChange = z
  .object({
    kind: z.literal("percent-change"),
    id: Slug,
    instrument: Slug,
    group,
    statistic: z.enum(["mean", "not-stated"]).meta({ description: "Whose change: the change of the group mean (`mean`) or unstated." }),
    from: Slug.meta({ description: "Timepoint id of the earlier value." }),
    to: Slug.meta({ description: "Timepoint id of the later value." }),
    percent: PercentString.meta({ description: "Magnitude as reported, without sign." }),
    direction: z.enum(["decrease", "increase"]),
    timepointsAsReported: z.string().min(1).meta({ description: "The source's words for the interval, e.g. `throughout treatment`." }),
    interpretation: z.string().optional().meta({ description: "How from/to were read from those words when the source is not explicit." }),
    source: Source,
    alsoQuoted,
  })
  .strict()
  .superRefine((change, context) => {
    if (change.direction === "decrease" && Number(change.percent) > 100) context.addIssue({ code: "custom", path: ["percent"], message: `a decrease cannot exceed 100%, received "${change.percent}"` });
    if (change.from === change.to) context.addIssue({ code: "custom", path: ["to"], message: `a change needs two different timepoints, received "${change.from}" twice` });
  })
  .meta({ id: "PercentChange" });

/** A reported value: one of the kinds papers report, told apart by `kind`. */
export const ReportedValue = z
  .discriminatedUnion("kind", [Composition, BandShift, Mean, PercentChange, Median, Proportion, MeanChange, TestResult, EffectEstimate, SampleFlow, Eligibility])
  .meta({ id: "ReportedValue" });
export type ReportedValue = z.infer<typeof ReportedValue>;
export type ReportedKind = ReportedValue["kind"];
export type Composition = z.infer<typeof Composition>;
export type BandShift = z.infer<typeof BandShift>;
export type PercentChange = z.infer<typeof PercentChange>;

/** A qualitative claim the source makes ("significant improvements", "not statistically significant"). */
export const Claim = z
  .object({
    id: Slug,
    type: z
      .enum(["significance", "non-significance", "improvement", "all-improved", "trend", "comparison", "safety", "efficacy", "generalisation", "other"])
      .meta({ description: "What the claim asserts." }),
    about: z.array(z.string().min(1)).optional().meta({ description: "Instrument ids or outcomes the claim is about." }),
    group: Slug.optional(),
    testReported: z.boolean().meta({ description: "Whether the source reports a statistical test (statistic, p-value or CI) behind the claim." }),
    source: Source,
    alsoQuoted,
  })
  .strict()
  .meta({ id: "Claim" });
export type Claim = z.infer<typeof Claim>;

/**
 * How the source words a limitation it states, which fixes how much it admits: `limitation` names a
 * weakness of this study ("a limitation is the small sample"); `caveat` qualifies one of its results
 * ("although not significant due to the small sample"); `call-for-research` asks future studies for
 * what this one lacks ("larger studies are needed"), which implies the limit without stating it.
 */
export const LimitationForm = z.enum(["limitation", "caveat", "call-for-research"]).meta({ id: "LimitationForm" });
export type LimitationForm = z.infer<typeof LimitationForm>;

/** A limitation the source itself states: its words, how they are put, and the limits they concede. */
export const StatedLimitation = z
  .object({
    id: Slug,
    form: LimitationForm,
    concedes: z.array(LimitKind).meta({ description: "Ids of the limits-register kinds the sentence concedes (e.g. `small-sample`); empty when it concedes none of them." }),
    source: Source,
    alsoQuoted,
    note: z.string().optional().meta({ description: "Why the sentence is read this way, when it is not plain." }),
  })
  .strict()
  .superRefine((limitation, context) => {
    const seen = new Set<string>();
    limitation.concedes.forEach((kind, index) => {
      if (seen.has(kind)) context.addIssue({ code: "custom", path: ["concedes", index], message: `"${kind}" is listed twice` });
      seen.add(kind);
    });
  })
  .meta({ id: "StatedLimitation", description: "A limitation in the source's own words, e.g. `{ form: \"call-for-research\", concedes: [\"small-sample\"] }` for \"larger studies are needed\"." });
export type StatedLimitation = z.infer<typeof StatedLimitation>;
