import type * as z from "zod";
import { isUnknown } from "../draft/unknown.js";
import { jsonPath, type Problem } from "../errors.js";
import { stillUnknown } from "../messages/extract.js";

/** The value at a path of parsed JSON, or undefined. */
function valueAt(input: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * Turns zod issues into one Problem per issue: the file, the JSON path, and the message. A number
 * written where a reported value must be a string gets a hint, since that mistake loses trailing zeros;
 * a field a draft left "unknown" (cohort extract) says so, when the parsed `input` is given.
 */
export function zodProblems(error: z.ZodError, file: string | undefined, input?: unknown): Problem[] {
  return error.issues.map((issue) => {
    let message = issue.message;
    if (input !== undefined && isUnknown(valueAt(input, issue.path))) message = stillUnknown(message);
    if (issue.code === "invalid_type" && issue.expected === "string" && /received number/.test(message)) {
      message += ` (reported numbers such as means and percentages are written as strings, e.g. "3.39", so trailing zeros are kept)`;
    }
    return { ...(file !== undefined ? { file } : {}), path: jsonPath(issue.path), message };
  });
}
