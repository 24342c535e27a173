import { describe, expect, it } from "vitest";
import { compatibleEffectsConsequence, nullValue } from "../../src/appraisal/compatible-effects.js";
import type { ReportedValue } from "../../src/schema/reported-value.js";

type Effect = Extract<ReportedValue, { kind: "effect" }>;
const source = { file: "x.txt", quote: "q" };
const effect = (measure: Effect["measure"], estimate: string, lower: string, upper: string): Effect =>
  ({ kind: "effect", id: "e", measure, estimate, ci: { level: "95", lower, upper }, source }) as Effect;

describe("compatibleEffectsConsequence: what a non-significant interval still allows", () => {
  it("knows no effect as 1 on a ratio and 0 on a difference, and nothing for a share of variance", () => {
    expect([nullValue("odds-ratio"), nullValue("hazard-ratio"), nullValue("risk-ratio")]).toEqual([1, 1, 1]);
    expect([nullValue("mean-difference"), nullValue("risk-difference"), nullValue("standardised-mean-difference"), nullValue("correlation")]).toEqual([0, 0, 0, 0]);
    expect(nullValue("eta-squared")).toBeUndefined();
    expect(nullValue("other")).toBeUndefined();
  });

  it("reads a ratio interval that spans 1 as allowing effects both ways", () => {
    const c = compatibleEffectsConsequence(effect("odds-ratio", "1.07", "0.58", "1.98"))!;
    expect(c.statement).toBe("the reported odds ratio 1.07 (95% CI 0.58 to 1.98) is compatible with every effect from 0.58 to 1.98, which includes no effect (1)");
  });

  it("reads a difference interval against 0", () => {
    const c = compatibleEffectsConsequence(effect("mean-difference", "-2.1", "-4.5", "0.3"))!;
    expect(c.result).toEqual({ lower: -4.5, upper: 0.3, null: 0 });
  });

  it("says nothing of an interval that excludes no effect, or of an effect without one", () => {
    expect(compatibleEffectsConsequence(effect("odds-ratio", "0.71", "0.58", "0.87"))).toBeUndefined();
    expect(compatibleEffectsConsequence(effect("risk-difference", "-3.2", "-5.2", "-1.3"))).toBeUndefined();
    expect(compatibleEffectsConsequence({ ...effect("odds-ratio", "1.2", "1", "1"), ci: undefined })).toBeUndefined();
  });

  it("counts an interval that ends exactly at no effect as including it", () => {
    expect(compatibleEffectsConsequence(effect("risk-ratio", "1.5", "1.00", "2.25"))?.result.null).toBe(1);
  });
});
