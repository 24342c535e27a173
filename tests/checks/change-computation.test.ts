import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { changeValue, compileCandidateRange, compileChangeTest, inInterval, type ChangeComputation, type Direction, type RangeInUnits } from "../../src/checks/change-computation.js";
import { roundingInterval, type RoundingMode } from "../../src/stats/rounding.js";
import { type Q, q, sub, mul, div } from "./exact-rational.js";

/**
 * Oracle for one change, from the definitions: the means are jFrom/denFrom and jTo/denTo; the
 * change is 100·s·(later − earlier) over the earlier mean, the later mean or the scale range; it
 * fits when that number, rounded to the reported decimals under the mode, gives the reported
 * string. Undefined (a base that is not positive, no range) never fits.
 */
function oracleFits(jFrom: bigint, denFrom: bigint, jTo: bigint, denTo: bigint, percent: string, direction: Direction, computation: ChangeComputation, mode: Mode, range: Q | null): boolean {
  const from = q(jFrom, denFrom);
  const to = q(jTo, denTo);
  const base = computation === "percent-of-earlier" ? from : computation === "percent-of-later" ? to : range;
  if (base === null || base.n <= 0n) return false;
  const value = mul(q(direction === "increase" ? 100n : -100n, 1n), div(sub(to, from), base));
  return roundsTo(value, percent, mode);
}

type Mode = Extract<RoundingMode, "up_or_down" | "up" | "down">;

/** Whether x rounds to the reported decimal string: |x·10^d − P| ≤ ½, the tie kept per the mode (up: toward +∞, down: toward −∞). */
function roundsTo(x: Q, reported: string, mode: Mode): boolean {
  const [whole, fraction = ""] = reported.split(".");
  const P = BigInt(`${whole}${fraction}`);
  // twice (x·10^d − P), over x.d > 0: compare with ±x.d, i.e. ±½.
  const t = 2n * (x.n * 10n ** BigInt(fraction.length) - P * x.d);
  const lowOk = mode === "down" ? -x.d < t : -x.d <= t;
  const highOk = mode === "up" ? t < x.d : t <= x.d;
  return lowOk && highOk;
}

/**
 * |x| rounded half up to `digits` decimals, as a decimal string, nudged by `nudge` units in the last
 * place (never below 0); null when it has more digits than a report can (parseDecimal takes
 * whole-number parts up to 2^53, and the rounding interval works in tenths of the last place).
 */
