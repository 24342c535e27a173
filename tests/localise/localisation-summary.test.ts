import { describe, expect, it } from "vitest";
import { localisationSummary, type ResultLocalisation } from "../../src/localise/explain-results.js";

// A hand-made localisation result: only the fields the summary reads.
const found = (smallestSize: 1 | 2): ResultLocalisation =>
  ({
    status: "explained",
    smallestSize,
    unique: true,
    tried: [{ size: smallestSize, readingSets: 10 }],
    explanations: [{ sentence: "if a and b were swapped", readings: [{ printed: "12", corrected: "21" }] }],
  }) as unknown as ResultLocalisation;

describe("localisationSummary", () => {
  it("agrees the verb with one figure or two", () => {
    expect(localisationSummary(found(1))).toBe("one figure explains it, in one way only: if a and b were swapped (→ 21)");
    expect(localisationSummary(found(2))).toBe("two figures explain it, in one way only: if a and b were swapped (→ 21)");
  });
});
