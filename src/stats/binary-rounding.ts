/**
 * Rounding as software that holds numbers in binary doubles does it: Python's `round()` and R's
 * `round()` (R ≥ 4.0.0). Both see only the double nearest the true value, never the decimal a person
 * would write, so a decimal tie such as 2.675 (stored as 2.67499999999999982236431605997495353221893310546875)
 * is no tie to them: Python's round(2.675, 2) is 2.67 where decimal half-even gives 2.68.
 *
 * The two differ from each other in rare cases (Mächler 2020):
 * - `binary_half_even` (Python's round(), and C's printf("%.2f") as glibc does it, hence R's sprintf and
 *   formatC): the exact binary value of the double is rounded to the nearest decimal, ties (only values
 *   exactly representable, such as 0.125 or 2.5) to the even digit.
 *   Reference: Python documentation, built-in round(): "round(2.675, 2) gives 2.67 instead of the
 *   expected 2.68 … most decimal fractions can't be represented exactly as a float".
 * - `r_round` (R ≥ 4.0.0 round()): of the two candidate decimals, each held as its nearest double, the
 *   one nearer to x is chosen, ties to the even digit. It measures the distances to the candidates'
 *   doubles, not to the decimals: round(9.18665, 4) is 9.1866 in R (the double 9.18665 lies exactly
 *   midway between the doubles of 9.1866 and 9.1867) but 9.1867 in Python (its exact value is
 *   9.18665000000000020463…, above the decimal tie).
 *   Reference: Mächler M (2020) Rounding to Decimal Digits in Binary, vignette of the R package round,
 *   https://CRAN.R-project.org/package=round/vignettes/Rounding.html ("For R 4.0.0, this (equivalent
 *   of "r3d.C") has been used for round(x, digits)"); R's ?Round.
 *
 * Exact arithmetic: a double is the dyadic rational mantissa·2^exponent, compared with decimals by
 * BigInt, so no floating-point dust enters a decision.
 */

/** The two binary rounding modes. */
export type BinaryMode = "binary_half_even" | "r_round";

interface Dyadic {
  /** Signed integer mantissa. */
  mantissa: bigint;
  /** Power of two: value = mantissa · 2^exponent. */
  exponent: number;
}

const view = new DataView(new ArrayBuffer(8));

/** The exact value of a finite double as mantissa · 2^exponent. */
function dyadic(x: number): Dyadic {
  view.setFloat64(0, x);
  const high = view.getUint32(0);
  const low = view.getUint32(4);
  const negative = high >>> 31 === 1;
  const biased = (high >>> 20) & 0x7ff;
  const fraction = (BigInt(high & 0xfffff) << 32n) | BigInt(low);
  const mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  const exponent = biased === 0 ? -1074 : biased - 1075;
  return { mantissa: negative ? -mantissa : mantissa, exponent };
}

/** Sign of (x − num/den) for a finite double x and a rational num/den (den > 0), exactly. */
export function compareDoubleWithFraction(x: number, num: bigint, den: bigint): number {
  const { mantissa, exponent } = dyadic(x);
  // x − num/den has the sign of mantissa·2^exponent·den − num, scaled to whole numbers.
  const left = exponent >= 0 ? mantissa * den * (1n << BigInt(exponent)) : mantissa * den;
  const right = exponent >= 0 ? num : num * (1n << BigInt(-exponent));
  return left > right ? 1 : left < right ? -1 : 0;
}

/** Sign of (a + b)/2 − x for finite doubles, exactly (the midpoint of two doubles is a dyadic rational). */
function compareMidpointWith(a: number, b: number, x: number): number {
  const da = dyadic(a);
  const db = dyadic(b);
  const dx = dyadic(x);
  const floor = Math.min(da.exponent, db.exponent, dx.exponent);
  const lift = (d: Dyadic) => d.mantissa << BigInt(d.exponent - floor);
  const twice = lift(da) + lift(db) - 2n * lift(dx);
  return twice > 0n ? 1 : twice < 0n ? -1 : 0;
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && (a < 0n) !== (b < 0n) ? q - 1n : q;
}

/** The whole number k = floor(x · 10^digits), exactly. */
function floorScaled(x: number, digits: number): bigint {
  const { mantissa, exponent } = dyadic(x);
  const scaled = mantissa * 10n ** BigInt(digits);
  return exponent >= 0 ? scaled << BigInt(exponent) : floorDiv(scaled, 1n << BigInt(-exponent));
}

/** k / 10^digits as the double a program would hold (the correctly rounded parse of the decimal). */
function decimalToDouble(k: bigint, digits: number): number {
  const negative = k < 0n;
  const body = (negative ? -k : k).toString().padStart(digits + 1, "0");
  const text = digits === 0 ? body : `${body.slice(0, body.length - digits)}.${body.slice(body.length - digits)}`;
  return Number(`${negative ? "-" : ""}${text}`) + 0;
}

/**
 * The decimal (in units of 10^−digits) that a binary rounding mode gives for the double x.
 *
 * @param x a finite double, as the program held it
 * @param digits decimal places, 0–15
 * @example
 * binaryRoundScaled(2.675, 2, "binary_half_even"); // => 267n (Python: round(2.675, 2) == 2.67)
 * binaryRoundScaled(9.18665, 4, "r_round"); // => 91866n (R ≥ 4.0.0: round(9.18665, 4) == 9.1866)
 */
export function binaryRoundScaled(x: number, digits: number, mode: BinaryMode): bigint {
  const down = floorScaled(x, digits);
  const p10 = 10n ** BigInt(digits);
  if (compareDoubleWithFraction(x, down, p10) === 0) return down; // already on the decimal grid
  const up = down + 1n;
  const even = down % 2n === 0n ? down : up;
  // side > 0: x is nearer the upper candidate; side < 0: the lower; 0: a tie.
  let side: number;
  if (mode === "binary_half_even") {
    // Compare the exact x with the decimal midpoint (2·down + 1) / (2·10^digits).
    side = compareDoubleWithFraction(x, 2n * down + 1n, 2n * p10);
  } else {
    // R: compare x with the midpoint of the two candidates' doubles.
    side = -compareMidpointWith(decimalToDouble(down, digits), decimalToDouble(up, digits), x);
  }
  return side > 0 ? up : side < 0 ? down : even;
}

/**
 * Rounds the double x to `digits` decimals as Python's round() (`binary_half_even`) or R ≥ 4.0.0's
 * round() (`r_round`) does, returning the double a program would print.
 *
 * @example
 * binaryRound(0.15, 1, "binary_half_even"); // => 0.1 (0.15 is stored as 0.1499999999999999944…)
 * binaryRound(2.5, 0, "r_round"); // => 2 (an exact tie: to even)
 */
export function binaryRound(x: number, digits: number, mode: BinaryMode): number {
  return decimalToDouble(binaryRoundScaled(x, digits, mode), digits);
}
