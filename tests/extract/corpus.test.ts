// The extractor against the hand-labelled corpus: per kind, precision and recall must not fall below the
// figures recorded in corpus-figures.json (raised deliberately when the extractor improves). The labels
// are the independent answer: written by hand from reading each passage, never by running an extractor
// (tests/fixtures/extraction-corpus/README.md).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { statisticKinds } from "../../src/extract/index.js";
import { readCorpus, scoreCorpus } from "./corpus-score.js";

const root = join(import.meta.dirname, "../..");
const recorded = JSON.parse(readFileSync(join(import.meta.dirname, "corpus-figures.json"), "utf8")) as {
  kinds: Record<string, { precision: number; recall: number }>;
  developedOn: string[];
};
const passages = readCorpus(join(root, "tests/fixtures/extraction-corpus"));
const { kinds } = scoreCorpus(passages);

describe("extraction against the labelled corpus", () => {
  it("scores every kind, on at least the passages it was developed on", () => {
    expect(Object.keys(recorded.kinds).sort()).toEqual([...statisticKinds].sort());
    const ids = new Set(passages.map((passage) => passage.id));
    expect(recorded.developedOn.filter((id) => !ids.has(id))).toEqual([]);
  });
  for (const kind of statisticKinds) {
    it(`keeps ${kind} precision and recall at or above the recorded figures`, () => {
      const score = kinds.find((entry) => entry.kind === kind)!;
      expect(score.precision).toBeGreaterThanOrEqual(recorded.kinds[kind]!.precision);
      expect(score.recall).toBeGreaterThanOrEqual(recorded.kinds[kind]!.recall);
    });
  }
});
