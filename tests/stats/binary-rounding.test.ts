import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { binaryRound } from "../../src/stats/binary-rounding.js";
import { formatScaled, fractionInInterval, roundingInterval, roundTo, unround } from "../../src/stats/rounding.js";

/*
 * Second method: Number.prototype.toFixed(f) is specified (ECMA-262) on the exact mathematical value of the
 * double, so x.toFixed(100) is the double's exact decimal expansion for every x used here (|x| ≥ 2^−40,
 * whose expansion ends within 100 decimals). The oracles below round those exact strings with BigInt.
 */
function exact(x: number): { value: bigint; scale: number } {
  const text = x.toFixed(100);
  const negative = text.startsWith("-");
  const [int, frac] = text.replace("-", "").split(".") as [string, string];
  return { value: (negative ? -1n : 1n) * BigInt(int + frac), scale: 100 };
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n ? q - 1n : q;
}

/** Python's round(x, d): the exact binary value rounded half to even (Python docs, built-in round()). */
function pythonOracle(x: number, digits: number): bigint {
  const { value, scale } = exact(x);
  const unit = 10n ** BigInt(scale - digits);
  const low = floorDiv(value, unit);
  const twice = 2n * (value - low * unit);
  if (twice > unit) return low + 1n;
  if (twice < unit) return low;
  return low % 2n === 0n ? low : low + 1n;
}

/** R ≥ 4.0.0 round(x, d): of the two candidates' doubles, the nearer to x; equal distance → even (Mächler 2020). */
function rOracle(x: number, digits: number): bigint {
  const { value, scale } = exact(x);
  const unit = 10n ** BigInt(scale - digits);
  const low = floorDiv(value, unit);
  if (low * unit === value) return low;
  const asDouble = (k: bigint) => Number(formatScaled(Number(k), digits));
  const distanceDown = value - exact(asDouble(low)).value;
  const distanceUp = exact(asDouble(low + 1n)).value - value;
  if (distanceDown < distanceUp) return low;
  if (distanceUp < distanceDown) return low + 1n;
  return low % 2n === 0n ? low : low + 1n;
}

describe("binaryRound", () => {
  it("reproduces Python's documented round() results", () => {
    // Python docs, built-in round(): "round(0.5) and round(-0.5) are 0, and round(1.5) is 2";
    // "round(2.675, 2) gives 2.67 instead of the expected 2.68".
    expect(binaryRound(0.5, 0, "binary_half_even")).toBe(0);
    expect(binaryRound(-0.5, 0, "binary_half_even")).toBe(0);
    expect(binaryRound(1.5, 0, "binary_half_even")).toBe(2);
    expect(binaryRound(2.5, 0, "binary_half_even")).toBe(2);
    expect(binaryRound(2.675, 2, "binary_half_even")).toBe(2.67);
    // Hand: 0.15 is stored as 0.1499999999999999944488848768742172978818416595458984375 (below the tie): 0.1.
    expect((0.15).toFixed(55)).toBe("0.1499999999999999944488848768742172978818416595458984375");
    expect(binaryRound(0.15, 1, "binary_half_even")).toBe(0.1);
    // 0.125 = 1/8 is exact, a true tie: to the even 0.12.
    expect(binaryRound(0.125, 2, "binary_half_even")).toBe(0.12);
    // 0.45 is stored as 0.450000000000000011102230246251565404236316680908203125 (above the tie): 0.5.
    expect((0.45).toFixed(54)).toBe("0.450000000000000011102230246251565404236316680908203125");
    expect(binaryRound(0.45, 1, "binary_half_even")).toBe(0.5);
  });

  it("reproduces R ≥ 4.0.0's documented round() results, where they differ from Python's", () => {
    // R ?Round: "round(0.5) is 0 and round(-1.5) is -2". round(0.15, 1) "could be either 0.1 or 0.2" there;
    // by hand under R 4's rule it is 0.1: x = 0.14999999999999999445 is 0.04999999999999998890 from the
    // double of 0.1 (0.10000000000000000555) and 0.05000000000000001665 from that of 0.2 (0.20000000000000001110).
    expect(binaryRound(0.5, 0, "r_round")).toBe(0);
    expect(binaryRound(-1.5, 0, "r_round")).toBe(-2);
    expect(binaryRound(2.5, 0, "r_round")).toBe(2);
    expect(binaryRound(0.15, 1, "r_round")).toBe(0.1);
    expect(binaryRound(0.125, 2, "r_round")).toBe(0.12);
    expect(binaryRound(2.675, 2, "r_round")).toBe(2.67);
    // Mächler (2020), Rounding vignette: x = 9.18665 lies exactly midway between the doubles of 9.1866 and
    // 9.1867 ("diff(abs(dx)) # is zero !"), so R 4.0.0 rounds to even, 9.1866; sprintf (exact) gives 9.1867.
    const dx = [9.1866 - 9.18665, 9.1867 - 9.18665];
    expect(Math.abs(dx[0]!)).toBe(Math.abs(dx[1]!));
    expect(binaryRound(9.18665, 4, "r_round")).toBe(9.1866);
    expect(binaryRound(9.18665, 4, "binary_half_even")).toBe(9.1867);
    // Hand: 0.45's double is exactly midway between the doubles of 0.4 (0.40000000000000002220…) and 0.5:
    // (0.400000000000000022204460492503130808 + 0.5)/2 = 0.450000000000000011102230246251565404. Tie → 0.4.
    expect(binaryRound(0.45, 1, "r_round")).toBe(0.4);
  });

  it("agrees with the exact-expansion oracles on random doubles near decimal ties", () => {
    const near = fc.record({ k: fc.integer({ min: -200_000, max: 200_000 }), digits: fc.integer({ min: 0, max: 4 }), nudge: fc.integer({ min: -3, max: 3 }) }).map(({ k, digits, nudge }) => {
      // A decimal tie (k + 0.5)/10^digits written in decimal, parsed to its double, then moved a few ulps.
      let x = Number(`${(2 * k + 1) / 2}e-${digits}`);
      for (let i = 0; i < Math.abs(nudge); i++) x = nextDouble(x, Math.sign(nudge));
      return { x, digits };
    });
    fc.assert(
      fc.property(near, ({ x, digits }) => {
        expect(binaryRound(x, digits, "binary_half_even")).toBe(Number(formatScaled(Number(pythonOracle(x, digits)), digits)) + 0);
        expect(binaryRound(x, digits, "r_round")).toBe(Number(formatScaled(Number(rOracle(x, digits)), digits)) + 0);
      }),
      { seed: 20260511, numRuns: 3000 },
    );
  });
});

