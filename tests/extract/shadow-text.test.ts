import { describe, expect, it } from "vitest";
import { shadowText } from "../../src/extract/index.js";

describe("shadowText", () => {
  it("maps every whitespace, minus and dash to one ASCII character, so offsets do not move", () => {
    // U+00A0 no-break space, U+2009 thin space, U+202F narrow no-break space, U+2212 minus, U+2013 en dash.
    const text = "5.2\u00a0±\u20091.3, \u22120.8\u20131.1\u202f%\nend";
    const shadow = shadowText(text);
    expect(shadow).toBe("5.2 ± 1.3, -0.8-1.1 % end");
    expect(shadow).toHaveLength(text.length);
  });
  it("reads a raised decimal point only between digits", () => {
    // Lancet prints 0·04; "a · b" between words stays as it is.
    expect(shadowText("p=0\u00b704 and a \u00b7 b")).toBe("p=0.04 and a \u00b7 b");
  });
  it("keeps characters outside the BMP as two units, so offsets still agree", () => {
    const text = "\u{1d6d8}2 = 3.9";
    expect(shadowText(text)).toHaveLength(text.length);
  });
});
