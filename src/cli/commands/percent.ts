import type { Command } from "commander";
import { percent } from "../../checks/percent.js";
import type { RoundingMode } from "../../stats/rounding.js";
import { parseDecimalString, parseInteger, parseIntegerList, parsePositiveInteger } from "../options.js";
import { action, withJson } from "../run.js";
import { formatCheckResult, roundingOption, thresholdOption } from "../check-output.js";

/** `cohort percent`: can a reported percentage come from a whole count of n? */
export function register(program: Command): void {
  withJson(program.command("percent"))
    .description("check a reported percentage against its denominator (and count): which whole counts round to it")
    .requiredOption("--percent <p>", "reported percentage, as written (keeps trailing zeros: 45.0)", parseDecimalString)
    .requiredOption("--n <n>", "denominator the percentage is of", parsePositiveInteger)
    .option("--count <k>", "reported count, if any", parseInteger)
    .option("--also-n <list>", "other denominators to try, comma-separated (e.g. enrolled vs completers)", parseIntegerList)
    .addOption(roundingOption())
    .addOption(thresholdOption())
    .addHelpText(
      "after",
      `
Examples:
  $ cohort percent --percent 45 --n 20 --count 9      # 9/20 = 45%: consistent
  $ cohort percent --percent 33 --n 10                # no count of 10 gives 33%: inconsistent
  $ cohort percent --percent 45.0 --n 20 --also-n 19,18 --json

Exit status: 0 whatever the verdict; 2 for bad options.`,
    )
    .action(
      action((options: { percent: string; n: number; count?: number; alsoN?: number[]; rounding: RoundingMode; threshold: number }) => {
        const result = percent({
          percent: options.percent,
          n: options.n,
          ...(options.count !== undefined ? { count: options.count } : {}),
          rounding: options.rounding,
          threshold: options.threshold,
          ...(options.alsoN ? { alternativeDenominators: options.alsoN } : {}),
        });
        return { json: result, text: formatCheckResult(result) };
      }),
    );
}
