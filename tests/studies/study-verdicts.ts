import { expect } from "vitest";
import type { CheckResult } from "../../src/schema/check-result.js";

/** One line per result, in the order `cohort check` prints them: "check subject-ids: status". */
export function verdicts(results: readonly CheckResult[]): string[] {
  return results.map((result) => `${result.check} ${(result.subject ?? []).join(",")}: ${result.status}`);
}

/** The one result of a check whose subject starts with the given id (fails the test if there is not exactly one). */
export function findResult(results: readonly CheckResult[], check: string, firstSubject: string): CheckResult {
  const found = results.filter((result) => result.check === check && result.subject?.[0] === firstSubject);
  expect(found, `${check} ${firstSubject}`).toHaveLength(1);
  return found[0]!;
}

/** Sample SD (n − 1 denominator), written out so the witnesses are checked without project code. */
export function sampleSd(values: readonly number[]): number {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (values.length - 1));
}
