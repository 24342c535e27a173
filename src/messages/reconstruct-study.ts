/**
 * User-facing messages and assumption texts of study-level reconstruction and of inference over
 * reconstructions, as functions of their inputs (vega-lite `log/message.ts` style), so tests compare
 * against these functions rather than copied strings.
 */

export function spreadOutOfRange(value: unknown): string {
  return `spread must be a number from 0 (tightest) to 1 (widest), received ${String(value)}`;
}

export function sumUnreachable(total: number, low: number, high: number): string {
  return `no scores within the bounds reach the required total ${total} (possible totals ${low}–${high})`;
}

export function badCount(value: unknown): string {
  return `count must be a whole number from 1 to 1000, received ${String(value)}`;
}

export function badSeed(value: unknown): string {
  return `seed must be a whole number, received ${String(value)}`;
}

export function unknownConvention(value: string, known: string[]): string {
  return `convention "${value}" is not defined by any instrument this study reports band shifts on (known: ${known.join(", ") || "none"}; or "each")`;
}

export function unknownMeans(value: unknown): string {
  return `means must be random, smallest-change or largest-change, received ${JSON.stringify(value)}`;
}

export function unknownImprovement(value: unknown): string {
  return `improvement must be as-claimed or not-assumed, received ${JSON.stringify(value)}`;
}

export function infeasible(group: string, instrument: string, detail: string): string {
  return `cannot rebuild ${instrument} for group "${group}": ${detail}`;
}

export function nothingToReconstruct(studyId: string): string {
  return `study "${studyId}" reports no composition, band shift, mean or percent change, so there is nothing to rebuild`;
}

export function unknownFormat(value: string): string {
  return `--format must be json or csv, received "${value}"`;
}

// ---- assumption texts (each reconstruction lists every one it used) ----

export const assumeCategoriesExclusive = (variable: string): string => `${variable}: categories exclusive (each patient in exactly one), as the study file reads them`;

export const assumeCrossTable = (variables: string[], count: number | null, uniform: boolean): string =>
  uniform
    ? `${variables.join(" × ")}: the cross-tabulation is not reported; this reconstruction uses one table drawn uniformly from the ${count ?? "many"} tables consistent with the reported margins`
    : `${variables.join(" × ")}: the cross-tabulation is not reported; categories were paired at random (too many tables to draw uniformly)`;

export const assumeGroupMean = (instrument: string, statistic: string): string =>
  `${instrument}: band shift describes the group mean (the source's statistic is ${statistic === "not-stated" ? "not stated" : statistic})`;

export const assumeBands = (instrument: string, convention: string): string => `${instrument} bands: ${convention}`;

export const assumeBandInterval = (): string =>
  "a whole-number band min–max is read as [min, next band's min) for a group mean (the top band as [min, max])";

export const assumeImproved = (instrument: string, quote: string): string =>
  `every patient improved on ${instrument} between the first and the last timepoint by at least one scoring step (from "${quote}")`;

export const assumeNoImprovement = (instrument: string): string =>
  `${instrument}: individual patients may worsen (the "improved in all patients" statement is deliberately not applied in this reconstruction)`;

export const assumePerPatientBand = (instrument: string, label: string, parts: string[]): string =>
  `${instrument} "${label}" read as each patient's score in the lowest band of the cut-off for their own category: ${parts.join("; ")}`;

export const assumeNoCutOff = (category: string, instrument: string): string =>
  `${category}: ${instrument} has no published cut-off for this category, so no threshold is applied to these patients (their score is only constrained by the scale${""})`;

export const assumeUnreported = (instrument: string, timepoint: string, why: string): string =>
  `${instrument} at ${timepoint}: not reported (${why}); values carry no information from the source`;

export const assumeLeftEmpty = (group: string, instrument: string, timepoints: string[]): string =>
  `${group}: ${instrument} at ${timepoints.join(", ")} is constrained by no reported number, so it is left empty`;

export const assumeChainPrimary = (group: string, instrument: string, count: number): string =>
  `${group} ${instrument}: group means drawn from the ${count} tuples on the instrument's grid that fit every reported percent change, computed as 100 × (later − earlier) / earlier`;

export const assumeChainAlternative = (group: string, instrument: string, label: string, count: number): string =>
  `${group} ${instrument}: the reported percent changes do not fit together as usual percent changes; this reconstruction uses the alternative that makes them consistent — ${label} (${count} tuples)`;

export const assumeChainExplanation = (group: string, instrument: string, sentence: string, corrected: string[], count: number): string =>
  `${group} ${instrument}: the reported percent changes do not fit together as printed; one reading alone makes them consistent, and this reconstruction follows it: ${sentence} (as a usual percent change: ${corrected.join(", ")}; ${count} tuples of group means). A reading the source does not state, not a fact`;

