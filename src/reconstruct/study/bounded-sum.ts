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
    // Water-filling: raise the lowest elements that still have room, one unit at a time, ties broken at random.
    while (remaining > 0) {
      let best = Infinity;
      const candidates: number[] = [];
      x.forEach((value, i) => {
        if (value >= (hi[i] as number)) return;
        if (value < best) {
          best = value;
          candidates.length = 0;
        }
        if (value === best) candidates.push(i);
      });
      const i = candidates[rng.int(0, candidates.length - 1)] as number;
      x[i] = (x[i] as number) + 1;
      remaining -= 1;
    }
    return x;
  }
  while (remaining > 0) {
    const open = x.map((value, i) => i).filter((i) => (x[i] as number) < (hi[i] as number));
    const i = open[rng.int(0, open.length - 1)] as number;
    const room = (hi[i] as number) - (x[i] as number);
    // spread 1 fills to the bound (an extreme point); below 1, chunks of random size up to spread × width.
    const largest = Math.max(1, Math.round(spread * ((hi[i] as number) - (lo[i] as number))));
    const chunk = Math.min(remaining, room, spread === 1 ? largest : rng.int(1, largest));
    x[i] = (x[i] as number) + chunk;
    remaining -= chunk;
  }
  return x;
}
