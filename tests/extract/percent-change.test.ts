import { describe, expect, it } from "vitest";
import { found, quotesOf, single } from "./helpers.js";

describe("percentChange", () => {
  it("reads a change and its direction in the common prints", () => {
    expect(single("The mean pain severity decreased by 21.88% in the group", "percent-change")).toMatchObject({ quote: "decreased by 21.88%", fields: { percent: "21.88", direction: "decrease" } });
    expect(single("compared to a 3.39% decrease", "percent-change")).toMatchObject({ quote: "a 3.39% decrease", fields: { percent: "3.39", direction: "decrease" } });
    expect(single("followed by a 24.56% increase", "percent-change").fields).toEqual({ percent: "24.56", direction: "increase" });
    expect(single("a reduction of 35% in pain", "percent-change").fields).toEqual({ percent: "35", direction: "decrease" });
    expect(single("a 35% reduction", "percent-change").fields.direction).toBe("decrease");
    expect(single("visits fell by 12 percent", "percent-change").fields).toEqual({ percent: "12", direction: "decrease" });
    expect(single("admissions were 35% lower", "percent-change").fields.direction).toBe("decrease");
    expect(single("scores improved by 30%", "percent-change").fields.direction).toBe("unstated");
  });
  it("reads a list that shares one verb", () => {
    expect(quotesOf("ED attendance fell by 37%, medical admissions by 30% and bed occupancy by 27%, but", "percent-change")).toEqual([
      "fell by 37%",
      "by 30%",
      "by 27%",
    ]);
  });
  it("reads a bracketed percentage that a change word leads to", () => {
    expect(single("The drop was maximum during daytime (69.8%).", "percent-change")).toMatchObject({ quote: "69.8%", fields: { percent: "69.8", direction: "decrease" } });
    expect(quotesOf("Of 20 patients, 11 (55%) improved.", "percent-change")).toEqual([]);
  });
  it("does not read a change between two percentages, a threshold or a CI level", () => {
    expect(quotesOf("use decreased from 30% to 20%", "percent-change")).toEqual([]);
    expect(quotesOf("a ≥30% reduction in pain defined response", "percent-change")).toEqual([]);
    expect(quotesOf("at least 50% improvement", "percent-change")).toEqual([]);
    expect(quotesOf("(95% CI 1.1 to 2.9)", "percent-change")).toEqual([]);
  });
  it("reads a signed percentage in a sentence about a change, its direction from the sign", () => {
    // Unicode minus: a fall; plus: a rise. Fields as printed.
    const text = "Sales fell over the period, equivalent to \u22123.1% (p = 0.2); snack sales alone, +2.5%.";
    expect(found(text, "percent-change").map((s) => [s.quote, s.fields])).toEqual([
      ["\u22123.1%", { percent: "\u22123.1", direction: "decrease" }],
      ["+2.5%", { percent: "+2.5", direction: "increase" }],
    ]);
    // Not without a change named, not a range after a number, not a dash used as a range mark.
    expect(quotesOf("Scores were \u22123.1% of baseline.", "percent-change")).toEqual([]);
    expect(quotesOf("rates fell in 10 - 20% of sites", "percent-change")).toEqual([]);
    expect(quotesOf("rates fell in \u2013 20% of sites", "percent-change")).toEqual([]);
  });
  it("reads the percentages listed after a change with its direction", () => {
    const text = "a rise of 12.5% and 30.1% in anxiety and depression, respectively";
    expect(found(text, "percent-change").map((s) => [s.quote, s.fields.direction])).toEqual([
      ["rise of 12.5%", "increase"],
      ["30.1%", "increase"],
    ]);
    expect(found("visits decreased by 20%, 15% and 10%", "percent-change").map((s) => s.fields.percent)).toEqual(["20", "15", "10"]);
  });
});
