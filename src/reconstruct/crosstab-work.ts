/**
 * Work estimate for counting contingency tables with given margins (countTables), made before the
 * count starts so that hopeless margins are refused at once instead of after minutes and gigabytes.
 */

/** Estimated steps of countTables beyond which it is refused (exit 3); about 2 s on the benchmark machine. */
export const TABLES_WORK_BUDGET = 10_000_000;

/** The dynamic programme keeps at most this many states at once (memory); past it the count is refused. */
export const MAX_TABLE_STATES = 1_000_000;

/** Beyond this many operations the exact multiset count below is itself too costly; a coarser bound is used. */
const ESTIMATE_COST_LIMIT = 20_000_000;
const ESTIMATE_MEMORY_LIMIT = 2_000_000;

/**
 * Estimated number of steps countTables takes for these margins.
 *
 * countTables fills one column at a time; between columns its state is the multiset of what each
 * row still needs. Before column j the remainders sum to L_j (the totals of columns j, j+1, …), so
 * the states number at most P(L_j) = the multisets of r whole numbers in 0…max(row) summing to L_j,
 * and each state spreads column j's total c_j over the r rows in at most C(c_j + r − 1, r − 1) ways:
 * estimate = Σ_j P(L_j) · C(c_j + r − 1, r − 1). Checked against the steps countTables really
 * takes (tests/reconstruct/crosstab-work.test.ts): within 0.7–20× on square and oblong margins, so
 * the budget is set with that spread in mind. P is counted exactly by the coin-change recurrence
 * over values 1…max(row) with at most r parts; when that would itself cost more than 2·10⁷
 * operations, the coarser bound min(C(L + r − 1, r − 1), (max + 1)^r) stands in (never smaller).
 *
 * @param rows row totals (validated by the caller)
 * @param cols column totals
 * @returns estimated steps (a float; Infinity when it overflows)
 * @example
 * estimateTablesWork([11, 9], [9, 5, 4, 2]); // => 76 (countTables takes 81 steps)
 */
export function estimateTablesWork(rows: readonly number[], cols: readonly number[]): number {
  const r = rows.length;
  const most = Math.max(0, ...rows);
  const total = cols.reduce((a, b) => a + b, 0);
  const multisets = multisetCounts(r, most, total);
  let remaining = total;
  let work = 0;
  for (let column = 0; column < cols.length - 1; column++) {
    const c = cols[column] as number;
    work += multisets(remaining) * binomial(c + r - 1, r - 1);
    remaining -= c;
    if (!Number.isFinite(work)) return Infinity;
  }
  return work;
}

/** L ↦ the number of multisets of `parts` whole numbers in 0…`most` summing to L (or a bound above it). */
function multisetCounts(parts: number, most: number, total: number): (sum: number) => number {
  if (parts * most * (total + 1) > ESTIMATE_COST_LIMIT || (parts + 1) * (total + 1) > ESTIMATE_MEMORY_LIMIT) return (sum) => Math.min(binomial(sum + parts - 1, parts - 1), (most + 1) ** parts);
  // ways[k][s]: multisets of k numbers in 1…value summing to s, built value by value (coin change
  // with a bounded number of coins); numbers equal to 0 fill the remaining parts.
  const ways = Array.from({ length: parts + 1 }, () => new Float64Array(total + 1));
  ways[0]![0] = 1;
  for (let value = 1; value <= most; value++) {
    for (let k = 1; k <= parts; k++) {
      const row = ways[k]!;
      const fewer = ways[k - 1]!;
      for (let s = value; s <= total; s++) row[s] = (row[s] as number) + (fewer[s - value] as number);
    }
  }
  return (sum) => {
    let count = 0;
    for (let k = 0; k <= parts; k++) count += ways[k]![sum] as number;
    return count;
  };
}

function binomial(n: number, k: number): number {
  let value = 1;
  for (let i = 1; i <= k; i++) value = (value * (n - k + i)) / i;
  return value;
}
