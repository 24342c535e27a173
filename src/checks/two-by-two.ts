import { CohortError } from "../errors.js";
import * as msg from "../messages/checks.js";
import { fisherExact, pearsonChiSquare, requireTable, type TwoByTwo } from "../inference/two-by-two.js";
import type { CheckResult } from "../schema/check-result.js";
import type { RoundingAssumption } from "../stats/reported-number.js";
import { parseReportedP, type ReportedP } from "../stats/reported-p.js";
import { compareP, showP, type SignificanceOptions } from "./p-verdict.js";
import { references } from "./references.js";
import { requireMode } from "./validate.js";

/** The tests a 2×2 p-value may come from. */
export type TwoByTwoTest = "fisher" | "chi2" | "chi2-yates";

const TEST_NAMES: Record<TwoByTwoTest, string> = { fisher: "Fisher's exact test", chi2: "Pearson's χ²", "chi2-yates": "Pearson's χ² with Yates' correction" };

/** A 2×2 table and the printed p, parsed once. */
export interface TwoByTwoParsed extends SignificanceOptions {
  table: TwoByTwo;
  p: ReportedP;
  /** The test the paper names; when absent every one is tried. */
  test?: TwoByTwoTest;
}

export interface TwoByTwoInput extends SignificanceOptions, Partial<RoundingAssumption> {
  table: TwoByTwo;
  /** As printed: "p = .49", "p < .001". */
  p: string;
  test?: TwoByTwoTest;
}

function pOf(table: TwoByTwo, test: TwoByTwoTest): number {
  return test === "fisher" ? fisherExact(table) : pearsonChiSquare(table, test === "chi2-yates").p;
}

/**
 * 2×2 table p-value: recomputes Fisher's exact test (two-sided as R's fisher.test) and Pearson's χ² with
 * and without Yates' correction from the counts, and compares each with the printed p (its relation and
 * rounding). The counts are exact, so each test gives one p. When the paper names its test, that test
 * decides the verdict and the others are listed; when it does not, the p is consistent if any test gives
 * it, and the details say which.
 * Reference: Fisher (1935), doi:10.2307/2342435; Pearson (1900); Yates (1934); R ?fisher.test, ?chisq.test.
 *
 * @throws CohortError for a negative or fractional count, or an empty row or column
 * @example
 * twoByTwoParsed({ table: [[3, 1], [1, 3]], p: parseReportedP("p = .49"), test: "fisher" }).status; // => "consistent"
 */
export function twoByTwoParsed(input: TwoByTwoParsed): CheckResult {
  requireTable(input.table);
  const tests: TwoByTwoTest[] = ["fisher", "chi2", "chi2-yates"];
  const results = tests.map((test) => {
    const p = pOf(input.table, test);
    const comparison = compareP(p, p, input.p, input);
    return { test, p, fits: comparison.fits, decisionError: comparison.decisionError, consistentP: comparison.consistentValues };
  });
  const deciding = input.test ? results.filter((r) => r.test === input.test) : results;
  const fitting = deciding.filter((r) => r.fits);
  const status = fitting.length > 0 ? "consistent" : "inconsistent";
  const listed = results.map((r) => `${TEST_NAMES[r.test]} p = ${showP(r.p)}`).join(", ");
  const table = `[[${input.table[0].join(", ")}], [${input.table[1].join(", ")}]]`;
  const explanation =
    status === "consistent"
      ? `${table}: ${fitting.map((r) => TEST_NAMES[r.test]).join(" and ")} ${fitting.length > 1 ? "give" : "gives"} a p that fits ${input.p.text} (${listed})`
      : `${table}: ${input.test ? `${TEST_NAMES[input.test]} gives p = ${showP(deciding[0]?.p ?? NaN)}, which does not fit ${input.p.text}` : `no test gives a p that fits ${input.p.text}`} (${listed})${
          deciding.some((r) => r.decisionError) ? "; decision error: the significance at α flips" : ""
        }${input.test && results.some((r) => r.fits) ? `; ${results.filter((r) => r.fits).map((r) => TEST_NAMES[r.test]).join(" or ")} would fit` : ""}`;
  return {
    check: "two-by-two",
    status,
    inputs: { table: input.table, p: input.p.text, ...(input.test ? { test: input.test } : {}) },
    assumptions: {
      rounding: input.p.number.rounding,
      test: input.test ? TEST_NAMES[input.test] : "not stated: Fisher's exact, Pearson's χ² and χ² with Yates' correction each tried",
      fisher: "two-sided: tables no more probable than the observed (R's relative tolerance 1e-7)",
      alpha: input.alpha ?? 0.05,
    },
    explanation,
    reference: references.twoByTwo,
    details: { tests: results, decisionError: status === "inconsistent" && deciding.every((r) => r.decisionError) },
  };
}

/**
 * 2×2 table p-value as printed: parses the p once, then runs twoByTwoParsed.
 *
 * @example
 * twoByTwo({ table: [[3, 1], [1, 3]], p: "p = .4857", test: "fisher" }).status; // => "consistent" (R ?fisher.test)
 */
export function twoByTwo(input: TwoByTwoInput): CheckResult {
  if (!Array.isArray(input.table) || input.table.length !== 2 || input.table.some((row) => !Array.isArray(row) || row.length !== 2)) {
    throw new CohortError({ message: msg.notATwoByTwo(input.table) });
  }
  const a = { rounding: requireMode(input.rounding), threshold: input.threshold ?? 5 };
  return twoByTwoParsed({
    table: input.table,
    p: parseReportedP(input.p, a),
    ...(input.test ? { test: input.test } : {}),
    ...(input.alpha !== undefined ? { alpha: input.alpha } : {}),
    ...(input.pEqualAlphaSignificant !== undefined ? { pEqualAlphaSignificant: input.pEqualAlphaSignificant } : {}),
  });
}
