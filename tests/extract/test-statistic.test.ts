import { describe, expect, it } from "vitest";
import { found, quotesOf, single } from "./helpers.js";

describe("testStatistic", () => {
  it("reads APA prints with their p", () => {
    expect(single("the groups differed, t(28) = 2.20, p = .03.", "test-statistic")).toMatchObject({
      quote: "t(28) = 2.20, p = .03",
      fields: { statistic: "t", df1: "28", value: "2.20", pRelation: "=", p: ".03" },
    });
    expect(single("F(2, 57) = 4.10, p < .05", "test-statistic").fields).toEqual({ statistic: "F", df1: "2", df2: "57", value: "4.10", pRelation: "<", p: ".05" });
    expect(single("F(1,147) = .11, p = .739, ηp2 < .001", "test-statistic").quote).toBe("F(1,147) = .11, p = .739");
    expect(single("r(48) = .32, p = .02", "test-statistic").fields).toEqual({ statistic: "r", df1: "48", value: ".32", pRelation: "=", p: ".02" });
    expect(single("F (2–90) = 87.89, p < .001, η2 = .66", "test-statistic").fields).toEqual({ statistic: "F", df1: "2", df2: "90", value: "87.89", pRelation: "<", p: ".001" });
  });
  it("reads every chi-square spelling, with N in the brackets", () => {
    expect(single("χ2(1, N = 100) = 3.90, p = .048", "test-statistic").fields).toEqual({ statistic: "chi2", df1: "1", value: "3.90", pRelation: "=", p: ".048" });
    expect(single("χ²(2) = 6.1", "test-statistic").fields).toEqual({ statistic: "chi2", df1: "2", value: "6.1" });
    expect(single("chi-square(1) = 3.9", "test-statistic").fields.statistic).toBe("chi2");
    expect(single("X2 = 4.2, P = 0.04", "test-statistic").fields).toEqual({ statistic: "chi2", value: "4.2", pRelation: "=", p: "0.04" });
  });
  it("reads z, U, W and H, and a Unicode minus", () => {
    expect(single("z = \u22122.50, p = .012", "test-statistic").fields).toEqual({ statistic: "z", value: "\u22122.50", pRelation: "=", p: ".012" });
    expect(single("Mann–Whitney U = 23, p = 0.03", "test-statistic").fields.statistic).toBe("U");
    expect(single("Wilcoxon W = 12", "test-statistic").fields).toEqual({ statistic: "W", value: "12" });
    expect(single("Kruskal–Wallis H(2) = 5.6", "test-statistic").fields).toEqual({ statistic: "H", df1: "2", value: "5.6" });
  });
  it("reads a minus set apart by a space when it is a real minus, not a dash", () => {
    // "− 0.11": a Unicode minus (U+2212) and a space, as some journals typeset it; the value keeps both.
    expect(single("did not differ, t(41) = \u2212 0.52, p = 0.61", "test-statistic").fields).toEqual({ statistic: "t", df1: "41", value: "\u2212 0.52", pRelation: "=", p: "0.61" });
    // A hyphen or en dash then a space after "=" is punctuation, not a sign: "t(41) = – 0.52" is not read as negative.
    expect(quotesOf("t(41) = \u2013 0.52, p = 0.61", "test-statistic")).toEqual([]);
  });
  it("takes a p joined by 'and' (or the Portuguese, Spanish, French, German word)", () => {
    expect(single("weakly correlated (r = 0.31 and p = 0.04).", "test-statistic")).toMatchObject({ quote: "r = 0.31 and p = 0.04", fields: { statistic: "r", value: "0.31", pRelation: "=", p: "0.04" } });
    // Decimal commas, joined by Portuguese "e": fields as printed.
    const pt = single("fraca correlação (r = 0,31 e p = 0,04).", "test-statistic");
    expect(pt.fields).toEqual({ statistic: "r", value: "0,31", pRelation: "=", p: "0,04" });
    expect(pt.values.value?.decimal).toBe("0.31");
  });
  it("takes the p inside brackets and across a line break", () => {
    expect(single("t(28) = 2.20 (p = 0.03)", "test-statistic").quote).toBe("t(28) = 2.20 (p = 0.03)");
    const broken = single("t(28) =\n2.20, p = .03", "test-statistic");
    expect(broken.fields.value).toBe("2.20");
    expect(broken.flags).toContain("line-break-inside");
  });
  it("does not read t or r alone in another sense, or impossible values", () => {
    expect(quotesOf("at time t = 0 the infusion began", "test-statistic")).toEqual([]);
    expect(quotesOf("r = 1.7 was recorded", "test-statistic")).toEqual([]);
    expect(quotesOf("F(1, 20) = -3.2", "test-statistic")).toEqual([]);
    expect(quotesOf("the F1 = 0.8 score", "test-statistic")).toEqual([]);
    // A bare t with a t-test named is read.
    expect(quotesOf("a paired t-test gave t = 2.2", "test-statistic")).toEqual(["t = 2.2"]);
  });
  it("reads table cells under F (df) and under a column headed t", () => {
    const table = "Phase | Mean score (SD) | F (df) | P value\n1 | 16.84 (3.71) | 15.18 (1, 7889) | <.001";
    expect(found(table, "test-statistic").map((s) => s.fields)).toEqual([{ statistic: "F", df1: "1", df2: "7889", value: "15.18" }]);
    const pipe = "Variables | AA (n = 44) | SA (n = 46) | χ2 or t | P |\n---|---|---|---|---|\nWeek 2 | 39.59 ± 5.94 | 59.74 ± 6.15 | \u221215.797 | 0.000 |";
    expect(found(pipe, "test-statistic").map((s) => s.fields)).toEqual([{ statistic: "t", value: "\u221215.797" }]);
  });
  it("takes the p printed after group sizes", () => {
    // Invented prints: the group sizes between the test and its p are part of its span, not fields.
    expect(single("did not differ (U = 201.500, ASD = TD = 22, p = 0.611).", "test-statistic")).toMatchObject({
      quote: "U = 201.500, ASD = TD = 22, p = 0.611",
      fields: { statistic: "U", value: "201.500", pRelation: "=", p: "0.611" },
    });
    expect(single("z = −2.10, n1 = 12, n2 = 14, p = .036", "test-statistic").fields).toEqual({ statistic: "z", value: "−2.10", pRelation: "=", p: ".036" });
    // No p after the sizes: the test alone, the sizes left to the sample-size reader.
    expect(single("U = 23, n = 20", "test-statistic").quote).toBe("U = 23");
  });
  it("reads a df printed after the value or inside the brackets with 'df =', a subscript df flattened, and rs", () => {
    expect(single("t = 2.20, df = 28, p = .036", "test-statistic").fields).toEqual({ statistic: "t", df1: "28", value: "2.20", pRelation: "=", p: ".036" });
    expect(single("χ2 = 3.9 (df = 1), p = .048", "test-statistic").fields).toEqual({ statistic: "chi2", df1: "1", value: "3.9", pRelation: "=", p: ".048" });
    expect(single("χ2 (df = 2) = 6.10, p = .047", "test-statistic").fields).toEqual({ statistic: "chi2", df1: "2", value: "6.10", pRelation: "=", p: ".047" });
    expect(single("F1,57 = 4.10, p = .05", "test-statistic").fields).toEqual({ statistic: "F", df1: "1", df2: "57", value: "4.10", pRelation: "=", p: ".05" });
    expect(single("Spearman rs = .32, p = .02", "test-statistic").fields).toEqual({ statistic: "r", value: ".32", pRelation: "=", p: ".02" });
    // "F1" with no df2 stays a score's name.
    expect(quotesOf("the F1 = 0.8 score", "test-statistic")).toEqual([]);
  });
});
