/** Each check's name as a reader would say it (the check's id stays in the notebook's toolkit detail). */
const CHECK_NAMES: Readonly<Record<string, string>> = {
  "band-shift": "band shift on the instrument's bands",
  "change-sd": "SD of a change against the SDs before and after",
  "ci-p": "p-value against the confidence interval",
  composition: "counts and percentages of a composition",
  debit: "DEBIT (mean and SD of yes/no data)",
  "effect-counts": "effect size recomputed from counts",
  "eta-squared-f": "eta squared against the F statistic",
  "flow-arms-sum": "group sizes adding up to the total",
  "flow-stage-order": "participant flow never growing from stage to stage",
  "flow-stage-sum": "group counts at a flow stage adding up to its total",
  grim: "GRIM (a mean of whole numbers)",
  grimmer: "GRIMMER (an SD of whole numbers)",
  "median-grid": "median on the scale's grid",
  percent: "percentage of a count",
  "percent-change": "percent change",
  "percent-change-chain": "percent changes taken together",
  "sd-bounds": "SD within the bounds the scale allows",
  "sd-or-se": "± read as SD or as SE",
  "sd-or-se-table": "± read as SD or as SE, across a table",
  "statistic-p": "p-value recomputed from the test statistic",
  "summary-t": "t-test recomputed from means, SDs and n",
  "two-by-two": "2 × 2 table recomputed from counts",
};

/**
 * A check's name in words, or its id when the check is not listed.
 *
 * @example
 * checkName("grim"); // => "GRIM (a mean of whole numbers)"
 */
export function checkName(check: string): string {
  return CHECK_NAMES[check] ?? check;
}

/** Every check id with its name, for the notebook's glossary (plain-names.ts). */
export function checkNameEntries(): ReadonlyArray<readonly [string, string]> {
  return Object.entries(CHECK_NAMES);
}