function reportOf(x: Q, digits: number, nudge: number): string | null {
  const scale = 10n ** BigInt(digits);
  const magnitude = x.n < 0n ? -x.n : x.n;
  let P = (2n * magnitude * scale + x.d) / (2n * x.d) + BigInt(nudge);
  if (P < 0n) P = 0n;
  if (P > 10n ** 14n) return null;
  const text = P.toString().padStart(digits + 1, "0");
  return digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

const MAX = Number.MAX_SAFE_INTEGER;
const computations: ChangeComputation[] = ["percent-of-earlier", "percent-of-later", "percentage-points"];
const modes: Mode[] = ["up_or_down", "up", "down"];

/** A case: two grid points, a range, and a report derived from their true change (nudged, so both fits and misses occur). */
const caseArb = (j: fc.Arbitrary<number>, den: fc.Arbitrary<number>) =>
  fc
    .record({
      jFrom: j,
      jTo: j,
      denFrom: den,
      denTo: den,
      computation: fc.constantFrom(...computations),
      mode: fc.constantFrom(...modes),
      // The scale range as the chain stores it (millionths of the grid unit) or an arbitrary fraction.
      range: fc.oneof(fc.integer({ min: 1, max: 100 }).map((r) => ({ num: BigInt(r * 1_000_000), den: 1_000_000n })), fc.record({ num: fc.bigInt(1n, 10n ** 12n), den: fc.bigInt(1n, 10n ** 9n) })),
      digits: fc.integer({ min: 0, max: 6 }),
      nudge: fc.constantFrom(-1, 0, 0, 0, 1),
      flip: fc.boolean(),
      stray: fc.integer({ min: 0, max: 99_999 }),
    })
    .map((c) => {
      const from = q(BigInt(c.jFrom), BigInt(c.denFrom));
      const to = q(BigInt(c.jTo), BigInt(c.denTo));
      const base = c.computation === "percent-of-earlier" ? from : c.computation === "percent-of-later" ? to : q(c.range.num, c.range.den);
      // An undefined change has no true value to report: any percent will do (it must not fit).
      const change = base.n === 0n ? null : div(mul(q(100n, 1n), sub(to, from)), base);
      const percent = (change === null ? null : reportOf(change, c.digits, c.nudge)) ?? (c.stray / 100).toFixed(2);
      const rising = change === null || change.n >= 0n;
      const direction: Direction = rising !== c.flip ? "increase" : "decrease";
      return { ...c, percent, direction };
    });

type Case = { jFrom: number; jTo: number; denFrom: number; denTo: number; computation: ChangeComputation; mode: Mode; range: RangeInUnits; percent: string; direction: Direction };

const oracleOf = (c: Case): boolean =>
  oracleFits(BigInt(c.jFrom), BigInt(c.denFrom), BigInt(c.jTo), BigInt(c.denTo), c.percent, c.direction, c.computation, c.mode, c.range.num > 0n ? q(c.range.num, c.range.den) : null);
const fastOf = (c: Case): boolean => compileChangeTest(c.denFrom, c.denTo, roundingInterval(c.percent, c.mode), c.direction, c.computation, c.range)(c.jFrom, c.jTo);
const bigIntOf = (c: Case): boolean => {
  const v = changeValue({ j: BigInt(c.jFrom), den: BigInt(c.denFrom) }, { j: BigInt(c.jTo), den: BigInt(c.denTo) }, c.direction, c.computation, c.range);
  return v !== null && inInterval(v, roundingInterval(c.percent, c.mode));
};

/** Counts calls of the global BigInt while `run` runs: the fallback converts every operand, the fast path none. */
function bigIntCalls(run: () => void): number {
  const real = globalThis.BigInt;
  let calls = 0;
  globalThis.BigInt = Object.assign((value: string | number | bigint | boolean) => {
    calls++;
    return real(value);
  }, real) as BigIntConstructor;
  try {
    run();
  } finally {
    globalThis.BigInt = real;
  }
  return calls;
}

describe("compileChangeTest", () => {
  const realBigInt = globalThis.BigInt;
  afterEach(() => {
    globalThis.BigInt = realBigInt;
  });

  it("agrees with an exact rational oracle on small grids (plain-number path), fits and misses alike", () => {
    let fits = 0;
    fc.assert(
      fc.property(caseArb(fc.integer({ min: -60, max: 250 }), fc.integer({ min: 1, max: 60 })), (c) => {
        const expected = oracleOf(c);
        if (expected) fits++;
        expect(fastOf(c)).toBe(expected);
        expect(bigIntOf(c)).toBe(expected);
      }),
      { numRuns: 3000, seed: 20240501 },
    );
    // The derived reports must make the oracle say yes often, or the property would test only misses.
    expect(fits).toBeGreaterThan(300);
  });

  it("agrees with the oracle when the products pass 2^53 (BigInt fallback): 15-decimal grids, n in the millions, whole numbers up to 2^53 − 1", () => {
    let fits = 0;
    const bigJ = fc.oneof(fc.integer({ min: -MAX, max: MAX }), fc.integer({ min: 10 ** 15 - 5000, max: 10 ** 15 + 5000 }), fc.integer({ min: 1, max: 3 * 10 ** 7 }));
    const bigDen = fc.oneof(fc.constantFrom(10 ** 12, 10 ** 15, 7_000_000, 4 * 999_999), fc.integer({ min: 1, max: MAX }));
    fc.assert(
      fc.property(caseArb(bigJ, bigDen), (c) => {
        const expected = oracleOf(c);
        if (expected) fits++;
        expect(fastOf(c)).toBe(expected);
      }),
      { numRuns: 3000, seed: 20240501 },
    );
    expect(fits).toBeGreaterThan(300);
  });

  it("decides in plain numbers while products stay safe and falls back to BigInt, correctly, once they do not", () => {
    const interval = roundingInterval("21.88", "up_or_down");
    // Hand: 3.20 → 2.50 on the BPI grid (den 20) is −21.875%, which rounds to 21.88.
    const small = compileChangeTest(20, 20, interval, "decrease", "percent-of-earlier", null);
    let answer: boolean | null = null;
    expect(bigIntCalls(() => (answer = small(64, 50)))).toBe(0);
    expect(answer).toBe(true);
    // The same means on a 15-decimal grid: j·den is 3.2·10^30, far past 2^53, so BigInt decides.
    const huge = compileChangeTest(1e15, 1e15, interval, "decrease", "percent-of-earlier", null);
    expect(bigIntCalls(() => (answer = huge(3.2e15, 2.5e15)))).toBeGreaterThan(0);
    expect(answer).toBe(true);
    // One grid step lower at the end, 2.499999999999999, is −21.87500000000003125%: still 21.88; 2.48 is −22.5%: not.
    expect(huge(3.2e15, 2.5e15 - 1)).toBe(true);
    expect(huge(3.2e15, 2.48e15)).toBe(false);
    // The tie itself: 3.20 → 2.49968 is −21.885% exactly (3.2 · 0.78115 = 2.49968); it rounds to 21.88 when
    // ties may go either way or toward −∞ (down), and to 21.89 when they go toward +∞ (up).
    const tie: Record<Mode, boolean> = { up_or_down: true, up: false, down: true };
    for (const mode of modes) {
      expect(compileChangeTest(1e15, 1e15, roundingInterval("21.88", mode), "decrease", "percent-of-earlier", null)(3.2e15, 2.49968e15), mode).toBe(tie[mode]);
      expect(compileChangeTest(100, 100_000, roundingInterval("21.88", mode), "decrease", "percent-of-earlier", null)(320, 249_968), mode).toBe(tie[mode]);
    }
  });

  it("gives no fit for an undefined change: a base mean of 0 or below, or no positive scale range", () => {
    const interval = roundingInterval("0.00");
    expect(compileChangeTest(10, 10, interval, "increase", "percent-of-earlier", null)(0, 0)).toBe(false);
    expect(compileChangeTest(10, 10, interval, "increase", "percent-of-later", null)(5, -1)).toBe(false);
    expect(compileChangeTest(10, 10, interval, "increase", "percentage-points", null)(5, 5)).toBe(false);
    expect(compileChangeTest(10, 10, interval, "increase", "percentage-points", { num: 0n, den: 1n })(5, 5)).toBe(false);
    // Hand: 5 → 5 is 0 percentage points of a range of 10.
    expect(compileChangeTest(10, 10, interval, "increase", "percentage-points", { num: 10_000_000n, den: 1_000_000n })(5, 5)).toBe(true);
  });
});

describe("compileCandidateRange", () => {
  it("contains every whole number the exact oracle accepts, forward and inverse (the enumeration relies on it)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        // A known mean of 0 and a report at or near 100% are where the range has to be unbounded.
        fc.oneof(fc.integer({ min: 0, max: 200 }), fc.constant(0)),
        fc.oneof(fc.integer({ min: 0, max: 20_000 }), fc.constantFrom(9999, 10_000, 10_001)),
        fc.constantFrom(...computations),
        fc.constantFrom(...modes),
        fc.constantFrom<Direction>("increase", "decrease"),
        fc.boolean(),
        (knownDen, otherDen, k, hundredths, computation, mode, direction, inverse) => {
          const percent = (hundredths / 100).toFixed(2);
          const range = { num: 10_000_000n, den: 1_000_000n };
          const [lo, hi] = compileCandidateRange(knownDen, otherDen, roundingInterval(percent, mode), direction, computation, range, inverse)(k);
          // Every mean on the sought grid within the scale 0…10 (and a margin) that fits must be inside [lo, hi].
          for (let j = -5; j <= otherDen * 12; j++) {
            const fits = inverse
              ? oracleFits(BigInt(j), BigInt(otherDen), BigInt(k), BigInt(knownDen), percent, direction, computation, mode, q(10n, 1n))
              : oracleFits(BigInt(k), BigInt(knownDen), BigInt(j), BigInt(otherDen), percent, direction, computation, mode, q(10n, 1n));
            if (fits) expect(j >= lo && j <= hi, `j = ${j} outside [${lo}, ${hi}]`).toBe(true);
          }
        },
      ),
      { numRuns: 300, seed: 20240501 },
    );
  });

  it("leaves every whole number open when a known mean of 0 fits any other mean (a change of exactly 100%)", () => {
    // Hand: 0 at the later point is −100% of any positive earlier mean (usual computation, sought = earlier);
    // 0 at the earlier point is +100% of any positive later mean relative to the later value (sought = later).
    // The report "100.00" (or "100") rounds from an interval around 100%, so every positive j must stay in range.
    const cases: [Direction, ChangeComputation, boolean][] = [
      ["decrease", "percent-of-earlier", true],
      ["increase", "percent-of-later", false],
    ];
    for (const [direction, computation, inverse] of cases) {
      for (const percent of ["100.00", "100", "100.0000"]) {
        for (const mode of modes) {
          const [lo, hi] = compileCandidateRange(10, 10, roundingInterval(percent, mode), direction, computation, null, inverse)(0);
          const label = `${direction} ${percent} ${computation} ${mode}`;
          expect(lo, label).toBeLessThanOrEqual(1);
          expect(hi, label).toBeGreaterThanOrEqual(10 ** 9);
        }
      }
    }
  });

  it("narrows the BPI example to a few candidates (hand: 3.20 − 21.88% ≈ 2.50, i.e. j = 50 of 20ths)", () => {
    const [lo, hi] = compileCandidateRange(20, 20, roundingInterval("21.88"), "decrease", "percent-of-earlier", null, false)(64);
    expect(lo).toBeLessThanOrEqual(50);
    expect(hi).toBeGreaterThanOrEqual(50);
    expect(hi - lo).toBeLessThanOrEqual(4);
  });
});
