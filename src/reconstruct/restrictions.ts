import * as z from "zod";
import { CohortError } from "../errors.js";
import * as message from "../messages/reconstruct.js";
import { integersInInterval, parseDecimal, roundingInterval } from "../stats/rounding.js";

/**
 * Restrictions on how often scale values occur in a reconstructed sample (rsprite2's
 * `restrictions_exact` / `restrictions_minimum`, pysprite's `{value: count}` with 0 = exclude,
 * CORVIDS' "forced values"). Keys are scale values written as strings, because JSON keys are strings.
 */
export const Restrictions = z
  .object({
    exact: z.record(z.string(), z.number().int().nonnegative()).optional().meta({ description: "Value → exact number of times it occurs (0 excludes it)." }),
    atLeast: z.record(z.string(), z.number().int().nonnegative()).optional().meta({ description: "Value → minimum number of times it occurs." }),
    exclude: z.array(z.number()).optional().meta({ description: "Values that never occur (item means such as 2.25 on a multi-item scale)." }),
  })
  .strict()
  .meta({ id: "Restrictions" });
export type Restrictions = z.infer<typeof Restrictions>;

/**
 * The item sum a restriction key denotes on a scale scored as the mean of `items` whole-number items:
 * "2.25" on a 4-item scale is the sum 9, exactly (decimal arithmetic, no float product). A key printed
 * rounded ("2.33" for 7/3 on a 3-item scale) denotes the one sum whose mean rounds to it (half up or down
 * at its decimals); a key no mean of that many items rounds to, or that two do, is an error.
 *
 * @param key a scale value as written in the restriction (string keys, or numbers in `exclude`)
 * @param items items averaged into each score (1 for a whole-number scale)
 * @throws {CohortError} when no (or more than one) mean of `items` whole numbers gives the key
 * @example
 * itemSumOf("2.25", 4); // => 9
 * itemSumOf("2.33", 3); // => 7
 */
export function itemSumOf(key: string | number, items: number): number {
  const text = typeof key === "number" ? String(key) : key.trim();
  let parsed;
  try {
    parsed = parseDecimal(text, "restriction value");
  } catch {
    throw new CohortError({ path: "restrictions", message: message.notAnItemMean(String(key), items) });
  }
  const scaledSum = BigInt(parsed.scaled) * BigInt(items) * (parsed.negative ? -1n : 1n);
  const unit = 10n ** BigInt(parsed.digits);
  if (scaledSum % unit === 0n) return Number(scaledSum / unit);
  const sums = integersInInterval(roundingInterval(text, "up_or_down"), items);
  if (sums.first !== sums.last) throw new CohortError({ path: "restrictions", message: message.notAnItemMean(String(key), items) });
  return sums.first;
}

/** Restrictions keyed by item means, rewritten on the grid of item sums (keys multiplied by `items`, exactly). */
export function restrictionsOnItemSums(restrictions: Restrictions | undefined, items: number): Restrictions | undefined {
  if (restrictions === undefined || items === 1) return restrictions;
  const rekey = (record: Record<string, number> | undefined) => (record === undefined ? undefined : Object.fromEntries(Object.entries(record).map(([key, count]) => [String(itemSumOf(key, items)), count])));
  return {
    ...(restrictions.exact ? { exact: rekey(restrictions.exact) } : {}),
    ...(restrictions.atLeast ? { atLeast: rekey(restrictions.atLeast) } : {}),
    ...(restrictions.exclude ? { exclude: restrictions.exclude.map((value) => itemSumOf(value, items)) } : {}),
  };
}

/** Per scale value (index 0 = scale minimum), the smallest and largest count a sample may have. */
export interface CountBounds {
  lower: Int32Array;
  upper: Int32Array;
}

/**
 * Turns restrictions into per-value count bounds on the scale `min…max`.
 *
 * @param restrictions exact counts, minimum counts and excluded values (scale units)
 * @param min scale minimum (whole number)
 * @param max scale maximum (whole number)
 * @param n sample size
 * @throws {CohortError} when a restricted value is off the scale or two restrictions contradict each other
 * @example
 * countBounds({ exact: { "1": 2 } }, 1, 3, 5).lower; // => Int32Array [2, 0, 0]
 */
export function countBounds(restrictions: Restrictions | undefined, min: number, max: number, n: number): CountBounds {
  const points = max - min + 1;
  const lower = new Int32Array(points);
  const upper = new Int32Array(points).fill(n);
  const index = (raw: string | number): number => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) throw new CohortError({ path: "restrictions", message: message.valueOffScale(value, min, max) });
    return value - min;
  };
  for (const [raw, count] of Object.entries(restrictions?.exact ?? {})) {
    const at = index(raw);
    lower[at] = count;
    upper[at] = count;
  }
  for (const [raw, count] of Object.entries(restrictions?.atLeast ?? {})) {
    const at = index(raw);
    if (count > (upper[at] as number)) throw new CohortError({ path: "restrictions", message: message.conflictingRestriction(Number(raw), `at least ${count} but at most ${upper[at]}`) });
    lower[at] = Math.max(lower[at] as number, count);
  }
  for (const value of restrictions?.exclude ?? []) {
    const at = index(value);
    if ((lower[at] as number) > 0) throw new CohortError({ path: "restrictions", message: message.conflictingRestriction(value, `excluded but required ${lower[at]} times`) });
    upper[at] = 0;
  }
  return { lower, upper };
}
