/**
 * Messages of the bound and threshold functions of src/inference (regression to the mean, attrition
 * bounds, familywise error), as functions of their inputs. Lowercase fragments, no period.
 */

export function rtmSdInvalid(sd: number): string {
  return `regression to the mean needs a population SD greater than 0, received ${sd}`;
}

export function rtmReliabilityInvalid(reliability: number): string {
  return `regression to the mean needs a test–retest correlation between 0 and 1, received ${reliability}`;
}

export function rtmMeanNotBeyondCutoff(mean: number, cutoff: number, side: "above" | "below"): string {
  return `the selected group's mean ${mean} must lie ${side} the entry cut-off ${cutoff} for people selected ${side} it`;
}

export function attritionCountsInvalid(observed: number, total: number): string {
  return `observed n must be a whole number from 1 to the total n, received ${observed} of ${total}`;
}

export function attritionRangeInvalid(min: number, max: number): string {
  return `the score range must have min below max, received ${min} to ${max}`;
}

export function attritionMeanOutOfRange(mean: number, min: number, max: number): string {
  return `the observed mean ${mean} lies outside the score range ${min} to ${max}`;
}

export function familywiseTestsInvalid(tests: number): string {
  return `the number of tests must be a whole number of at least 1, received ${tests}`;
}
