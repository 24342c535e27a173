import { describe, expect, it } from "vitest";
import { familywiseError } from "../../src/inference/familywise-error.js";
import * as message from "../../src/messages/bounds.js";

describe("familywiseError", () => {
  it("is α for one test and 1 − 0.95^k for k tests (hand calculation)", () => {
    expect(familywiseError(1)).toBeCloseTo(0.05, 14);
    // 0.95^3 = 0.857375 → 0.142625; 0.95^15 = 0.463291 → 0.536709.
    expect(familywiseError(3)).toBeCloseTo(0.142625, 6);
    expect(familywiseError(15)).toBeCloseTo(0.536709, 6);
  });

  it("matches a simulation-free brute force: the chance no test of k is below α, complemented", () => {
    // Product of k independent (1 − α) terms, built by repeated multiplication.
    let none = 1;
    for (let k = 1; k <= 20; k += 1) {
      none *= 0.99;
      expect(familywiseError(k, 0.01)).toBeCloseTo(1 - none, 12);
    }
  });

  it("refuses zero tests", () => {
    expect(() => familywiseError(0)).toThrow(message.familywiseTestsInvalid(0));
  });
});
