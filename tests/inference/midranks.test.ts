import { describe, expect, it } from "vitest";
import { midranks } from "../../src/inference/index.js";

describe("midranks", () => {
  it("averages the positions of ties like R's rank()", () => {
    // R: rank(c(10, 20, 20, 30, 20)) → 1 3 3 5 3 (positions 2, 3, 4 share 3).
    expect(midranks([10, 20, 20, 30, 20])).toEqual([1, 3, 3, 5, 3]);
  });

  it("treats values equal to 12 significant digits as ties (0.3 − 0.1 and 0.2)", () => {
    expect(midranks([0.3 - 0.1, 0.2, 0.5])).toEqual([1.5, 1.5, 3]);
  });
});
