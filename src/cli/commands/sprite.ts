import type { Command } from "commander";
import { sprite } from "../../reconstruct/sprite.js";
import { RECONSTRUCTION_LABEL } from "../../schema/reconstruction.js";
import { createRng } from "../../stats/rng.js";
import { parseInteger, parsePositiveInteger } from "../options.js";
import { action, withJson } from "../run.js";
import { withSampleOptions, type SampleOptions } from "../sample-options.js";

interface SpriteOptions extends SampleOptions {
  items: number;
  samples: number;
  seed: number;
}

/** `cohort sprite`: a seeded random search for a few samples consistent with a reported mean and SD (SPRITE). */
export function register(program: Command): void {
  withJson(
    withSampleOptions(
      program
        .command("sprite")
        .description("draw up to --samples distinct samples whose mean and SD round to the reported values (SPRITE, seeded); for spaces too large for cohort closure"),
    )
      .option("--items <k>", "items averaged into each score (multi-item scales)", parsePositiveInteger, 1)
      .option("--samples <k>", "how many distinct samples to look for", parsePositiveInteger, 10)
      .option("--seed <seed>", "seed of the random source", parseInteger, 1),
  )
    .addHelpText(
      "after",
      `
SPRITE is not a uniform sampler: it finds samples near the mean far more often than samples with
mass at both ends of the scale, and only a fraction of what cohort closure lists. A "none" status
does not prove that no sample exists.

Examples:
  $ cohort sprite --mean 3.5 --sd 1.7 --n 70 --min 1 --max 5 --samples 5 --seed 1
  $ cohort sprite --mean 3.1 --sd 2.1 --n 60 --min 1 --max 10 --json     # top level: attempts, count, iterations, label, samples, status, ...`,
    )
    .action(
      action((options: SpriteOptions) => {
        const input = { mean: options.mean, sd: options.sd, n: options.n, min: options.min, max: options.max, meanError: options.meanError, sdError: options.sdError, items: options.items };
        const result = sprite(input, { rng: createRng(options.seed), samples: options.samples });
        const json = { ...result, count: result.samples.length, requested: options.samples, seed: options.seed, inputs: input, label: RECONSTRUCTION_LABEL, method: "sprite" };
        const lines = [
          `SPRITE (seed ${options.seed}): ${result.status}, ${result.samples.length} of ${options.samples} distinct samples after ${result.attempts} attempts and ${result.iterations} moves (${RECONSTRUCTION_LABEL}; not a uniform draw from all samples).`,
          ...result.samples.map((sample, index) => `${index + 1}: ${sample.join(" ")}`),
        ];
        return { json, text: lines.join("\n") };
      }),
    );
}
