import { CohortError, exitCodes } from "../errors.js";
import * as message from "../messages/reconstruct.js";
import { estimateTablesWork, MAX_TABLE_STATES, TABLES_WORK_BUDGET } from "./crosstab-work.js";

/**
 * Contingency tables from margins: the r × c tables of non-negative integers whose row totals and
 * column totals are the reported ones (e.g. study A's sex 11/9 and substance 9/5/4/2, whose
 * cross-tabulation is not reported).
 */

/** Validates margins: non-empty lists of whole numbers ≥ 0 with equal totals. */
export function validateMargins(rows: readonly number[], cols: readonly number[]): number {
  if (rows.length === 0) throw new CohortError({ path: "rows", message: message.emptyMargins("rows") });
  if (cols.length === 0) throw new CohortError({ path: "cols", message: message.emptyMargins("cols") });
  rows.forEach((value, index) => {
    if (!Number.isSafeInteger(value) || value < 0) throw new CohortError({ path: `rows[${index}]`, message: message.negativeMargin("rows", index, value) });
  });
  cols.forEach((value, index) => {
    if (!Number.isSafeInteger(value) || value < 0) throw new CohortError({ path: `cols[${index}]`, message: message.negativeMargin("cols", index, value) });
  });
  const rowTotal = rows.reduce((a, b) => a + b, 0);
  const colTotal = cols.reduce((a, b) => a + b, 0);
  if (rowTotal !== colTotal) throw new CohortError({ path: "cols", message: message.marginsDisagree(rowTotal, colTotal) });
  return rowTotal;
}

/**
 * Counts the contingency tables with the given margins, exactly (BigInt), by dynamic programming.
 *
 * Why: "how many cross-tabulations fit the reported margins?" without listing them. Columns are
 * filled one at a time, each column one row at a time; the state between columns is the multiset of
 * row totals still to fill (sorted, since rows are interchangeable for counting), merged when equal.
 * The work is estimated first (estimateTablesWork) and the count refused (exit 3, with the estimate)
 * past `maxWork`; while it runs, more than MAX_TABLE_STATES states at once or 20× the estimate in
 * steps also refuse it, so neither time nor memory can run away.
 * Reference: Diaconis & Gangolli (1995), Rectangular arrays with fixed margins, doi:10.1007/978-1-4612-0801-3_3.
 * @param rows row totals (whole numbers ≥ 0)
 * @param cols column totals (whole numbers ≥ 0), same grand total
 * @param maxWork most estimated steps to start on (default TABLES_WORK_BUDGET, about 2 s)
 * @param stats filled in with the estimate and the steps taken (for tests and benchmarks)
 * @returns the number of tables
 * @throws {CohortError} on empty or negative margins or unequal totals; `refused` past the budget
 * @example
 * countTables([1, 1], [1, 1]); // => 2n
 */
