import { describe, expect, it } from "vitest";
import { inSteps, isMultiple, parseStep, personStep, stepRange, stepText } from "../../src/stats/step.js";

describe("step", () => {
  it("reads numbers, decimals and fractions exactly, in lowest terms", () => {
    // Hand: 0.1 = 1/10 (not the double nearest 0.1); 2.5 = 5/2; 200/6 = 100/3.
    expect(parseStep(0.1)).toEqual({ num: 1, den: 10 });
    expect(parseStep("2.5")).toEqual({ num: 5, den: 2 });
    expect(parseStep("200/6")).toEqual({ num: 100, den: 3 });
    expect(parseStep(50)).toEqual({ num: 50, den: 1 });
    for (const bad of [0, -1, "0/3", "1e-7", "abc", "3/0"]) expect(() => parseStep(bad as number | string), String(bad)).toThrow(/positive number or fraction/);
  });

  it("a person's step is the item step over the items (RAND-36 subscales, Hays et al. 1993)", () => {
    // Physical functioning 10 items on 0/50/100 → 5; role physical 4 on 0/100 → 25; role emotional 3 on 0/100 → 100/3;
    // energy/fatigue 4 on 0/20/…/100 → 5; emotional well-being 5 on 0/20/…/100 → 4.
    expect([personStep(10, parseStep(50)), personStep(4, parseStep(100)), personStep(3, parseStep(100)), personStep(4, parseStep(20)), personStep(5, parseStep(20))].map(stepText)).toEqual(["5", "25", "100/3", "5", "4"]);
    expect(stepText(personStep(4))).toBe("1/4");
  });

  it("divides an exact interval by a step and finds the multiples within a range", () => {
    // [77.405, 77.415] / 5 = [15.481, 15.483], kept as whole numbers over 5000.
    expect(inSteps({ den: 1000, lo: 77405, hi: 77415, loIn: true, hiIn: true }, { num: 5, den: 1 })).toEqual({ den: 5000, lo: 77405, hi: 77415, loIn: true, hiIn: true });
    expect(stepRange(0, 100, { num: 100, den: 3 })).toEqual({ kMin: 0, kMax: 3 });
    expect(stepRange(-2.5, 7, { num: 2, den: 1 })).toEqual({ kMin: -1, kMax: 3 });
    expect([isMultiple(66.5, parseStep(0.5)), isMultiple(100, parseStep("100/3")), isMultiple(50, parseStep("100/3"))]).toEqual([true, true, false]);
  });
});
