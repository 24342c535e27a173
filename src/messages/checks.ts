/**
 * User-facing error messages of the rounding toolkit and the checks, as functions of their inputs
 * (vega-lite's log/message.ts style), so tests compare against these functions, not copied strings.
 * Each is a lowercase fragment without a trailing period, naming what is wrong and the value received.
 */

export const notADecimalString = (name: string, value: unknown): string =>
  `${name} must be a decimal number written as a string such as "5.19" (to keep trailing zeros), received ${JSON.stringify(value)}`;

export const notAWholeNumber = (name: string, value: unknown, min: number): string =>
  `${name} must be a whole number of at least ${min}, received ${String(value)}`;

export const notAFiniteNumber = (name: string, value: unknown): string => `${name} must be a finite number, received ${String(value)}`;

export const badDigits = (value: unknown): string => `digits must be a whole number from 0 to 15, received ${String(value)}`;

export const badThreshold = (value: unknown): string => `threshold must be a whole number from 1 to 9, received ${String(value)}`;

export const twoCandidateMode = (mode: string): string =>
  `rounding mode "${mode}" gives two candidates; use reround() for it, or a single mode such as "up"`;

export const unknownRoundingMode = (value: unknown): string =>
  `unknown rounding mode ${JSON.stringify(value)}; expected one of up_or_down, up, down, even, up_from, down_from, up_from_or_down_from, ceiling_or_floor, ceiling, floor, trunc, anti_trunc, binary_half_even, r_round`;

export const countAboveN = (count: number, n: number): string => `count ${count} is larger than n ${n}`;

export const minAboveMax = (min: number, max: number): string => `min ${min} must be below max ${max}, received min ${min} and max ${max}`;

export const nTooSmallForSd = (n: number): string => `an SD needs n of at least 2, received n ${n}`;

export const negativeSd = (sd: string): string => `an SD cannot be negative, received "${sd}"`;

export const binaryMeanOutOfRange = (mean: string): string => `a mean of binary data must lie between 0 and 1, received "${mean}"`;

export const emptyCategories = (): string => "a composition needs at least one category, received none";

export const unknownTimepoint = (id: string, known: readonly string[]): string =>
  `timepoint "${id}" is not one of the declared timepoints (${known.join(", ")})`;

export const sameTimepoint = (id: string): string => `a change must go between two different timepoints, received "${id}" to "${id}"`;

export const noChanges = (): string => "at least one percent change is needed, received none";

export const badDirection = (value: unknown): string => `direction must be "increase" or "decrease", received ${JSON.stringify(value)}`;

export const badChangeSpec = (value: string): string =>
  `a change must look like "<percent>:<increase|decrease>" or "<from>..<to>:<percent>:<increase|decrease>", received "${value}"`;

export const gridTooLarge = (points: number, limit: number): string =>
  `the grid of possible group means has ${points} points per timepoint, more than the limit of ${limit}; give a coarser precision or a smaller range`;

export const unknownBand = (band: string, convention: string): string => `band "${band}" is not defined in convention "${convention}"`;

export const noConventions = (): string => "a band shift needs at least one band convention, received none";

export const badBand = (band: string, min: number, max: number): string => `band "${band}" has min ${min} above max ${max}`;

export const missingGrid = (): string => "give either the item structure (items, n, min, max) or a reporting precision for the means";

export const earlierMeanNotPositive = (value: string): string => `a percent change needs an earlier mean above 0, received "${value}"`;

export const tooManyItems = (items: number, limit: number): string => `items must be at most ${limit} per score, received ${items}`;

export const notAnInteger = (name: string, value: unknown): string => `${name} must be a whole number, received ${String(value)}`;

export const stepNotPositive = (step: unknown): string => `step must be a finite number above 0 (the distance between item scores), received ${String(step)}`;

export const gridTooWide = (extent: number): string =>
  `a grid of group means reaching ${Number.isFinite(extent) ? extent.toExponential(1) : "more than 1e308"} grid units is beyond exact arithmetic in double precision; give the score range of the instrument (--min, --max) and a realistic --step, n or --decimals`;

export const chainTooMuchWork = (points: number, steps: number, limit: number): string =>
  `checking these changes would take about ${steps} enumeration steps (${points} possible group means per timepoint), more than the limit of ${limit}; give a coarser grid (fewer --decimals, a smaller n or score range) or raise the limit with --max-steps <steps> (10 million steps take a few seconds)`;

