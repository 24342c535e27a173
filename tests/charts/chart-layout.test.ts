import { describe, expect, it } from "vitest";
import { chartTitle, wrapToPixels } from "../../src/charts/chart-layout.js";
import { stripVegaAria } from "../../src/charts/strip-vega-aria.js";
import { tickValues } from "../../src/charts/tick-values.js";

describe("wrapToPixels", () => {
  it("wraps at word boundaries to the characters that fit (0.56 em each)", () => {
    // 66 px / (0.56 × 11 px) = 10.7 → 10 characters a line: "moderately" (10) then "severe".
    expect(wrapToPixels("moderately severe", 66, 11)).toEqual(["moderately", "severe"]);
  });
  it("breaks a word longer than a line with a hyphen instead of cutting it", () => {
    // 56 / 6.16 = 9.09 → 9 characters: 8 letters and a hyphen, then the rest.
    const lines = wrapToPixels("benzodiazepine", 56, 11);
    expect(lines).toEqual(["benzodia-", "zepine"]);
    expect(lines.join("").replace("-", "")).toBe("benzodiazepine");
  });
});

describe("chartTitle", () => {
  it("wraps a narrow chart's subtitle to 54 characters a line and keeps every word", () => {
    const subtitle = "Each line is one chain of group means whose percent changes round to the reported ones";
    const { subtitle: lines } = chartTitle("T", subtitle, "narrow");
    expect(lines!.every((line) => line.length <= 54)).toBe(true);
    expect(lines!.join(" ")).toBe(subtitle);
  });
});

describe("stripVegaAria", () => {
  it("removes vega's role and aria attributes and nothing else", () => {
    const svg = '<svg class="marks" width="10"><g class="mark-symbol role-mark" role="graphics-object" aria-roledescription="symbol mark container"><path aria-label="position: 0; mean: 1.6" role="graphics-symbol" d="M0,0"/></g></svg>';
    expect(stripVegaAria(svg)).toBe('<svg class="marks" width="10"><g class="mark-symbol role-mark"><path d="M0,0"/></g></svg>');
  });
});

describe("tickValues", () => {
  it("steps by 1, 2, 2.5 or 5 times a power of ten, about ten ticks, none past max", () => {
    // 0–10: raw step 1 → 1. 0–4: raw 0.4 → 0.5. 1–27: raw 2.6 → 5 (2.5 < 2.6).
    expect(tickValues(0, 10)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(tickValues(0, 4)).toEqual([0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4]);
    expect(tickValues(1, 27)).toEqual([5, 10, 15, 20, 25]);
  });
});
