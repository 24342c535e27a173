import { describe, expect, it } from "vitest";
import { twoByTwo } from "../../src/checks/two-by-two.js";
import { CohortError } from "../../src/errors.js";
import * as msg from "../../src/messages/checks.js";

describe("twoByTwo", () => {
  it("the tea-tasting table: R's Fisher p = 0.4857 fits as printed; a p of .05 does not", () => {
    expect(twoByTwo({ table: [[3, 1], [1, 3]], p: "p = .4857", test: "fisher" }).status).toBe("consistent");
    expect(twoByTwo({ table: [[3, 1], [1, 3]], p: "p = .49" }).status).toBe("consistent");
    expect(twoByTwo({ table: [[3, 1], [1, 3]], p: "p = .05", test: "fisher" }).status).toBe("inconsistent");
  });
  it("names the test that fits when the paper's test does not", () => {
    // [[10, 20], [20, 10]] (hand, tests/inference/two-by-two.test.ts): χ² p = 0.00982, Yates p = 0.02014.
    const result = twoByTwo({ table: [[10, 20], [20, 10]], p: "p = .010", test: "chi2-yates" });
    expect(result.status).toBe("inconsistent");
    expect(result.explanation).toContain("Pearson's χ² would fit");
    expect(twoByTwo({ table: [[10, 20], [20, 10]], p: "p = .010" }).status).toBe("consistent");
    expect(twoByTwo({ table: [[10, 20], [20, 10]], p: "p = .02", test: "chi2-yates" }).status).toBe("consistent");
  });
  it("flags a decision error when the printed significance flips", () => {
    const result = twoByTwo({ table: [[3, 1], [1, 3]], p: "p < .05", test: "fisher" });
    expect(result.status).toBe("inconsistent");
    expect((result.details as { decisionError: boolean }).decisionError).toBe(true);
  });
  it("refuses a table that is not 2×2", () => {
    expect(() => twoByTwo({ table: [[1, 2, 3]] as never, p: "p = .5" })).toThrow(msg.notATwoByTwo([[1, 2, 3]]));
    expect(() => twoByTwo({ table: [[1, -2], [3, 4]], p: "p = .5" })).toThrow(CohortError);
  });
});
