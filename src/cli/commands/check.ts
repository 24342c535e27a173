import type { Command } from "commander";
import { InvalidArgumentError, Option } from "commander";
import { checkStudy } from "../../checks/check-study.js";
import { loadStudy } from "../../io/load-study.js";
import type { CheckResult } from "../../schema/check-result.js";
import { RoundingMode } from "../../stats/rounding.js";
import { action, withJson } from "../run.js";
import { instrumentsFrom, withInstruments } from "../study-options.js";

/** The `--rounding` option every check command carries (scrutiny's vocabulary). */
export function roundingOption(): Option {
  return new Option("--rounding <mode>", "how the source rounded (scrutiny's modes)").choices(RoundingMode.options).default("up_or_down");
}

/** The `--threshold` option every command that rounds carries: the deciding digit of the `*_from` modes. */
export function thresholdOption(): Option {
  return new Option("--threshold <digit>", "deciding digit of the up_from / down_from / up_from_or_down_from modes (scrutiny's threshold)").argParser(parseThreshold).default(5);
}

function parseThreshold(value: string): number {
  const digit = Number(value);
  if (!/^\d$/.test(value.trim()) || digit < 1 || digit > 9) throw new InvalidArgumentError(`expected a whole number from 1 to 9, received "${value}"`);
  return digit;
}

/** One check result as a few lines for people: verdict, what, why, assumptions. */
export function formatCheckResult(result: CheckResult): string {
  const mark = result.status === "consistent" ? "ok" : result.status === "inconsistent" ? "INCONSISTENT" : "undetermined";
  const assumptions = Object.entries(result.assumptions)
    .map(([key, value]) => `    ${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join("\n");
  const subject = result.subject ? ` [${result.subject.join(", ")}]` : "";
  return `${mark.padEnd(13)} ${result.check}${subject}\n    ${result.explanation}\n${assumptions}`;
}

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
          `${study.title} (${file})`,
          "",
          ...results.map(formatCheckResult),
          "",
          `${summary.total} checks: ${summary.consistent} consistent, ${summary.inconsistent} inconsistent, ${summary.undetermined} undetermined`,
        ].join("\n");
        return { json: { status, study: study.id, file, summary, results }, text };
      }),
    );
}
