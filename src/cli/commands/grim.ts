import type { Command } from "commander";
import { grim } from "../../checks/grim.js";
import type { RoundingMode } from "../../stats/rounding.js";
import { parseDecimalString, parsePositiveInteger, parseStepOption } from "../options.js";
import { action, withJson } from "../run.js";
import { formatCheckResult, roundingOption, thresholdOption } from "../check-output.js";

/** `cohort grim`: the GRIM test on one reported mean. */
export function register(program: Command): void {
  withJson(program.command("grim"))
    .description("GRIM test: can a mean of whole-number scores from n people round to the reported mean? (Brown & Heathers 2017)")
    .requiredOption("--mean <mean>", "reported mean as written (keeps trailing zeros: 5.10)", parseDecimalString)
    .requiredOption("--n <n>", "sample size", parsePositiveInteger)
    .option("--items <k>", "items per scale, each a whole number (multi-item GRIM)", parsePositiveInteger, 1)
    .option("--item-step <step>", "step between an item's values when not 1: 50 for items recoded to 0/50/100, or a fraction such as 100/3", parseStepOption)
    .option("--percent", "the mean is a percentage (5.19 means 0.0519)")
    .addOption(roundingOption())
    .addOption(thresholdOption())
    .addHelpText(
      "after",
      `
Examples:
  $ cohort grim --mean 5.19 --n 28        # inconsistent (145/28 = 5.18, 146/28 = 5.21)
  $ cohort grim --mean 5.19 --n 32        # consistent (166/32 = 5.1875)
  $ cohort grim --mean 3.20 --n 5 --items 4 --json
  $ cohort grim --mean 2.67 --n 40 --rounding binary_half_even   # 107/40 = 2.675, stored as 2.67499…: Python prints 2.67
  $ cohort grim --mean 77.41 --n 26 --items 10 --item-step 50    # RAND-36 physical functioning: inconsistent (77.31, 77.50)

Exit status: 0 whatever the verdict; 2 for bad options.`,
    )
    .action(
      action((options: { mean: string; n: number; items: number; itemStep?: string; percent?: boolean; rounding: RoundingMode; threshold: number }) => {
        const result = grim({ mean: options.mean, n: options.n, items: options.items, ...(options.itemStep !== undefined ? { itemStep: options.itemStep } : {}), percent: options.percent ?? false, rounding: options.rounding, threshold: options.threshold });
        return { json: result, text: formatCheckResult(result) };
      }),
    );
}
