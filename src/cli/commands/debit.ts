import type { Command } from "commander";
import { debit } from "../../checks/debit.js";
import type { RoundingMode } from "../../stats/rounding.js";
import { parseDecimalString, parsePositiveInteger } from "../options.js";
import { action, withJson } from "../run.js";
import { formatCheckResult, roundingOption, thresholdOption } from "../check-output.js";

/** `cohort debit`: DEBIT on one reported mean and SD of binary (0/1) data. */
export function register(program: Command): void {
  withJson(program.command("debit"))
    .description("DEBIT test: can a mean (a proportion) and SD of n values that are each 0 or 1 round to the reported values? (Heathers & Brown 2019)")
    .requiredOption("--mean <mean>", "reported mean of the 0/1 data (a proportion between 0 and 1), as written", parseDecimalString)
    .requiredOption("--sd <sd>", "reported sample SD, as written", parseDecimalString)
    .requiredOption("--n <n>", "sample size (at least 2)", parsePositiveInteger)
    .addOption(roundingOption())
    .addOption(thresholdOption())
    .addHelpText(
      "after",
      `
Binary data are fixed by the number of ones k: every k whose mean k/n fits is tried, and its SD
√(k(n − k)/(n(n − 1))) compared exactly with the SD's rounding interval.

Examples:
  $ cohort debit --mean 0.05 --sd 0.21 --n 20            # inconsistent (scrutiny's test suite)
  $ cohort debit --mean 0.35 --sd 0.49 --n 20            # consistent: 7 of 20, SD 0.4894
  $ cohort debit --mean 0.35 --sd 0.49 --n 20 --rounding up --json

Exit status: 0 whatever the verdict; 1 for impossible inputs (n < 2, a mean outside 0–1, a negative
SD); 2 for bad options.`,
    )
    .action(
      action((options: { mean: string; sd: string; n: number; rounding: RoundingMode; threshold: number }) => {
        const result = debit({ mean: options.mean, sd: options.sd, n: options.n, rounding: options.rounding, threshold: options.threshold });
        return { json: result, text: formatCheckResult(result) };
      }),
    );
}
