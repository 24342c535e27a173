import { describe, expect, it } from "vitest";
import { mde } from "../../src/inference/index.js";
import * as message from "../../src/messages/inference.js";
import { powerByIntegration } from "./noncentral-t-oracle.js";

describe("mde", () => {
  it("inverts pwr.t.test: at n = 63.76561 per group the 80% MDE is d = 0.5", () => {
    // Published R output: pwr.t.test(d = 0.5, power = 0.8) → n = 63.76561 (many copies; e.g. pwr tutorials).
    expect(mde("two-group", 63.76561).mde).toBeCloseTo(0.5, 5);
  });

  it("inverts pwr.t.test paired: at 29.7355 pairs the 75% MDE is dz = 0.5", () => {
    // Published R output (pastebin dTaadhYz): pwr.t.test(d = 0.5, type = "paired", power = 0.75) → n = 29.7355.
    expect(mde("paired", 29.7355, 0.75).mde).toBeCloseTo(0.5, 4);
  });

  it("gives an effect whose power, by numerical integration, is the target (second method)", () => {
    for (const [design, n, target] of [
      ["two-group", [5, 5], 0.8],
      ["paired", 20, 0.8],
      ["paired", 2, 0.8],
      ["one-sample", 10, 0.9],
    ] as const) {
      const result = mde(design, n, target);
      expect(powerByIntegration(result.criticalT, result.df, result.ncp), `${design} ${String(n)}`).toBeCloseTo(target, 7);
    }
  });

  it("says study B's 5 vs 5 could only detect about two standard deviations", () => {
    // Consistency with METHODS.md §7: power at d = 1 is only 0.286, so the 80% MDE must be well above 1;
    // the integration oracle above pins it; here the teaching statement.
    const result = mde("two-group", [5, 5]);
    expect(result.mde).toBeGreaterThan(2);
    expect(result.mde).toBeLessThan(2.05);
  });

  it("rejects a target power not above alpha", () => {
    expect(() => mde("paired", 10, 0.04)).toThrow(message.powerOutOfRange(0.04, 0.05));
    expect(() => mde("paired", 10, 1)).toThrow(message.powerOutOfRange(1, 0.05));
  });
});

describe("mde at the edge of double precision", () => {
  it("refuses alpha 1e-200 with a CohortError (fuzz regression)", () => {
    expect(() => mde("two-group", [19, 13], 0.8, 1e-200)).toThrow(message.alphaOutOfRange(1e-200));
  });

  it("gives a finite MDE at alpha 1e-12, larger than at alpha 0.05", () => {
    // A stricter alpha needs a larger effect for the same power.
    const strict = mde("two-group", [19, 13], 0.8, 1e-12).mde;
    expect(Number.isFinite(strict)).toBe(true);
    expect(strict).toBeGreaterThan(mde("two-group", [19, 13], 0.8, 0.05).mde);
  });

  it("answers a repeated question exactly as the first time, and a caller changing its copy changes nothing", () => {
    const first = mde("two-group", [5, 7], 0.8, 0.05);
    first.n.push(99);
    first.mde = -1;
    const again = mde("two-group", [5, 7], 0.8, 0.05);
    expect(again.n).toEqual([5, 7]);
    expect(again.mde).toBeGreaterThan(1);
    // Different sizes, power or alpha are different questions, not the remembered answer.
    expect(mde("two-group", [7, 5], 0.8, 0.05).mde).toBe(again.mde); // d's noncentrality is symmetric in n1, n2
    expect(mde("two-group", [5, 8], 0.8, 0.05).mde).toBeLessThan(again.mde);
    expect(mde("two-group", [5, 7], 0.9, 0.05).mde).toBeGreaterThan(again.mde);
    expect(mde("two-group", [5, 7], 0.8, 0.01).mde).toBeGreaterThan(again.mde);
  });
});
