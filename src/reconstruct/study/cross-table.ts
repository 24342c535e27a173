import type { Rng } from "../../stats/rng.js";
import { remembered } from "../../stats/remembered.js";
import { estimateTablesWork } from "../crosstab-work.js";

/** Beyond this many memoised states a uniform draw is not attempted (random pairing is used instead). */
export const CROSS_TABLE_STATE_LIMIT = 200_000;

/**
 * Estimated steps beyond which a uniform draw is not attempted (random pairing instead). The draw
 * runs once per rebuilt dataset and a report rebuilds hundreds, so the counts are remembered per
 * margins and the budget is a tenth of `cohort crosstab`'s.
 */
export const CROSS_TABLE_WORK_BUDGET = 1_000_000;

/**
 * Counts the tables of whole numbers with the given row and column totals, or null when counting
 * them is past the work budget (estimated before starting) or needs more than
 * CROSS_TABLE_STATE_LIMIT memoised states.
 *
 * Why here: a private helper for study reconstruction (the reconstruct engine's crosstab module was
 * not available when this was written); it is small because study compositions are small. Exact
 * count by recursion over rows with the remaining column totals as memo key (Diaconis & Gangolli
 * 1995, "Rectangular arrays with fixed margins"); the key is sorted, since columns are
 * interchangeable for what is left to fill, which makes the work that of countTables transposed.
 *
 * @param rows row totals
 * @param cols column totals (same sum as rows)
 * @example
 * countCrossTables([1, 1], [1, 1]); // => 2
 */
export function countCrossTables(rows: readonly number[], cols: readonly number[]): number | null {
  return completionsOf(rows, cols)?.(0, cols) ?? null;
}

const TOO_LARGE = Symbol("too large");

type Completions = (row: number, remaining: readonly number[]) => number;

/**
 * The memoised completion count for these margins (rows filled in order, remaining column totals as
 * state), or undefined when the work is past the budget. Remembered per margins: every dataset of a
 * report draws from the same margins.
 */
const completionsOf = remembered(
  64,
  (rows: readonly number[], cols: readonly number[]) => `${rows.join(",")}|${cols.join(",")}`,
  (rows: readonly number[], cols: readonly number[]): Completions | undefined => {
    // Transposed: the state is the multiset of column remainders, filled one row at a time.
    if (estimateTablesWork(cols, rows) > CROSS_TABLE_WORK_BUDGET) return undefined;
    const memo = new Map<string, number>();
    const steps = { left: 20 * CROSS_TABLE_WORK_BUDGET };
    const count: Completions = (row, remaining) => countFrom(rows, row, remaining, memo, steps);
    try {
      count(0, cols);
    } catch (error) {
      if (error === TOO_LARGE) return undefined;
      throw error;
    }
    return count;
  },
);

function countFrom(rows: readonly number[], row: number, remaining: readonly number[], memo: Map<string, number>, steps: { left: number }): number {
  if (row === rows.length - 1) return remaining.reduce((s, v) => s + v, 0) === rows[row] ? 1 : 0;
  const key = `${row}|${[...remaining].sort((a, b) => a - b).join(",")}`;
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  if (memo.size > CROSS_TABLE_STATE_LIMIT) throw TOO_LARGE;
  let total = 0;
  forEachRow(rows[row] as number, remaining, (cells) => {
    if (--steps.left < 0) throw TOO_LARGE;
    total += countFrom(rows, row + 1, remaining.map((v, j) => v - (cells[j] as number)), memo, steps);
  });
  memo.set(key, total);
  return total;
}

/** Calls visit with every vector of whole numbers 0 ≤ cells[j] ≤ caps[j] summing to total. */
function forEachRow(total: number, caps: readonly number[], visit: (cells: number[]) => void): void {
  const cells = new Array<number>(caps.length).fill(0);
  const suffix = caps.map((_, j) => caps.slice(j).reduce((s, v) => s + v, 0));
  const go = (j: number, left: number): void => {
    if (j === caps.length) {
      if (left === 0) visit(cells.slice());
      return;
    }
    const after = suffix[j + 1] ?? 0;
    for (let v = Math.max(0, left - after); v <= Math.min(caps[j] as number, left); v++) {
      cells[j] = v;
      go(j + 1, left - v);
    }
  };
  go(0, total);
}

/**
 * Draws one table with the given margins, uniformly over all such tables (sequential sampling
 * weighted by the number of completions), or by random pairing of the two label lists when the
 * space is too large to count (then not uniform; the caller says so).
 *
 * @param rows row totals
 * @param cols column totals
 * @param rng seeded random source
 * @example
 * drawCrossTable([11, 9], [9, 5, 4, 2], createRng(1)).table; // => e.g. [[5, 3, 2, 1], [4, 2, 2, 1]]
 */
export function drawCrossTable(rows: readonly number[], cols: readonly number[], rng: Rng): { table: number[][]; uniform: boolean } {
  const completions = completionsOf(rows, cols);
  if (!completions) return { table: pairTable(rows, cols, rng), uniform: false };
  const table: number[][] = [];
  let remaining = cols.slice();
  for (let row = 0; row < rows.length; row++) {
    if (row === rows.length - 1) {
      table.push(remaining.slice());
      break;
    }
    const options: { cells: number[]; weight: number }[] = [];
    forEachRow(rows[row] as number, remaining, (cells) => {
      const weight = completions(row + 1, remaining.map((v, j) => v - (cells[j] as number)));
      if (weight > 0) options.push({ cells, weight });
    });
    const sum = options.reduce((s, o) => s + o.weight, 0);
    let pick = rng.next() * sum;
    let chosen = options[options.length - 1] as { cells: number[] };
    for (const option of options) {
      if (pick < option.weight) {
        chosen = option;
        break;
      }
      pick -= option.weight;
    }
    table.push(chosen.cells);
    remaining = remaining.map((v, j) => v - (chosen.cells[j] as number));
  }
  return { table, uniform: true };
}

function pairTable(rows: readonly number[], cols: readonly number[], rng: Rng): number[][] {
  const colLabels = cols.flatMap((count, j) => new Array<number>(count).fill(j));
  for (let i = colLabels.length - 1; i > 0; i--) {
    const k = rng.int(0, i);
    [colLabels[i], colLabels[k]] = [colLabels[k] as number, colLabels[i] as number];
  }
  const table = rows.map(() => new Array<number>(cols.length).fill(0));
  let at = 0;
  rows.forEach((count, i) => {
    for (let c = 0; c < count; c++) (table[i] as number[])[colLabels[at++] as number]! += 1;
  });
  return table;
}
