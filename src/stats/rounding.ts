import { CohortError } from "../errors.js";
import * as msg from "../messages/checks.js";
import { binaryRound, type BinaryMode } from "./binary-rounding.js";

/**
 * scrutiny's rounding vocabulary. `up_or_down` (the default) means "rounded half up or half down,
 * we do not know which", so both candidates are admitted. `up` and `down` follow scrutiny's default
 * (`symmetric = FALSE`): a tie goes toward +∞ (`up`) or −∞ (`down`) whatever the sign, so −0.125 → −0.12
 * under `up`. `even` is round-half-to-even on the decimal value (not on its binary approximation).
 * `up_from` with threshold t rounds up when the part cut off is at least t/10 (scrutiny: ⌊x·10^d + 1 − t/10⌋);
 * `down_from` with threshold t rounds down when the part cut off is at most 1 − t/10 (scrutiny:
 * ⌈x·10^d − 1 + t/10⌉), so round_down_from(4.28, 1, threshold = 9) is 4.3 and with threshold = 1 is 4.2,
 * "just the reverse of round_up_from()" (rounding-in-depth vignette). With t = 5 both are `up` / `down`.
 * `binary_half_even` and `r_round` round the double a program holds, as Python's round() and R ≥ 4.0.0's
 * round() do (src/stats/binary-rounding.ts): 2.675 → 2.67, because 2.675 is stored as 2.67499999…
 * Reference: Jung L., scrutiny, vignettes/rounding-options.Rmd and rounding-in-depth.Rmd, R/round.R,
 * https://lhdjung.github.io/scrutiny/. A plain list, so arithmetic on reported numbers loads no schema
 * library (the zod enum built from it, for data files and JSON Schema, is src/schema/rounding-mode.ts).
 */
export const ROUNDING_MODES = ["up_or_down", "up", "down", "even", "up_from", "down_from", "up_from_or_down_from", "ceiling_or_floor", "ceiling", "floor", "trunc", "anti_trunc", "binary_half_even", "r_round"] as const;
export type RoundingMode = (typeof ROUNDING_MODES)[number];

/**
 * Whether a value names one of scrutiny's rounding modes (or the two binary ones).
 *
 * @example
 * isRoundingMode("up_or_down"); // => true
 */
export function isRoundingMode(value: unknown): value is RoundingMode {
  return typeof value === "string" && (ROUNDING_MODES as readonly string[]).includes(value);
}

/** The modes that admit two candidates for one unrounded number. */
export const twoCandidateModes: ReadonlySet<RoundingMode> = new Set(["up_or_down", "up_from_or_down_from", "ceiling_or_floor"]);

/** A reported decimal parsed exactly: value = sign · scaled / 10^digits. */
export interface ParsedDecimal {
  /** The absolute value times 10^digits, a whole number (exact: built from the digits, not by multiplying). */
  scaled: number;
  digits: number;
  negative: boolean;
}

/**
 * The exact interval of unrounded values that round to a reported string, in units of 10^−(digits+1):
 * value ∈ [lo/den, hi/den] with the stated inclusivity. Integers only, so no floating-point dust.
 */
export interface ScaledInterval {
  den: number;
  lo: number;
  hi: number;
  loIn: boolean;
  hiIn: boolean;
}

