import { describe, expect, it } from "vitest";
import { effectCounts } from "../../src/checks/effect-counts.js";

describe("effectCounts", () => {
  it("recomputes the crude OR, RR and RD of a 2×2 table exactly", () => {
    // 12/40 vs 6/40. Hand: OR = (12·34)/(28·6) = 408/168 = 2.4286; RR = 0.30/0.15 = 2.00; RD = 15 points.
    expect(effectCounts({ measure: "odds-ratio", estimate: "2.43", events: [12, 6], totals: [40, 40] }).status).toBe("consistent");
    expect(effectCounts({ measure: "odds-ratio", estimate: "2.42", events: [12, 6], totals: [40, 40] }).status).toBe("inconsistent");
    expect(effectCounts({ measure: "risk-ratio", estimate: "2.00", events: [12, 6], totals: [40, 40] }).status).toBe("consistent");
    expect(effectCounts({ measure: "risk-difference", estimate: "15", unit: "percentage-points", events: [12, 6], totals: [40, 40] }).status).toBe("consistent");
    expect(effectCounts({ measure: "risk-difference", estimate: "0.15", unit: "proportion", events: [12, 6], totals: [40, 40] }).status).toBe("consistent");
  });

  it("infers the unit of a risk difference from its size and says so", () => {
    const result = effectCounts({ measure: "risk-difference", estimate: "-3.6", events: [163, 239], totals: [2371, 2276] });
    expect(result.status).toBe("consistent"); // −3.6261 points
    expect(result.assumptions.unit).toMatch(/inferred/);
  });

  it("is undetermined when a zero cell leaves the effect undefined", () => {
    expect(effectCounts({ measure: "odds-ratio", estimate: "1.0", events: [0, 0], totals: [10, 10] }).status).toBe("undetermined");
    expect(effectCounts({ measure: "risk-ratio", estimate: "1.0", events: [3, 0], totals: [10, 10] }).status).toBe("undetermined");
  });
});
