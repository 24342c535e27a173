import { pattern } from "./patterns.js";
import { look, type ScanContext } from "./scan-context.js";
import type { StatisticFields } from "./types.js";

type Statistic = StatisticFields["test-statistic"]["statistic"];

/** How far after a cell its row's footnote letter and the table's legend are looked for. */
const ROW_REACH = 60;
const LEGEND_REACH = 3000;

/** A footnote letter glued to the next number of the row ("0.217a", ".049^{b}"). */
const ROW_LETTER = pattern(String.raw`\d(?:\^\{)?(?<letter>[a-e])(?![A-Za-z])`, "");

/** A legend line for each letter: "  3. bMann-Whitney U test", "^{a}Student's t test", "a Independent samples t test". */
const LEGENDS: Readonly<Record<string, RegExp>> = Object.fromEntries(
  ["a", "b", "c", "d", "e"].map((letter) => [letter, pattern(String.raw`(?:^|\n)[ \t]{0,8}(?:\d{1,2}\.[ \t]{0,3})?(?:\^\{)?${letter}\}?[ \t]{0,2}(?=[A-Z])([^\n]{1,120})`, "")]),
);

const TESTS: ReadonlyArray<[Statistic, RegExp]> = [
  ["z", pattern(String.raw`Mann[- ]?Whitney|Wilcoxon|rank[- ]sum|U[- ]test`, "")],
  ["t", pattern(String.raw`\bt[- ]test|Student|Welch`, "")],
  ["chi2", pattern(String.raw`[Cc]hi[- ]?squared?|χ|Fisher`, "")],
  ["H", pattern(String.raw`Kruskal`, "")],
];

/**
 * In a column whose heading names two tests ("t/Z", "χ2/t"), which one a cell is, read from the
 * footnote letter its row carries ("0.015b") and the table's legend below ("bMann–Whitney U test"):
 * a Mann–Whitney or Wilcoxon legend makes the cell a z, a t-test legend a t, a χ² or Fisher legend a
 * χ², a Kruskal–Wallis legend an H. Undefined when the row has no letter, the legend names no test,
 * or the test it names is not one the heading offers.
 *
 * @example
 * // "t/Z … − 2.429\n\n0.015b … \n  3. bMann-Whitney U test" → "z"
 */
export function footnoteTest(context: ScanContext, end: number, offered: readonly Statistic[]): Statistic | undefined {
  const letter = ROW_LETTER.exec(look(context, end, end + ROW_REACH, "text"))?.groups?.letter;
  if (letter === undefined) return undefined;
  const legend = LEGENDS[letter]!.exec(look(context, end, end + LEGEND_REACH, "text"));
  if (!legend) return undefined;
  const named = TESTS.find(([, regex]) => regex.test(legend[1]!))?.[0];
  return named !== undefined && offered.includes(named) ? named : undefined;
}
