import type { Command } from "commander";
import type { InstrumentRegistry } from "../../io/load-instruments.js";
import { problemForResult } from "../../localise/study-problems.js";
import type { CheckResult } from "../../schema/check-result.js";
import type { Study } from "../../schema/study.js";
import { checkStudy } from "../../checks/check-study.js";
import { CohortError, exitCodes } from "../../errors.js";
import { loadStudy } from "../../io/load-study.js";
import { chainProblem } from "../../localise/chain-problem.js";
import { compositionProblem } from "../../localise/composition-problem.js";
import type { ResultLocalisation } from "../../localise/explain-results.js";
import { localise, type Localisation } from "../../localise/localise.js";
import { meanSdProblem } from "../../localise/mean-sd-problem.js";
import type { LocalisationProblem } from "../../localise/reading.js";
import * as msg from "../../messages/localise.js";
import type { DispersionKind } from "../../schema/statistic-parts.js";
import type { RoundingMode } from "../../stats/rounding.js";
import { parseDecimalList, parseDecimalString, parseFiniteNumber, parseIntegerList, parsePositiveInteger } from "../options.js";
import { action, withJson } from "../run.js";
import { instrumentsFrom, withInstruments } from "../study-options.js";
import { parseChangeSpecs } from "./change.js";
import { roundingOption } from "../check-output.js";

interface ExplainOptions {
  value?: string;
  change?: string[];
  pin?: string[];
  percents?: string[];
  counts?: number[];
  mean?: string;
  sd?: string;
  se?: string;
  pm?: string;
  n?: number;
  items?: number;
  min?: number;
  max?: number;
  scoring: "mean" | "sum";
  maxSize: number;
  budget?: number;
  instruments?: string[];
  rounding: RoundingMode;
}

/** The problem the command-line numbers describe: a chain, a composition, or a mean with its ± and n. */
function problemFromOptions(o: ExplainOptions): LocalisationProblem<unknown> {
  const usage = (message: string) => new CohortError({ message }, exitCodes.usage);
  if (o.change) {
    const { timepoints, changes } = parseChangeSpecs(o.change);
    if (o.n === undefined || o.min === undefined || o.max === undefined) throw usage("a chain needs --n, --min and --max (and --items for a multi-item score)");
    const pins = (o.pin ?? []).map((p) => {
      const [timepoint, mean] = p.split(":");
      if (!timepoint || !mean || !timepoints.includes(timepoint)) throw usage(`--pin takes TIMEPOINT:MEAN with a timepoint of the changes (${timepoints.join(", ")}), received "${p}"`);
      return { timepoint, mean: parseDecimalString(mean) };
    });
    return chainProblem({ timepoints, changes, grid: { kind: "items", items: o.items ?? 1, n: o.n, min: o.min, max: o.max, scoring: o.scoring }, ...(pins.length > 0 ? { pins } : {}), rounding: o.rounding }) as LocalisationProblem<unknown>;
  }
  if (o.percents || o.counts) {
    if (o.n === undefined) throw usage("a composition needs --n");
    const length = Math.max(o.percents?.length ?? 0, o.counts?.length ?? 0);
    if (o.percents && o.counts && o.percents.length !== o.counts.length) throw usage("--percents and --counts need one entry per category, in the same order");
    const categories = Array.from({ length }, (_, i) => ({ id: `c${i + 1}`, ...(o.counts ? { count: o.counts[i]! } : {}), ...(o.percents ? { percent: o.percents[i]! } : {}) }));
    return compositionProblem({ n: o.n, categories, rounding: o.rounding }) as LocalisationProblem<unknown>;
  }
  if (o.mean !== undefined) {
    if (o.n === undefined) throw usage("a mean needs --n");
    const given = [o.sd !== undefined, o.se !== undefined, o.pm !== undefined].filter(Boolean).length;
    if (given > 1) throw usage("give at most one of --sd, --se, --pm");
    const dispersion: { kind: DispersionKind; value: string } | undefined =
      o.sd !== undefined ? { kind: "sd", value: o.sd } : o.se !== undefined ? { kind: "se", value: o.se } : o.pm !== undefined ? { kind: "unstated", value: o.pm } : undefined;
    const scale = o.min !== undefined && o.max !== undefined ? { min: o.min, max: o.max } : undefined;
    return meanSdProblem({ id: "reported", mean: o.mean, ...(dispersion ? { dispersion } : {}), n: o.n, items: o.items ?? 1, ...(scale ? { scale } : {}), rounding: o.rounding }) as LocalisationProblem<unknown>;
  }
  throw usage(msg.explainNeedsInput());
}

