import type { Instrument } from "../schema/instrument.js";
import type { Variable } from "../schema/variable.js";

/**
 * What the granularity checks need to know about the measure a mean is on: one person's value moves
 * in steps of 1/items (GRIM's granularity), and, when the measure is bounded, each of those "items"
 * lies on a whole-number range (GRIMMER's and the SD bounds' scale).
 */
export interface MeasureGrid {
  label: string;
  items: number;
  scale?: { min: number; max: number };
}

/**
 * An instrument's grid: sum-scored scales move in whole points on min–max; mean-scored ones in
 * steps of 1/items with every item on itemMin–itemMax.
 *
 * @example
 * instrumentGrid(bpiSeverity); // => { label: "BPI-SF severity", items: 4, scale: { min: 0, max: 10 } }
 */
export function instrumentGrid(instrument: Instrument): MeasureGrid {
  return instrument.scoring === "mean"
    ? { label: instrument.abbreviation, items: instrument.items, scale: { min: instrument.itemMin, max: instrument.itemMax } }
    : { label: instrument.abbreviation, items: 1, scale: { min: instrument.min, max: instrument.max } };
}

/**
 * A variable's grid, when its declared step makes one: a step of 1/k (1 year, 0.5, 0.1 kg) is k
 * "items"; bounds count only when they are whole multiples of the step's reciprocal grid. Undefined
 * when no step is declared or 1/step is not a whole number: then nothing about granularity is known
 * and no granularity check may run.
 *
 * @example
 * variableGrid({ id: "age", label: "age", unit: "years", step: 1, min: 18, max: 65 }); // => { label: "age (years)", items: 1, scale: { min: 18, max: 65 } }
 */
export function variableGrid(variable: Variable): MeasureGrid | undefined {
  if (variable.step === undefined) return undefined;
  const items = Math.round(1 / variable.step);
  if (items < 1 || Math.abs(items * variable.step - 1) > 1e-9) return undefined;
  const label = `${variable.label}${variable.unit ? ` (${variable.unit})` : ""}`;
  const bounded = variable.min !== undefined && variable.max !== undefined && Number.isInteger(variable.min) && Number.isInteger(variable.max);
  return bounded ? { label, items, scale: { min: variable.min!, max: variable.max! } } : { label, items };
}
