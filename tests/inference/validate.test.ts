import { describe, expect, it } from "vitest";
import { CohortError } from "../../src/errors.js";
import { PROBABILITY_MARGIN, requireAlpha, requireFiniteResult, requireLevel } from "../../src/inference/validate.js";
import * as message from "../../src/messages/inference.js";

describe("requireLevel", () => {
  it("refuses levels within 1e-12 of 0 or 1, where the quantiles stop being finite (fuzz regression)", () => {
    // The fuzz suite's input: 0.9999999999999999 is the largest double below 1; 1 − level = 1.1e-16,
    // below the 1e-12 margin.
    expect(() => requireLevel(0.9999999999999999)).toThrow(message.levelOutOfRange(0.9999999999999999));
    expect(() => requireLevel(1e-13)).toThrow(CohortError);
    expect(() => requireLevel(Number.NaN)).toThrow(CohortError);
  });

  it("accepts the edges of the computable range", () => {
    // By definition of the margin: 1e-12 and 1 − 1e-12 are the last accepted values.
    expect(() => requireLevel(PROBABILITY_MARGIN)).not.toThrow();
    expect(() => requireLevel(1 - PROBABILITY_MARGIN)).not.toThrow();
  });
});

describe("requireAlpha", () => {
  it("refuses alpha below 1e-12 (fuzz regression: 1e-200 gave a critical t of Infinity)", () => {
    expect(() => requireAlpha(1e-200)).toThrow(message.alphaOutOfRange(1e-200));
    expect(() => requireAlpha(1)).toThrow(CohortError);
    expect(() => requireAlpha(PROBABILITY_MARGIN)).not.toThrow();
  });
});

describe("requireFiniteResult", () => {
  it("turns NaN or ±Infinity into a CohortError with the given message", () => {
    expect(() => requireFiniteResult([1, Number.NaN], () => "x")).toThrow(new CohortError({ message: "x" }));
    expect(() => requireFiniteResult([Number.POSITIVE_INFINITY], () => "y")).toThrow(CohortError);
    expect(() => requireFiniteResult([0, -1e308], () => "z")).not.toThrow();
  });
});