/** A localisation as lines for people. */
export function formatLocalisation(found: ResultLocalisation, heading: string): string {
  const lines = [heading];
  if (found.status === "refused") return [...lines, `  not localised: ${found.message}`].join("\n");
  if (found.status === "not-localised") return [...lines, `  not localised: ${found.reason}`].join("\n");
  const l = found as Localisation;
  if (l.status === "consistent") return [...lines, "  consistent as printed: nothing to explain"].join("\n");
  const tried = l.tried.filter((t) => t.size > 0).map((t) => `${t.readingSets} ${t.size === 1 ? "single-figure" : `${t.size}-figure`} readings`).join(" and ");
  if (l.status === "unexplained") return [...lines, `  no explanation with up to ${l.tried.length - 1} figure(s) read another way (${tried} tried)`].join("\n");
  lines.push(`  ${l.explanations.length} smallest explanation${l.explanations.length === 1 ? "" : "s"} (${l.smallestSize} figure${l.smallestSize === 1 ? "" : "s"}; ${tried} tried), best prior first:`);
  l.explanations.forEach((e, i) => {
    lines.push(`  ${i + 1}. ${e.sentence}  [prior ${e.prior}]`);
    for (const r of e.readings) lines.push(`     as the paper should have printed it: ${r.printed} → ${r.corrected ?? r.printed}`);
    for (const implied of e.outcome.implies) lines.push(`     then: ${implied}`);
  });
  lines.push("  priors:");
  for (const [slip, prior] of Object.entries(l.priors)) lines.push(`    ${slip} (weight ${prior!.weight}): ${prior!.source}`);
  return lines.join("\n");
}

