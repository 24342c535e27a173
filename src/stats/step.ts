import { CohortError } from "../errors.js";
import type { ScaledInterval } from "./rounding.js";

/**
 * A positive rational step num/den in lowest terms: the granularity of one person's value. A person's
 * score on a scale whose items move in steps of `itemStep` and are averaged over `items` items is a
 * whole multiple of itemStep/items (RAND-36 physical functioning: 10 items on {0, 50, 100} → 5; role
 * limitations (emotional): 3 items on {0, 100} → 100/3). Kept as two whole numbers so that every check
 * stays exact: a mean interval divided by a step is again an interval of whole numbers over a whole
 * denominator, never a float.
 */
export interface Step {
  num: number;
  den: number;
}

/** The step of whole numbers. */
export const WHOLE: Step = { num: 1, den: 1 };

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

function reduced(num: number, den: number, what: string): Step {
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den) || num <= 0 || den <= 0) throw new CohortError({ message: `${what} must be a positive number or fraction such as 5, 0.25 or "100/3", received ${num}/${den}` });
  const g = gcd(num, den);
  return { num: num / g, den: den / g };
}

const FRACTION = /^\s*(\d+)\s*\/\s*(\d+)\s*$/;
const DECIMAL = /^\s*(\d*)(?:\.(\d+))?\s*$/;

/**
 * Reads a step written as a number (5, 0.25), a decimal string ("2.5") or a fraction string ("100/3"),
 * exactly: a number is read from its shortest decimal form (0.1 is 1/10, not the double nearest 0.1).
 *
 * @throws CohortError for zero, a negative value, an exponent form or anything that is not a number or fraction
 * @example
 * parseStep("100/3"); // => { num: 100, den: 3 }
 * parseStep(0.25); // => { num: 1, den: 4 }
 */
export function parseStep(value: number | string | Step, what = "step"): Step {
  if (typeof value === "object") return reduced(value.num, value.den, what);
  const text = typeof value === "number" ? String(value) : value;
  const fraction = FRACTION.exec(text);
  if (fraction) return reduced(Number(fraction[1]), Number(fraction[2]), what);
  const decimal = DECIMAL.exec(text);
  if (!decimal || (decimal[1] === "" && decimal[2] === undefined)) throw new CohortError({ message: `${what} must be a positive number or fraction such as 5, 0.25 or "100/3", received ${JSON.stringify(value)}` });
  const digits = decimal[2] ?? "";
  return reduced(Number(`${decimal[1] || "0"}${digits}`), 10 ** digits.length, what);
}

/**
 * The step of one person's score: itemStep / items (a mean of `items` items, each a multiple of itemStep).
 *
 * @example
 * personStep(3, parseStep(100)); // => { num: 100, den: 3 }
 * personStep(4); // => { num: 1, den: 4 }
 */
export function personStep(items: number, itemStep: Step = WHOLE): Step {
  return reduced(itemStep.num, itemStep.den * items, "step");
}

/** step × k, for whole k. */
export function timesStep(step: Step, k: number): Step {
  return reduced(step.num * k, step.den, "step");
}

/**
 * An exact interval divided by a step: the values v/step for v in the interval (v = k·step ⇔ k in the result).
 *
 * @example
 * inSteps({ den: 1000, lo: 77405, hi: 77415, loIn: true, hiIn: true }, { num: 5, den: 1 }); // => { den: 5000, lo: 77405, hi: 77415, … } (15.481 to 15.483)
 */
export function inSteps(interval: ScaledInterval, step: Step): ScaledInterval {
  if (step.num === 1 && step.den === 1) return interval;
  return { ...interval, den: interval.den * step.num, lo: interval.lo * step.den, hi: interval.hi * step.den };
}

/** k·step as a float, for display only (verdicts never use it). */
export function stepValue(step: Step, k: number | bigint = 1): number {
  return (Number(k) * step.num) / step.den;
}

/** "5", "1/4", "100/3". */
export function stepText(step: Step): string {
  return step.den === 1 ? String(step.num) : `${step.num}/${step.den}`;
}

/**
 * The whole multiples of the step inside [min, max]: k from ⌈min/step⌉ to ⌊max/step⌋ (exact for
 * bounds that are decimals; a bound that is not a multiple of the step just narrows the range).
 *
 * @example
 * stepRange(0, 100, { num: 100, den: 3 }); // => { kMin: 0, kMax: 3 }
 */
export function stepRange(min: number, max: number, step: Step): { kMin: number; kMax: number } {
  const lo = parseSigned(min);
  const hi = parseSigned(max);
  // k ≥ min/step = lo.num·den / (lo.den·num)
  return { kMin: ceilDiv(lo.num * step.den, lo.den * step.num), kMax: floorDiv(hi.num * step.den, hi.den * step.num) };
}

/** Whether a value is a whole multiple of the step, exactly. */
export function isMultiple(value: number, step: Step): boolean {
  const v = parseSigned(value);
  return (v.num * step.den) % (v.den * step.num) === 0;
}

function parseSigned(value: number): { num: number; den: number } {
  if (value === 0) return { num: 0, den: 1 };
  const s = parseStep(Math.abs(value), "bound");
  return { num: value < 0 ? -s.num : s.num, den: s.den };
}

function floorDiv(a: number, b: number): number {
  const q = Math.floor(a / b);
  return q * b > a ? q - 1 : (q + 1) * b <= a ? q + 1 : q;
}

function ceilDiv(a: number, b: number): number {
  return -floorDiv(-a, b);
}
