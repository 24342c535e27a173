import { describe, expect, it } from "vitest";
import { wrapText } from "../../src/charts/wrap-text.js";

describe("wrapText", () => {
  it("breaks at spaces so no line exceeds the width", () => {
    // By hand: "two groups," (11) + " 5" would be 13 > 12, so the line ends; "5 vs 5;" (7) + " alpha" = 13 > 12.
    expect(wrapText("two groups, 5 vs 5; alpha 0.05", 12)).toEqual(["two groups,", "5 vs 5;", "alpha 0.05"]);
  });

  it("gives an over-long word a line of its own and drops extra spaces", () => {
    expect(wrapText("a  supercalifragilistic b", 5)).toEqual(["a", "supercalifragilistic", "b"]);
    expect(wrapText("", 5)).toEqual([]);
  });
});
