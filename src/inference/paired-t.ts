import { CohortError } from "../errors.js";
import * as message from "../messages/inference.js";
import { oneSampleT } from "./one-sample-t.js";
import type { TTestResult } from "./t-test-result.js";
import { requireLevel, requireValues } from "./validate.js";

/**
 * Paired t-test on after − before, with Cohen's dz = mean change / SD of the changes.
 *
 * Why: the test a pre/post case series (study A) could have reported. The sign convention is
 * after − before, so a fall in pain is a negative estimate. dz is the effect size that paired power
 * (`power("paired", …)`) takes, so the two line up.
 *
 * Reference: Cohen J (1988) Statistical Power Analysis, 2nd ed., §2.3.5 (dz); checked against R's
 * t.test(extra ~ group, data = sleep, paired = TRUE): t = −4.0621, df = 9, p = 0.002833.
 *
 * @param before first measurement of each participant
 * @param after second measurement, same order and length as `before`
 * @param level confidence level of the CI, default 0.95
 * @throws {CohortError} on unequal lengths, fewer than 2 pairs, non-finite values, all changes equal, or
 *   values so extreme that the changes, variance or interval overflow or underflow in double precision
 * @example
 * pairedT([1, 2, 3], [2, 4, 7]).t; // => 2.6457...
 */
export function pairedT(before: ReadonlyArray<number>, after: ReadonlyArray<number>, level = 0.95): TTestResult {
  requireValues("before", before, 2);
  requireValues("after", after, 2);
  requireLevel(level);
  if (before.length !== after.length) throw new CohortError({ message: message.lengthMismatch(before.length, after.length) });
  const changes = after.map((value, index) => value - (before[index] as number));
  if (!changes.every((change) => Number.isFinite(change))) throw new CohortError({ message: message.tTestTooExtreme("paired-t") });
  let result: TTestResult;
  try {
    result = oneSampleT(changes, 0, level);
  } catch (error) {
    if (error instanceof CohortError && error.message === message.noVariation("one-sample t-test")) {
      throw new CohortError({ message: message.noVariation("paired t-test") });
    }
    if (error instanceof CohortError && error.message === message.tTestTooExtreme("one-sample-t")) {
      throw new CohortError({ message: message.tTestTooExtreme("paired-t") });
    }
    throw error;
  }
  return { ...result, test: "paired-t", effectSize: { name: "dz", value: result.effectSize.value, definition: "mean of (after − before) / SD of (after − before)" } };
}
