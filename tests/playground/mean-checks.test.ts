import { describe, expect, it } from "vitest";
import * as msg from "../../src/messages/playground.js";
import { meanChecks } from "../../src/playground/mean-checks.js";

const statuses = (fields: Record<string, string>) => meanChecks(fields).findings.map((finding) => [finding.check, finding.status]);

describe("meanChecks", () => {
  it("runs GRIM alone on a mean and n: Brown & Heathers' 5.19 fails with n = 28, passes with n = 32", () => {
    // 145/28 = 5.179 and 146/28 = 5.214 miss 5.19; 166/32 = 5.1875 rounds to it (hand calculation).
    expect(statuses({ mean: "5.19", n: "28" })).toEqual([["grim", "inconsistent"]]);
    expect(statuses({ mean: "5.19", n: "32" })).toEqual([["grim", "consistent"]]);
    expect(meanChecks({ mean: "5.19", n: "28" }).findings[0]?.facts).toEqual([["Nearest consistent means", "5.18 and 5.21"]]);
    expect(meanChecks({ mean: "5.19", n: "28" }).notes).toEqual([msg.noSd()]);
  });

  it("adds GRIMMER with an SD, and the SD bounds with a scale (the checks cohort check runs on a mean)", () => {
    // rsprite2's GRIMMER test suite: 3.44, SD 2.47, n = 18 is inconsistent.
    expect(statuses({ mean: "3.44", sd: "2.47", n: "18" })).toEqual([["grim", "consistent"], ["grimmer", "inconsistent"]]);
    // On 1–7 an SD of 3.10 with mean 4.2, n = 5 (total 21) is impossible: the widest sample puts four
    // values at the ends, 1, 1, 7, 7 and 5, with squared deviations 2·3.2² + 2·2.8² + 0.8² = 36.8, so
    // SD √(36.8/4) = 3.03 < 3.095 (hand calculation).
    const bounded = statuses({ mean: "4.2", sd: "3.10", n: "5", min: "1", max: "7" });
    expect(bounded).toEqual([["grim", "consistent"], ["grimmer", "inconsistent"], ["sd-bounds", "inconsistent"]]);
  });

  it("adds DEBIT when the scale is 0 to 1 with one item (scrutiny's test values)", () => {
    // scrutiny's DEBIT tests: 0.35 ± 0.49, n = 20 is consistent (7 ones: SD 0.4894); 0.05 ± 0.21, n = 20 is not.
    expect(statuses({ mean: "0.35", sd: "0.49", n: "20", min: "0", max: "1" }).at(-1)).toEqual(["debit", "consistent"]);
    expect(statuses({ mean: "0.05", sd: "0.21", n: "20", min: "0", max: "1" }).at(-1)).toEqual(["debit", "inconsistent"]);
    expect(statuses({ mean: "0.35", sd: "0.49", n: "20", min: "0", max: "1", items: "2" }).map(([check]) => check)).not.toContain("debit");
  });

  it("shows the library's error for an impossible input instead of a verdict (n = 1 has no SD)", () => {
    const [, grimmer] = meanChecks({ mean: "3", sd: "1", n: "1" }).findings;
    expect(grimmer?.status).toBe("error");
    expect(grimmer?.explanation).toBe("an SD needs n of at least 2, received n 1");
  });

  it("runs nothing while a field needs a fix, and says which", () => {
    const outcome = meanChecks({ mean: "five", n: "28", min: "1" });
    expect(outcome.findings).toEqual([]);
    expect(outcome.problems.map((problem) => problem.field)).toEqual(["mean", "max"]);
  });

  it("applies the rounding assumption: 2.67 with n = 40 needs 107/40 = 2.675 to round down", () => {
    // 2.675 is a tie: decimal "up" rounds it to 2.68, Python's round() gives 2.67 (docs/methods.md).
    expect(statuses({ mean: "2.67", n: "40", rounding: "up" })).toEqual([["grim", "inconsistent"]]);
    expect(statuses({ mean: "2.67", n: "40", rounding: "binary_half_even" })).toEqual([["grim", "consistent"]]);
  });
});
