/**
 * User-facing messages of the inference area (confidence intervals, power, tests). Functions of their
 * inputs so tests compare against the same text (vega-lite style). Lowercase fragments, no period.
 */

export function countOutOfRange(count: number, n: number): string {
  return `count must be a whole number from 0 to n (${n}), received ${count}`;
}

export function sizeTooSmall(name: string, value: number, minimum: number): string {
  return `${name} must be a whole number of at least ${minimum}, received ${value}`;
}

export function levelOutOfRange(level: number): string {
  return `confidence level must be between 1e-12 and 1 − 1e-12 (nearer 0 or 1 it cannot be computed in double precision), received ${level}`;
}

export function alphaOutOfRange(alpha: number): string {
  return `alpha must be at least 1e-12 and below 1 (a smaller alpha cannot be computed in double precision), received ${alpha}`;
}

export function intervalNotComputable(method: string, count: number, n: number, level: number): string {
  return `the ${method} interval for ${count}/${n} at level ${level} cannot be computed in double precision`;
}

export function powerNotComputable(what: string, design: string, inputs: string): string {
  return `the ${what} of the ${design} design (${inputs}) cannot be computed in double precision`;
}

export function tTestTooExtreme(test: string): string {
  return `the values are too extreme to compute a t-test in double precision (${test}: a mean, variance, degrees of freedom or interval overflowed or underflowed)`;
}

export function powerOutOfRange(power: number, alpha: number): string {
  return `power must be strictly between alpha (${alpha}) and 1, received ${power}`;
}

export function effectInvalid(effect: number): string {
  return `effect size must be a finite number, received ${effect}`;
}

export function effectNotPositive(effect: number): string {
  return `effect size must be greater than 0 to plan a sample size, received ${effect}`;
}

export function ruleOfThreeNotApplicable(count: number, n: number): string {
  return `the rule of three applies only to 0/n or n/n, received ${count}/${n}`;
}

export function designUnknown(design: string): string {
  return `design must be one of two-group, paired, one-sample, received "${design}"`;
}

export function groupCountMismatch(design: string, count: number): string {
  return design === "two-group"
    ? `a two-group design needs one or two group sizes (n1,n2), received ${count}`
    : `a ${design} design needs one sample size, received ${count}`;
}

export function noncentralityTooLarge(ncp: number): string {
  return `noncentrality ${ncp.toFixed(2)} is beyond what the noncentral t series can evaluate (at most 37); power is 1 to many decimals there`;
}

export function sampleSizeNotFound(limit: number): string {
  return `no sample size up to ${limit} per group reaches the requested power`;
}

export function valuesTooFew(name: string, length: number, minimum: number): string {
  return `${name} needs at least ${minimum} values, received ${length}`;
}

export function valueNotFinite(name: string, index: number, value: number): string {
  return `${name}[${index}] must be a finite number, received ${value}`;
}

export function lengthMismatch(before: number, after: number): string {
  return `paired data need as many "after" values as "before" values, received ${before} and ${after}`;
}

export function noVariation(test: string): string {
  return `${test} is undefined: the values have no variation (standard deviation 0)`;
}

export function allDifferencesZero(): string {
  return "the signed-rank test is undefined: every paired difference is 0";
}

export function exactTooLarge(test: string, size: number, limit: number): string {
  return `${test}: exact permutation p-value is limited to ${limit} observations, received ${size}`;
}

export function thresholdOutOfRange(threshold: number): string {
  return `threshold must be a finite number, received ${threshold}`;
}

export function proportionsInvalid(p1: number, p2: number): string {
  return `two different proportions strictly between 0 and 1 are needed, received ${p1} and ${p2}`;
}
