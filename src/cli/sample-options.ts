import type { Command } from "commander";
import { parseDecimalString, parseFiniteNumber, parseInteger, parsePositiveInteger } from "./options.js";

/** The parsed values of the options withSampleOptions declares. */
export interface SampleOptions {
  mean: string;
  sd: string;
  n: number;
  min: number;
  max: number;
  meanError?: number;
  sdError?: number;
}

/**
 * The options that describe a reported sample on a bounded integer scale — mean and SD as printed,
 * n, the scale and the rounding errors — shared by `cohort closure` and `cohort sprite`, so both
 * read the same inputs the same way.
 */
export function withSampleOptions(command: Command): Command {
  return command
    .requiredOption("--mean <mean>", "reported mean, as printed (trailing zeros matter: 3.0)", parseDecimalString)
    .requiredOption("--sd <sd>", "reported sample SD (n − 1), as printed", parseDecimalString)
    .requiredOption("--n <n>", "sample size", parsePositiveInteger)
    .requiredOption("--min <min>", "scale minimum (inclusive)", parseInteger)
    .requiredOption("--max <max>", "scale maximum (inclusive)", parseInteger)
    .option("--mean-error <error>", "rounding error of the mean (default: half a unit of its last decimal, 3.0 → 0.05)", parseFiniteNumber)
    .option("--sd-error <error>", "rounding error of the SD (default: half a unit of its last decimal)", parseFiniteNumber);
}