/** `cohort explain`: which figure(s) of an inconsistent set are the odd ones out. */
export function register(program: Command): void {
  withInstruments(withJson(program.command("explain")))
    .description("localise inconsistencies: the smallest sets of reported figures whose other reading (another computation, base, denominator, a slip of the pen, an SE for an SD…) makes everything consistent")
    .argument("[study]", "study JSON file: explain every inconsistent check")
    .option("--value <id>", "with a study: only the inconsistency this reported value is part of")
    .option("--change <spec...>", "numbers form, a chain: <from>..<to>:<percent>:<increase|decrease> (as `cohort change`)")
    .option("--pin <t:mean...>", "a group mean reported at a timepoint of the chain, e.g. s1:4.40")
    .option("--percents <list>", "numbers form, a composition: each category's percentage", parseDecimalList)
    .option("--counts <list>", "numbers form, a composition: each category's count", parseIntegerList)
    .option("--mean <m>", "numbers form: a reported mean", parseDecimalString)
    .option("--sd <s>", "its ± labelled SD", parseDecimalString)
    .option("--se <s>", "its ± labelled SE", parseDecimalString)
    .option("--pm <s>", "its ± with no label (tested as SD and as SE)", parseDecimalString)
    .option("--n <n>", "group size", parsePositiveInteger)
    .option("--items <k>", "items per score (default 1)", parsePositiveInteger)
    .option("--min <v>", "lowest item score", parseFiniteNumber)
    .option("--max <v>", "highest item score", parseFiniteNumber)
    .option("--scoring <how>", "mean | sum of the items", "mean")
    .option("--max-size <k>", "largest set of figures to read another way", parsePositiveInteger, 2)
    .option("--budget <units>", "most work units to start on (estimated first; default 500000000; the estimate is a loose upper bound)", parsePositiveInteger)
    .addOption(roundingOption())
    .addHelpText(
      "after",
      `
Each figure of an inconsistent set is read other usual ways, one at a time (then two at a time if no
single one fits): a percent change relative to the later value or in percentage points; a ± as SD,
SE or 95% CI half-width; a percentage of n − 1, n − 2, the analysed n or another arm's n; truncated
instead of rounded; a neighbouring or transposed digit; one or two patients missing; a group mean off
the item grid. Every smallest set that makes everything consistent is listed with the figure as the
paper should have printed it and what the numbers then imply, ranked by how common the slip is
(docs/localiser.md gives each prior and its source). A fit is what the authors may have done, not
what they did.

Examples:
  $ cohort explain data/studies/kap-pilot-two-approaches.json
  $ cohort explain data/studies/kap-pilot-two-approaches.json --value psycholytic-severity-s3-s6 --json
  $ cohort explain --change s1..s3:32.81:decrease --change s3..s6:24.56:increase --change s0..s6:3.39:decrease \\
      --items 4 --n 5 --min 0 --max 10
  $ cohort explain --mean 3.44 --sd 2.47 --n 18
  $ cohort explain --n 20 --counts 11,9 --percents 55,54

Exit status: 0 whatever is found; 1 for an invalid study; 2 for bad or missing options; 3 when the
estimated work passes --budget (the message gives the estimate).`,
    )
    .action(
      action((file: string | undefined, options: ExplainOptions) => {
        const budget = options.budget !== undefined ? { budget: options.budget } : {};
        if (file === undefined) {
          const problem = problemFromOptions(options);
          const found = localise(problem, { maxSize: options.maxSize, ...budget });
          return { json: found, text: formatLocalisation(found, `${problem.check}: ${problem.figures.map((f) => f.label).join(", ")}`) };
        }
        const registry = instrumentsFrom(options);
        const study = loadStudy(file, registry);
        // Localise here, with this command's size and budget: a refusal is the user's answer (exit 3).
        const results = checkStudy(study, registry, { rounding: options.rounding, explain: false }).filter((r) => r.status === "inconsistent");
        const known = results.flatMap((r) => r.subject ?? []);
        const chosen = options.value === undefined ? results : results.filter((r) => r.subject?.includes(options.value!));
        if (options.value !== undefined && chosen.length === 0) throw new CohortError({ file, message: msg.unknownStudyValue(options.value, known) });
        const explained = explainChosen(study, registry, chosen, options.rounding, { maxSize: options.maxSize, ...budget });
        const text = explained.length === 0 ? `${study.title} (${file})\n  no inconsistent check: nothing to explain` : [`${study.title} (${file})`, ...explained.map((e) => formatLocalisation(e.localisation, `${e.check} [${e.subject.join(", ")}]`))].join("\n\n");
        return { json: { study: study.id, file, explanations: explained }, text };
      }),
    );
}


/** One localisation per distinct set of figures among the chosen results; refusals propagate (exit 3). */
function explainChosen(study: Study, registry: InstrumentRegistry, results: CheckResult[], rounding: RoundingMode, options: { maxSize: number; budget?: number }) {
  const out: { check: string; subject: string[]; localisation: ResultLocalisation }[] = [];
  const seen = new Set<string>();
  for (const r of results) {
    const problem = problemForResult(study, registry, r, rounding);
    const key = problem ? `${problem.check}:${problem.subject.join(",")}` : `${r.check}:${(r.subject ?? []).join(",")}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ check: r.check, subject: r.subject ?? [], localisation: problem ? localise(problem, options) : { status: "not-localised", reason: `the localiser has no per-figure readings for ${r.check} yet` } });
  }
  return out;
}
