import { describe, expect, it } from "vitest";
import { quotesOf, single } from "./helpers.js";

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
});
