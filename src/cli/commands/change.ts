import type { Command } from "commander";
import { percentChange } from "../../checks/percent-change.js";
import { percentChangeChain, type MeanGrid, type PercentChangeSpec } from "../../checks/percent-change-chain.js";
import { CohortError, exitCodes } from "../../errors.js";
import * as msg from "../../messages/checks.js";
import type { RoundingMode } from "../../stats/rounding.js";
import { parseDecimalString, parseFiniteNumber, parseInteger, parsePositiveInteger, parsePositiveNumber } from "../options.js";
import { action, withJson } from "../run.js";
import { formatCheckResult, roundingOption, thresholdOption } from "../check-output.js";
import { visibleControls } from "../../io/visible-controls.js";

interface ChangeOptions {
  from?: string;
  to?: string;
  percent?: string;
  direction?: "increase" | "decrease";
  change?: string[];
  items?: number;
  n?: number;
  min?: number;
  max?: number;
  step?: number;
  scoring: "mean" | "sum";
  decimals?: number;
  always?: boolean;
  maxSteps?: number;
  rounding: RoundingMode;
  threshold: number;
}

/**
 * Parses `--change` specs: `<from>..<to>:<percent>:<direction>` with named timepoints, or
 * `<percent>:<direction>` for consecutive timepoints t0 → t1 → t2 … in the order given.
 */
export function parseChangeSpecs(specs: string[]): { timepoints: string[]; changes: PercentChangeSpec[] } {
  const timepoints: string[] = [];
  const add = (t: string) => (timepoints.includes(t) ? undefined : timepoints.push(t));
  const changes = specs.map((spec, index) => {
    const parts = spec.split(":");
    let from: string;
    let to: string;
    let rest: string[];
    if (parts.length === 3 && parts[0]!.includes("..")) {
      [from, to] = parts[0]!.split("..") as [string, string];
      rest = parts.slice(1);
    } else if (parts.length === 2) {
      from = `t${index}`;
      to = `t${index + 1}`;
      rest = parts;
    } else throw new CohortError({ message: msg.badChangeSpec(spec) }, exitCodes.usage);
    const [percent, direction] = rest as [string, string];
    if (!from || !to || !/^\d+(\.\d+)?$/.test(percent) || (direction !== "increase" && direction !== "decrease")) throw new CohortError({ message: msg.badChangeSpec(spec) }, exitCodes.usage);
    add(from);
    add(to);
    return { from, to, percent, direction } as PercentChangeSpec;
  });
  return { timepoints, changes };
}

