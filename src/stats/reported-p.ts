import { CohortError } from "../errors.js";
import * as msg from "../messages/checks.js";
import { reportedNumber, type ReportedNumber, type RoundingAssumption } from "./reported-number.js";

/** How a p-value is printed relative to its number: `p = .04`, `p < .001`, `p > .05`, `p ≤ .05`, `p ≥ .05`. */
export type PRelation = "=" | "<" | ">" | "≤" | "≥";

/** A p-value as printed, parsed once: its relation and its number with the rounding interval. */
export interface ReportedP {
  /** As printed ("p < .001"). */
  text: string;
  relation: PRelation;
  number: ReportedNumber;
}

/** The true p-values a printed p admits: an interval in [0, 1] with its inclusivity. */
export interface PSet {
  lower: number;
  upper: number;
  lowerInclusive: boolean;
  upperInclusive: boolean;
}

const RELATIONS: Record<string, PRelation> = { "=": "=", "<": "<", ">": ">", "≤": "≤", "<=": "≤", "≥": "≥", ">=": "≥" };
const P_TEXT = /^\s*(?:p\s*)?(=|<=|>=|<|>|≤|≥)?\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*$/i;

/**
 * Parses a p-value as printed: "p = .04", "p < .001", "P = 0.26", "p≤.05", or a bare ".04" (taken as "=").
 *
 * @param text the p-value as printed
 * @param assumption how "=" values were rounded (default up_or_down)
 * @throws CohortError for text that is not a p-value, or a value outside 0…1
 * @example
 * parseReportedP("p < .001").relation; // => "<"
 * parseReportedP("p = .04").number.lower; // => 0.035
 */
export function parseReportedP(text: string, assumption: Partial<RoundingAssumption> = {}, name = "p"): ReportedP {
  if (typeof text !== "string") throw new CohortError({ message: msg.notAPValue(name, text) });
  const match = P_TEXT.exec(text.replace(/\u2009|\u00a0/g, " "));
  if (!match) throw new CohortError({ message: msg.notAPValue(name, text) });
  const relation = RELATIONS[match[1] ?? "="] as PRelation;
  const number = reportedNumber(match[2] as string, assumption, name);
  if (number.value < 0 || number.value > 1) throw new CohortError({ message: msg.pOutOfRange(name, text) });
  return { text: text.trim(), relation, number };
}

/**
 * The set of true p-values a printed p admits. "=" is the number's rounding interval (within 0…1);
 * "<" and "≤" everything below the printed bound (strictly or not), ">" and "≥" everything above: a
 * printed "p < .05" is read as the true p being below .05, not as a rounded value.
 *
 * @example
 * pSet(parseReportedP("p < .05")); // => { lower: 0, upper: 0.05, lowerInclusive: true, upperInclusive: false }
 */
export function pSet(p: ReportedP): PSet {
  const v = p.number.value;
  switch (p.relation) {
    case "=":
      return {
        lower: Math.max(0, p.number.lower),
        upper: Math.min(1, p.number.upper),
        lowerInclusive: p.number.lower < 0 || p.number.lowerInclusive,
        upperInclusive: p.number.upper > 1 || p.number.upperInclusive,
      };
    case "<":
      return { lower: 0, upper: v, lowerInclusive: true, upperInclusive: false };
    case "≤":
      return { lower: 0, upper: v, lowerInclusive: true, upperInclusive: true };
    case ">":
      return { lower: v, upper: 1, lowerInclusive: false, upperInclusive: true };
    case "≥":
      return { lower: v, upper: 1, lowerInclusive: true, upperInclusive: true };
  }
}

/** Whether the closed range [low, high] of attainable p-values meets the set a printed p admits. */
export function rangeMeetsPSet(low: number, high: number, set: PSet): boolean {
  const aboveLower = high > set.lower || (high === set.lower && set.lowerInclusive);
  const belowUpper = low < set.upper || (low === set.upper && set.upperInclusive);
  return aboveLower && belowUpper;
}
