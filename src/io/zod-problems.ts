import type * as z from "zod";
import { jsonPath, type Problem } from "../errors.js";

/**
 * Turns zod issues into one Problem per issue: the file, the JSON path, and the message. A number
 * written where a reported value must be a string gets a hint, since that mistake loses trailing zeros.
 */
export function zodProblems(error: z.ZodError, file: string | undefined): Problem[] {
  return error.issues.map((issue) => {
    let message = issue.message;
    if (issue.code === "invalid_type" && issue.expected === "string" && /received number/.test(message)) {
      message += ` (reported numbers such as means and percentages are written as strings, e.g. "3.39", so trailing zeros are kept)`;
    }
    return { ...(file !== undefined ? { file } : {}), path: jsonPath(issue.path), message };
  });
}
