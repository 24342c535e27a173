import { describe, expect, it } from "vitest";
import { parseDecimalString, parseInteger, parsePositiveInteger } from "../../src/cli/options.js";
import * as msg from "../../src/messages/playground.js";
import { FieldReader, readRounding } from "../../src/playground/read-fields.js";

// Strings a person might type, including the awkward ones: the page must take and refuse exactly what the CLI does.
const TYPED = ["5.19", "5.10", " 5.1 ", "+3", "-0.5", ".5", "5.", "0", "007", "1e3", "5,19", "5.1.2", "", " ", "abc", "−2", "12345678901234567890", "-0", "28", "1"];

/** What the CLI parser makes of a string: the value, or the fact that it refuses it. */
function cli(parse: (value: string) => unknown, value: string): unknown {
  try {
    return parse(value);
  } catch {
    return "refused";
  }
}

describe("FieldReader", () => {
  it("accepts and refuses the decimals cohort's --mean option does, keeping trailing zeros", () => {
    for (const value of TYPED.filter((v) => v.trim() !== "")) {
      const reader = new FieldReader({ mean: value });
      const read = reader.decimal("mean", true);
      expect(read ?? "refused", value).toEqual(cli(parseDecimalString, value));
    }
    expect(new FieldReader({ mean: "5.10" }).decimal("mean", true)).toBe("5.10");
  });

  it("accepts and refuses the whole numbers cohort's --n (at least 1) and --min (any) options do", () => {
    for (const value of TYPED.filter((v) => v.trim() !== "")) {
      expect(new FieldReader({ n: value }).whole("n", true, 1) ?? "refused", value).toEqual(cli(parsePositiveInteger, value));
      expect(new FieldReader({ min: value }).whole("min", true) ?? "refused", value).toEqual(cli(parseInteger, value));
    }
  });

  it("names each field that needs a fix, with the CLI parser's reason", () => {
    const reader = new FieldReader({ mean: "5,19", n: "0", sd: "" });
    reader.decimal("mean", true);
    reader.whole("n", true, 1);
    reader.decimal("sd", false);
    reader.decimal("other", true);
    expect(reader.problems).toEqual([
      { field: "mean", message: msg.notDecimal("5,19") },
      { field: "n", message: msg.notAtLeast(1, "0") },
      { field: "other", message: msg.required() },
    ]);
  });

  it("wants both ends of a scale or neither", () => {
    const half = new FieldReader({ min: "1", max: "" });
    expect(half.scale("min", "max")).toBeUndefined();
    expect(half.problems).toEqual([{ field: "max", message: msg.scaleHalf() }]);
    expect(new FieldReader({ min: "1", max: "7" }).scale("min", "max")).toEqual({ min: 1, max: 7 });
    expect(new FieldReader({}).scale("min", "max")).toBeUndefined();
  });

  it("reads degrees of freedom as printed, Welch's fractional ones included", () => {
    expect(new FieldReader({ df: "17.78" }).degrees("df", true)).toBe("17.78");
    const reader = new FieldReader({ df: "0" });
    expect(reader.degrees("df", true)).toBeUndefined();
    expect(reader.problems[0]?.message).toBe(msg.notPositiveNumber("0"));
  });
});

describe("readRounding", () => {
  it("defaults to up_or_down with threshold 5, as the CLI's --rounding and --threshold do", () => {
    expect(readRounding({}, new FieldReader({}))).toEqual({ rounding: "up_or_down", threshold: 5 });
    expect(readRounding({ rounding: "up_from", threshold: "4" }, new FieldReader({}))).toEqual({ rounding: "up_from", threshold: 4 });
  });

  it("refuses a threshold the CLI refuses (not a digit from 1 to 9)", () => {
    for (const threshold of ["0", "10", "x", "4.5"]) {
      const reader = new FieldReader({});
      readRounding({ threshold }, reader);
      expect(reader.problems, threshold).toEqual([{ field: "threshold", message: msg.badThreshold(threshold) }]);
    }
  });
});
