import { InvalidArgumentError, Option } from "commander";
import type { CheckResult } from "../schema/check-result.js";
import { ROUNDING_MODES } from "../stats/rounding.js";
import { visibleControls } from "../io/visible-controls.js";

/**
 * What the single-value check commands share (grim, grimmer, debit, percent, change, map). A module of its
 * own so a command that checks one number does not load `cohort check`'s study machinery.
 */

/** The `--rounding` option every check command carries (scrutiny's vocabulary). */
export function roundingOption(): Option {
  return new Option("--rounding <mode>", "how the source rounded (scrutiny's modes)").choices(ROUNDING_MODES).default("up_or_down");
}

/** The `--threshold` option every command that rounds carries: the deciding digit of the `*_from` modes. */
export function thresholdOption(): Option {
  return new Option("--threshold <digit>", "deciding digit of the up_from / down_from / up_from_or_down_from modes (scrutiny's threshold)").argParser(parseThreshold).default(5);
}

function parseThreshold(value: string): number {
  const digit = Number(value);
  if (!/^\d$/.test(value.trim()) || digit < 1 || digit > 9) throw new InvalidArgumentError(`expected a whole number from 1 to 9, received "${value}"`);
  return digit;
}

/** One check result as a few lines for people: verdict, what, why, assumptions. */
export function formatCheckResult(result: CheckResult): string {
  const mark = result.status === "consistent" ? "ok" : result.status === "inconsistent" ? "INCONSISTENT" : "undetermined";
  const assumptions = Object.entries(result.assumptions)
    .map(([key, value]) => `    ${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join("\n");
  const subject = result.subject ? ` [${result.subject.join(", ")}]` : "";
  // Each line is one line: a line break inside study text is shown (␊), never obeyed.
  return [`${mark.padEnd(13)} ${result.check}${subject}`, `    ${result.explanation}`, ...(assumptions === "" ? [""] : assumptions.split("\n"))].map((line) => visibleControls(line)).join("\n");
}
