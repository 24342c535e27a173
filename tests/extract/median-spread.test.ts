import { describe, expect, it } from "vitest";
import { quotesOf, single } from "./helpers.js";

describe("medianSpread", () => {
  it("reads a median with its IQR or range", () => {
    expect(single("median 4 (IQR 2–6) days", "median-spread")).toMatchObject({ quote: "median 4 (IQR 2–6)", fields: { median: "4", lower: "2", upper: "6", spreadKind: "iqr" } });
    expect(single("Median age 34 years (range 18–70).", "median-spread").fields).toEqual({ median: "34", lower: "18", upper: "70", spreadKind: "range" });
    expect(single("median 4, IQR 2 to 6", "median-spread").fields.spreadKind).toBe("iqr");
    expect(single("median of 4 (interquartile range [IQR], 2-6)", "median-spread").fields).toEqual({ median: "4", lower: "2", upper: "6", spreadKind: "iqr" });
  });
  it("takes the spread's kind from a heading such as median (IQR), and flags it", () => {
    const statistic = single("Median (IQR) stay was 5 (3–8) days.", "median-spread");
    expect(statistic.fields).toEqual({ median: "5", lower: "3", upper: "8", spreadKind: "iqr" });
    expect(statistic.flags).toContain("spread-kind-from-context");
    expect(single("The median stay was 5 (3–8) days.", "median-spread").fields.spreadKind).toBe("unstated");
  });
  it("does not read a range after a mean, or an interval that misses its median", () => {
    expect(quotesOf("mean age 45 (range 18–70)", "median-spread")).toEqual([]);
    expect(quotesOf("median 9 (1–5)", "median-spread")).toEqual([]);
  });
});
