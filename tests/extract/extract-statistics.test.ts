import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractStatistics, extractStatisticsWithWork, statisticFlags, statisticKinds } from "../../src/extract/index.js";
import { expectQuotesAtOffsets } from "./helpers.js";

const root = join(import.meta.dirname, "../..");
const mixed = [
  "Of 120 participants randomised, 60 (50%) received the drug. Pain fell from 6.1 ± 1.2 to 4.0 ± 1.5 (mean ± SD),",
  "a 34% reduction; t(118) = 8.2, p < .001. The OR for response was 2.1 (95% CI 1.3\u20133.4), P = 0.002.",
  "Median stay was 5 days (IQR 3\u20138). Mortality was 3/60 vs 7/60 (\u03c7\u00b2(1) = 1.8, p = .18).",
].join("\n");

describe("extractStatistics", () => {
  it("finds each statistic of a mixed passage once, in text order, without overlaps", () => {
    // Listed by hand from the passage above.
    expect(extractStatistics(mixed).map((s) => `${s.kind}: ${s.quote}`)).toEqual([
      "sample-size: 120 participants",
      "count-percent: 60 (50%)",
      "mean-dispersion: 6.1 ± 1.2",
      "mean-dispersion: 4.0 ± 1.5",
      "percent-change: a 34% reduction",
      "test-statistic: t(118) = 8.2, p < .001",
      // The measure's name is not next to the number ("for response was" between), so the quote starts at the number.
      "effect-ci: 2.1 (95% CI 1.3\u20133.4)",
      "p-value: P = 0.002",
      "median-spread: 5 days (IQR 3\u20138)",
      "count-of-total: 3/60",
      "count-of-total: 7/60",
      "test-statistic: \u03c7\u00b2(1) = 1.8, p = .18",
    ]);
    const list = extractStatistics(mixed);
    expect(list.find((s) => s.kind === "effect-ci")?.fields).toMatchObject({ measure: "OR", estimate: "2.1" });
    for (let i = 1; i < list.length; i++) expect(list[i]!.start).toBeGreaterThanOrEqual(list[i - 1]!.end);
  });
  it("cuts every quote from the text at its offsets, on the passage and on every seed source", () => {
    expectQuotesAtOffsets(mixed);
    for (const file of ["000_3f875f1cb85950c7.txt", "001_9b5010a2bd6db81c.txt", "002_829f74ccfe789bce.txt", "003_dc7734c5670ac6b7.txt", "004_d40d8837720c586c.txt"]) {
      expectQuotesAtOffsets(readFileSync(join(root, "data/sources", file), "utf8"));
    }
  });
  it("uses only the kinds and flags it declares, and reads every numeric field", () => {
    for (const statistic of extractStatistics(mixed)) {
      expect(statisticKinds).toContain(statistic.kind);
      for (const flag of statistic.flags) expect(statisticFlags).toContain(flag);
      const fields = statistic.fields as Record<string, string | undefined>;
      for (const [name, value] of Object.entries(statistic.values)) expect(value!.text).toBe(fields[name]);
    }
  });
  it("counts UTF-16 offsets past characters outside the BMP", () => {
    // U+1D6D8 (mathematical chi) is two UTF-16 units; the p after it starts at 2 + " and ".length = 7
    // and ends 7 + "p = .04".length = 14.
    const text = "\u{1d6d8} and p = .04";
    const [p] = extractStatistics(text);
    expect(p).toMatchObject({ kind: "p-value", start: 7, end: 14, quote: "p = .04" });
  });
  it("finds nothing in an empty or statistic-free text", () => {
    expect(extractStatistics("")).toEqual([]);
    expect(extractStatistics("COVID-19 and SF-36 in 2019; see p. 12, Table 2 and ref. 14; 95% CI alone.")).toEqual([]);
  });
});

describe("extractStatisticsWithWork", () => {
  // Work is the characters the scan and its context windows look at: a deterministic count. On inputs
  // built to provoke long look-arounds, ten times the text must cost about ten times the work (linear),
  // never a hundred times (quadratic). Together with the bounded patterns (patterns.test.ts) this bounds
  // the whole scan without timing it.
  const adversarial: Record<string, string> = {
    "plus-minus chains": "5 ± ",
    "open test statistics": "t(28) = ",
    "unclosed brackets": "(",
    "digits": "1",
    "count and percent": "11/20 (",
    "headings": "mean (SD) n (%) P value ",
    "pipe rows": "| 1 | 0.04 |\n",
    "number words": "twenty adult chronic pain ",
    "p-values": "p = .04 ",
    "declared spreads": "mean ± SD 5 ± 1 ",
    "cells one per line": "p\n\nRow\n\n0.5\n\n2\n|\n",
    "one long table row": "\n\n0.04\n|\nU\n\np",
    "rows under a p heading": "Item t P\nScore 2.10 .23\n",
    "tab-separated rows": "a\tt\tp\n1\t2\t0.1\t",
  };
  for (const [name, unit] of Object.entries(adversarial)) {
    it(`stays linear on ${name}`, () => {
      const text = (length: number): string => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
      const small = extractStatisticsWithWork(text(100_000)).work;
      const large = extractStatisticsWithWork(text(1_000_000)).work;
      expect(large / small).toBeLessThan(11);
      expect(large / 1_000_000).toBeLessThan(1_000);
    });
  }
});
