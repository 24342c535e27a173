// The extractor against the held-out set (tests/fixtures/extraction-heldout): per kind and overall,
// precision and recall must not fall below the figures recorded in heldout-figures.json (raised
// deliberately when the extractor improves). The labels are the independent answer, written by hand
// and committed before the extractor was first run on these passages (their README). Since fixes were
// later informed by these passages, the recorded figures guard against regressions; the estimate for
// unseen text is the first measurement, kept in the JSON and in docs/extraction.md.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { statisticKinds } from "../../src/extract/index.js";
import { readCorpus, scoreCorpus } from "./corpus-score.js";

const root = join(import.meta.dirname, "../..");
const recorded = JSON.parse(readFileSync(join(import.meta.dirname, "heldout-figures.json"), "utf8")) as {
  kinds: Record<string, { precision: number; recall: number }>;
  all: { precision: number; recall: number };
  recordedAt: { passages: number; labelled: number };
};
const passages = readCorpus(join(root, "tests/fixtures/extraction-heldout"));
const { kinds } = scoreCorpus(passages);

describe("extraction against the held-out set", () => {
  it("scores every kind on at least the passages recorded", () => {
    expect(Object.keys(recorded.kinds).sort()).toEqual([...statisticKinds].sort());
    expect(passages.length).toBeGreaterThanOrEqual(recorded.recordedAt.passages);
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
