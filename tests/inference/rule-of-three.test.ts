import { describe, expect, it } from "vitest";
import { ruleOfThree } from "../../src/inference/index.js";
import * as message from "../../src/messages/inference.js";

describe("ruleOfThree", () => {
  it("gives [0, 3/n] after 0 events (Hanley & Lippman-Hand 1983)", () => {
    // Hand calculation: 3/20 = 0.15; the exact one-sided bound solves (1 − p)^20 = 0.05:
    // p = 1 − 0.05^(1/20) = 1 − exp(ln 0.05 / 20) = 1 − exp(−0.149787) = 0.139108.
    const result = ruleOfThree(20);
    expect(result.interval).toEqual([0, 0.15]);
    expect(result.exactBound).toBeCloseTo(0.139108, 6);
    expect(result.sides).toBe(1);
  });

  it("gives [1 − 3/n, 1] for study A's 20/20 'improved in all patients'", () => {
    // Hand calculation: 1 − 3/20 = 0.85; exact lower bound p^20 = 0.05 → 0.05^(1/20) = 0.860892.
    const result = ruleOfThree(20, 20);
    expect(result.interval[0]).toBeCloseTo(0.85, 12);
    expect(result.interval[1]).toBe(1);
    expect(result.exactBound).toBeCloseTo(0.860892, 6);
  });

  it("approaches the exact bound as n grows (−ln 0.05 = 2.9957 ≈ 3)", () => {
    // n·(exact bound) → −ln 0.05 = 2.995732 (hand calculation); at n = 1000 the product is within 0.005.
    expect(1000 * ruleOfThree(1000).exactBound).toBeCloseTo(2.995732, 2);
  });

  it("caps the bound at 1 for n below 3", () => {
    expect(ruleOfThree(2).interval).toEqual([0, 1]);
  });

  it("refuses counts other than 0 and n", () => {
    expect(() => ruleOfThree(20, 11)).toThrow(message.ruleOfThreeNotApplicable(11, 20));
  });
});
