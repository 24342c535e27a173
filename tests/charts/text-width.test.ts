import { describe, expect, it } from "vitest";
import { ARIMO_WIDTHS } from "../../src/charts/arimo-widths.js";
import { textWidth } from "../../src/charts/text-width.js";
import { fontWidths, fontWidthsModule } from "../../scripts/generate-font-widths.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";

describe("textWidth", () => {
  it("measures digits at Arimo's (= Arial's) published advance, 1139/2048 em", () => {
    // Arimo is metric-compatible with Arial, whose figures are 1139 units of 2048 wide.
    expect(textWidth("0123456789", 11)).toBeCloseTo((10 * 1139 * 11) / 2048, 6);
    expect(ARIMO_WIDTHS.unitsPerEm).toBe(2048);
  });
  it("measures a space at 569/2048 em and bold wider than regular", () => {
    expect(textWidth(" ", 2048)).toBe(569);
    expect(textWidth("severity", 11, true)).toBeGreaterThan(textWidth("severity", 11));
  });
  it("is generated from the font files, and not stale", async () => {
    const committed = readFileSync(join(import.meta.dirname, "..", "..", "src", "charts", "arimo-widths.ts"), "utf8");
    expect(committed).toBe(fontWidthsModule(await fontWidths()));
  });
});
