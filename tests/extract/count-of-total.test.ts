import { describe, expect, it } from "vitest";
import { quotesOf, single } from "./helpers.js";

describe("countOfTotal", () => {
  it("reads a count out of a total printed without a percentage", () => {
    expect(single("11 of 20 patients responded", "count-of-total")).toMatchObject({ quote: "11 of 20", fields: { count: "11", total: "20" } });
    expect(single("responders were 7/10 in arm A", "count-of-total").fields).toEqual({ count: "7", total: "10" });
    expect(single("in 11 out of the 20 patients", "count-of-total").fields).toEqual({ count: "11", total: "20" });
  });
  it("does not read dates, ratios above one or other slashed things", () => {
    expect(quotesOf("enrolled on 11/20/2019", "count-of-total")).toEqual([]);
    expect(quotesOf("since 12/2019", "count-of-total")).toEqual([]);
    expect(quotesOf("available 24/7", "count-of-total")).toEqual([]);
    expect(quotesOf("blood pressure 120/80 mmHg", "count-of-total")).toEqual([]);
    expect(quotesOf("0.25 mg/kg per session", "count-of-total")).toEqual([]);
  });
  it("leaves a count with its percentage to count-percent", () => {
    expect(quotesOf("55% (11/20)", "count-of-total")).toEqual([]);
  });
});
