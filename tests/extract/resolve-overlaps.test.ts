import { describe, expect, it } from "vitest";
import { kindPriority, resolveOverlaps, type ExtractedStatistic } from "../../src/extract/index.js";

const statistic = (kind: ExtractedStatistic["kind"], start: number, end: number): ExtractedStatistic =>
  ({ kind, start, end, quote: "", fields: {}, values: {}, flags: [] }) as unknown as ExtractedStatistic;

describe("resolveOverlaps", () => {
  it("keeps the more specific of two overlapping readings", () => {
    // "11/20 (55%)": count-percent over its own "11/20" as count-of-total.
    const kept = resolveOverlaps([statistic("count-of-total", 0, 5), statistic("count-percent", 0, 11)], 11);
    expect(kept.map((s) => s.kind)).toEqual(["count-percent"]);
  });
  it("gives a p to the test statistic it follows", () => {
    const kept = resolveOverlaps([statistic("p-value", 15, 22), statistic("test-statistic", 0, 22)], 22);
    expect(kept.map((s) => s.kind)).toEqual(["test-statistic"]);
  });
  it("keeps the longer of two readings of one kind, and everything that does not overlap, in text order", () => {
    const kept = resolveOverlaps([statistic("p-value", 30, 37), statistic("sample-size", 0, 6), statistic("sample-size", 0, 10)], 40);
    expect(kept.map((s) => [s.kind, s.start, s.end])).toEqual([
      ["sample-size", 0, 10],
      ["p-value", 30, 37],
    ]);
  });
  it("ranks tests above effects above means above counts above p-values above sample sizes", () => {
    const order = Object.entries(kindPriority).sort((a, b) => b[1] - a[1]).map(([kind]) => kind);
    expect(order).toEqual(["test-statistic", "effect-ci", "mean-ci", "median-spread", "mean-dispersion", "count-percent", "percent-change", "count-of-total", "p-value", "sample-size"]);
  });
});
