import { describe, expect, it } from "vitest";
import { countRangeForPercent, countsForPercent, MAX_LISTED_COUNTS, percent, percentConsistent } from "../../src/checks/percent.js";
import * as msg from "../../src/messages/checks.js";

/** Oracle: k fits if 100k/n rounded half up or half down to d decimals equals the reported value (integer arithmetic). */
function bruteCounts(p: string, n: number): number[] {
  const [int, frac = ""] = p.split(".");
  const d = frac.length;
  const target = Number(int + frac);
  const out: number[] = [];
  for (let k = 0; k <= n; k++) {
    const twice = 2 * 100 * k * 10 ** d;
    const up = Math.floor((twice + n) / (2 * n));
    const tie = (twice + n) % (2 * n) === 0;
    if (up === target || (tie && up - 1 === target)) out.push(k);
  }
  return out;
}

describe("countsForPercent", () => {
  it("agrees with brute force for n 1..60 and percentages at 0 and 1 decimals", () => {
    for (let n = 1; n <= 60; n++) {
      for (let p = 0; p <= 100; p += 7) expect(countsForPercent(String(p), n), `${p}% of ${n}`).toEqual(bruteCounts(String(p), n));
      for (let p = 0; p <= 1000; p += 37) expect(countsForPercent((p / 10).toFixed(1), n)).toEqual(bruteCounts((p / 10).toFixed(1), n));
    }
  });
  it("study A: 45% of 20 is 9 and 55% is 11 (hand: 9/20 = .45)", () => {
    expect(countsForPercent("45", 20)).toEqual([9]);
    expect(countsForPercent("55", 20)).toEqual([11]);
  });
  it("ties: 12.5% of 8 is 1 (exact), and 13% of 8 fits 1 only when rounding half up", () => {
    // Hand: 1/8 = 12.5% → 13 under up, 12 under down.
    expect(countsForPercent("13", 8, "up")).toEqual([1]);
    expect(countsForPercent("13", 8, "down")).toEqual([]);
    expect(countsForPercent("12", 8, "down")).toEqual([1]);
  });
});

describe("percent", () => {
  it("flags a count that does not round to the percentage and lists the ones that do", () => {
    // Hand: 10/20 = 50%, not 45%.
    const r = percent({ percent: "45", n: 20, count: 10 });
    expect(r.status).toBe("inconsistent");
    expect((r.details as { counts: number[] }).counts).toEqual([9]);
  });
  it("flags an unreachable percentage: 33% of 10 (hand: 3/10 = 30%, 4/10 = 40%)", () => {
    expect(percent({ percent: "33", n: 10 }).status).toBe("inconsistent");
    expect(percentConsistent("30", 10)).toBe(true);
  });
  it("is undetermined when every percentage is reachable (n ≥ 100·10^decimals)", () => {
    expect(percent({ percent: "33", n: 100 }).status).toBe("undetermined");
  });
  it("records the denominator and tries alternative denominators", () => {
    const r = percent({ percent: "45", n: 20, count: 9, denominatorNote: "whole sample", alternativeDenominators: [19] });
    expect(r.assumptions.denominator).toBe("20 (whole sample)");
    // Hand: 9/19 = 47.4%, 8/19 = 42.1%: no count of 19 gives 45%.
    expect((r.details as { alternativeDenominators: { status: string }[] }).alternativeDenominators[0]!.status).toBe("inconsistent");
  });
  it("throws for a count above n", () => {
    expect(() => percent({ percent: "45", n: 20, count: 21 })).toThrow(msg.countAboveN(21, 20));
  });
});

describe("countRangeForPercent", () => {
  it("gives the same counts as the brute-force list, as a range", () => {
    // Oracle: bruteCounts above (integer rounding, independent of the interval code).
    for (const n of [1, 7, 20, 99, 250]) {
      for (const p of ["0", "5", "33", "45", "12.5", "99.9", "100"]) {
        const brute = bruteCounts(p, n);
        expect(countRangeForPercent(p, n), `${p}% of ${n}`).toEqual(brute.length === 0 ? { lowest: null, highest: null, count: 0 } : { lowest: brute[0], highest: brute[brute.length - 1], count: brute.length });
      }
    }
  });
  it("answers for n = 2^53 − 1 without listing the counts (regression: V8 invalid size abort)", () => {
    // Hand calculation, n = 9007199254740991: 44.5% of n = 4008203668359740.995 → lowest 4008203668359741;
    // 45.5% of n = 4098275660907150.905 → highest 4098275660907150; count = highest − lowest + 1.
    expect(countRangeForPercent("45", 9007199254740991)).toEqual({ lowest: 4008203668359741, highest: 4098275660907150, count: 90071992547410 });
  });
});

describe("countsForPercent (limits)", () => {
  it("refuses to list more than MAX_LISTED_COUNTS counts", () => {
    // Hand: 44.5% and 45.5% of 10^6 are 445000 and 455000, both kept by up_or_down (a tie rounds either way) → 10,001 counts.
    expect(() => countsForPercent("45", 1_000_000)).toThrow(msg.tooManyCounts("45", 1_000_000, 10_001, MAX_LISTED_COUNTS));
  });
});

describe("percent (huge n)", () => {
  it("returns the fitting counts as a range and lists none when there are many", () => {
    const r = percent({ percent: "45", n: 9007199254740991 });
    // n ≥ 100·10^0, so every whole percentage is reachable (GRIM's rule): undetermined.
    expect(r.status).toBe("undetermined");
    expect(r.details).toMatchObject({ counts: null, countRange: { lowest: 4008203668359741, highest: 4098275660907150, count: 90071992547410 } });
  });
  it("still tests a reported count against the range", () => {
    // 4008203668359740 is one below the lowest fitting count (hand calculation above).
    expect(percent({ percent: "45", n: 9007199254740991, count: 4008203668359740 }).status).toBe("inconsistent");
    expect(percent({ percent: "45", n: 9007199254740991, count: 4008203668359741 }).status).toBe("consistent");
  });
});
