import * as z from "zod";
import { Reference } from "./reference.js";
import { Slug, StepValue } from "./primitives.js";
import { isMultiple, parseStep } from "../stats/step.js";

/** One severity band on an instrument's total score, inclusive at both ends (e.g. PHQ-9 "mild" 5–9). */
export const Band = z
  .object({
    id: Slug.meta({ description: "Band id shared across conventions so a reported label maps to it, e.g. `moderate`." }),
    label: z.string().min(1),
    min: z.number(),
    max: z.number(),
  })
  .strict()
  .meta({ id: "Band" });
export type Band = z.infer<typeof Band>;

/**
 * One published way of cutting an instrument's score into bands. Where the literature disagrees
 * (pain NRS cut points; SDS cut-offs per substance) an instrument lists several conventions, and
 * every band-based check runs under each of them.
 */
export const BandConvention = z
  .object({
    id: Slug,
    label: z.string().min(1),
    appliesTo: z.array(z.string().min(1)).optional().meta({ description: "Populations or substances the cut-offs were derived for, e.g. `opioid`." }),
    reference: Reference,
    bands: z.array(Band).min(1),
    note: z.string().optional(),
  })
  .strict()
  .superRefine((convention, context) => {
    convention.bands.forEach((band, index) => {
      if (band.min > band.max) context.addIssue({ code: "custom", path: ["bands", index, "max"], message: `band "${band.id}" ends (${band.max}) before it starts (${band.min})` });
      const previous = convention.bands[index - 1];
      if (previous && band.min <= previous.max) {
        context.addIssue({ code: "custom", path: ["bands", index, "min"], message: `band "${band.id}" starts at ${band.min}, inside band "${previous.id}" (ends ${previous.max}); bands must be in increasing order and not overlap` });
      }
    });
    const ids = convention.bands.map((band) => band.id);
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index) context.addIssue({ code: "custom", path: ["bands", index, "id"], message: `duplicate band id "${id}"` });
    });
  })
  .meta({ id: "BandConvention" });
export type BandConvention = z.infer<typeof BandConvention>;

/** A published reference with the verbatim words that state the figure taken from it. */
const QuotedReference = Reference.extend({ quote: z.string().min(1).meta({ description: "Verbatim words of the reference (or of the page read) that state the figure." }) }).meta({ id: "QuotedReference" });

/** A published standard deviation of the total score in a named population. */
export const PublishedSd = z
  .object({
    value: z.number().positive(),
    mean: z.number().optional(),
    population: z.string().min(1),
    reference: QuotedReference,
  })
  .strict()
  .meta({ id: "PublishedSd" });
export type PublishedSd = z.infer<typeof PublishedSd>;

/** A published correlation between two administrations of the instrument (test–retest, or pre–post without treatment). */
export const PublishedReliability = z
  .object({
    kind: z.enum(["test-retest", "pre-post"]),
    statistic: z.enum(["pearson-r", "spearman-rho", "icc", "unstated"]),
    value: z.number().min(-1).max(1).meta({ description: "The correlation, or the low end of a published range." }),
    upper: z.number().min(-1).max(1).optional().meta({ description: "The high end when the source gives a range." }),
    interval: z.string().min(1).meta({ description: "Time between the two administrations, as the source gives it (or `not stated`)." }),
    population: z.string().min(1),
    reference: QuotedReference,
  })
  .strict()
  .meta({ id: "PublishedReliability" });
export type PublishedReliability = z.infer<typeof PublishedReliability>;

/** A published minimal (or moderate, substantial) important change on the instrument. */
export const ImportantChange = z
  .object({
    value: z.number().positive().meta({ description: "Size of the change (a decrease when higher is worse), or the low end of a range." }),
    upper: z.number().positive().optional().meta({ description: "The high end when the source gives a range (e.g. 9–12 points)." }),
    unit: z.enum(["points", "percent"]).meta({ description: "`percent`: a change relative to the person's (or group's) baseline." }),
    importance: z.enum(["minimal", "moderate", "substantial"]),
    level: z.enum(["individual", "group", "unstated"]).meta({ description: "Whether it is a threshold for one person's change or for a difference between group means." }),
    method: z.enum(["anchor", "distribution", "consensus", "mixed"]),
    population: z.string().min(1),
    reference: QuotedReference,
    note: z.string().optional(),
  })
  .strict()
  .meta({ id: "ImportantChange" });
export type ImportantChange = z.infer<typeof ImportantChange>;

/** Published figures that turn a change on the instrument into something a reader can judge. */
export const Psychometrics = z
  .object({
    sd: z.array(PublishedSd).default([]),
    reliability: z.array(PublishedReliability).default([]),
    importantChange: z.array(ImportantChange).default([]),
  })
  .strict()
  .meta({ id: "Psychometrics" });
export type Psychometrics = z.infer<typeof Psychometrics>;

/**
 * A measurement instrument: how it is scored (so the granularity of a score, and of a group mean,
 * can be derived), its range, and its severity bands with their published sources.
 */
