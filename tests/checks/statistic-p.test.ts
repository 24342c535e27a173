import { describe, expect, it } from "vitest";
import { statisticP, statisticPParsed } from "../../src/checks/statistic-p.js";
import { CohortError } from "../../src/errors.js";
import { reportedNumber } from "../../src/stats/reported-number.js";
import { parseReportedP } from "../../src/stats/reported-p.js";

/*
 * Expected verdicts are statcheck's own test suite (tests/testthat/test-error.R and test-decisionerror.R of
 * the statcheck R package, Epskamp & Nuijten), whose cases state what statcheck flags; statcheck reads a
 * printed statistic as any value within half a unit of its last decimal, as up_or_down does here.
 */
const check = (test: "t" | "F" | "chi2" | "z" | "r", statistic: string, df: { df1?: number; df2?: number }, p: string, extra: object = {}) =>
  statisticP({ test, statistic, ...df, p, ...extra });

describe("statisticP", () => {
  it("flags statcheck's simple errors in every kind of test", () => {
    expect(check("t", "2.20", { df2: 28 }, "p = .03").status).toBe("inconsistent");
    expect(check("F", "2.20", { df1: 2, df2: 28 }, "p = .15").status).toBe("inconsistent");
    expect(check("r", ".22", { df2: 28 }, "p = .26").status).toBe("inconsistent");
    expect(check("chi2", "22.20", { df1: 28 }, "p = .79").status).toBe("inconsistent");
    expect(check("z", "2.20", {}, "p = .04").status).toBe("inconsistent");
  });
  it("reads negative statistics by their size", () => {
    expect(check("z", "-2.42", {}, "p = 0.016").status).toBe("consistent");
    expect(check("t", "-2.20", { df2: 28 }, "p = .03").status).toBe("inconsistent");
  });
  it("reads inexact p-values by their relation", () => {
    expect(check("t", "2.20", { df2: 28 }, "p > .05").status).toBe("inconsistent");
    // t = 2.0 stands for 1.95–2.05: p reaches 0.0498 < .05.
    expect(check("t", "2.0", { df2: 28 }, "p < .05").status).toBe("consistent");
    // p < .000 admits nothing.
    expect(check("t", "22.20", { df2: 28 }, "p < .000").status).toBe("inconsistent");
  });
  it("accepts correctly rounded p-values, including the ends of the statistic's interval", () => {
    for (const [statistic, p] of [["2", "p = .02"], ["2", "p = .14"], ["2.2", "p = .03"], ["2.2", "p = .04"], ["2.20", "p = .036"], ["2.20", "p = .037"]] as const) {
      expect(check("t", statistic, { df2: 28 }, p).status, `${statistic} ${p}`).toBe("consistent");
    }
    for (const p of ["p = .08", "p = .02", "p > .08", "p < .02"]) expect(check("t", "2.2", { df2: 28 }, p).status, p).toBe("inconsistent");
    for (const p of ["p = .036", "p < .08", "p > .02"]) expect(check("t", "2.2", { df2: 28 }, p).status, p).toBe("consistent");
  });
  it("handles statistics printed as bounds (statcheck's t < … and t > … cases)", () => {
    for (const p of ["p = .08", "p > .08", "p < .08", "p > .02"]) expect(check("t", "2.2", { df2: 28 }, p, { statisticRelation: "<" }).status, p).toBe("consistent");
    for (const p of ["p < .02", "p = .02"]) expect(check("t", "2.2", { df2: 28 }, p, { statisticRelation: "<" }).status, p).toBe("inconsistent");
    for (const p of ["p = .02", "p > .02", "p < .02", "p < .08"]) expect(check("t", "2.2", { df2: 28 }, p, { statisticRelation: ">" }).status, p).toBe("consistent");
    for (const p of ["p > .08", "p = .08"]) expect(check("t", "2.2", { df2: 28 }, p, { statisticRelation: ">" }).status, p).toBe("inconsistent");
  });
  it("one-tailed tests: as stated, and as an alternative reading of a two-tailed claim", () => {
    expect(check("t", "2.20", { df2: 28 }, "p = .02", { tails: 1 }).status).toBe("consistent");
    expect(check("t", "2.20", { df2: 28 }, "p = .04", { tails: 1 }).status).toBe("inconsistent");
    const twoTailed = check("t", "2.20", { df2: 28 }, "p = .018");
    expect(twoTailed.status).toBe("inconsistent");
    const readings = (twoTailed.details as { readings: { tails: number; statistic: string; fits: boolean }[] }).readings;
    expect(readings.find((r) => r.tails === 1 && r.statistic === "rounded")?.fits).toBe(true);
    expect(twoTailed.explanation).toContain("one-tailed");
  });
  it("flags statcheck's decision errors", () => {
    const decision = (r: ReturnType<typeof check>) => (r.details as { decisionError: boolean }).decisionError;
    expect(decision(check("t", "2.20", { df2: 28 }, "p = .06"))).toBe(true);
    expect(decision(check("t", "1.20", { df2: 28 }, "p = .03"))).toBe(true);
    expect(decision(check("F", "22.20", { df1: 2, df2: 28 }, "p = .06"))).toBe(true);
    expect(decision(check("F", "2.20", { df1: 2, df2: 28 }, "p = .03"))).toBe(true);
    expect(decision(check("r", ".22", { df2: 28 }, "p = .03"))).toBe(true);
    expect(decision(check("r", ".52", { df2: 28 }, "p = .06"))).toBe(true);
    expect(decision(check("chi2", "2.20", { df1: 28 }, "p = .03"))).toBe(true);
    expect(decision(check("chi2", "52.20", { df1: 28 }, "p = .06"))).toBe(true);
    expect(decision(check("z", "1.20", {}, "p = .03"))).toBe(true);
    expect(decision(check("z", "2.20", {}, "p = .06"))).toBe(true);
    // An inconsistency that keeps the decision is not one: t(28) = 2.20, p = .03 (both significant).
    expect(decision(check("t", "2.20", { df2: 28 }, "p = .03"))).toBe(false);
  });
  it("follows alpha and whether p = α counts as significant (statcheck's pEqualAlphaSig)", () => {
    const decision = (r: ReturnType<typeof check>) => (r.details as { decisionError: boolean }).decisionError;
    expect(decision(check("t", "2.20", { df2: 28 }, "p = .11", { alpha: 0.1 }))).toBe(true);
    expect(decision(check("t", "5.20", { df2: 28 }, "p = .02", { alpha: 0.01 }))).toBe(true);
    expect(decision(check("t", "2.20", { df2: 28 }, "p = .05"))).toBe(false);
    expect(decision(check("t", "2.20", { df2: 28 }, "p = .05", { pEqualAlphaSignificant: false }))).toBe(true);
  });
  it("gives the nearest consistent printed p when inconsistent", () => {
    // Hand: t(28) between 2.195 and 2.205 gives p from 0.0358 to 0.0366: printed at two decimals, .04.
    const result = check("t", "2.20", { df2: 28 }, "p = .03");
    expect((result.details as { consistentP: unknown }).consistentP).toEqual({ lowest: "0.04", highest: "0.04" });
  });
  it("takes parsed values in its core and refuses impossible input", () => {
    const parsed = statisticPParsed({ test: "t", statistic: reportedNumber("2.20"), df: { df2: 28 }, p: parseReportedP("p = .036") });
    expect(parsed.status).toBe("consistent");
    expect(() => check("t", "2.20", {}, "p = .03")).toThrow(CohortError);
    expect(() => check("r", "1.20", { df2: 10 }, "p = .03")).toThrow(CohortError);
    expect(() => check("t", "2.20", { df2: 28 }, "p = 1.3")).toThrow(CohortError);
    expect(() => check("t", "2.20", { df2: 28 }, "probably")).toThrow(CohortError);
  });
});
