import { visibleControls } from "./io/visible-controls.js";

/**
 * One problem with the user's input: which file, where in it (a JSON path such as
 * `$.design.arms[1].size.value`), and what is wrong. Every user-facing failure is a list of these,
 * so the CLI can print one line per problem or emit them as JSON.
 */
export interface Problem {
  file?: string;
  path?: string;
  message: string;
}

/** Exit codes of the `cohort` CLI. Inconsistent numbers are findings, not errors: they exit 0. */
export const exitCodes = {
  ok: 0,
  invalidInput: 1,
  usage: 2,
  refused: 3,
  internal: 70,
} as const;

/**
 * An error caused by the user's input (a malformed file, an impossible argument, a request too large
 * to run). Its message is for people; it never carries a stack trace to the terminal.
 */
export class CohortError extends Error {
  readonly problems: Problem[];
  readonly exitCode: number;

  constructor(problems: Problem[] | Problem, exitCode: number = exitCodes.invalidInput) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(list.map(formatProblem).join("\n"));
    this.name = "CohortError";
    this.problems = list;
    this.exitCode = exitCode;
  }
}

export function isCohortError(error: unknown): error is CohortError {
  return error instanceof CohortError;
}

/**
 * `file: path: message`, leaving out the parts that are unknown. Always one line: control
 * characters in any part (a file name or a value quoted from a data file) are shown visibly
 * (ESC → ␛, line feed → ␊), so a problem can neither drive the terminal nor fake another line.
 */
export function formatProblem(problem: Problem): string {
  return [problem.file, problem.path, problem.message]
    .filter((part) => part !== undefined && part !== "")
    .map((part) => visibleControls(part!))
    .join(": ");
}

/**
 * Formats a path of keys and indices the way JSONPath does: `["arms", 1, "size"]` → `$.arms[1].size`.
 * Keys that are not plain identifiers are quoted: `$["odd key"]`.
 */
export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "$";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}