/** The interval of unrounded values that round to a reported value, as scrutiny's `unround()` returns it. */
export interface UnroundedInterval {
  lower: number;
  upper: number;
  lowerInclusive: boolean;
  upperInclusive: boolean;
  digits: number;
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/**
 * Parses a reported decimal string exactly (digits kept, trailing zeros counted).
 *
 * @param reported string to keep trailing zeros, e.g. "5.10"
 * @throws CohortError when the string is not a plain decimal
 * @example
 * parseDecimal("-5.10"); // => { scaled: 510, digits: 2, negative: true }
 */
export function parseDecimal(reported: string, name = "value"): ParsedDecimal {
  if (typeof reported !== "string") throw new CohortError({ message: msg.notADecimalString(name, reported) });
  const match = DECIMAL.exec(reported.trim());
  const intPart = match?.[2] ?? "";
  const fracPart = match?.[3] ?? "";
  if (!match || intPart + fracPart === "" || fracPart.length > 15) throw new CohortError({ message: msg.notADecimalString(name, reported) });
  const scaled = Number(intPart + fracPart);
  if (!Number.isSafeInteger(scaled)) throw new CohortError({ message: msg.notADecimalString(name, reported) });
  return { scaled, digits: fracPart.length, negative: match[1] === "-" };
}

/**
 * Number of decimal places of a reported value; strings keep trailing zeros, numbers cannot.
 * Reference: scrutiny `decimal_places()`.
 *
 * @param reported string to keep trailing zeros ("5.10" has 2); a number loses them (5.10 has 1)
 * @throws CohortError when the string is not a decimal number
 * @example
 * decimalPlaces("5.10"); // => 2
 */
export function decimalPlaces(reported: string | number): number {
  if (typeof reported === "number") {
    if (!Number.isFinite(reported)) throw new CohortError({ message: msg.notAFiniteNumber("value", reported) });
    const text = String(reported);
    const exp = /e([+-]\d+)$/.exec(text);
    if (exp) {
      const mantissa = text.slice(0, exp.index);
      const mantissaDigits = mantissa.includes(".") ? mantissa.length - mantissa.indexOf(".") - 1 : 0;
      return Math.max(0, mantissaDigits - Number(exp[1]));
    }
    return text.includes(".") ? text.length - text.indexOf(".") - 1 : 0;
  }
  return parseDecimal(reported).digits;
}

/**
 * Writes sign · scaled / 10^digits as a string with exactly `digits` decimals (trailing zeros kept).
 *
 * @param scaled a whole number (may be negative)
 * @param digits decimal places
 * @example
 * formatScaled(5, 2); // => "0.05"
 */
export function formatScaled(scaled: number, digits: number): string {
  const negative = scaled < 0;
  const body = String(Math.abs(scaled)).padStart(digits + 1, "0");
  const text = digits === 0 ? body : `${body.slice(0, body.length - digits)}.${body.slice(body.length - digits)}`;
  return negative ? `-${text}` : text;
}

function checkDigits(digits: number): void {
  if (!Number.isInteger(digits) || digits < 0 || digits > 15) throw new CohortError({ message: msg.badDigits(digits) });
}

function checkThreshold(threshold: number): void {
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > 9) throw new CohortError({ message: msg.badThreshold(threshold) });
}

function checkMode(mode: unknown): asserts mode is RoundingMode {
  if (!isRoundingMode(mode)) throw new CohortError({ message: msg.unknownRoundingMode(mode) });
}

/**
 * Floating-point dust: x·10^digits of a decimal such as 1.005 is 100.49999999999999, not 100.5.
 * Values this close to a tie or a whole number are treated as exactly on it (scrutiny adds ±1e-12
 * "dust" and compares with tolerance .Machine$double.eps^0.5 for the same reason).
 */
function dustTolerance(scaledValue: number): number {
  return Math.max(1e-9, Math.abs(scaledValue) * 1e-12);
}

function snapToInteger(scaledValue: number): number {
  const nearest = Math.round(scaledValue);
  return Math.abs(scaledValue - nearest) <= dustTolerance(scaledValue) ? nearest : scaledValue;
}

/** Rounds at a tie point `floor + theta`; `tie` decides exactly-on-the-point values. */
function roundAtPoint(scaledValue: number, theta: number, tie: (floor: number) => number): number {
  const floor = Math.floor(snapToInteger(scaledValue));
  const point = floor + theta;
  if (Math.abs(scaledValue - point) <= dustTolerance(scaledValue)) return tie(floor);
  return scaledValue < point ? floor : floor + 1;
}