export const assumeChainSubset = (group: string, instrument: string, kept: string[], dropped: string[], count: number): string =>
  `${group} ${instrument}: the reported percent changes cannot all hold together under any computation tried that keeps every patient on the grid; this reconstruction keeps ${kept.join(", ")} (${count} tuples of group means) and drops ${dropped.join(", ")}, which it therefore does not reproduce`;

export const assumeInterpretation = (change: string, words: string, reading: string): string => `percent change ${change} "${words}" read as ${reading}`;

export const assumeRounding = (): string => "reported percentages read as rounded half up or half down (either)";

export const assumeSpread = (spread: number): string =>
  `the spread of the scores is set here, not matched to the report: each group total is split over patients with spread ${spread.toFixed(2)} (0 = as even as the bounds allow, 1 = as extreme as they allow)`;

export const assumeMeans = (mode: string): string =>
  mode === "random" ? "group means drawn uniformly from those consistent with the report" : `group means chosen to give the ${mode === "smallest-change" ? "smallest" : "largest"} change the report allows`;

export const assumeIntegerScores = (): string => "each patient's score is on the instrument's scoring grid (sum of whole-number items, or their mean) within its range";

export const assumeMeanOfSubset = (instrument: string, timepoint: string, mean: string, n: number, groupN: number): string =>
  `${instrument} at ${timepoint}: group mean ${mean} is of n = ${n}, not of the ${groupN} rebuilt, so it does not fix their total and is not used`;

export const assumeMeanValue = (instrument: string, timepoint: string, mean: string): string =>
  `${instrument} at ${timepoint}: group mean ${mean} read as rounded to its reported decimals`;

export const assumeMixedGroups = (instrument: string): string =>
  `${instrument}: values reported for the whole sample and for arms at once; only the arm-level values are used`;

export const assumeChainNone = (group: string, instrument: string, dropped: string[]): string =>
  `${group} ${instrument}: no single reported percent change (${dropped.join(", ")}) fits the instrument's grid, so none constrains the group means`;

export const assumeOffGrid = (group: string, instrument: string, labels: string[]): string =>
  `${group} ${instrument}: the changes would fit together under ${labels.join("; or ")} — readings in which the group means are not those of ${"n"} complete patient scores on the grid, so patient rows cannot follow them`;

export function badPerScenario(value: unknown): string {
  return `reconstructions per scenario must be a whole number from 1 to 500, received ${String(value)}`;
}

export function alphaOutOfRange(value: unknown): string {
  return `alpha must be strictly between 0 and 1, received ${String(value)}`;
}

export const caveatUnreported = (instrument: string, timepoint: string): string =>
  `no ${instrument} value is reported at ${timepoint}; those scores are drawn only to satisfy the "improved in all patients" reading, so this test shows what that reading implies, not what the data show`;

export const noteNoNumbers = (instrument: string): string => `${instrument}: the source reports no number for it (at most a trend in words), so it is not reconstructed`;

export const noteArmEmpty = (arm: string, instrument: string): string => `${arm}: no number is reported for ${instrument} in this group, so its ${instrument} columns are left empty`;

export function cannotWrite(out: string, code: string): string {
  return `cannot write the reconstruction files into --out ${out} (${code}); pass a folder you can write to`;
}

const spreadNames = { sd: "SD", se: "SE", ci95: "95% CI half-width", unstated: "± (kind not stated)" } as const;

export const assumeSpreadNotUsed = (instrument: string, timepoint: string, dispersion: { kind: keyof typeof spreadNames; value: string }): string =>
  `${instrument} at ${timepoint}: the reported ${spreadNames[dispersion.kind]} ${dispersion.value} is NOT matched by these datasets (they match the mean only; the spread is set separately); use cohort closure or cohort sprite for samples matching mean and SD`;

export const assumeChainTooLarge = (group: string, instrument: string, changes: string[]): string =>
  `${group} ${instrument}: the group means fitting ${changes.join(", ")} are too many to enumerate here, so these changes do not constrain the datasets (check them with cohort change)`;

export const assumeTuplesListed = (group: string, instrument: string, listed: number, total: number): string =>
  `${group} ${instrument}: group means drawn from the first ${listed} of the ${total} fitting tuples (the checks engine lists them in enumeration order, lowest means first), not from all of them`;

export function inferenceTooMuchWork(work: number, budget: number, datasets: number): string {
  return `the tests over ${datasets} rebuilt datasets would take about ${work.toExponential(1)} steps (estimated before starting: datasets × Σ n³ per tested group), more than the budget of ${budget.toExponential(1)}; the groups are too large for exact rank tests over this many datasets`;
}
