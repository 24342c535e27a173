import * as z from "zod";
import { CohortError } from "../errors.js";
import * as message from "../messages/reconstruct.js";

/**
 * Restrictions on how often scale values occur in a reconstructed sample (rsprite2's
 * `restrictions_exact` / `restrictions_minimum`, pysprite's `{value: count}` with 0 = exclude,
 * CORVIDS' "forced values"). Keys are scale values written as strings, because JSON keys are strings.
 */
export const Restrictions = z
  .object({
    exact: z.record(z.string(), z.number().int().nonnegative()).optional().meta({ description: "Value → exact number of times it occurs (0 excludes it)." }),
    atLeast: z.record(z.string(), z.number().int().nonnegative()).optional().meta({ description: "Value → minimum number of times it occurs." }),
    exclude: z.array(z.number().int()).optional().meta({ description: "Values that never occur." }),
  })
  .strict()
  .meta({ id: "Restrictions" });
export type Restrictions = z.infer<typeof Restrictions>;

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
