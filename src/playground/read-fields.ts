import * as msg from "../messages/playground.js";
import { isRoundingMode, type RoundingMode } from "../stats/rounding.js";
import { DEFAULT_ROUNDING, DEFAULT_THRESHOLD } from "./form-fields.js";

/** A form's values by field name, as typed. */
export type Fields = Readonly<Record<string, string | undefined>>;

/** A field the page cannot use, and why (shown next to the field). */
export interface FieldProblem {
  field: string;
  message: string;
}

/** The rounding assumption as the checks take it. */
export interface Rounding {
  rounding: RoundingMode;
  threshold: number;
}

/**
 * Reads a form's fields one by one, with the CLI option parsers' rules (src/cli/options.ts): a decimal
 * stays a string so its trailing zeros survive; a whole number is digits with an optional sign; an
 * empty optional field is left out. Problems are collected, not thrown, so every bad field is named.
 */
export class FieldReader {
  readonly problems: FieldProblem[] = [];
  constructor(private readonly fields: Fields) {}

  private text(name: string): string {
    return (this.fields[name] ?? "").trim();
  }

  private fail(field: string, message: string): undefined {
    this.problems.push({ field, message });
    return undefined;
  }

  /** A reported decimal as printed (cohort's parseDecimalString). */
  decimal(name: string, required: boolean): string | undefined {
    const value = this.text(name);
    if (value === "") return required ? this.fail(name, msg.required()) : undefined;
    if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(value)) return this.fail(name, msg.notDecimal(this.fields[name] ?? ""));
    return value;
  }

  /** A whole number of at least `min` (cohort's parseInteger / parsePositiveInteger). */
  whole(name: string, required: boolean, min = -Infinity): number | undefined {
    const value = this.text(name);
    if (value === "") return required ? this.fail(name, msg.required()) : undefined;
    if (!/^[+-]?\d+$/.test(value)) return this.fail(name, msg.notWhole(this.fields[name] ?? ""));
    const parsed = Number(value);
    if (!Number.isSafeInteger(parsed)) return this.fail(name, msg.tooLarge(this.fields[name] ?? ""));
    if (parsed < min) return this.fail(name, msg.notAtLeast(min, this.fields[name] ?? ""));
    return parsed;
  }

  /** A degree of freedom as printed: a number above 0, whole or not (Welch's 17.78). */
  degrees(name: string, required: boolean): string | undefined {
    const value = this.text(name);
    if (value === "") return required ? this.fail(name, msg.required()) : undefined;
    if (!/^(\d+(\.\d*)?|\.\d+)$/.test(value) || !(Number(value) > 0)) return this.fail(name, msg.notPositiveNumber(this.fields[name] ?? ""));
    return value;
  }

  /** Free text, trimmed. */
  plain(name: string, required: boolean): string | undefined {
    const value = this.text(name);
    if (value === "") return required ? this.fail(name, msg.required()) : undefined;
    return value;
  }

  /** A lowest and highest score given together or not at all. */
  scale(minName: string, maxName: string): { min: number; max: number } | undefined {
    const min = this.whole(minName, false);
    const max = this.whole(maxName, false);
    if ((min === undefined) !== (max === undefined) && this.problems.every((p) => p.field !== minName && p.field !== maxName)) {
      return this.fail(min === undefined ? minName : maxName, msg.scaleHalf());
    }
    return min !== undefined && max !== undefined ? { min, max } : undefined;
  }
}

/**
 * The rounding assumption from the shared fields: an unknown mode falls back to the default (the select
 * offers only known modes; a hand-edited link may not), a threshold must be a digit from 1 to 9.
 */
export function readRounding(fields: Fields, reader: FieldReader): Rounding {
  const mode = (fields.rounding ?? "").trim() || DEFAULT_ROUNDING;
  const text = (fields.threshold ?? "").trim() || DEFAULT_THRESHOLD;
  let threshold = Number(DEFAULT_THRESHOLD);
  if (/^\d$/.test(text) && Number(text) >= 1) threshold = Number(text);
  else reader.problems.push({ field: "threshold", message: msg.badThreshold(fields.threshold ?? "") });
  return { rounding: isRoundingMode(mode) ? mode : DEFAULT_ROUNDING, threshold };
}
