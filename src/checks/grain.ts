import { CohortError } from "../errors.js";
import * as msg from "../messages/checks.js";
import { parseStep, personStep, stepRange, stepText, WHOLE, type Step } from "../stats/step.js";
import { requireItems, requireScale } from "./validate.js";

/**
 * The grain of a measure: one person's score is a whole multiple k of `step` (= itemStep / items),
 * with k in kMin…kMax when the items are bounded. Every granularity check (GRIM, GRIMMER, SD bounds,
 * the SD-or-SE readings, the localiser's variance test) works on the whole numbers k: a mean m is
 * possible when Σk / n rounds to m / step, an SD s when the SD of the k rounds to s / step. With
 * itemStep 1 this is the usual multi-item GRIM (k is the sum of the item scores); with itemStep 50 and
 * 10 items (RAND-36 physical functioning) k counts steps of 5 points.
 */
export interface Grain {
  items: number;
  itemStep: Step;
  /** One person's score is a whole multiple of this. */
  step: Step;
  /** Bounds of k (one person's score in steps), when the items are bounded. */
  kMin?: number;
  kMax?: number;
}

/** What a check is told about the measure: items, their value step, and their range. */
export interface GrainInput {
  /** Items per score (default 1). */
  items?: number;
  /** The step between an item's possible values (default 1): 50 for items recoded to 0/50/100; "100/3" is allowed. */
  itemStep?: number | string | Step;
  /** Range of one item (min–max); with itemStep 1, whole numbers. */
  scale?: { min: number; max: number };
}

/**
 * The grain of a measure from its items, item step and item range.
 *
 * @throws CohortError for items outside 1…MAX_ITEMS, a step that is not positive, or a range with min ≥ max
 * @example
 * grainOf({ items: 10, itemStep: 50, scale: { min: 0, max: 100 } }); // => { step: { num: 5, den: 1 }, kMin: 0, kMax: 20, … }
 * grainOf({ items: 4, scale: { min: 0, max: 10 } }); // => { step: { num: 1, den: 4 }, kMin: 0, kMax: 40, … }
 */
export function grainOf(input: GrainInput): Grain {
  const items = requireItems(input.items ?? 1);
  const itemStep = input.itemStep === undefined ? WHOLE : parseStep(input.itemStep, "itemStep");
  const step = personStep(items, itemStep);
  if (!input.scale) return { items, itemStep, step };
  const { min, max } = input.scale;
  if (!Number.isFinite(min) || !Number.isFinite(max) || min >= max) throw new CohortError({ message: msg.minAboveMax(min, max) });
  const item = stepRange(min, max, itemStep);
  if (item.kMin > item.kMax) throw new CohortError({ message: msg.minAboveMax(min, max) });
  return { items, itemStep, step, kMin: items * item.kMin, kMax: items * item.kMax };
}

/** Whether the grain is the plain one of whole-number items (itemStep 1), whose wording the checks have always used. */
export function isWholeItems(grain: Grain): boolean {
  return grain.itemStep.num === 1 && grain.itemStep.den === 1;
}

/**
 * The grain in words, for assumptions: "whole-number scores", "mean of 4 whole-number items per person",
 * "multiples of 5 (10 items in steps of 50)".
 */
export function grainWords(grain: Grain): string {
  if (isWholeItems(grain)) return grain.items > 1 ? `mean of ${grain.items} whole-number items per person` : "whole-number scores";
  const items = grain.items > 1 ? ` (mean of ${grain.items} items, each a multiple of ${stepText(grain.itemStep)})` : "";
  return `each person's score a multiple of ${stepText(grain.step)}${items}`;
}

/** "1/21", "5/26", "100/78": the spacing of possible means of n scores. */
export function meanSpacing(grain: Grain, n: number): string {
  return stepText(parseStep({ num: grain.step.num, den: grain.step.den * n }));
}

/**
 * The grain of a check's input (GRIMMER, SD bounds, SD or SE): whole-number item ranges are required when the item step is 1
 * (as before); with another step the range's multiples of the step bound each item.
 */
export function inputGrain(input: { items?: number | undefined; itemStep?: number | string | Step | undefined; scale?: { min: number; max: number } | undefined }): Grain {
  const itemStep = input.itemStep === undefined ? WHOLE : parseStep(input.itemStep, "itemStep");
  const whole = itemStep.num === 1 && itemStep.den === 1;
  const scale = input.scale === undefined ? undefined : requireScale(input.scale, whole);
  return grainOf({ items: requireItems(input.items ?? 1), itemStep, ...(scale ? { scale } : {}) });
}
