/**
 * User-facing text of the playground page (site/playground/), as functions of their inputs so tests
 * compare against the same text. Field messages use the CLI option parsers' words (src/cli/options.ts),
 * so a value the CLI refuses is refused on the page with the same reason.
 */

export const required = (): string => "is required";

export const notDecimal = (value: string): string => `expected a decimal number such as 5.19, received "${value}"`;

export const notWhole = (value: string): string => `expected a whole number, received "${value}"`;

export const tooLarge = (value: string): string => `"${value}" is too large`;

export const notAtLeast = (min: number, value: string): string => `expected a whole number of at least ${min}, received "${value}"`;

export const notPositiveNumber = (value: string): string => `expected a number above 0 such as 28 or 17.8, received "${value}"`;

export const badThreshold = (value: string): string => `expected a whole number from 1 to 9, received "${value}"`;

export const scaleHalf = (): string => "give both the lowest and the highest score, or neither";

export const noSd = (): string => "GRIMMER and the SD bounds need an SD; DEBIT needs an SD and the scale 0 to 1";

export const noScale = (): string => "the SD bounds need the scale (lowest and highest score); with the scale 0 to 1 and one item, DEBIT runs too";

export const notBinary = (): string => "DEBIT runs when the scale is 0 to 1 with one item (binary data)";

export const noStatisticFound = (text: string): string =>
  `no test statistic with its degrees of freedom and p was recognised in "${text}"; write it as printed, such as t(28) = 2.20, p = .03`;

export const emptyPassage = (): string => "paste a passage of text holding reported statistics";

export const passageTooLarge = (bytes: number, limit: number): string => `the passage is ${bytes} bytes, more than the ${limit}-byte limit the CLI also applies to one source text`;

export const noneFound = (): string => "no reported statistic was recognised in the passage";

/** The CLI's sentence for a CLOSURE count (cohort closure), word for word. */
export const closureCount = (count: string, n: number, min: number, max: number, mean: readonly number[], sd: readonly number[]): string =>
  `${count} samples of n = ${n} on ${min}–${max} have a mean in [${mean.join(", ")}] and an SD in [${sd.join(", ")}] (bounds inclusive).`;

export const closureHorns = (min: number, max: number, mean: number): string =>
  `Horns index over all samples: min ${min.toFixed(3)}, max ${max.toFixed(3)}, mean ${mean.toFixed(3)} (exact range, by dynamic programming).`;

export const closureShares = (shares: readonly { value: number; share: number }[]): string =>
  "Share of each value across all samples: " + shares.map((row) => `${row.value}: ${(100 * row.share).toFixed(1)}%`).join(", ");

export const samplesNote = (): string => "In lexicographic order, as value×count: each is one of many samples consistent with the report, and none of them is the data.";

/** The results' first line, which a screen reader announces: what needs a fix, or each verdict. */
export const needsFix = (fields: number): string => `Nothing checked: ${fields === 1 ? "one field needs" : `${fields} fields need`} a fix.`;

export const statisticsFound = (found: number, counts: { consistent: number; inconsistent: number; undetermined: number; unchecked: number }): string =>
  `${found} ${found === 1 ? "statistic" : "statistics"} found: ${counts.consistent} consistent, ${counts.inconsistent} inconsistent, ${counts.undetermined} undetermined, ${counts.unchecked} not checked.`;

export const notChecked = (why: string): string => `Not checked: ${why}.`;

export const closureStopped = (seconds: number): string =>
  `stopped after ${seconds} s in this browser without an answer; the space is too large to work out here: run cohort closure --count on your own machine, or narrow the scale`;

export const passageStopped = (seconds: number): string =>
  `stopped after ${seconds} s in this browser without an answer; run cohort scan on the text on your own machine`;

export const closureCancelled = (): string => "stopped";

export const working = (what: string): string => `${what}: working…`;

export const noWorker = (): string => "this browser would not start a background worker, so this runs on the page itself and the page may pause until it ends";

export const hashTooLong = (): string => "the passage is too long to keep in the link; the link holds the other settings only";
