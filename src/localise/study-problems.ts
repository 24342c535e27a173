import { chainPins } from "../checks/chain-pins.js";
import { instrumentGrid, variableGrid } from "../checks/measure-grid.js";
import type { CheckResult } from "../schema/check-result.js";
import type { Instrument } from "../schema/instrument.js";
import type { Composition, Mean, PercentChange, TestResult } from "../schema/reported-value.js";
import { sphericityPReading } from "../checks/sphericity-p.js";
import { reportedNumber } from "../stats/reported-number.js";
import { parseReportedP } from "../stats/reported-p.js";
import type { Study } from "../schema/study.js";
import type { RoundingMode } from "../stats/rounding.js";
import { chainProblem, type ChainProblemInput } from "./chain-problem.js";
import { compositionProblem } from "./composition-problem.js";
import { meanSdProblem } from "./mean-sd-problem.js";
import type { LocalisationProblem } from "./reading.js";
import { statisticPProblem, type StatisticReadingFit } from "./statistic-p-readings.js";

type Registry = ReadonlyMap<string, Instrument> | readonly Instrument[];

function lookup(instruments: Registry, id: string): Instrument | undefined {
  return "get" in instruments ? (instruments as ReadonlyMap<string, Instrument>).get(id) : (instruments as readonly Instrument[]).find((i) => i.id === id);
}

/** An arm's reported size, or the whole sample for `all` (as the checks read it). */
function groupSize(study: Study, group: string): number {
  if (group === "all") return study.design.sampleSize.value;
  return study.design.arms.find((a) => a.id === group)?.size.value ?? study.design.sampleSize.value;
}

/**
 * The chain input the checks use for one group's percent changes on one instrument, with the study's
 * reported means pinning it; undefined when the instrument is unknown.
 */
export function studyChainInput(study: Study, instruments: Registry, changes: readonly PercentChange[], rounding: RoundingMode = "up_or_down"): ChainProblemInput | undefined {
  const first = changes[0];
  if (!first) return undefined;
  const instrument = lookup(instruments, first.instrument);
  if (!instrument) return undefined;
  const pins = chainPins(study, first);
  return {
    timepoints: [...study.design.timepoints].sort((a, b) => a.order - b.order).map((t) => t.id),
    changes: changes.map((c) => ({ id: c.id, from: c.from, to: c.to, percent: c.percent, direction: c.direction })),
    grid: { kind: "items", items: instrument.items, n: groupSize(study, first.group), min: instrument.itemMin, max: instrument.itemMax, scoring: instrument.scoring, ...(instrument.itemStep !== undefined ? { step: instrument.itemStep } : {}) },
    ...(pins.length > 0 ? { pins } : {}),
    rounding,
    subject: [...changes.map((c) => c.id), ...pins.map((p) => p.id!)],
  };
}

/** Other denominators a group's percentages may be of: the other arms' sizes and the analysed n of the flow. */
function otherDenominators(study: Study, value: Composition): { n: number; what: string }[] {
  const arms = value.group === "all" ? [] : study.design.arms.filter((a) => a.id !== value.group).map((a) => ({ n: a.size.value, what: `the size of arm ${a.id}` }));
  const flow = study.reported.flatMap((v) => (v.kind === "sample-flow" && v.group === value.group && (v.stage === "analysed" || v.stage === "completed") ? [{ n: v.count, what: `the ${v.stage} n` }] : []));
  const whole = value.group !== "all" ? [{ n: study.design.sampleSize.value, what: "the whole sample" }] : [];
  return [...flow, ...arms, ...whole];
}

function meanProblem(study: Study, instruments: Registry, value: Mean, rounding: RoundingMode, threshold: number): LocalisationProblem<unknown> | undefined {
  const grid = value.instrument !== undefined ? (() => { const i = lookup(instruments, value.instrument!); return i ? instrumentGrid(i) : undefined; })() : (() => { const v = study.variables.find((x) => x.id === value.variable); return v ? variableGrid(v) : undefined; })();
  if (!grid) return undefined;
  return meanSdProblem({
    id: value.id,
    mean: value.mean,
    ...(value.dispersion ? { dispersion: value.dispersion } : {}),
    n: value.n ?? groupSize(study, value.group),
    items: grid.items,
    ...(grid.itemStep.num === 1 && grid.itemStep.den === 1 ? {} : { itemStep: grid.itemStep }),
    ...(grid.scale ? { scale: grid.scale } : {}),
    rounding,
    threshold,
  }) as LocalisationProblem<unknown>;
}