function roundScaled(scaledValue: number, mode: RoundingMode, threshold: number): number {
  switch (mode) {
    case "up":
      return roundAtPoint(scaledValue, 0.5, (f) => f + 1);
    case "down":
      return roundAtPoint(scaledValue, 0.5, (f) => f);
    case "even":
      return roundAtPoint(scaledValue, 0.5, (f) => (f % 2 === 0 ? f : f + 1));
    case "up_from":
      return roundAtPoint(scaledValue, threshold / 10, (f) => f + 1);
    case "down_from":
      // scrutiny: ⌈s − 1 + t/10⌉ keeps the floor while the part cut off is at most 1 − t/10.
      return roundAtPoint(scaledValue, (10 - threshold) / 10, (f) => f);
    case "ceiling":
      return Math.ceil(snapToInteger(scaledValue));
    case "floor":
      return Math.floor(snapToInteger(scaledValue));
    case "trunc":
      return Math.trunc(snapToInteger(scaledValue));
    case "anti_trunc": {
      const s = snapToInteger(scaledValue);
      return s < 0 ? Math.floor(s) : Math.ceil(s);
    }
    default:
      throw new CohortError({ message: msg.twoCandidateMode(mode) });
  }
}

function toNumber(scaled: number, digits: number): number {
  const out = scaled / 10 ** digits;
  return out === 0 ? 0 : out;
}

/**
 * Rounds a number to `digits` decimals under one single-candidate rounding mode, treating values
 * within floating-point dust of a tie as exactly on it.
 * Reference: scrutiny `round_up()`, `round_down()`, `round_ceiling()` … (Jung, scrutiny R package).
 *
 * @param x the unrounded number
 * @param digits decimal places, 0–15
 * @param mode a single-candidate mode (`up`, `down`, `even`, `up_from`, `down_from`, `ceiling`, `floor`, `trunc`, `anti_trunc`)
 * @param threshold the deciding digit for `up_from`/`down_from` (default 5)
 * @throws CohortError for a two-candidate mode (use reround), bad digits or a non-finite x
 * @example
 * roundTo(1.005, 2, "up"); // => 1.01 (1.005 * 100 is 100.49999999999999 in binary)
 */
export function roundTo(x: number, digits: number, mode: RoundingMode = "up", threshold = 5): number {
  if (!Number.isFinite(x)) throw new CohortError({ message: msg.notAFiniteNumber("x", x) });
  checkDigits(digits);
  checkMode(mode);
  checkThreshold(threshold);
  // The binary modes round the double itself: no dust tolerance, that is their point.
  if (isBinaryMode(mode)) return binaryRound(x, digits, mode);
  return toNumber(roundScaled(x * 10 ** digits, mode, threshold), digits);
}

/**
 * Every way a number could have been rounded under a mode: two candidates (up, then down) for the
 * `*_or_*` modes, one otherwise, duplicates removed. Reference: scrutiny `reround()`.
 *
 * @param x the unrounded number
 * @param digits decimal places
 * @param mode rounding mode, default `up_or_down`
 * @param threshold for the `*_from` modes
 * @throws CohortError for bad digits, mode or x
 * @example
 * reround(0.125, 2); // => [0.13, 0.12]
 */
export function reround(x: number, digits: number, mode: RoundingMode = "up_or_down", threshold = 5): number[] {
  if (!Number.isFinite(x)) throw new CohortError({ message: msg.notAFiniteNumber("x", x) });
  checkDigits(digits);
  checkMode(mode);
  checkThreshold(threshold);
  if (isBinaryMode(mode)) return [binaryRound(x, digits, mode)];
  const s = x * 10 ** digits;
  const pair: RoundingMode[] | null =
    mode === "up_or_down" ? ["up", "down"] : mode === "up_from_or_down_from" ? ["up_from", "down_from"] : mode === "ceiling_or_floor" ? ["ceiling", "floor"] : null;
  const scaled = (pair ?? [mode]).map((m) => roundScaled(s, m, threshold));
  return [...new Set(scaled)].map((v) => toNumber(v, digits));
}