export function countTables(rows: readonly number[], cols: readonly number[], maxWork: number = TABLES_WORK_BUDGET, stats: { estimate: number; steps: number } = { estimate: 0, steps: 0 }): bigint {
  validateMargins(rows, cols);
  const estimate = estimateTablesWork(rows, cols);
  stats.estimate = estimate;
  if (estimate > maxWork) throw new CohortError({ message: message.tablesTooMuchWork(estimate, maxWork) }, exitCodes.refused);
  const stepLimit = Math.max(1_000_000, 20 * estimate);
  let steps = 0;
  const r = rows.length;
  let states = new Map<string, { remaining: number[]; ways: bigint }>([[rows.join(","), { remaining: [...rows].sort((a, b) => a - b), ways: 1n }]]);
  let later = cols.reduce((a, b) => a + b, 0);
  for (let column = 0; column < cols.length - 1; column++) {
    const total = cols[column] as number;
    later -= total;
    // Split this column's total over the rows one row at a time; partial states carry what is left to place.
    let partial = new Map<string, { remaining: number[]; left: number; ways: bigint }>();
    for (const { remaining, ways } of states.values()) partial.set(`${remaining.join(",")}|${total}`, { remaining, left: total, ways });
    for (let row = 0; row < r; row++) {
      const next = new Map<string, { remaining: number[]; left: number; ways: bigint }>();
      for (const { remaining, left, ways } of partial.values()) {
        const most = Math.min(left, remaining[row] as number);
        const least = row === r - 1 ? left : 0;
        steps += Math.max(0, most - least + 1);
        if (steps > stepLimit || next.size > MAX_TABLE_STATES) throw new CohortError({ message: message.tablesTooMuchWork(estimate, maxWork, steps, next.size) }, exitCodes.refused);
        for (let take = least; take <= most; take++) {
          // A row may keep no more than the later columns can absorb.
          if ((remaining[row] as number) - take > later) continue;
          const updated = [...remaining];
          updated[row] = (remaining[row] as number) - take;
          const key = `${updated.join(",")}|${left - take}`;
          const seen = next.get(key);
          if (seen) seen.ways += ways;
          else next.set(key, { remaining: updated, left: left - take, ways });
        }
      }
      partial = next;
    }
    states = new Map();
    for (const { remaining, ways } of partial.values()) {
      const sorted = [...remaining].sort((a, b) => a - b);
      const key = sorted.join(",");
      const seen = states.get(key);
      if (seen) seen.ways += ways;
      else states.set(key, { remaining: sorted, ways });
    }
  }
  let count = 0n;
  for (const { ways } of states.values()) count += ways;
  stats.steps = steps;
  return count;
}

/**
 * Every table with the given margins, lazily, in lexicographic order of the cells read row by row.
 *
 * Why: lists the feasible cross-tabulations in constant memory (beyond one table). Each cell's range
 * comes from Hall's condition on what remains (row i's remainder must fit the columns to its right;
 * the columns filled so far can only be completed by the rows below), so no branch dead-ends.
 * @param rows row totals
 * @param cols column totals
 * @throws {CohortError} on invalid margins
 * @example
 * [...streamTables([1, 1], [1, 1])]; // => [[[0, 1], [1, 0]], [[1, 0], [0, 1]]]
 */
export function* streamTables(rows: readonly number[], cols: readonly number[]): Generator<number[][]> {
  validateMargins(rows, cols);
  const r = rows.length;
  const c = cols.length;
  const table = rows.map(() => new Array<number>(c).fill(0));
  const colLeft = [...cols];
  function* fill(i: number, j: number, rowLeft: number): Generator<number[][]> {
    if (i === r) {
      yield table.map((row) => [...row]);
      return;
    }
    if (j === c - 1) {
      if (rowLeft > (colLeft[j] as number)) return;
      (table[i] as number[])[j] = rowLeft;
      colLeft[j] = (colLeft[j] as number) - rowLeft;
      yield* fill(i + 1, 0, i + 1 < r ? (rows[i + 1] as number) : 0);
      colLeft[j] = (colLeft[j] as number) + rowLeft;
      return;
    }
    let right = 0;
    for (let k = j + 1; k < c; k++) right += colLeft[k] as number;
    let below = 0;
    for (let k = i + 1; k < r; k++) below += rows[k] as number;
    let upToHere = 0;
    for (let k = 0; k <= j; k++) upToHere += colLeft[k] as number;
    const low = Math.max(0, rowLeft - right, upToHere - below);
    const high = Math.min(rowLeft, colLeft[j] as number);
    for (let value = low; value <= high; value++) {
      (table[i] as number[])[j] = value;
      colLeft[j] = (colLeft[j] as number) - value;
      yield* fill(i, j + 1, rowLeft - value);
      colLeft[j] = (colLeft[j] as number) + value;
    }
  }
  yield* fill(0, 0, rows[0] as number);
}

