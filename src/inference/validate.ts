import { CohortError } from "../errors.js";
import * as message from "../messages/inference.js";

/** Shared argument checks for src/inference: each throws a CohortError naming the bad value. */

export function requireCount(count: number, n: number): void {
  requireSize("n", n, 1);
  if (!Number.isInteger(count) || count < 0 || count > n) throw new CohortError({ message: message.countOutOfRange(count, n) });
}

export function requireSize(name: string, value: number, minimum: number): void {
  if (!Number.isInteger(value) || value < minimum) throw new CohortError({ message: message.sizeTooSmall(name, value, minimum) });
}

export function requireLevel(level: number): void {
  if (!(level > 0 && level < 1)) throw new CohortError({ message: message.levelOutOfRange(level) });
}

export function requireAlpha(alpha: number): void {
  if (!(alpha > 0 && alpha < 1)) throw new CohortError({ message: message.alphaOutOfRange(alpha) });
}

export function requirePower(power: number, alpha: number): void {
  if (!(power > alpha && power < 1)) throw new CohortError({ message: message.powerOutOfRange(power, alpha) });
}

export function requireEffect(effect: number): void {
  if (!Number.isFinite(effect)) throw new CohortError({ message: message.effectInvalid(effect) });
}

/** Every value finite and at least `minimum` of them. */
export function requireValues(name: string, values: ReadonlyArray<number>, minimum: number): void {
  if (values.length < minimum) throw new CohortError({ message: message.valuesTooFew(name, values.length, minimum) });
  values.forEach((value, index) => {
    if (!Number.isFinite(value)) throw new CohortError({ message: message.valueNotFinite(name, index, value) });
  });
}
