import type { Command } from "commander";
import { clopperPearson } from "../../inference/clopper-pearson.js";
import { ruleOfThree } from "../../inference/rule-of-three.js";
import { wilson } from "../../inference/wilson.js";
import { parseFiniteNumber, parseInteger } from "../options.js";
import { action, withJson, type CommandResult } from "../run.js";

interface CiOptions {
  count: number;
  n: number;
  level: number;
}

/** `cohort ci`: Wilson and Clopper–Pearson intervals for count/n, and the rule of three at 0/n or n/n. */
export function register(program: Command): void {
  withJson(
    program
      .command("ci")
      .description("confidence intervals for a reported proportion: Wilson, Clopper–Pearson (exact), and the rule of three for 0/n or n/n")
      .requiredOption("--count <k>", "number of events (whole number, 0 ≤ k ≤ n)", parseInteger)
      .requiredOption("--n <n>", "number of participants or trials (whole number ≥ 1)", parseInteger)
      .option("--level <level>", "two-sided confidence level, from 1e-12 to 1 − 1e-12", parseFiniteNumber, 0.95),
  )
    .addHelpText(
      "after",
      `
Examples:
  cohort ci --count 11 --n 20            11 of 20 (55%): how wide is the uncertainty?
  cohort ci --count 20 --n 20            "improved in all patients": rule of three lower bound 0.85
  cohort ci --count 0 --n 10 --level 0.9 --json

JSON: { count, n, level, estimate, wilson: [low, high], clopperPearson: [low, high],
        ruleOfThree: [low, high] and ruleOfThreeExact (only at 0/n or n/n), references }`,
    )
    .action(action((options: CiOptions) => ciCommand(options)));
}

export function ciCommand({ count, n, level }: CiOptions): CommandResult {
  const w = wilson(count, n, level);
  const cp = clopperPearson(count, n, level);
  const rule = count === 0 || count === n ? ruleOfThree(n, count) : undefined;
  const json: Record<string, unknown> = {
    count,
    n,
    level,
    estimate: w.estimate,
    wilson: w.interval,
    clopperPearson: cp.interval,
    references: { wilson: w.reference, clopperPearson: cp.reference, ...(rule ? { ruleOfThree: rule.reference } : {}) },
  };
  const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;
  const range = ([low, high]: [number, number]): string => `${low.toFixed(3)} to ${high.toFixed(3)} (${percent(low)} to ${percent(high)})`;
  const lines = [
    `${count}/${n} = ${w.estimate.toFixed(3)} (${percent(w.estimate)})`,
    `${percent(level)} Wilson score interval:      ${range(w.interval)}`,
    `${percent(level)} Clopper–Pearson (exact):    ${range(cp.interval)}`,
  ];
  if (rule) {
    json.ruleOfThree = rule.interval;
    json.ruleOfThreeExact = rule.exactBound;
    const side = count === n ? "lower" : "upper";
    const bound = count === n ? rule.interval[0] : rule.interval[1];
    lines.push(
      `rule of three (one-sided 95% ${side} bound): ${bound.toFixed(3)} (${percent(bound)}); exact one-sided bound ${rule.exactBound.toFixed(3)}`,
      count === n
        ? `${n}/${n} is consistent with a true rate as low as about ${percent(bound)}; "all patients" does not mean "always".`
        : `0/${n} is consistent with a true rate as high as about ${percent(bound)}; "none" does not mean "never".`,
    );
  }
  return { json, text: lines.join("\n") };
}
