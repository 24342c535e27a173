import { describe, expect, it } from "vitest";
import { numberWordValue } from "../../src/extract/number-words.js";

describe("numberWordValue", () => {
  it("reads one to ninety-nine in either case, hyphenated or spaced", () => {
    expect(numberWordValue("Fifteen")).toBe(15);
    expect(numberWordValue("twenty")).toBe(20);
    expect(numberWordValue("Twenty-five")).toBe(25);
    expect(numberWordValue("ninety nine")).toBe(99);
    expect(numberWordValue("one")).toBe(1);
  });
  it("is undefined for anything else", () => {
    expect(numberWordValue("hundred")).toBeUndefined();
    expect(numberWordValue("twenty-teen")).toBeUndefined();
    expect(numberWordValue("five-twenty")).toBeUndefined();
  });
});
