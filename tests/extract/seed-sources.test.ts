// The two seed sources, read by the extractor, against the committed seed study files: for every value a
// study file and the extractor share (counts with percentages, percent changes, sample and arm sizes),
// the extracted quote lies inside the study file's quote and the numbers are the same. The study files
// were written by hand from the sources, so they are an independent answer.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractStatistics, type ExtractedStatistic } from "../../src/extract/index.js";

const root = join(import.meta.dirname, "../..");
const source = (file: string): string => readFileSync(join(root, "data/sources", file), "utf8");
const study = (id: string): any => JSON.parse(readFileSync(join(root, "data/studies", `${id}.json`), "utf8"));

interface Shared {
  kind: ExtractedStatistic["kind"];
  quote: string;
  /** Numeric fields and their values as plain decimals. */
  numbers: Record<string, string>;
  direction?: string;
}

/** Every value of a study file that the extractor also reads, with its quote. */
function sharedValues(data: any): Shared[] {
  const shared: Shared[] = [];
  const sizes = [data.design.sampleSize, ...data.design.arms.map((arm: any) => arm.size)].filter((size) => size?.source);
  for (const size of sizes) {
    for (const quoted of [size.source, ...(size.alsoQuoted ?? [])]) shared.push({ kind: "sample-size", quote: quoted.quote, numbers: { n: String(size.value) } });
  }
  for (const value of data.reported) {
    if (value.kind === "composition") {
      for (const category of value.categories) {
        if (category.count !== undefined && category.percent !== undefined) {
          shared.push({ kind: "count-percent", quote: category.source.quote, numbers: { count: String(category.count), percent: category.percent } });
        }
      }
    }
    if (value.kind === "percent-change") shared.push({ kind: "percent-change", quote: value.source.quote, numbers: { percent: value.percent }, direction: value.direction });
  }
  return shared;
}

function expectShared(file: string, id: string, expectedCount: number): void {
  const text = source(file);
  const found = extractStatistics(text);
  const shared = sharedValues(study(id));
  // How many values the two share, counted by hand from the study file (see each test).
  expect(shared).toHaveLength(expectedCount);
  for (const value of shared) {
    const at = text.indexOf(value.quote);
    expect(at, `quote not in source: ${value.quote}`).toBeGreaterThanOrEqual(0);
    const match = found.find((statistic) => statistic.kind === value.kind && statistic.start >= at && statistic.end <= at + value.quote.length);
    expect(match, `no ${value.kind} inside "${value.quote}"`).toBeDefined();
    for (const [field, decimal] of Object.entries(value.numbers)) {
      expect((match!.values as Record<string, { decimal: string }>)[field]?.decimal, `${field} of "${match!.quote}"`).toBe(decimal);
    }
    if (value.direction !== undefined) expect((match!.fields as { direction?: string }).direction).toBe(value.direction);
  }
}

describe("extractStatistics on the seed sources", () => {
  it("reads every count, percentage and sample size the study file of source 000 quotes", () => {
    // 6 categories with count and percent (female, male, opioid, benzodiazepine, cocaine, kratom);
    // sample size 20 quoted twice ("twenty adult chronic pain patients", "20 adults"); the arm's size once.
    expectShared("000_3f875f1cb85950c7.txt", "ketamine-im-substance-misuse", 9);
  });
  it("reads every percent change and sample size the study file of source 003 quotes", () => {
    // 5 percent changes (21.88, 3.39, 32.81, 24.56, 36); sample size "Ten adults"; two arm sizes "five in …".
    expectShared("003_dc7734c5670ac6b7.txt", "kap-pilot-two-approaches", 8);
  });
  it("reads the exact seed prints quoted in issue 17", () => {
    const a = extractStatistics(source("000_3f875f1cb85950c7.txt"));
    expect(a.find((s) => s.quote === "55% (11/20)")?.fields).toEqual({ count: "11", total: "20", percent: "55" });
    expect(a.find((s) => s.kind === "sample-size" && s.quote.startsWith("twenty"))?.values.n?.decimal).toBe("20");
    const b = extractStatistics(source("003_dc7734c5670ac6b7.txt"));
    expect(b.find((s) => s.quote === "decreased by 21.88%")?.fields).toEqual({ percent: "21.88", direction: "decrease" });
  });
  it("finds nothing but statistics in the seeds: every finding on source 000, listed by hand", () => {
    // Read from the abstract: the cohort size twice, two sex shares, four misuse shares. "45% misused opioids",
    // "benzodiazepines (25%)" and the like are bare percentages, no kind of the corpus format.
    expect(extractStatistics(source("000_3f875f1cb85950c7.txt")).map((s) => `${s.kind}: ${s.quote}`)).toEqual([
      "sample-size: 20 adults",
      "sample-size: twenty adult chronic pain patients",
      "count-percent: 55% (11/20)",
      "count-percent: 45% (9/20)",
      "count-percent: 45%; 9/20",
      "count-percent: 25%; 5/20",
      "count-percent: 20%; 4/20",
      "count-percent: 10%; 2/20",
    ]);
  });
});
