import * as z from "zod";
import { DecimalString, NonNegativeDecimalString, PercentString, Slug } from "./primitives.js";
import { Source } from "./source.js";
import { alsoQuoted, ConfidenceInterval, Dispersion, group, measureFields, PValue, readingNote, Spread } from "./statistic-parts.js";

/*
 * The reported statistics of a paper's results: means, medians, proportions, changes, tests, effect
 * estimates, sample flow and eligibility bounds. Each is one figure (or one printed group of figures
 * such as "5.2 ± 1.3, n = 20") with the quote that states it, so every number has a source.
 */

type MeasureOwner = { instrument?: string | undefined; variable?: string | undefined };

/** Exactly one of `instrument` / `variable`: a mean of nothing in particular cannot be checked. */
function requireOneMeasure(value: MeasureOwner, context: z.RefinementCtx): void {
  if (value.instrument === undefined && value.variable === undefined) context.addIssue({ code: "custom", path: ["instrument"], message: "name the measure: set `instrument` (a scored scale the study lists) or `variable` (age, weight… from the study's `variables`)" });
  if (value.instrument !== undefined && value.variable !== undefined) context.addIssue({ code: "custom", path: ["variable"], message: "set either `instrument` or `variable`, not both" });
}

/** At most one of `instrument` / `variable` where naming the measure is optional. */
function atMostOneMeasure(value: MeasureOwner, context: z.RefinementCtx): void {
  if (value.instrument !== undefined && value.variable !== undefined) context.addIssue({ code: "custom", path: ["variable"], message: "set either `instrument` or `variable`, not both" });
}

const n = z.number().int("must be a whole number").min(1, "must be at least 1").optional().meta({ description: "The n behind this value when it differs from the group size (e.g. completers only)." });

/** A group's mean on a measure, with its spread as printed (± SD, ± SE, ± unstated) and/or a CI. */
export const Mean = z
  .object({
    kind: z.literal("mean"),
    id: Slug,
    ...measureFields,
    group,
    timepoint: Slug.optional().meta({ description: "When it was measured; omit for a characteristic not tied to a timepoint (e.g. age at entry)." }),
    mean: DecimalString,
    dispersion: Dispersion.optional(),
    ci: ConfidenceInterval.optional(),
    n,
    source: Source,
    alsoQuoted,
    note: readingNote,
  })
  .strict()
  .superRefine((mean, context) => {
    requireOneMeasure(mean, context);
    if (mean.ci && (Number(mean.mean) < Number(mean.ci.lower) || Number(mean.mean) > Number(mean.ci.upper))) {
      context.addIssue({ code: "custom", path: ["ci"], message: `the mean ${mean.mean} lies outside its own confidence interval ${mean.ci.lower} to ${mean.ci.upper}` });
    }
  })
  .meta({ id: "Mean", description: "A group mean at a timepoint, e.g. \"PHQ-9 16.2 ± 3.1\"." });
export type Mean = z.infer<typeof Mean>;

/** A group's median, with its IQR and/or range as printed. */
export const Median = z
  .object({
    kind: z.literal("median"),
    id: Slug,
    ...measureFields,
    group,
    timepoint: Slug.optional(),
    median: DecimalString,
    spread: z.array(Spread).min(1).max(2).optional().meta({ description: "The IQR and/or range printed with the median." }),
    n,
    source: Source,
    alsoQuoted,
    note: readingNote,
  })
  .strict()
  .superRefine((median, context) => {
    requireOneMeasure(median, context);
    (median.spread ?? []).forEach((spread, index) => {
      const value = Number(median.median);
      if (value < Number(spread.lower) || value > Number(spread.upper)) context.addIssue({ code: "custom", path: ["spread", index], message: `the median ${median.median} lies outside its ${spread.kind === "unstated" ? "spread" : spread.kind.toUpperCase()} ${spread.lower}–${spread.upper}` });
    });
    const kinds = (median.spread ?? []).map((spread) => spread.kind);
    if (new Set(kinds).size !== kinds.length) context.addIssue({ code: "custom", path: ["spread"], message: "each kind of spread can be given once" });
  })
  .meta({ id: "Median", description: "A group median, e.g. \"median 4 (IQR 2–6)\"." });
export type Median = z.infer<typeof Median>;