export const Instrument = z
  .object({
    $schema: z.string().optional(),
    id: Slug,
    name: z.string().min(1),
    abbreviation: z.string().min(1),
    construct: z.string().min(1).meta({ description: "What it measures, e.g. `depression severity`." }),
    items: z.number().int().min(1).meta({ description: "Number of items that make up the score." }),
    itemMin: z.number().int(),
    itemMax: z.number().int(),
    itemStep: StepValue.optional().meta({
      description:
        "Step between an item's possible values when it is not 1, e.g. 50 for items recoded to 0, 50, 100 (RAND-36 physical functioning) or 20 for six options recoded to 0, 20, …, 100. A person's score is then a multiple of itemStep/items (mean scoring) or itemStep (sum scoring). itemMin and itemMax must be multiples of it.",
    }),
    scoring: z.enum(["sum", "mean"]).meta({ description: "`sum`: total of the item scores; `mean`: average of the item scores." }),
    min: z.number().meta({ description: "Lowest possible score." }),
    max: z.number().meta({ description: "Highest possible score." }),
    higherIsWorse: z.boolean(),
    minimumItemsAnswered: z.number().int().min(1).optional().meta({ description: "Fewest answered items for a valid score (BPI interference: 4 of 7). Scores from fewer items change the granularity." }),
    bandConventions: z.array(BandConvention),
    bandsNote: z.string().optional().meta({ description: "What is known about missing or disputed bands (e.g. no published SDS cut-off for kratom)." }),
    references: z.array(Reference).min(1),
    psychometrics: Psychometrics.optional().meta({ description: "Published SDs, test–retest correlations and important changes, each with its quoted reference." }),
  })
  .strict()
  .superRefine((instrument, context) => {
    if (instrument.itemMin >= instrument.itemMax) context.addIssue({ code: "custom", path: ["itemMax"], message: `itemMax (${instrument.itemMax}) must be greater than itemMin (${instrument.itemMin})` });
    // The step's own format is checked by StepValue; only a well-formed step is compared with the bounds.
    if (instrument.itemStep !== undefined && StepValue.safeParse(instrument.itemStep).success) {
      const step = parseStep(instrument.itemStep, "itemStep");
      for (const key of ["itemMin", "itemMax"] as const) {
        if (!isMultiple(instrument[key], step)) context.addIssue({ code: "custom", path: [key], message: `${key} (${instrument[key]}) must be a multiple of itemStep (${instrument.itemStep})` });
      }
    }
    const factor = instrument.scoring === "sum" ? instrument.items : 1;
    if (instrument.min !== instrument.itemMin * factor) context.addIssue({ code: "custom", path: ["min"], message: `min must be ${instrument.itemMin * factor} for ${instrument.items} items scored ${instrument.itemMin}–${instrument.itemMax} by ${instrument.scoring}, received ${instrument.min}` });
    if (instrument.max !== instrument.itemMax * factor) context.addIssue({ code: "custom", path: ["max"], message: `max must be ${instrument.itemMax * factor} for ${instrument.items} items scored ${instrument.itemMin}–${instrument.itemMax} by ${instrument.scoring}, received ${instrument.max}` });
    if (instrument.minimumItemsAnswered !== undefined && instrument.minimumItemsAnswered > instrument.items) {
      context.addIssue({ code: "custom", path: ["minimumItemsAnswered"], message: `cannot exceed the ${instrument.items} items` });
    }
    instrument.bandConventions.forEach((convention, conventionIndex) => {
      convention.bands.forEach((band, bandIndex) => {
        if (band.min < instrument.min || band.max > instrument.max) {
          context.addIssue({ code: "custom", path: ["bandConventions", conventionIndex, "bands", bandIndex], message: `band "${band.id}" (${band.min}–${band.max}) lies outside the score range ${instrument.min}–${instrument.max}` });
        }
      });
    });
    const ids = instrument.bandConventions.map((convention) => convention.id);
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index) context.addIssue({ code: "custom", path: ["bandConventions", index, "id"], message: `duplicate band convention id "${id}"` });
    });
  })
  .meta({ id: "Instrument", title: "cohortcheck instrument definition" });
export type Instrument = z.infer<typeof Instrument>;

/**
 * The smallest step between two possible scores of one person: the item step for items summed, the
 * item step over the items for items averaged (BPI severity: 4 items → 0.25; RAND-36 physical
 * functioning: 10 items on 0/50/100 → 5). A group mean of n people moves in steps of `scoreStep / n`
 * (GRIM's granularity). A float, for display; the checks keep the step as a fraction (src/stats/step.ts).
 *
 * @example
 * scoreStep({ scoring: "mean", items: 4, itemMin: 0, itemMax: 10 }); // => 0.25
 */
export function scoreStep(instrument: Pick<Instrument, "scoring" | "items"> & { itemStep?: number | string | undefined }): number {
  const step = parseStep(instrument.itemStep ?? 1, "itemStep");
  return instrument.scoring === "sum" ? step.num / step.den : step.num / (step.den * instrument.items);
}
