import type { Instrument } from "../schema/instrument.js";
import type { Variable } from "../schema/variable.js";
import { parseStep, WHOLE, type Step } from "../stats/step.js";

/**
 * What the granularity checks need to know about the measure a mean is on: one person's value is a
 * whole multiple of itemStep/items (GRIM's granularity), and, when the measure is bounded, each of
 * those items lies within a range (GRIMMER's and the SD bounds' scale, per item).
 */
export interface MeasureGrid {
  label: string;
  items: number;
  /** Step between an item's possible values (1 unless the instrument or variable declares another). */
  itemStep: Step;
  scale?: { min: number; max: number };
  /**
   * Set when a score may come from fewer items than all (the instrument scores the items answered):
   * the grid then holds for complete answers only, and a mean off it is a question, not an error.
   */
  partialAnswers?: { instrument: string; items: number; minimumItemsAnswered: number };
}

/**
 * An instrument's grid: sum-scored scales move in steps of the item step on min–max; mean-scored ones
 * in steps of itemStep/items with every item on itemMin–itemMax.
 *
 * @example
 * instrumentGrid(bpiSeverity); // => { label: "BPI-SF severity", items: 4, itemStep: { num: 1, den: 1 }, scale: { min: 0, max: 10 } }
 * instrumentGrid(rand36PhysicalFunctioning); // => { items: 10, itemStep: { num: 50, den: 1 }, scale: { min: 0, max: 100 }, partialAnswers: … }
 */
export function instrumentGrid(instrument: Instrument): MeasureGrid {
  const itemStep = instrument.itemStep === undefined ? WHOLE : parseStep(instrument.itemStep, "itemStep");
  const partial =
    instrument.minimumItemsAnswered !== undefined && instrument.minimumItemsAnswered < instrument.items
      ? { partialAnswers: { instrument: instrument.abbreviation, items: instrument.items, minimumItemsAnswered: instrument.minimumItemsAnswered } }
      : {};
  return instrument.scoring === "mean"
    ? { label: instrument.abbreviation, items: instrument.items, itemStep, scale: { min: instrument.itemMin, max: instrument.itemMax }, ...partial }
    : { label: instrument.abbreviation, items: 1, itemStep, scale: { min: instrument.min, max: instrument.max }, ...partial };
}

/**
 * A variable's grid, when it declares a step: one person's value is a whole multiple of it (1 year,
 * 0.5, 0.1 kg, 5 points, 100/3 points), and its min and max, when both are given, bound it.
 * Undefined when no step is declared: then nothing about granularity is known and no granularity
 * check may run.
 *
 * @example
 * variableGrid({ id: "age", label: "age", unit: "years", step: 1, min: 18, max: 65 }); // => { label: "age (years)", items: 1, itemStep: { num: 1, den: 1 }, scale: { min: 18, max: 65 } }
 */
export function variableGrid(variable: Variable): MeasureGrid | undefined {
  if (variable.step === undefined) return undefined;
  const itemStep = parseStep(variable.step, "step");
  const label = `${variable.label}${variable.unit ? ` (${variable.unit})` : ""}`;
  if (variable.min === undefined || variable.max === undefined) return { label, items: 1, itemStep };
  // Whole-number values within fractional bounds lie within the whole numbers inside them.
  const whole = itemStep.num === 1 && itemStep.den === 1;
  const scale = whole ? { min: Math.ceil(variable.min), max: Math.floor(variable.max) } : { min: variable.min, max: variable.max };
  return scale.min < scale.max ? { label, items: 1, itemStep, scale } : { label, items: 1, itemStep };
}

/** Whether a grid's items move in whole steps of 1 (the usual GRIM). */
export function hasWholeItems(grid: MeasureGrid): boolean {
  return grid.itemStep.num === 1 && grid.itemStep.den === 1;
}
