// Small helpers for the extraction tests: what the extractor finds in a text, kind by kind.
import { expect } from "vitest";
import { extractStatistics, type ExtractedStatistic, type StatisticKind } from "../../src/extract/index.js";

/** The statistics of one kind found in a text. */
export function found<K extends StatisticKind>(text: string, kind: K): Array<ExtractedStatistic & { kind: K }> {
  return extractStatistics(text).filter((statistic): statistic is ExtractedStatistic & { kind: K } => statistic.kind === kind);
}

/** The quotes of the statistics of one kind found in a text. */
export const quotesOf = (text: string, kind: StatisticKind): string[] => found(text, kind).map((statistic) => statistic.quote);

/** The one statistic of a kind in a text (fails the test when there are none or several). */
export function single<K extends StatisticKind>(text: string, kind: K): ExtractedStatistic & { kind: K } {
  const list = found(text, kind);
  expect(list.map((statistic) => statistic.quote)).toHaveLength(1);
  return list[0]!;
}

/** Every quote is the text between its offsets. */
export function expectQuotesAtOffsets(text: string): void {
  for (const statistic of extractStatistics(text)) expect(text.slice(statistic.start, statistic.end)).toBe(statistic.quote);
}