/**
 * The exact interval (integers over 10^(digits+1)) of unrounded values that round to `reported`.
 *
 * @param reported string to keep trailing zeros
 * @param mode rounding mode
 * @param threshold for the `*_from` modes
 * @throws CohortError for a malformed string or an unknown mode
 * @example
 * roundingInterval("5.19", "up_or_down"); // => { den: 1000, lo: 5185, hi: 5195, loIn: true, hiIn: true }
 */
export function roundingInterval(reported: string, mode: RoundingMode = "up_or_down", threshold = 5): ScaledInterval {
  checkMode(mode);
  checkThreshold(threshold);
  const p = parseDecimal(reported);
  const den = 10 ** (p.digits + 1);
  const r = (p.negative ? -1 : 1) * p.scaled * 10;
  const t = threshold;
  const iv = (lo: number, hi: number, loIn: boolean, hiIn: boolean): ScaledInterval => ({ den, lo: lo + 0, hi: hi + 0, loIn, hiIn });
  switch (mode) {
    case "up_or_down":
      return iv(r - 5, r + 5, true, true);
    case "up":
      return iv(r - 5, r + 5, true, false);
    case "down":
      return iv(r - 5, r + 5, false, true);
    case "even": {
      const even = (p.scaled % 2) === 0;
      return iv(r - 5, r + 5, even, even);
    }
    case "up_from":
      return iv(r - 10 + t, r + t, true, false);
    case "down_from":
      return iv(r - t, r + 10 - t, false, true);
    case "up_from_or_down_from":
      // The union of [r − 10 + t, r + t) (up_from) and (r − t, r + 10 − t] (down_from): contiguous for every t.
      if (t === 5) return iv(r - 5, r + 5, true, true);
      return t < 5 ? iv(r - 10 + t, r + 10 - t, true, true) : iv(r - t, r + t, false, false);
    case "ceiling":
      return iv(r - 10, r, false, true);
    case "floor":
      return iv(r, r + 10, true, false);
    case "ceiling_or_floor":
      return iv(r - 10, r + 10, false, false);
    case "trunc":
      if (r > 0) return iv(r, r + 10, true, false);
      if (r < 0 || p.negative) return iv(r - 10, r, false, true);
      return iv(-10, 10, false, false);
    case "anti_trunc":
      if (r > 0) return iv(r - 10, r, false, true);
      if (r < 0) return iv(r, r + 10, true, false);
      return iv(0, 0, true, true);
    case "binary_half_even":
    case "r_round":
      return binaryInterval(p, r, mode);
  }
}

/** Whether a mode rounds the binary double (Python, R) rather than the decimal value. */
export function isBinaryMode(mode: RoundingMode): mode is BinaryMode {
  return mode === "binary_half_even" || mode === "r_round";
}

/**
 * The true values x whose double rounds to the reported value under a binary mode: the decimal interval
 * between the two ties r ± half a unit, each tie included exactly when its own double rounds to r
 * (2.675 is stored below the tie, so "2.67" includes 2.675 and "2.68" does not). Exact for every x that
 * is a tie or lies more than a few units in the last place (|x|·2^−50) from one; a value closer than
 * that to a tie without being it (a fraction with a denominator above about 10^13/|x|) is counted with
 * the tie.
 */
function binaryInterval(p: ParsedDecimal, r: number, mode: BinaryMode): ScaledInterval {
  const den = 10 ** (p.digits + 1);
  const reported = toNumber((p.negative ? -1 : 1) * p.scaled, p.digits);
  const tieRoundsToReported = (tie: number) => binaryRound(Number(formatScaled(tie, p.digits + 1)), p.digits, mode) === reported;
  return { den, lo: r - 5 + 0, hi: r + 5 + 0, loIn: tieRoundsToReported(r - 5), hiIn: tieRoundsToReported(r + 5) };
}

