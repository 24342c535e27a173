import { CohortError } from "../../errors.js";
import * as message from "../../messages/reconstruct-study.js";
import type { Rng } from "../../stats/rng.js";

/**
 * A vector of whole numbers x with lo[i] ≤ x[i] ≤ hi[i] and Σx = total, drawn with a chosen spread.
 *
 * Why: a reported group mean fixes only the sum of the patients' scores (in grid units); how the
 * sum splits over patients — the SD — is not reported. `spread` makes that unknown explicit:
 * 0 splits as evenly as the bounds allow (water-filling: the tightest vector), 1 fills patients to
 * their bounds one after another in random order (an extreme point: the widest vector), values in
 * between add chunks of random size up to `spread` × each patient's range. The order of patients is random (seeded).
 * Hand-written because no library samples bounded integer compositions with a spread control.
 *
 * @param lo per-element lower bounds (whole numbers)
 * @param hi per-element upper bounds (whole numbers), hi[i] ≥ lo[i]
 * @param total required sum, Σlo ≤ total ≤ Σhi
 * @param spread 0 (tightest) … 1 (widest)
 * @param rng seeded random source
 * @throws CohortError when the bounds cannot reach the total or spread is outside [0, 1]
 * @example
 * boundedSum([0, 0, 0], [10, 10, 10], 9, 0, createRng(1)); // => [3, 3, 3]
 */
export function boundedSum(lo: readonly number[], hi: readonly number[], total: number, spread: number, rng: Rng): number[] {
  if (!(spread >= 0 && spread <= 1)) throw new CohortError({ message: message.spreadOutOfRange(spread) });
  const low = lo.reduce((s, v) => s + v, 0);
  const high = hi.reduce((s, v) => s + v, 0);
  if (lo.some((v, i) => v > (hi[i] as number)) || total < low || total > high) throw new CohortError({ message: message.sumUnreachable(total, low, high) });
  const x = lo.slice();
  let remaining = total - low;
  if (spread === 0) {
    // Water-filling: the largest whole level L with Σ clamp(L, lo, hi) ≤ total, then the rest as
    // single units to patients that can still rise, chosen at random.
    let a = Math.min(...lo);
    let b = Math.max(...hi);
    const filled = (level: number): number => lo.reduce((s, l, i) => s + Math.min(Math.max(level, l), hi[i] as number), 0);
    while (a < b) {
      const mid = Math.ceil((a + b) / 2);
      if (filled(mid) <= total) a = mid;
      else b = mid - 1;
    }
    const rising: number[] = [];
    for (let i = 0; i < x.length; i++) {
      x[i] = Math.min(Math.max(a, lo[i] as number), hi[i] as number);
      if ((x[i] as number) < (hi[i] as number) && (x[i] as number) === a) rising.push(i);
    }
    remaining = total - filled(a);
    for (let k = 0; k < remaining; k++) {
      const pick = rng.int(k, rising.length - 1);
      [rising[k], rising[pick]] = [rising[pick] as number, rising[k] as number];
      const i = rising[k] as number;
      x[i] = (x[i] as number) + 1;
    }
    return x;
  }
  const open: number[] = [];
  for (let i = 0; i < x.length; i++) if ((x[i] as number) < (hi[i] as number)) open.push(i);
  while (remaining > 0) {
    const at = rng.int(0, open.length - 1);
    const i = open[at] as number;
    const room = (hi[i] as number) - (x[i] as number);
    // spread 1 fills to the bound (an extreme point); below 1, chunks of random size up to spread × width.
    const largest = Math.max(1, Math.round(spread * ((hi[i] as number) - (lo[i] as number))));
    const chunk = Math.min(remaining, room, spread === 1 ? largest : rng.int(1, largest));
    x[i] = (x[i] as number) + chunk;
    remaining -= chunk;
    if (x[i] === hi[i]) {
      open[at] = open[open.length - 1] as number;
      open.pop();
    }
  }
  return x;
}
