import type { Command } from "commander";
import { grimmer } from "../../checks/grimmer.js";
import { CohortError, exitCodes } from "../../errors.js";
import type { RoundingMode } from "../../stats/rounding.js";
import { parseDecimalString, parseInteger, parsePositiveInteger, parseStepOption } from "../options.js";
import { action, withJson } from "../run.js";
import { formatCheckResult, roundingOption, thresholdOption } from "../check-output.js";

/** `cohort grimmer`: GRIMMER on one reported mean and SD. */
export function register(program: Command): void {
  withJson(program.command("grimmer"))
    .description("GRIMMER test: can a mean and SD of whole-number scores from n people both round to the reported values? (Anaya 2016; Allard 2018)")
    .requiredOption("--mean <mean>", "reported mean as written", parseDecimalString)
    .requiredOption("--sd <sd>", "reported sample SD as written", parseDecimalString)
    .requiredOption("--n <n>", "sample size (at least 2)", parsePositiveInteger)
    .option("--items <k>", "items per scale (multi-item)", parsePositiveInteger, 1)
    .option("--item-step <step>", "step between an item's values when not 1 (50, or a fraction such as 100/3); --min and --max are then multiples of it", parseStepOption)
    .option("--min <v>", "lowest item score (with --max: also bounds the SD)", parseInteger)
    .option("--max <v>", "highest item score", parseInteger)
    .addOption(roundingOption())
    .addOption(thresholdOption())
    .addHelpText(
      "after",
      `
Passing GRIMMER is necessary, not proof that a sample exists (use cohort closure for that).

Examples:
  $ cohort grimmer --mean 3.44 --sd 2.47 --n 18           # inconsistent (rsprite2 test suite)
  $ cohort grimmer --mean 5.21 --sd 1.60 --n 28           # consistent
  $ cohort grimmer --mean 4.20 --sd 1.10 --n 5 --min 1 --max 7 --json
  $ cohort grimmer --mean 43.08 --sd 14.00 --n 26 --items 4 --item-step 20 --min 0 --max 100   # RAND-36 energy/fatigue: inconsistent

When n × items is far above 10^decimals of the mean (more than 1,000,000 totals fit it), neither GRIM
nor GRIMMER can test it: the result is "undetermined" with the count of totals, not a long loop.
Exit status: 0 whatever the verdict; 1 for impossible inputs (n < 2, more than 10000 items, a scale
with min ≥ max); 2 for bad options.`,
    )
    .action(
      action((options: { mean: string; sd: string; n: number; items: number; itemStep?: string; min?: number; max?: number; rounding: RoundingMode; threshold: number }) => {
        if ((options.min === undefined) !== (options.max === undefined)) throw new CohortError({ message: "give both --min and --max, or neither" }, exitCodes.usage);
        const scale = options.min !== undefined && options.max !== undefined ? { scale: { min: options.min, max: options.max } } : {};
        const result = grimmer({ mean: options.mean, sd: options.sd, n: options.n, items: options.items, ...(options.itemStep !== undefined ? { itemStep: options.itemStep } : {}), rounding: options.rounding, threshold: options.threshold, ...scale });
        return { json: result, text: formatCheckResult(result) };
      }),
    );
}