/**
 * The interval of unrounded values that round to a reported string, with its inclusivity.
 * Reference: scrutiny `unround()`.
 *
 * @param reported string to keep trailing zeros
 * @param mode rounding mode, default `up_or_down`
 * @param threshold for the `*_from` modes
 * @throws CohortError for a malformed string or an unknown mode
 * @example
 * unround("5.19", "up"); // => { lower: 5.185, upper: 5.195, lowerInclusive: true, upperInclusive: false, digits: 2 }
 */
export function unround(reported: string, mode: RoundingMode = "up_or_down", threshold = 5): UnroundedInterval {
  const i = roundingInterval(reported, mode, threshold);
  return { lower: i.lo / i.den + 0, upper: i.hi / i.den + 0, lowerInclusive: i.loIn, upperInclusive: i.hiIn, digits: parseDecimal(reported).digits };
}

/** Sign of a·d − c·b, exact (BigInt when the products leave the safe-integer range). */
export function compareProducts(a: number, d: number, c: number, b: number): number {
  const left = a * d;
  const right = c * b;
  if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) return Math.sign(left - right);
  const diff = BigInt(a) * BigInt(d) - BigInt(c) * BigInt(b);
  return diff > 0n ? 1 : diff < 0n ? -1 : 0;
}

/**
 * Whether the fraction num/den (den > 0, both whole numbers) lies in a scaled interval, exactly.
 *
 * @example
 * fractionInInterval(166, 32, roundingInterval("5.19")); // => true (5.1875)
 */
export function fractionInInterval(num: number, den: number, interval: ScaledInterval): boolean {
  const lo = compareProducts(num, interval.den, interval.lo, den);
  if (lo < 0 || (lo === 0 && !interval.loIn)) return false;
  const hi = compareProducts(num, interval.den, interval.hi, den);
  return hi < 0 || (hi === 0 && interval.hiIn);
}

/**
 * The whole numbers k with k/factor inside the interval, as an inclusive range (empty when first > last).
 *
 * @example
 * integersInInterval(roundingInterval("5.19"), 32); // => { first: 166, last: 166 }
 */
export function integersInInterval(interval: ScaledInterval, factor: number): { first: number; last: number } {
  // k ≥ lo·factor/den and k ≤ hi·factor/den, exact via floor/ceil on whole numbers.
  if (!Number.isSafeInteger(interval.lo * factor) || !Number.isSafeInteger(interval.hi * factor)) {
    // The float product would round (a huge n): the same arithmetic exactly, in BigInt.
    const den = BigInt(interval.den);
    const lo = BigInt(interval.lo) * BigInt(factor);
    const hi = BigInt(interval.hi) * BigInt(factor);
    let first = -bigFloorDiv(-lo, den);
    let last = bigFloorDiv(hi, den);
    if (!interval.loIn && first * den === lo) first += 1n;
    if (!interval.hiIn && last * den === hi) last -= 1n;
    return { first: Number(first), last: Number(last) };
  }
  let first = ceilDiv(interval.lo * factor, interval.den);
  let last = floorDiv(interval.hi * factor, interval.den);
  if (!interval.loIn && first * interval.den === interval.lo * factor) first += 1;
  if (!interval.hiIn && last * interval.den === interval.hi * factor) last -= 1;
  return { first, last };
}

function floorDiv(a: number, b: number): number {
  if (!Number.isSafeInteger(a)) return Number(bigFloorDiv(BigInt(a), BigInt(b)));
  return Math.floor(a / b) - (Math.floor(a / b) * b > a ? 1 : 0);
}

function ceilDiv(a: number, b: number): number {
  return -floorDiv(-a, b);
}

function bigFloorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && (a < 0n) !== (b < 0n) ? q - 1n : q;
}
