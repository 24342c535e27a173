// Scores the extractor against the hand-labelled corpus (tests/fixtures/extraction-corpus/, format in
// its README): per kind, precision and recall under "same kind and overlapping span", and among the
// matched pairs how many have exactly the labelled span and exactly the labelled fields. Shared by the
// benchmark (which prints the table) and the regression test (which holds the recorded figures).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { extractStatistics, statisticKinds, type ExtractedStatistic, type StatisticKind } from "../../src/extract/index.js";

export interface LabelledStatistic {
  kind: StatisticKind;
  start: number;
  end: number;
  text: string;
  fields: Record<string, string>;
}

export interface LabelledPassage {
  id: string;
  text: string;
  labels: LabelledStatistic[];
}

export interface KindScore {
  kind: StatisticKind;
  labelled: number;
  extracted: number;
  matched: number;
  exactSpan: number;
  exactFields: number;
  precision: number;
  recall: number;
}

export interface Miss {
  passage: string;
  kind: StatisticKind;
  text: string;
  side: "missed" | "spurious" | "fields";
  detail?: string;
}

/** Reads every `<id>.txt` with its `<id>.labels.json` from a corpus folder. */
export function readCorpus(folder: string): LabelledPassage[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith(".labels.json"))
    .sort()
    .map((name) => {
      const id = name.slice(0, -".labels.json".length);
      const text = readFileSync(join(folder, `${id}.txt`), "utf8");
      const labels = (JSON.parse(readFileSync(join(folder, name), "utf8")) as { statistics: LabelledStatistic[] }).statistics;
      return { id, text, labels };
    });
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;

const sameFields = (labelled: Record<string, string>, extracted: Record<string, unknown>): boolean => {
  const keys = new Set([...Object.keys(labelled), ...Object.keys(extracted)]);
  return [...keys].every((key) => labelled[key] === extracted[key]);
};

/**
 * Pairs labels with extracted statistics of the same kind whose spans overlap, one to one, preferring
 * the largest overlap; counts the pairs and the ones exact in span and in fields.
 */
export function scoreCorpus(passages: readonly LabelledPassage[], extract: (text: string) => ExtractedStatistic[] = extractStatistics): { kinds: KindScore[]; misses: Miss[] } {
  const tally = new Map<StatisticKind, Omit<KindScore, "precision" | "recall">>(
    statisticKinds.map((kind) => [kind, { kind, labelled: 0, extracted: 0, matched: 0, exactSpan: 0, exactFields: 0 }]),
  );
  const misses: Miss[] = [];
  for (const passage of passages) {
    const found = extract(passage.text);
    const used = new Set<number>();
    for (const label of passage.labels) tally.get(label.kind)!.labelled++;
    for (const statistic of found) tally.get(statistic.kind)!.extracted++;
    for (const label of passage.labels) {
      let best = -1;
      let bestOverlap = 0;
      found.forEach((statistic, index) => {
        if (used.has(index) || statistic.kind !== label.kind || !overlaps(statistic, label)) return;
        const overlap = Math.min(statistic.end, label.end) - Math.max(statistic.start, label.start);
        if (overlap > bestOverlap) [best, bestOverlap] = [index, overlap];
      });
      if (best < 0) {
        misses.push({ passage: passage.id, kind: label.kind, text: label.text, side: "missed" });
        continue;
      }
      used.add(best);
      const statistic = found[best]!;
      const score = tally.get(label.kind)!;
      score.matched++;
      if (statistic.start === label.start && statistic.end === label.end) score.exactSpan++;
      if (sameFields(label.fields, statistic.fields as Record<string, unknown>)) score.exactFields++;
      else misses.push({ passage: passage.id, kind: label.kind, text: label.text, side: "fields", detail: `${JSON.stringify(label.fields)} ≠ ${JSON.stringify(statistic.fields)}` });
    }
    found.forEach((statistic, index) => {
      if (!used.has(index)) misses.push({ passage: passage.id, kind: statistic.kind, text: statistic.quote, side: "spurious" });
    });
  }
  const kinds = [...tally.values()].map((score) => ({
    ...score,
    precision: score.extracted === 0 ? 1 : score.matched / score.extracted,
    recall: score.labelled === 0 ? 1 : score.matched / score.labelled,
  }));
  return { kinds, misses };
}