/**
 * The localisation problem behind one inconsistent check result of a study: its percent-change chain
 * (with the means that pin it), its composition, its mean with ± and n, or its test statistic with df
 * and p. Undefined for a result the localiser has no readings for yet.
 */
export function problemForResult(study: Study, instruments: Registry, result: CheckResult, rounding: RoundingMode = "up_or_down", threshold = 5): LocalisationProblem<unknown> | undefined {
  const subject = result.subject ?? [];
  const values = subject.map((id) => study.reported.find((v) => v.id === id)).filter((v) => v !== undefined);
  if (result.check === "percent-change-chain") {
    const changes = values.filter((v): v is PercentChange => v.kind === "percent-change");
    const input = studyChainInput(study, instruments, changes, rounding);
    return input ? (chainProblem({ ...input, threshold }) as LocalisationProblem<unknown>) : undefined;
  }
  if (result.check === "statistic-p") {
    const test = values.find((v): v is TestResult => v.kind === "test");
    return test ? statisticProblem(test, result, rounding, threshold) : undefined;
  }
  if (result.check === "composition") {
    const value = values.find((v): v is Composition => v.kind === "composition");
    if (!value) return undefined;
    return compositionProblem({
      n: value.n.value,
      categories: value.categories.map((c) => ({ id: c.id, label: c.label, ...(c.count !== undefined ? { count: c.count } : {}), ...(c.percent !== undefined ? { percent: c.percent } : {}) })),
      overlapping: value.categoriesAre === "overlapping",
      ...(value.allCategoriesListed === false ? { allCategoriesListed: false } : {}),
      rounding,
      threshold,
      otherDenominators: otherDenominators(study, value),
      subject: [value.id],
    }) as LocalisationProblem<unknown>;
  }
  const mean = values.find((v): v is Mean => v.kind === "mean");
  if (mean && ["grim", "grimmer", "sd-bounds", "debit"].includes(result.check)) return meanProblem(study, instruments, mean, rounding, threshold);
  return undefined;
}

/**
 * A statistic-p result as a localisation problem: the readings the check tried (tails, truncation), and
 * for a within-group F with two or more df1 (repeated measures over k = df1 + 1 levels) the
 * sphericity-corrected df.
 */
function statisticProblem(test: TestResult, result: CheckResult, rounding: RoundingMode, threshold: number): LocalisationProblem<unknown> {
  const inputs = result.inputs as { test: string; statistic: string; df1?: number; df2?: number; p: string };
  const readings = ((result.details as { readings?: StatisticReadingFit[] } | null)?.readings ?? []).map((r) => ({ tails: r.tails, statistic: r.statistic, fits: r.fits }));
  const df = inputs.test === "F" ? `(${inputs.df1}, ${inputs.df2})` : inputs.test === "chi2" ? `(${inputs.df1})` : inputs.test === "z" ? "" : `(${inputs.df2})`;
  const printed = { statistic: `${inputs.test === "chi2" ? "χ²" : inputs.test}${df} = ${inputs.statistic}`, p: inputs.p };
  const repeated = inputs.test === "F" && test.comparison === "within-group" && inputs.df1 !== undefined && inputs.df2 !== undefined && inputs.df1 >= 2;
  if (!repeated) return statisticPProblem(test.id, printed, readings) as LocalisationProblem<unknown>;
  const p = parseReportedP(inputs.p, { rounding, threshold });
  const reading = (mode: RoundingMode) => sphericityPReading(reportedNumber(inputs.statistic, { rounding: mode, threshold }, "statistic"), inputs.df1!, inputs.df2!, p);
  return statisticPProblem(test.id, printed, readings, { rounded: reading(rounding), truncated: reading("trunc"), df: [inputs.df1!, inputs.df2!] }) as LocalisationProblem<unknown>;
}
