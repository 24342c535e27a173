// The regression guard shared by the held-out and unseen sets: per kind and overall (micro), precision and
// recall must not fall below the figures recorded in a JSON file (raised deliberately after an improvement).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { statisticKinds } from "../../src/extract/index.js";
import { readCorpus, scoreCorpus } from "./corpus-score.js";

interface Recorded {
  kinds: Record<string, { precision: number; recall: number }>;
  all: { precision: number; recall: number };
  recordedAt: { passages: number; labelled: number };
}

/**
 * Declares the tests of one labelled folder against its recorded figures. `exact` also requires the
 * folder to hold exactly the passages and labels recorded (a blind set must not grow unnoticed);
 * otherwise at least the recorded passages.
 */
export function describeRecordedFigures(title: string, folder: string, figuresFile: string, exact: boolean): void {
  const recorded = JSON.parse(readFileSync(figuresFile, "utf8")) as Recorded;
  const passages = readCorpus(folder);
  const { kinds } = scoreCorpus(passages);

  describe(title, () => {
    it(exact ? "scores every kind on the passages and labels recorded" : "scores every kind on at least the passages recorded", () => {
      expect(Object.keys(recorded.kinds).sort()).toEqual([...statisticKinds].sort());
      if (exact) {
        expect(passages.length).toBe(recorded.recordedAt.passages);
        expect(kinds.reduce((sum, k) => sum + k.labelled, 0)).toBe(recorded.recordedAt.labelled);
      } else expect(passages.length).toBeGreaterThanOrEqual(recorded.recordedAt.passages);
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
}
