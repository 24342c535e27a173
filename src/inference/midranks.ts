/**
 * Ranks 1..n with tied values sharing the mean of their positions (midranks), the convention of
 * R's rank(ties.method = "average") and of the Wilcoxon tests with ties.
 *
 * Values are compared after rounding to 12 significant digits, so that differences such as
 * 0.3 − 0.1 and 0.2, equal on paper but not in binary floating point, count as ties.
 *
 * @param values numbers to rank (finite)
 * @example
 * midranks([10, 20, 20, 30]); // => [1, 2.5, 2.5, 4]
 */
export function midranks(values: ReadonlyArray<number>): number[] {
  const keyed = values.map((value, index) => ({ key: tieKey(value), index }));
  keyed.sort((a, b) => a.key - b.key || a.index - b.index);
  const ranks = new Array<number>(values.length).fill(0);
  let start = 0;
  while (start < keyed.length) {
    let end = start;
    while (end + 1 < keyed.length && (keyed[end + 1] as { key: number }).key === (keyed[start] as { key: number }).key) end += 1;
    const rank = (start + 1 + end + 1) / 2;
    for (let position = start; position <= end; position += 1) ranks[(keyed[position] as { index: number }).index] = rank;
    start = end + 1;
  }
  return ranks;
}

/** The value used to decide ties: 12 significant digits absorb binary rounding noise. */
export function tieKey(value: number): number {
  // Same answer without the string round trip, for the values rank tests mostly see (scores and
  // changes snapped to 1e-6): when value is the double nearest some m/10^6 with |value| < 10^6, that
  // decimal has at most 12 significant digits and lies within half a unit of the 12th digit of
  // value, so toPrecision(12) gives it and Number() gives value back (+ 0 turns −0 into 0, as Number("0") does).
  if (Math.abs(value) < 1e6 && Math.round(value * 1e6) / 1e6 === value) return value + 0;
  return Number(value.toPrecision(12));
}
