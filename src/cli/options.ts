import { InvalidArgumentError } from "commander";

/**
 * Parsers for CLI option values. They throw commander's InvalidArgumentError, which the CLI
 * reports as a usage error (exit 2) naming the option.
 */

export function parseInteger(value: string): number {
  if (!/^[+-]?\d+$/.test(value.trim())) throw new InvalidArgumentError(`expected a whole number, received "${value}"`);
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed)) throw new InvalidArgumentError(`"${value}" is too large`);
  return parsed;
}

export function parsePositiveInteger(value: string): number {
  const parsed = parseInteger(value);
  if (parsed < 1) throw new InvalidArgumentError(`expected a whole number of at least 1, received "${value}"`);
  return parsed;
}

export function parseFiniteNumber(value: string): number {
  const parsed = Number(value);
  if (value.trim() === "" || !Number.isFinite(parsed)) throw new InvalidArgumentError(`expected a finite number, received "${value}"`);
  return parsed;
}

/** A finite number above 0 (a step, a scale unit): 0 and negative values are usage errors. */
export function parsePositiveNumber(value: string): number {
  const parsed = parseFiniteNumber(value);
  if (!(parsed > 0)) throw new InvalidArgumentError(`expected a number above 0, received "${value}"`);
  return parsed;
}

/**
 * A reported decimal kept as a string, so trailing zeros survive ("5.10" has two decimals).
 * Accepts an optional sign, digits and an optional fractional part; nothing else.
 */
export function parseDecimalString(value: string): string {
  const trimmed = value.trim();
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(trimmed)) throw new InvalidArgumentError(`expected a decimal number such as 5.19, received "${value}"`);
  return trimmed;
}

/** A step between values: a positive number (50, 0.5) or a fraction such as 100/3, kept as written. */
export function parseStepOption(value: string): string {
  const trimmed = value.trim();
  if (!/^(\d+(\.\d+)?|\.\d+|[1-9]\d*\/[1-9]\d*)$/.test(trimmed) || Number(trimmed.split("/")[0]) === 0) throw new InvalidArgumentError(`expected a positive step such as 50, 0.5 or 100/3, received "${value}"`);
  return trimmed;
}

/** A comma-separated list of whole numbers, e.g. `11,9`. */
export function parseIntegerList(value: string): number[] {
  const parts = value.split(",").map((part) => part.trim());
  if (parts.length === 0 || parts.some((part) => part === "")) throw new InvalidArgumentError(`expected comma-separated whole numbers such as 11,9, received "${value}"`);
  return parts.map(parseInteger);
}

/** A comma-separated list of decimal strings, e.g. `21.88,3.39`. */
export function parseDecimalList(value: string): string[] {
  const parts = value.split(",").map((part) => part.trim());
  if (parts.length === 0 || parts.some((part) => part === "")) throw new InvalidArgumentError(`expected comma-separated numbers, received "${value}"`);
  return parts.map(parseDecimalString);
}
