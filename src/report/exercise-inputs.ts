import type { ExerciseInput } from "./artefact.js";

/** A bound made exact to 6 decimals, so the page's data attributes carry no floating-point dust. */
const tidy = (x: number): number => Number(x.toFixed(6));

/**
 * A number to type, right when it is the toolkit's value to `decimals` decimals, give or take
 * `slack` units of the last decimal (0: exactly that rounding).
 *
 * @param label what to type
 * @param value the toolkit's value
 * @param decimals decimals a reader is asked for
 * @param slack how many units of the last decimal either side are still right
 * @example
 * numberToType("Effect", 2.0213, 2, 1).accept; // => [2.01, 2.03]
 */
export function numberToType(label: string, value: number, decimals: number, slack = 0, unit?: string): Extract<ExerciseInput, { kind: "number" }> {
  const step = 10 ** -decimals;
  const rounded = Math.round(value / step) * step;
  const half = slack === 0 ? step / 2 : slack * step;
  return { kind: "number", label, accept: [tidy(rounded - half), tidy(rounded + half)], ...(unit !== undefined ? { unit } : {}) };
}

/**
 * A whole number to type, right only when equal to the toolkit's count.
 *
 * @example
 * countToType("Tables", 86).accept; // => [86, 86]
 */
export function countToType(label: string, count: number): Extract<ExerciseInput, { kind: "number" }> {
  return { kind: "number", label, accept: [count, count] };
}

/**
 * An interval to type as its two ends, right when both ends match one of the toolkit's intervals to
 * `decimals` decimals (give or take one unit of the last decimal, for a reader's own rounding).
 *
 * @example
 * intervalToType("95% interval", [{ name: "Wilson", interval: [34.21, 74.18] }], 1).accept[0].lower; // => [34.1, 34.3]
 */
export function intervalToType(label: string, intervals: ReadonlyArray<{ name: string; interval: readonly [number, number] }>, decimals: number, unit?: string): Extract<ExerciseInput, { kind: "interval" }> {
  const step = 10 ** -decimals;
  const around = (x: number): [number, number] => {
    const rounded = Math.round(x / step) * step;
    return [tidy(rounded - step), tidy(rounded + step)];
  };
  return { kind: "interval", label, accept: intervals.map((i) => ({ name: i.name, lower: around(i.interval[0]), upper: around(i.interval[1]) })), ...(unit !== undefined ? { unit } : {}) };
}
