/**
 * Every user-facing message of the reconstruction engine (crosstab, CLOSURE, SPRITE), as functions of
 * their inputs (vega-lite `log/message.ts` style), so tests compare against these functions rather than
 * copied strings.
 */

export function notWholeNumber(name: string, value: unknown): string {
  return `${name} must be a whole number, received ${String(value)}`;
}

export function notAtLeast(name: string, minimum: number, value: unknown): string {
  return `${name} must be at least ${minimum}, received ${String(value)}`;
}

export function notDecimal(name: string, value: unknown): string {
  return `${name} must be a decimal number written as a string such as "3.10", received ${JSON.stringify(value)}`;
}

export function scaleReversed(min: number, max: number): string {
  return `scale minimum must not exceed the maximum, received min ${min} and max ${max}`;
}

export function negativeError(name: string, value: number): string {
  return `${name} must be a finite number of at least 0, received ${value}`;
}

export function valueOffScale(value: number, min: number, max: number): string {
  return `restricted value ${value} is not on the scale ${min}–${max}`;
}

export function conflictingRestriction(value: number, detail: string): string {
  return `restrictions for value ${value} conflict: ${detail}`;
}

export function emptyMargins(which: "rows" | "cols"): string {
  return `${which} must list at least one total, received none`;
}

export function negativeMargin(which: "rows" | "cols", index: number, value: number): string {
  return `${which}[${index}] must be a whole number of at least 0, received ${value}`;
}

export function marginsDisagree(rowTotal: number, colTotal: number): string {
  return `row totals sum to ${rowTotal} but column totals sum to ${colTotal}; both must equal the sample size`;
}

export function labelCount(which: "row" | "col", expected: number, received: number): string {
  return `expected ${expected} ${which} labels (one per total), received ${received}`;
}

export function countingTooLarge(estimate: number, reached: string): string {
  return `counting stopped at ${reached} (estimated before starting: about ${formatCount(estimate)} states): the space is too large to count in bounded time and memory; narrow the scale, list what --time-budget S seconds find, or use cohort sprite`;
}

export function countingTooMuchWork(estimate: number, budget: number): string {
  return `counting these samples would visit about ${formatCount(estimate)} dynamic-programming states (estimated before starting), more than the budget of ${formatCount(budget)}; narrow the scale, list what --time-budget S seconds find, or use cohort sprite`;
}

export function scaleTooWide(points: number, limit: number): string {
  return `a scale of ${points} points needs ${points} counters per sample, more than the ${limit} allowed; CLOSURE and SPRITE are for bounded scales (e.g. 1–7, 0–100)`;
}

export function spriteTooMuchWork(estimate: number, budget: number): string {
  return `SPRITE would take about ${formatCount(estimate)} steps (estimated before starting: attempts × (n + moves per attempt)), more than the budget of ${formatCount(budget)}; ask for fewer --samples or a smaller --n`;
}

export function spriteTooMuchMemory(bytes: number, limit: number): string {
  return `SPRITE would hold about ${formatCount(bytes)} bytes (12 per value of n plus 13 per scale point), more than the ${formatCount(limit)} allowed; a smaller --n or scale`;
}

export function keySpaceTooLarge(n: number, scalePoints: number): string {
  return `n ${n} on a ${scalePoints}-point scale is too large for the counting mode`;
}

export function refuseMaterialise(count: string, values: string): string {
  return `refusing to enumerate ${count} samples (${values} values) without --limit; use --count to count them, --limit N to take the first N, --time-budget <seconds> to take as many as time allows, or cohort sprite to draw a few`;
}

export function longRunWarning(count: string, seconds: string): string {
  return `warning: ${count} samples to enumerate, about ${seconds} s on this machine (timed on its first samples); consider --count (counting only), --limit N, or cohort sprite`;
}

export function formatNeedsOutput(): string {
  return "--json prints the summary on stdout, so samples need --out FILE when --json is given";
}

export function unknownFormat(value: string): string {
  return `--format must be csv, jsonl or parquet, received "${value}"`;
}

export function unknownExtension(path: string): string {
  return `cannot tell the format of --out ${path}; name it .csv, .jsonl or .parquet, or pass --format`;
}

export function parquetNeedsOut(): string {
  return "--format parquet writes a binary file: give --out FILE.parquet";
}

export function illustrativeLabel(count: string): string {
  return `illustrative table: one of ${count} tables consistent with the margins — not the data`;
}

/** A restriction key that is not (and does not round from exactly one) mean of `items` whole-number items. */
export function notAnItemMean(value: string, items: number): string {
  return `restriction value ${value} is not the mean of ${items} whole-number item score${items === 1 ? "" : "s"} (nor the rounded value of exactly one such mean); write it as the item mean, e.g. ${(9 / 4).toString()} for a sum of 9 over 4 items`;
}

export function tablesTooMuchWork(estimate: number, budget: number, steps?: number, states?: number): string {
  const reached = steps === undefined ? "" : ` (stopped after ${steps} steps holding ${states} states)`;
  return `counting the tables with these margins would take about ${formatCount(estimate)} steps, estimated before starting${reached}, more than the budget of ${formatCount(budget)}; merge categories, or allow more work (cohort crosstab --max-work N)`;
}

function formatCount(value: number): string {
  return Number.isFinite(value) ? (value < 1e6 ? String(Math.round(value)) : value.toExponential(1)) : "more than 10^308";
}