function nextDouble(x: number, direction: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const towardLarger = (direction > 0) === (x >= 0);
  if (x === 0) return direction > 0 ? Number.MIN_VALUE : -Number.MIN_VALUE;
  view.setBigUint64(0, towardLarger ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}

describe("roundTo and roundingInterval in the binary modes", () => {
  it("roundTo dispatches to the binary rounding and ignores floating-point dust", () => {
    // The decimal modes treat 2.675·100 = 267.49999999999997 as the tie 267.5 (dust); the binary modes must not.
    expect(roundTo(2.675, 2, "up")).toBe(2.68);
    expect(roundTo(2.675, 2, "even")).toBe(2.68);
    expect(roundTo(2.675, 2, "binary_half_even")).toBe(2.67);
    expect(roundTo(2.675, 2, "r_round")).toBe(2.67);
  });

  it("includes a decimal tie in the reported value its double rounds to", () => {
    // 2.675 = 107/40: decimal half-even gives 2.68 (7 is odd), so "even" says a mean of 107/40 cannot be
    // reported as 2.67; Python and R print 2.67 for it, so under the binary modes "2.67" contains it.
    expect(fractionInInterval(107, 40, roundingInterval("2.67", "even"))).toBe(false);
    expect(fractionInInterval(107, 40, roundingInterval("2.67", "binary_half_even"))).toBe(true);
    expect(fractionInInterval(107, 40, roundingInterval("2.68", "binary_half_even"))).toBe(false);
    expect(fractionInInterval(107, 40, roundingInterval("2.67", "r_round"))).toBe(true);
    // 0.125 = 1/8 is an exact tie: both round to the even 0.12, so "0.12" holds it at its upper end.
    expect(unround("0.12", "binary_half_even")).toEqual({ lower: 0.115, upper: 0.125, lowerInclusive: true, upperInclusive: true, digits: 2 });
    expect(unround("0.13", "binary_half_even")).toMatchObject({ lowerInclusive: false });
    // 0.45 = 9/20: Python prints 0.5 (above the tie), R prints 0.4 (midway between the candidates' doubles).
    expect(fractionInInterval(9, 20, roundingInterval("0.5", "binary_half_even"))).toBe(true);
    expect(fractionInInterval(9, 20, roundingInterval("0.4", "binary_half_even"))).toBe(false);
    expect(fractionInInterval(9, 20, roundingInterval("0.4", "r_round"))).toBe(true);
    expect(fractionInInterval(9, 20, roundingInterval("0.5", "r_round"))).toBe(false);
  });

  it("holds exactly the true values x = k/1000 whose double rounds to the reported value (dense grid)", () => {
    for (const mode of ["binary_half_even", "r_round"] as const) {
      for (let k = -3000; k <= 3000; k++) {
        const reported = roundTo(k / 1000, 2, mode);
        const scaled = Math.round(reported * 100);
        expect(fractionInInterval(k, 1000, roundingInterval(formatScaled(scaled, 2), mode)), `${mode} ${k}/1000`).toBe(true);
        expect(fractionInInterval(k, 1000, roundingInterval(formatScaled(scaled + 1, 2), mode))).toBe(false);
        expect(fractionInInterval(k, 1000, roundingInterval(formatScaled(scaled - 1, 2), mode))).toBe(false);
      }
    }
  });
});
