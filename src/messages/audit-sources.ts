/** User-facing messages of `cohort audit-sources`. */

/** The ok line of one data file. */
export const auditOk = (file: string, quotes: number, numbers: number, decimalComma: number): string =>
  `ok       ${file}: ${quotes} quotes verbatim, ${numbers} numbers stated by their quotes` +
  (decimalComma === 0 ? "" : ` (${decimalComma} in the decimal-comma convention, "5,2" for 5.2: check they were meant so)`);
