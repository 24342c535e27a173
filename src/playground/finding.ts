import { formatProblem, isCohortError } from "../errors.js";
import type { CheckResult, CheckStatus } from "../schema/check-result.js";
import type { FieldProblem } from "./read-fields.js";
import type { ScannedEntry } from "./scan-text.js";

/** One check as the page shows it: the library's result, or the error the library (or the CLI) gives. */
export interface Finding {
  /** What ran, for people: "GRIM", "SD bounds", "p from t(28) = 2.20". */
  title: string;
  /** The library's name of the check (CheckResult.check), also for an error. */
  check: string;
  status: CheckStatus | "error";
  /** The library's explanation, word for word, or the error's message as the CLI prints it. */
  explanation: string;
  /** For an error: whether it is a refusal past a work budget (the CLI's exit 3). */
  refused?: boolean;
  result?: CheckResult;
  /** A few facts in words (counts that fit, decision error), each drawn from the result's details. */
  facts: (readonly [string, string])[];
}

/** What a panel shows: field problems (nothing ran), or findings and notes on what did not run. */
export interface PanelOutcome {
  problems: FieldProblem[];
  findings: Finding[];
  notes: string[];
  /** The input as the checks read it, when the page composed it (a statistic entered in parts). */
  readAs?: string;
  /** For a scanned text: each statistic found, with its checks (findings is then empty). */
  statistics?: ScannedEntry[];
}

/** A result as a Finding. */
export function found(title: string, result: CheckResult, facts: (readonly [string, string])[] = []): Finding {
  return { title, check: result.check, status: result.status, explanation: result.explanation, result, facts };
}

/**
 * Runs one check; a CohortError (bad or impossible input, or work past a budget) becomes an error
 * finding with the message the CLI prints, and anything else is reported as the CLI reports a bug.
 */
export function attempt(title: string, check: string, run: () => Finding): Finding {
  try {
    return run();
  } catch (error) {
    if (isCohortError(error)) {
      return { title, check, status: "error", explanation: error.problems.map(formatProblem).join("; "), refused: error.exitCode === 3, facts: [] };
    }
    return { title, check, status: "error", explanation: `internal error: ${error instanceof Error ? error.message : String(error)}`, facts: [] };
  }
}