/** How many of a group had an outcome (responders, events, remission): a count and/or percentage of a denominator. */
export const Proportion = z
  .object({
    kind: z.literal("proportion"),
    id: Slug,
    outcome: z.string().min(1).meta({ description: "What is counted, in the source's words, e.g. `responders (≥ 50% reduction)`." }),
    ...measureFields,
    group,
    timepoint: Slug.optional(),
    count: z.number().int("must be a whole number").nonnegative("must not be negative").optional(),
    denominator: z.number().int("must be a whole number").min(1, "must be at least 1").optional().meta({ description: "The n the source divides by, when it differs from the group size or is printed (\"12/40\")." }),
    denominatorUnknown: z
      .literal(true)
      .optional()
      .meta({ description: "Set when the percentage is of a number the source does not give and that is not the group's size (a recruitment rate of the people approached): no count is then checked against it." }),
    percent: PercentString.optional(),
    source: Source,
    alsoQuoted,
    note: readingNote,
  })
  .strict()
  .superRefine((proportion, context) => {
    atMostOneMeasure(proportion, context);
    if (proportion.count === undefined && proportion.percent === undefined) context.addIssue({ code: "custom", path: ["count"], message: "a proportion needs a reported count, a reported percent, or both" });
    if (proportion.percent !== undefined && Number(proportion.percent) > 100) context.addIssue({ code: "custom", path: ["percent"], message: `a share of a group cannot exceed 100%, received "${proportion.percent}"` });
    if (proportion.denominatorUnknown && proportion.denominator !== undefined) context.addIssue({ code: "custom", path: ["denominatorUnknown"], message: "a denominator is given: remove denominatorUnknown, or the denominator" });
    if (proportion.count !== undefined && proportion.denominator !== undefined && proportion.count > proportion.denominator) {
      context.addIssue({ code: "custom", path: ["count"], message: `count ${proportion.count} exceeds its denominator ${proportion.denominator}` });
    }
  })
  .meta({ id: "Proportion", description: "An outcome count and/or percentage, e.g. \"12/40 (30%) responded\"." });
export type Proportion = z.infer<typeof Proportion>;

/** A group's mean change between two timepoints (later minus earlier), with its spread and/or CI. */
export const MeanChange = z
  .object({
    kind: z.literal("mean-change"),
    id: Slug,
    ...measureFields,
    group,
    from: Slug.meta({ description: "Timepoint id of the earlier value." }),
    to: Slug.meta({ description: "Timepoint id of the later value." }),
    change: DecimalString.meta({ description: "Later minus earlier, signed (a fall of 3.2 is \"-3.2\", whether the source prints a minus or says \"fell by\")." }),
    dispersion: Dispersion.optional(),
    ci: ConfidenceInterval.optional(),
    n,
    source: Source,
    alsoQuoted,
    note: readingNote,
  })
  .strict()
  .superRefine((change, context) => {
    requireOneMeasure(change, context);
    if (change.ci && (Number(change.change) < Number(change.ci.lower) || Number(change.change) > Number(change.ci.upper))) {
      context.addIssue({ code: "custom", path: ["ci"], message: `the change ${change.change} lies outside its own confidence interval ${change.ci.lower} to ${change.ci.upper}` });
    }
    if (change.from === change.to) context.addIssue({ code: "custom", path: ["to"], message: `a change needs two different timepoints, received "${change.from}" twice` });
  })
  .meta({ id: "MeanChange", description: "A mean change, e.g. \"−3.2 (SD 2.9) from baseline to week 8\"." });
export type MeanChange = z.infer<typeof MeanChange>;

/** Degrees of freedom the source does not print, derived from its design, and how. */
export const DerivedDf = z
  .object({
    df: z.array(NonNegativeDecimalString).min(1).max(2).meta({ description: "The derived df: one for t, χ², r; two for F (df1, df2)." }),
    from: z.string().min(1).meta({ description: "How they follow from the design, e.g. `repeated measures over 3 timepoints, n = 21 analysed: (k − 1, (k − 1)(n − 1))`." }),
  })
  .strict()
  .meta({ id: "DerivedDf", description: "Degrees of freedom derived from the design, not printed, e.g. `{ \"df\": [\"2\", \"40\"], \"from\": \"repeated measures over 3 timepoints, n = 21\" }`." });
export type DerivedDf = z.infer<typeof DerivedDf>;

