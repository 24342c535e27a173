/** Messages of the localiser and `cohort explain`. */

export const localiseTooMuchWork = (check: string, size: number, sets: number, estimate: number, budget: number): string =>
  `localising the ${check} inconsistency to ${size} figure${size === 1 ? "" : "s"} would test ${sets} sets of readings, about ${estimate} work units in all, more than the budget of ${budget}; raise it with --budget <units> (the estimate is a loose upper bound: the search usually takes far less) or give fewer figures`;

export const unknownStudyValue = (id: string, known: string[]): string => `no reported value or check result named "${id}" in this study (checked: ${known.join(", ") || "none"})`;

export const explainNeedsInput = (): string => "give a study file, or numbers: --change FROM:TO:±PERCENT… with --n and an instrument grid, --mean/--sd/--n, or --percents with --n";

export const badChangeSpec = (value: string): string => `--change takes FROM:TO:±PERCENT (e.g. s1:s3:-32.81), received "${value}"`;
