import { describe, expect, it } from "vitest";
import { percentChecks } from "../../src/playground/percent-checks.js";

describe("percentChecks", () => {
  it("lists the counts that fit a percentage (hand calculation)", () => {
    // 33% of 10: 3/10 = 30%, 4/10 = 40%, so no count fits.
    const none = percentChecks({ percent: "33", n: "10" }).findings[0]!;
    expect([none.status, none.facts]).toEqual(["inconsistent", [["Counts that fit", "none"]]]);
    // 45% of 20: only 9/20 = 45%.
    expect(percentChecks({ percent: "45", n: "20" }).findings[0]!.facts).toEqual([["Counts that fit", "9"]]);
    // 14% of 50 at 0 decimals: 13.5% ≤ k/50 < 14.5% (up_or_down admits both ends) → k = 6.75…7.25 → 7.
    expect(percentChecks({ percent: "14", n: "50" }).findings[0]!.facts).toEqual([["Counts that fit", "7"]]);
  });

  it("checks a reported count against the percentage", () => {
    expect(percentChecks({ percent: "45", n: "20", count: "9" }).findings[0]!.status).toBe("consistent");
    expect(percentChecks({ percent: "45", n: "20", count: "10" }).findings[0]!.status).toBe("inconsistent");
  });

  it("shows the library's error for a count above n", () => {
    const finding = percentChecks({ percent: "45", n: "20", count: "21" }).findings[0]!;
    expect([finding.status, finding.explanation]).toEqual(["error", "count 21 is larger than n 20"]);
  });
});
