import hypergeometricPmf from "@stdlib/stats-base-dists-hypergeometric-pmf";
import { CohortError } from "../errors.js";
import * as msg from "../messages/checks.js";
import { chiSquareUpperTail } from "./distributions.js";

/** A 2×2 table of counts, rows first: [[a, b], [c, d]]. */
export type TwoByTwo = [[number, number], [number, number]];

/** Which tail a test looks in: both (default), or the first cell being small ("less") or large ("greater"). */
export type Alternative = "two-sided" | "less" | "greater";

/** Throws unless every cell is a whole number ≥ 0 and no row or column is empty. */
export function requireTable(table: TwoByTwo): void {
  table.flat().forEach((count, index) => {
    if (!Number.isSafeInteger(count) || count < 0) throw new CohortError({ message: msg.badCount(`cell ${index + 1}`, count) });
  });
  const [[a, b], [c, d]] = table;
  if (a + b === 0 || c + d === 0 || a + c === 0 || b + d === 0) throw new CohortError({ message: msg.emptyMargin() });
}

/** R's relative tolerance in fisher.test: tables up to 1 + 10^−7 times as probable as the observed count as "no more probable". */
export const FISHER_RELATIVE_TOLERANCE = 1 + 1e-7;

/**
 * Fisher's exact test on a 2×2 table: with the margins fixed, the first cell is hypergeometric; the
 * two-sided p adds the probabilities of every table no more probable than the observed one (within R's
 * relative tolerance 1e-7), as R's fisher.test does; "less" and "greater" add one tail.
 * Probabilities from @stdlib's hypergeometric PMF (log-factorials).
 * Reference: Fisher RA (1935) J R Stat Soc 98:39–82, doi:10.2307/2342435; R ?fisher.test.
 *
 * @example
 * fisherExact([[3, 1], [1, 3]]); // => 0.4857… (R ?fisher.test, the tea-tasting table)
 */
export function fisherExact(table: TwoByTwo, alternative: Alternative = "two-sided"): number {
  requireTable(table);
  const [[a, b], [c, d]] = table;
  const total = a + b + c + d;
  const firstColumn = a + c;
  const firstRow = a + b;
  const lowest = Math.max(0, firstRow - (b + d));
  const highest = Math.min(firstRow, firstColumn);
  const probability = (x: number) => hypergeometricPmf(x, total, firstColumn, firstRow);
  let sum = 0;
  const observed = probability(a);
  for (let x = lowest; x <= highest; x++) {
    const p = probability(x);
    if (alternative === "less" ? x <= a : alternative === "greater" ? x >= a : p <= observed * FISHER_RELATIVE_TOLERANCE) sum += p;
  }
  return Math.min(1, sum);
}

/** Pearson's χ² statistic of a 2×2 table, with or without Yates' continuity correction (as R's chisq.test). */
export function pearsonChiSquareStatistic(table: TwoByTwo, yates: boolean): number {
  requireTable(table);
  const [[a, b], [c, d]] = table;
  const total = a + b + c + d;
  const rows = [a + b, c + d];
  const columns = [a + c, b + d];
  const cells = [a, b, c, d];
  const expected = [0, 1, 2, 3].map((i) => ((rows[Math.floor(i / 2)] as number) * (columns[i % 2] as number)) / total);
  // Yates subtracts min(0.5, |O − E|) from every |O − E| (all four are equal in a 2×2 table), as R does.
  const deviation = Math.abs((cells[0] as number) - (expected[0] as number));
  const correction = yates ? Math.min(0.5, deviation) : 0;
  return expected.reduce((sum, e) => sum + (deviation - correction) ** 2 / e, 0);
}

/**
 * Pearson's χ² test of a 2×2 table (df = 1), with Yates' continuity correction when `yates` is true
 * (R's chisq.test default for 2×2 tables).
 * Reference: Pearson K (1900) Phil Mag 50:157–175; Yates F (1934) J R Stat Soc Suppl 1:217–235; R ?chisq.test.
 *
 * @example
 * pearsonChiSquare([[10, 20], [20, 10]], false).statistic; // => 6.6667 (hand: 4 · 5²/15)
 */
export function pearsonChiSquare(table: TwoByTwo, yates: boolean): { statistic: number; df: 1; p: number } {
  const statistic = pearsonChiSquareStatistic(table, yates);
  return { statistic, df: 1, p: chiSquareUpperTail(statistic, 1) };
}
