import { Option, type Command } from "commander";
import { CohortError } from "../../errors.js";
import { mde } from "../../inference/mde.js";
import { power } from "../../inference/power.js";
import { sampleSizeFor } from "../../inference/sample-size-for.js";
import { tDesignShape, T_DESIGNS, type SampleSizes, type TDesign } from "../../inference/t-design.js";
import * as message from "../../messages/inference.js";
import { parseFiniteNumber, parseIntegerList } from "../options.js";
import { action, withJson, type CommandResult } from "../run.js";

interface PowerOptions {
  design: TDesign;
  n: number[];
  effect?: number;
  alpha: number;
  power: number;
}

/** `cohort power`: MDE, power for an effect, and the n an effect would need, for t-test designs. */
export function register(program: Command): void {
  withJson(
    program
      .command("power")
      .description("power and minimal detectable effect (MDE) of a two-sided t-test: two groups, paired pre/post, or one sample")
      .addOption(new Option("--design <design>", "study design").choices([...T_DESIGNS]).makeOptionMandatory())
      .requiredOption("--n <sizes>", "two-group: n1,n2 (or one n per group); paired: number of pairs; one-sample: n", parseIntegerList)
      .option("--effect <d>", "standardised effect: Cohen's d (two-group, one-sample) or dz = mean change / SD of change (paired)", parseFiniteNumber)
      .option("--alpha <alpha>", "two-sided significance level, from 1e-12 up to (not including) 1", parseFiniteNumber, 0.05)
      .option("--power <power>", "target power for the MDE and the sample size", parseFiniteNumber, 0.8),
  )
    .addHelpText(
      "after",
      `
Examples:
  cohort power --design two-group --n 5,5 --effect 1     study B: power 0.29 for d = 1; MDE about 2.0
  cohort power --design paired --n 20                    study A: smallest dz detectable with 80% power
  cohort power --design one-sample --n 12 --effect 0.5 --alpha 0.01 --json

Power counts both rejection tails of the noncentral t (as G*Power and R's pwr do).
JSON: { design, n, alpha, targetPower, df, criticalT, mde, mdeNcp; with --effect also effect, ncp,
        power, sampleSize: { n, nExact, achievedPower, unit } }`,
    )
    .action(action((options: PowerOptions) => powerCommand(options)));
}

export function powerCommand(options: PowerOptions): CommandResult {
  const { design, alpha } = options;
  const targetPower = options.power;
  const sizes = toSampleSizes(design, options.n);
  const shape = tDesignShape(design, sizes);
  const detectable = mde(design, sizes, targetPower, alpha);
  const json: Record<string, unknown> = {
    design,
    n: shape.n,
    alpha,
    targetPower,
    sides: 2,
    df: shape.df,
    criticalT: detectable.criticalT,
    mde: detectable.mde,
    mdeNcp: detectable.ncp,
    effectScale: design === "paired" ? "dz (mean change / SD of change)" : "Cohen's d (mean difference / SD)",
    reference: "Cohen J (1988) Statistical Power Analysis for the Behavioral Sciences, 2nd ed., ch. 2; noncentral t as in G*Power (Faul et al. 2007, doi:10.3758/BF03193146)",
  };
  const unitLabel = design === "two-group" ? `n = ${shape.n.join(" vs ")}` : design === "paired" ? `${shape.n[0]} pairs` : `n = ${shape.n[0]}`;
  const effectName = design === "paired" ? "dz" : "d";
  const lines = [
    `${design} t-test, ${unitLabel}, two-sided alpha ${alpha}: df ${shape.df}, critical t ${detectable.criticalT.toFixed(3)}`,
    `minimal detectable effect at ${(targetPower * 100).toFixed(0)}% power: ${effectName} = ${detectable.mde.toFixed(3)}`,
  ];
  if (options.effect !== undefined) {
    const result = power(design, sizes, options.effect, alpha);
    json.effect = options.effect;
    json.ncp = result.ncp;
    json.power = result.power;
    lines.push(`power for ${effectName} = ${options.effect}: ${result.power.toFixed(3)} (noncentrality ${result.ncp.toFixed(3)})`);
    if (options.effect !== 0) {
      const needed = sampleSizeFor(design, Math.abs(options.effect), targetPower, alpha);
      json.sampleSize = { n: needed.n, nExact: needed.nExact, achievedPower: needed.achievedPower, unit: needed.unit };
      lines.push(`n for ${(targetPower * 100).toFixed(0)}% power at ${effectName} = ${Math.abs(options.effect)}: ${needed.n} ${needed.unit} (continuous solution ${needed.nExact.toFixed(2)})`);
    }
  }
  return { json, text: lines.join("\n") };
}

function toSampleSizes(design: TDesign, sizes: number[]): SampleSizes {
  if (design === "two-group") {
    if (sizes.length === 1) return sizes[0] as number;
    if (sizes.length === 2) return [sizes[0] as number, sizes[1] as number];
  } else if (sizes.length === 1) {
    return sizes[0] as number;
  }
  throw new CohortError({ message: message.groupCountMismatch(design, sizes.length) });
}
