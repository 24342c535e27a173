import type { Command } from "commander";
import { checkStudy } from "../../checks/check-study.js";
import { loadStudy } from "../../io/load-study.js";
import { visibleControls } from "../../io/visible-controls.js";
import type { RoundingMode } from "../../stats/rounding.js";
import { formatCheckResult, roundingOption, thresholdOption } from "../check-output.js";
import { action, withJson } from "../run.js";
import { instrumentsFrom, withInstruments } from "../study-options.js";

// Shared with the single-value checks; re-exported so older imports of ./check.js keep working.
export { formatCheckResult, roundingOption, thresholdOption } from "../check-output.js";

/** `cohort check <study.json>`: every applicable check on a study file. */
export function register(program: Command): void {
  withInstruments(withJson(program.command("check")))
    .description("run every applicable check on a study file: compositions, band shifts, means (GRIM, GRIMMER, SD bounds), percent-change chains")
    .argument("<study>", "study JSON file (see data/studies/)")
    .addOption(roundingOption())
    .addOption(thresholdOption())
    .addHelpText(
      "after",
      `
Every reported number gets a verdict (ok / INCONSISTENT / undetermined), a one-line reason and the
assumptions it rests on. Inconsistent numbers are findings: the exit status is still 0.
Exit status: 0 after checking; 1 for an invalid study or instrument file; 2 for bad options.

Examples:
  $ cohort check data/studies/kap-pilot-two-approaches.json
  $ cohort check my-study.json --instruments my-instruments/ --json
  $ cohort check data/studies/ketamine-im-substance-misuse.json --rounding up
  $ cohort check my-study.json --rounding down_from --threshold 4
  $ cohort check my-study.json --rounding binary_half_even        # numbers printed by Python's round()`,
    )
    .action(
      action((file: string, options: { instruments?: string[]; rounding: RoundingMode; threshold: number }) => {
        const registry = instrumentsFrom(options);
        const study = loadStudy(file, registry);
        const results = checkStudy(study, registry, { rounding: options.rounding, threshold: options.threshold });
        const count = (s: string) => results.filter((r) => r.status === s).length;
        const summary = { consistent: count("consistent"), inconsistent: count("inconsistent"), undetermined: count("undetermined"), total: results.length };
        const status = summary.inconsistent > 0 ? "inconsistent" : summary.consistent > 0 ? "consistent" : "undetermined";
        const text = [
          visibleControls(`${study.title} (${file})`),
          "",
          ...results.map(formatCheckResult),
          "",
          `${summary.total} checks: ${summary.consistent} consistent, ${summary.inconsistent} inconsistent, ${summary.undetermined} undetermined`,
        ].join("\n");
        return { json: { status, study: study.id, file, summary, results }, text };
      }),
    );
}