/**
 * The range each cell can take over all tables with the given margins (Fréchet bounds):
 * max(0, rᵢ + cⱼ − N) … min(rᵢ, cⱼ); every whole number in between is attained.
 *
 * Reference: Fréchet (1951); Dobra & Fienberg (2000), Bounds for cell entries in contingency tables given marginal totals, doi:10.1073/pnas.97.22.11885.
 * @param rows row totals
 * @param cols column totals
 * @throws {CohortError} on invalid margins
 * @example
 * cellRanges([11, 9], [9, 5, 4, 2])[0][0]; // => { min: 0, max: 9 }
 */
export function cellRanges(rows: readonly number[], cols: readonly number[]): { min: number; max: number }[][] {
  const total = validateMargins(rows, cols);
  return rows.map((row) => cols.map((col) => ({ min: Math.max(0, row + col - total), max: Math.min(row, col) })));
}

/** Tables counted above this are not searched exhaustively for the illustrative table. */
export const ILLUSTRATIVE_SEARCH_LIMIT = 200_000;

/**
 * One table to show as an illustration: the one closest to independence (smallest Pearson distance
 * Σ (x − rᵢcⱼ/N)² / (rᵢcⱼ/N), ties to the first in `streamTables` order), found exhaustively when
 * there are at most ILLUSTRATIVE_SEARCH_LIMIT tables; otherwise a deterministic greedy table (each
 * cell, row by row, the feasible value nearest its expected count). It is one of many, never the data.
 *
 * @param rows row totals
 * @param cols column totals
 * @param count the number of tables, when the caller has counted them already (else counted here)
 * @returns the table and whether it was found exhaustively
 * @throws {CohortError} on invalid margins; `refused` when counting is past the work budget
 * @example
 * illustrativeTable([2, 2], [2, 2]).table; // => [[1, 1], [1, 1]]
 */
export function illustrativeTable(rows: readonly number[], cols: readonly number[], count?: bigint): { table: number[][]; exhaustive: boolean } {
  const total = validateMargins(rows, cols);
  const distance = (table: number[][]): number => {
    let sum = 0;
    table.forEach((row, i) =>
      row.forEach((x, j) => {
        const expected = ((rows[i] as number) * (cols[j] as number)) / total;
        sum += expected > 0 ? (x - expected) ** 2 / expected : x === 0 ? 0 : Infinity;
      }),
    );
    return sum;
  };
  if ((count ?? countTables(rows, cols)) <= BigInt(ILLUSTRATIVE_SEARCH_LIMIT)) {
    let best: number[][] | undefined;
    let bestDistance = Infinity;
    for (const table of streamTables(rows, cols)) {
      const d = distance(table);
      if (d < bestDistance - 1e-12) {
        best = table;
        bestDistance = d;
      }
    }
    return { table: best ?? [], exhaustive: true };
  }
  const r = rows.length;
  const c = cols.length;
  const colLeft = [...cols];
  const table = rows.map(() => new Array<number>(c).fill(0));
  for (let i = 0; i < r; i++) {
    let rowLeft = rows[i] as number;
    let below = 0;
    for (let k = i + 1; k < r; k++) below += rows[k] as number;
    for (let j = 0; j < c; j++) {
      let right = 0;
      for (let k = j + 1; k < c; k++) right += colLeft[k] as number;
      let upToHere = 0;
      for (let k = 0; k <= j; k++) upToHere += colLeft[k] as number;
      const low = j === c - 1 ? rowLeft : Math.max(0, rowLeft - right, upToHere - below);
      const high = j === c - 1 ? rowLeft : Math.min(rowLeft, colLeft[j] as number);
      const expected = ((rows[i] as number) * (cols[j] as number)) / total;
      const value = Math.min(high, Math.max(low, Math.round(expected)));
      (table[i] as number[])[j] = value;
      rowLeft -= value;
      colLeft[j] = (colLeft[j] as number) - value;
    }
  }
  return { table, exhaustive: false };
}
