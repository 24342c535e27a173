import { percent, showRange, type CountRange } from "../checks/percent.js";
import { attempt, found, type PanelOutcome } from "./finding.js";
import { FieldReader, readRounding, type Fields } from "./read-fields.js";

/**
 * A percentage of n, and the reported count when given: the library's percent(), as `cohort percent`
 * runs it, with the counts that fit shown as the library words them.
 *
 * @example
 * percentChecks({ percent: "33", n: "10" }).findings[0]?.status; // => "inconsistent" (3/10 = 30%, 4/10 = 40%)
 */
export function percentChecks(fields: Fields): PanelOutcome {
  const reader = new FieldReader(fields);
  const value = reader.decimal("percent", true);
  const n = reader.whole("n", true, 1);
  const count = reader.whole("count", false);
  const assumption = readRounding(fields, reader);
  if (reader.problems.length > 0 || value === undefined || n === undefined) return { problems: reader.problems, findings: [], notes: [] };
  const finding = attempt("Percentage", "percent", () => {
    const result = percent({ percent: value, n, ...(count !== undefined ? { count } : {}), ...assumption });
    const range = (result.details as { countRange: CountRange }).countRange;
    return found("Percentage", result, [["Counts that fit", showRange(range)]]);
  });
  return { problems: [], findings: [finding], notes: [] };
}