export const alternativeNotRun = (steps: number, limit: number): string =>
  `not run: it would take about ${steps} enumeration steps, more than the limit of ${limit} (raise it with --max-steps)`;

export const bandBoundNotFinite = (band: string, which: "min" | "max", value: unknown): string =>
  `band "${band}" must have a finite ${which}, received ${String(value)}`;

export const tooManyCounts = (percent: string, n: number, count: number, limit: number): string =>
  `${count} whole counts out of ${n} round to ${percent}%, more than the ${limit} that can be listed; use countRangeForPercent for the range`;

export const tooManyEndings = (digits: number, limit: number): string =>
  `the GRIM probability at ${digits} decimals would test 10^${digits} endings one by one, more than the limit of ${limit}; use the ratio (n × items / 10^decimals) instead`;

export const tooManyTotals = (what: string, totals: number, limit: number): string =>
  `${what} would have to try ${totals} whole-number totals that fit the mean, more than the limit of ${limit}; n × items is far above 10^decimals, so the mean is too coarse to test this way`;

export const productTooLarge = (n: number, items: number): string =>
  `n × items must be at most 9007199254740991 (2^53 − 1), received n ${n} × items ${items}`;

export const negativeValue = (name: string, value: string): string => `${name} cannot be negative, received "${value}"`;

export const notAPValue = (name: string, value: unknown): string =>
  `${name} must be a p-value as printed, such as "p = .04", "p < .001" or "0.26", received ${JSON.stringify(value)}`;

export const pOutOfRange = (name: string, value: string): string => `${name} must lie between 0 and 1, received "${value}"`;

export const missingDf = (test: string, which: string): string => `a ${test} statistic needs ${which}`;

export const badDf = (name: string, value: unknown): string => `${name} must be a positive number of degrees of freedom, received ${String(value)}`;

export const correlationOutOfRange = (value: string): string => `a correlation must lie between −1 and 1, received "${value}"`;

export const negativeStatistic = (test: string, value: string): string => `a ${test} statistic cannot be negative, received "${value}"`;

export const badAlpha = (value: unknown): string => `alpha must lie strictly between 0 and 1, received ${String(value)}`;

export const badTails = (value: unknown): string => `tails must be 1 or 2, received ${String(value)}`;

export const badLevel = (value: unknown): string => `the confidence level must lie strictly between 0 and 100 (percent), received ${String(value)}`;

export const ciReversed = (lower: string, upper: string): string => `the CI's lower limit must lie below its upper limit, received ${lower} to ${upper}`;

export const ratioNotPositive = (name: string, value: string): string => `a ratio (and its CI) must be above 0, received ${name} "${value}"`;

export const badCount = (name: string, value: unknown): string => `${name} must be a whole number of at least 0, received ${String(value)}`;

export const emptyMargin = (): string => "a 2×2 table needs at least one count in every row and column, received an empty row or column";

export const pairedNeedsSpread = (): string => "a paired t-test needs the SD of the changes, or both SDs and their correlation";

export const unknownDispersion = (value: unknown): string => `the ± value's kind must be sd, se, ci95 or unstated, received ${JSON.stringify(value)}`;

export const tooFewForTest = (name: string, n: number): string => `${name} needs n of at least 2, received ${n}`;

export const notATwoByTwo = (value: unknown): string => `a 2×2 table must be two rows of two counts, such as [[3, 1], [1, 3]], received ${JSON.stringify(value)}`;

/** The assumption behind a granularity check on an instrument that scores a scale from the items answered. */
export const completeAnswersAssumed = (instrument: string, items: number, minimum: number): string =>
  `every item answered: ${instrument} scores a scale from the items answered (any ${minimum} or more of its ${items}), and a score from fewer items lies off this grid`;

/**
 * How a granularity misfit on such an instrument is worded: a question, not an error. `fit` says whether
 * one person's score from fewer items makes the mean possible (null: it does not; "untested": not tried, as
 * for an SD).
 */
export const impossibleWithCompleteAnswers = (instrument: string, fit: { answered: number; items: number; example: string } | null | "untested"): string => {
  const partial =
    fit === "untested"
      ? `a score from fewer answered items, which ${instrument}'s scoring allows, may account for it`
      : fit === null
        ? `one person's score from fewer answered items does not account for the mean (two or more such scores, another n or another figure might)`
        : `it is possible if one person answered ${fit.answered} of the ${fit.items} items, which ${instrument}'s scoring allows (total ${fit.example})`;
  return `impossible with complete answers at the printed n — a question for the authors, not proof of an error: ${partial}`;
};
