import { describe, expect, it } from "vitest";
import { distributionSummary } from "../../src/inference/index.js";
import * as message from "../../src/messages/inference.js";

describe("distributionSummary", () => {
  it("matches R's quantile(1:10) (type 7): 3.25, 5.5, 7.75", () => {
    // Hand calculation of type 7: h = (n − 1)p; Q(0.25) at h = 2.25 → 3 + 0.25·(4 − 3) = 3.25, etc.
    const summary = distributionSummary([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 3.5);
    expect(summary).toEqual({ count: 10, min: 1, q1: 3.25, median: 5.5, q3: 7.75, max: 10, threshold: 3.5, shareBelow: 0.3 });
  });

  it("reports the share of p-values strictly below 0.05 by default", () => {
    // 0.05 itself is not below 0.05: 2 of 5.
    expect(distributionSummary([0.2, 0.05, 0.01, 0.049, 0.5]).shareBelow).toBe(0.4);
  });

  it("handles a single value", () => {
    expect(distributionSummary([0.3])).toMatchObject({ min: 0.3, q1: 0.3, median: 0.3, q3: 0.3, max: 0.3, shareBelow: 0 });
  });

  it("rejects an empty list", () => {
    expect(() => distributionSummary([])).toThrow(message.valuesTooFew("values", 0, 1));
  });
});
