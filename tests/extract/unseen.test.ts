// The extractor against the blind set (tests/fixtures/extraction-unseen): labelled by hand by someone who
// never ran the extractor nor read src/extract, and never used to tune it. Its figures are the estimate of
// what `cohort extract` finds in a new paper; this test keeps them from falling (unseen-figures.json).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { statisticKinds } from "../../src/extract/index.js";
import { readCorpus, scoreCorpus } from "./corpus-score.js";

const root = join(import.meta.dirname, "../..");
const recorded = JSON.parse(readFileSync(join(import.meta.dirname, "unseen-figures.json"), "utf8")) as {
  kinds: Record<string, { precision: number; recall: number }>;
  all: { precision: number; recall: number };
  recordedAt: { passages: number; labelled: number };
};
const passages = readCorpus(join(root, "tests/fixtures/extraction-unseen"));
const { kinds } = scoreCorpus(passages);

describe("extraction against the blind unseen set", () => {
  it("scores every kind on the passages and labels recorded", () => {
    expect(Object.keys(recorded.kinds).sort()).toEqual([...statisticKinds].sort());
    expect(passages.length).toBe(recorded.recordedAt.passages);
    expect(kinds.reduce((sum, k) => sum + k.labelled, 0)).toBe(recorded.recordedAt.labelled);
  });
  it("keeps overall (micro) precision and recall at or above the recorded figures", () => {
    const total = kinds.reduce((sum, k) => ({ labelled: sum.labelled + k.labelled, extracted: sum.extracted + k.extracted, matched: sum.matched + k.matched }), { labelled: 0, extracted: 0, matched: 0 });
    expect(total.matched / total.extracted).toBeGreaterThanOrEqual(recorded.all.precision);
    expect(total.matched / total.labelled).toBeGreaterThanOrEqual(recorded.all.recall);
  });
  for (const kind of statisticKinds) {
    it(`keeps ${kind} precision and recall at or above the recorded figures`, () => {
      const score = kinds.find((entry) => entry.kind === kind)!;
      expect(score.precision).toBeGreaterThanOrEqual(recorded.kinds[kind]!.precision);
      expect(score.recall).toBeGreaterThanOrEqual(recorded.kinds[kind]!.recall);
    });
  }
});
