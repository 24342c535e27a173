import { describe, expect, it } from "vitest";
import { instrumentGrid } from "../../src/checks/measure-grid.js";
import { loadInstruments } from "../../src/io/load-instruments.js";
import { Instrument, scoreStep } from "../../src/schema/instrument.js";

const rand = loadInstruments();

describe("Instrument itemStep", () => {
  it("the RAND-36 subscales give the steps of the RAND 36-Item Health Survey 1.0 scoring (Hays et al. 1993)", () => {
    // Items recoded to 0–100: physical functioning 10 items on 0/50/100; role limitations 4 and 3 yes/no items on
    // 0/100; energy/fatigue 4 and emotional well-being 5 items on 0/20/…/100. A score's step is itemStep/items.
    const steps = ["rand36-physical-functioning", "rand36-role-physical", "rand36-role-emotional", "rand36-energy-fatigue", "rand36-emotional-well-being"].map((id) => scoreStep(rand.get(id)!));
    expect(steps).toEqual([5, 25, 100 / 3, 5, 4]);
    expect(instrumentGrid(rand.get("rand36-role-emotional")!)).toMatchObject({ items: 3, itemStep: { num: 100, den: 1 }, scale: { min: 0, max: 100 }, partialAnswers: { items: 3, minimumItemsAnswered: 1 } });
  });

  it("refuses item bounds that are not multiples of the step", () => {
    const base = { ...rand.get("rand36-energy-fatigue")! };
    const result = Instrument.safeParse({ ...base, itemStep: 30 });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`)).toContain("itemMax: itemMax (100) must be a multiple of itemStep (30)");
    expect(Instrument.safeParse({ ...base, itemStep: "100/3" }).success).toBe(true);
    expect(Instrument.safeParse({ ...base, itemStep: "a/3" }).success).toBe(false);
  });
});