/** `cohort change`: a percent change between two reported means, or a chain of changes on a grid of possible means. */
export function register(program: Command): void {
  withJson(program.command("change"))
    .description("check reported percent changes of a group mean: one change between two reported means, or a chain of changes enumerated on the grid of possible group means")
    .option("--from <mean>", "earlier mean as reported (single form)", parseDecimalString)
    .option("--to <mean>", "later mean as reported (single form)", parseDecimalString)
    .option("--percent <p>", "reported change, magnitude without sign (single form)", parseDecimalString)
    .option("--direction <dir>", "increase | decrease (default: as the means imply)")
    .option("--change <spec...>", "chain form: <from>..<to>:<percent>:<increase|decrease>, or <percent>:<increase|decrease> for consecutive timepoints")
    .option("--items <k>", "items per score (chain grid)", parsePositiveInteger)
    .option("--n <n>", "people in the group (chain grid)", parsePositiveInteger)
    .option("--min <v>", "lowest item score (chain grid; scale range for percentage points)", parseFiniteNumber)
    .option("--max <v>", "highest item score", parseFiniteNumber)
    .option("--step <s>", "step between item scores (above 0)", parsePositiveNumber)
    .option("--scoring <how>", "mean | sum of the items", "mean")
    .option("--decimals <d>", "instead of items/n: the means were rounded to this many decimals", parseInteger)
    .option("--always", "test the alternative computations even when the usual one fits")
    .option("--max-steps <steps>", "chain form: most enumeration steps to start on (the work is estimated first; default 20000000, a few seconds)", parsePositiveInteger)
    .addOption(roundingOption())
    .addOption(thresholdOption())
    .addHelpText(
      "after",
      `
Single change, means reported:
  $ cohort change --from 3.20 --to 2.50 --percent 21.88            # −21.875%: consistent

Chain on the grid of possible group means (BPI-SF severity: mean of 4 items 0–10, 5 patients):
  $ cohort change --change s1..s3:32.81:decrease --change s3..s6:24.56:increase \\
      --items 4 --n 5 --min 0 --max 10
  $ cohort change --change 21.88:decrease --items 4 --n 5 --min 0 --max 10 --json
  $ cohort change --change 32.81:decrease --change 24.56:increase --decimals 2 --min 0 --max 10

When the chain fits no means, the alternatives tried are listed, each with its status: change relative
to the later value, percentage points of the scale, n − 1 / n − 2 at a timepoint, means off the item
grid; the mean of individual changes is named as untestable from aggregates.
A chain on a fine grid (large n, many decimals) is estimated before it runs and refused (exit 3) when
the estimate exceeds --max-steps; the message gives the estimate.
Exit status: 0 whatever the verdict; 1 for impossible inputs; 2 for bad or missing options; 3 when the
estimated work exceeds --max-steps.`,
    )
    .action(
      action((options: ChangeOptions) => {
        if (options.change) {
          const { timepoints, changes } = parseChangeSpecs(options.change);
          if (options.min === undefined || options.max === undefined) throw new CohortError({ message: "the chain form needs --min and --max (the score range)" }, exitCodes.usage);
          let grid: MeanGrid;
          if (options.decimals !== undefined) grid = { kind: "precision", decimals: options.decimals, min: options.min, max: options.max };
          else if (options.items !== undefined && options.n !== undefined)
            grid = { kind: "items", items: options.items, n: options.n, min: options.min, max: options.max, scoring: options.scoring === "sum" ? "sum" : "mean", ...(options.step !== undefined ? { step: options.step } : {}) };
          else throw new CohortError({ message: msg.missingGrid() }, exitCodes.usage);
          const result = percentChangeChain({ timepoints, changes, grid, rounding: options.rounding, threshold: options.threshold, alwaysTestAlternatives: options.always ?? false, ...(options.maxSteps !== undefined ? { maxSteps: options.maxSteps } : {}) });
          return { json: result, text: formatChain(result) };
        }
        if (options.from === undefined || options.to === undefined || options.percent === undefined)
          throw new CohortError({ message: "give --from, --to and --percent, or one or more --change for the chain form" }, exitCodes.usage);
        const result = percentChange({
          from: options.from,
          to: options.to,
          percent: options.percent,
          rounding: options.rounding,
          threshold: options.threshold,
          ...(options.direction ? { direction: options.direction } : {}),
          ...(options.min !== undefined && options.max !== undefined ? { scale: { min: options.min, max: options.max } } : {}),
        });
        return { json: result, text: formatCheckResult(result) };
      }),
    );
}

function formatChain(result: ReturnType<typeof percentChangeChain>): string {
  const details = result.details as { meansByTimepoint: Record<string, number[]>; alternatives: { id: string; status: string; feasibleTuples?: number; explanation: string; meansByTimepoint?: Record<string, number[]> }[] };
  const means = Object.entries(details.meansByTimepoint).map(([t, m]) => `    ${t}: ${m.length > 12 ? `${m.slice(0, 12).join(", ")} … (${m.length} values)` : m.join(", ") || "none"}`);
  const alternatives = details.alternatives.map((a) => `    ${a.status.padEnd(13)} ${a.id}: ${a.explanation}`);
  // Timepoint names come from the command line: each entry stays one line.
  return [formatCheckResult(result), ...["  feasible group means:", ...means, ...(alternatives.length > 0 ? ["  alternatives:", ...alternatives] : [])].map((line) => visibleControls(line))].join("\n");
}
