import { describe, expect, it } from "vitest";
import { countsForPercent, percent, percentConsistent } from "../../src/checks/percent.js";
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