/** A test statistic as printed: t(28) = 2.20, F(2, 57) = 4.1, χ²(1) = 3.9, r(48) = .32, z = 2.5, U = 23. */
export const TestStatistic = z
  .object({
    name: z.enum(["t", "F", "chi2", "z", "r", "U", "W", "H", "other"]).meta({ description: "`chi2` for χ²; `U` Mann–Whitney; `W` Wilcoxon; `H` Kruskal–Wallis." }),
    value: DecimalString,
    df: z.array(NonNegativeDecimalString).min(1).max(2).optional().meta({ description: "Degrees of freedom as printed: one for t, χ², r; two for F (df1, df2). Decimal df (Welch) are kept." }),
    dfDerived: DerivedDf.optional().meta({
      description:
        "Degrees of freedom the source does not print, derived from the design (repeated measures over 3 timepoints with n = 21: F(2, 40)), with how they were derived. Not a reported number: the audit does not look for them in the quote, and every check that uses them says they are derived. Set `df` or `dfDerived`, not both.",
    }),
  })
  .strict()
  .superRefine((statistic, context) => {
    const needs = { t: 1, chi2: 1, r: 1, F: 2 } as Record<string, number>;
    const wanted = needs[statistic.name];
    if (wanted !== undefined && statistic.df !== undefined && statistic.df.length !== wanted) context.addIssue({ code: "custom", path: ["df"], message: `${statistic.name} takes ${wanted} degree${wanted === 1 ? "" : "s"} of freedom, received ${statistic.df.length}` });
    if (wanted !== undefined && statistic.dfDerived !== undefined && statistic.dfDerived.df.length !== wanted) context.addIssue({ code: "custom", path: ["dfDerived", "df"], message: `${statistic.name} takes ${wanted} degree${wanted === 1 ? "" : "s"} of freedom, received ${statistic.dfDerived.df.length}` });
    if (statistic.df !== undefined && statistic.dfDerived !== undefined) context.addIssue({ code: "custom", path: ["dfDerived"], message: "the df are printed: remove dfDerived (derived df are for a statistic printed without them)" });
    if (statistic.name === "r" && Math.abs(Number(statistic.value)) > 1) context.addIssue({ code: "custom", path: ["value"], message: `a correlation lies between −1 and 1, received "${statistic.value}"` });
    if ((statistic.name === "F" || statistic.name === "chi2" || statistic.name === "U" || statistic.name === "W" || statistic.name === "H") && Number(statistic.value) < 0) {
      context.addIssue({ code: "custom", path: ["value"], message: `${statistic.name === "chi2" ? "χ²" : statistic.name} cannot be negative, received "${statistic.value}"` });
    }
  })
  .meta({ id: "TestStatistic" });
export type TestStatistic = z.infer<typeof TestStatistic>;

/** A hypothesis test as reported: the statistic and/or the p-value, and what it compares. */
export const TestResult = z
  .object({
    kind: z.literal("test"),
    id: Slug,
    method: z.string().min(1).optional().meta({ description: "The source's name for the test, e.g. `paired t-test`, `Mann–Whitney U`." }),
    statistic: TestStatistic.optional(),
    p: PValue.optional(),
    tails: z.enum(["two", "one", "unstated"]).default("unstated").meta({ description: "Whether the source says the test is one- or two-tailed; the checks try both when `unstated`." }),
    comparison: z.enum(["between-groups", "within-group", "association", "other"]).meta({ description: "`between-groups`: arms compared; `within-group`: one group over time; `association`: a correlation or regression." }),
    ...measureFields,
    groups: z.array(Slug).min(1).optional().meta({ description: "The arms (or `all`) the test is about, in the order compared." }),
    timepoints: z.array(Slug).min(1).optional().meta({ description: "The timepoint(s) the test is about (from, to for a within-group change)." }),
    about: z.array(Slug).optional().meta({ description: "Ids of the reported values (means, proportions…) this test is computed from, when the source makes that clear." }),
    source: Source,
    alsoQuoted,
    note: readingNote,
  })
  .strict()
  .superRefine((test, context) => {
    atMostOneMeasure(test, context);
    if (test.statistic === undefined && test.p === undefined) context.addIssue({ code: "custom", path: ["p"], message: "a test needs a reported statistic, a reported p-value, or both" });
  })
  .meta({ id: "TestResult", description: "A reported test, e.g. \"t(28) = 2.20, p = .03\" or just \"p = 0.26\"." });
export type TestResult = z.infer<typeof TestResult>;

