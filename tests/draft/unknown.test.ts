import { describe, expect, it } from "vitest";
import { isUnknown, UNKNOWN, unfilledPaths } from "../../src/draft/unknown.js";

describe("the draft's unknown marker", () => {
  it("is not a word a paper prints as a value, so a real 'unknown' is never taken for a field left to fill", () => {
    // A composition category printed "unknown" (smoking status not recorded) is data, not a placeholder.
    const finished = { title: "t", reported: [{ kind: "composition", categories: [{ label: "unknown", count: 4 }, { label: "Unknown", count: 1 }] }] };
    expect(unfilledPaths(finished)).toEqual([]);
    expect(isUnknown("unknown")).toBe(false);
    // The marker itself is found wherever it is left, and only outside the extraction record.
    const draft = { title: UNKNOWN, reported: [{ group: UNKNOWN, categories: [{ label: "unknown" }] }], extraction: { note: UNKNOWN } };
    expect(unfilledPaths(draft)).toEqual([["title"], ["reported", 0, "group"]]);
  });
});
