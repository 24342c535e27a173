import * as msg from "../messages/playground.js";
import type { CheckResult } from "../schema/check-result.js";
import { scanStatistics } from "../scan/scan-statistics.js";
import { found, type Finding } from "./finding.js";
import type { Rounding } from "./read-fields.js";

/** The CLI's limit on one source text (MAX_SOURCE_TEXT_BYTES in src/io/read-source-text.ts; a test keeps them equal). */
export const PASSAGE_MAX_BYTES = 5 * 1024 * 1024;

/** One statistic found in a text, as `cohort scan --json` lists it, with its checks as findings. */
export interface ScannedEntry {
  kind: string;
  start: number;
  end: number;
  quote: string;
  /** cohort scan's verdict in words: inconsistent if any check is, consistent if all are, "not checked" without checks. */
  verdict: "consistent" | "inconsistent" | "undetermined" | "not checked";
  findings: Finding[];
  /** Why no check ran, when none did. */
  unchecked?: string;
}

const TITLES: Record<string, string> = {
  "statistic-p": "p from the test statistic",
  percent: "Percentage of its count",
  "ci-p": "CI and p",
};

function facts(result: CheckResult): (readonly [string, string])[] {
  if (result.check !== "statistic-p") return [];
  const details = result.details as { decisionError: boolean; computedP: number | null };
  return [["Decision error", details.decisionError ? "yes: the significance at α = .05 flips" : "no"]];
}

/** cohort scan's verdict of one statistic (its `mark`), in words. */
function verdictOf(checks: readonly CheckResult[]): ScannedEntry["verdict"] {
  if (checks.length === 0) return "not checked";
  if (checks.some((check) => check.status === "inconsistent")) return "inconsistent";
  return checks.every((check) => check.status === "consistent") ? "consistent" : "undetermined";
}

/**
 * Every statistic `cohort scan` finds in a text, with the same checks (scanStatistics), so a passage
 * pasted here gets the verdicts `cohort scan` gives the same text in a file.
 *
 * @example
 * scanText("t(28) = 2.20, p = .03", { rounding: "up_or_down", threshold: 5 })[0]?.verdict; // => "inconsistent"
 */
export function scanText(text: string, rounding: Rounding): ScannedEntry[] {
  return scanStatistics(text, rounding).map((scanned) => ({
    kind: scanned.statistic.kind,
    start: scanned.statistic.start,
    end: scanned.statistic.end,
    quote: scanned.statistic.quote,
    verdict: verdictOf(scanned.checks),
    findings: scanned.checks.map((check) => found(TITLES[check.check] ?? check.check, check, facts(check))),
    ...(scanned.unchecked !== undefined ? { unchecked: scanned.unchecked } : {}),
  }));
}

/** The size of a text in UTF-8 bytes, as the CLI measures a source file. */
export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** The passage's refusal, when it is over the CLI's limit. */
export function passageRefusal(text: string): string | undefined {
  const bytes = utf8Bytes(text);
  return bytes > PASSAGE_MAX_BYTES ? msg.passageTooLarge(bytes, PASSAGE_MAX_BYTES) : undefined;
}