/** An effect estimate with its CI and/or SE and p: a difference, a ratio, a standardised effect. */
export const EffectEstimate = z
  .object({
    kind: z.literal("effect"),
    id: Slug,
    measure: z
      .enum(["mean-difference", "risk-difference", "risk-ratio", "odds-ratio", "hazard-ratio", "standardised-mean-difference", "correlation", "eta-squared", "partial-eta-squared", "other"])
      .meta({ description: "Ratios (risk, odds, hazard) are checked on the log scale; differences on the natural scale; `eta-squared` and `partial-eta-squared` (η², ηp²) are shares of variance, between 0 and 1." }),
    label: z.string().min(1).optional().meta({ description: "The source's words, e.g. `adjusted OR`, `Cohen's d`." }),
    estimate: DecimalString,
    ci: ConfidenceInterval.optional(),
    se: NonNegativeDecimalString.optional(),
    p: PValue.optional(),
    ...measureFields,
    outcome: z.string().min(1).optional().meta({ description: "What the effect is on, when not an instrument or variable of the study (e.g. `remission at week 8`)." }),
    groups: z.array(Slug).min(1).optional().meta({ description: "The arms compared, first minus (or over) second." }),
    timepoint: Slug.optional(),
    about: z
      .array(Slug)
      .min(1)
      .optional()
      .meta({
        description:
          "Ids of the reported values this effect is computed from, when the source makes that clear: the two proportions of a risk difference, risk ratio or odds ratio (first group first), or the F test a partial η² comes from. The checks then recompute the effect (and its p) from them.",
      }),
    unit: z
      .enum(["proportion", "percentage-points"])
      .optional()
      .meta({ description: "For a risk difference: `percentage-points` when printed as a percentage (\"−3.2%\"), `proportion` when as a share (−0.032)." }),
    source: Source,
    alsoQuoted,
    note: readingNote,
  })
  .strict()
  .superRefine((effect, context) => {
    atMostOneMeasure(effect, context);
    if (effect.unit !== undefined && effect.measure !== "risk-difference") context.addIssue({ code: "custom", path: ["unit"], message: "`unit` says how a risk difference is printed; remove it for a " + effect.measure.replace(/-/g, " ") });
    const ratio = effect.measure === "risk-ratio" || effect.measure === "odds-ratio" || effect.measure === "hazard-ratio";
    const share = effect.measure === "eta-squared" || effect.measure === "partial-eta-squared";
    if (share && (Number(effect.estimate) < 0 || Number(effect.estimate) > 1)) context.addIssue({ code: "custom", path: ["estimate"], message: `${effect.measure === "eta-squared" ? "η²" : "ηp²"} is a share of variance between 0 and 1, received "${effect.estimate}"` });
    if (ratio && Number(effect.estimate) <= 0) context.addIssue({ code: "custom", path: ["estimate"], message: `a ${effect.measure.replace("-", " ")} is positive, received "${effect.estimate}"` });
    if (ratio && effect.ci && Number(effect.ci.lower) <= 0) context.addIssue({ code: "custom", path: ["ci", "lower"], message: `a ratio's confidence interval lies above 0, received lower end "${effect.ci.lower}"` });
    if (effect.ci && (Number(effect.estimate) < Number(effect.ci.lower) || Number(effect.estimate) > Number(effect.ci.upper))) {
      context.addIssue({ code: "custom", path: ["ci"], message: `the estimate ${effect.estimate} lies outside its own confidence interval ${effect.ci.lower} to ${effect.ci.upper}` });
    }
  })
  .meta({ id: "EffectEstimate", description: "An effect with its CI, e.g. \"OR 1.8 (95% CI 1.1 to 2.9)\"." });
export type EffectEstimate = z.infer<typeof EffectEstimate>;

/** The stages people pass through a study (CONSORT flow). */
export const FlowStage = z
  .enum(["screened", "eligible", "enrolled", "randomised", "allocated", "started", "completed", "analysed", "lost-to-follow-up", "withdrawn", "excluded"])
  .meta({ id: "FlowStage" });
export type FlowStage = z.infer<typeof FlowStage>;

/** How many people reached one stage of the study, per arm or overall. */
export const SampleFlow = z
  .object({
    kind: z.literal("sample-flow"),
    id: Slug,
    group,
    stage: FlowStage,
    count: z.number().int("must be a whole number").nonnegative("must not be negative"),
    timepoint: Slug.optional().meta({ description: "For `completed`, `analysed` or losses at a given timepoint." }),
    source: Source,
    alsoQuoted,
    note: readingNote,
  })
  .strict()
  .meta({ id: "SampleFlow", description: "A count at one stage of the flow, e.g. \"48 were randomised\"." });
export type SampleFlow = z.infer<typeof SampleFlow>;

/** An entry criterion on a measure: "PHQ-9 ≥ 10", "aged 18 to 65" (two values, one per bound). */
export const Eligibility = z
  .object({
    kind: z.literal("eligibility"),
    id: Slug,
    ...measureFields,
    bound: z.enum(["min", "max"]).meta({ description: "`min`: the value must be at least this (≥ or >); `max`: at most this (≤ or <)." }),
    value: DecimalString,
    inclusive: z.boolean().meta({ description: "`true` for ≥ / ≤, `false` for > / <." }),
    source: Source,
    alsoQuoted,
    note: readingNote,
  })
  .strict()
  .superRefine(requireOneMeasure)
  .meta({ id: "Eligibility", description: "An eligibility bound on a scale or variable, e.g. \"PHQ-9 score ≥ 10\"." });
export type Eligibility = z.infer<typeof Eligibility>;
