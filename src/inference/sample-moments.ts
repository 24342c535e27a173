/**
 * Mean and sample (n − 1) variance. Written out rather than taken from simple-statistics so no
 * population-SD function can slip in (ss.tTest divides by n; STYLE.md §1). Two-pass for accuracy.
 */
export function sampleMoments(values: ReadonlyArray<number>): { n: number; mean: number; variance: number } {
  const n = values.length;
  let sum = 0;
  for (const value of values) sum += value;
  const mean = sum / n;
  let squares = 0;
  for (const value of values) squares += (value - mean) * (value - mean);
  return { n, mean, variance: squares / (n - 1) };
}
