import { describe, expect, it } from "vitest";
import { CohortError } from "../../src/errors.js";
import * as msg from "../../src/messages/reports.js";
import { formatNumber, formatPercent, formatPercentInterval } from "../../src/report/format-number.js";

describe("formatNumber", () => {
  it("keeps trailing zeros to the requested decimals", () => {
    expect(formatNumber(0.55, 3)).toBe("0.550");
    expect(formatNumber(2, 2)).toBe("2.00");
  });

  it("writes a negative zero as zero", () => {
    // -0.0001 to 2 decimals is "-0.00" in toFixed; a report should say "0.00".
    expect(formatNumber(-0.0001, 2)).toBe("0.00");
    expect(formatNumber(-0, 0)).toBe("0");
  });

  it("keeps genuine negatives", () => {
    expect(formatNumber(-1.25, 1)).toBe("-1.3"); // toFixed rounds -1.25 away from zero: binary -1.25 is exact, V8 rounds half away
  });

  it("refuses NaN and infinities with a clear message", () => {
    expect(() => formatNumber(Number.NaN, 1)).toThrow(CohortError);
    expect(() => formatNumber(Number.POSITIVE_INFINITY, 1)).toThrow(msg.notFinite("value", Number.POSITIVE_INFINITY));
    expect(() => formatNumber(1, 13)).toThrow(msg.badDecimals(13));
  });
});

describe("formatPercent", () => {
  it("writes a proportion as a percentage", () => {
    // 11/20 = 0.55 → 55.0; 1/3 → 33.333… → 33.3
    expect(formatPercent(11 / 20, 1)).toBe("55.0");
    expect(formatPercent(1 / 3)).toBe("33.3");
  });
});

describe("formatPercentInterval", () => {
  it("joins the two ends with an en dash", () => {
    expect(formatPercentInterval([0.342, 0.742])).toBe("34.2–74.2");
  });
});
