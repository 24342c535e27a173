import type { CheckResult } from "../schema/check-result.js";
import type { Instrument } from "../schema/instrument.js";
import type { Composition, Mean, PercentChange, SampleFlow } from "../schema/reported-value.js";
import type { Study } from "../schema/study.js";
import type { RoundingMode } from "../stats/rounding.js";
import { bandShift } from "./band-shift.js";
import { composition } from "./composition.js";
import { grim } from "./grim.js";
import { grimmer } from "./grimmer.js";
import { checkStatistics } from "./check-statistics.js";
import * as msg from "../messages/checks.js";
import { hasWholeItems, instrumentGrid, variableGrid, type MeasureGrid } from "./measure-grid.js";
import { explainResults } from "../localise/explain-results.js";
import { chainPins } from "./chain-pins.js";
import { onePartialRespondent, type PartialFit } from "./partial-answers.js";
import { percentChangeChain } from "./percent-change-chain.js";
import { sampleFlow } from "./sample-flow.js";
import { sdBoundsCheck } from "./sd-bounds.js";

export interface CheckStudyOptions {
  rounding?: RoundingMode;
  /** Localise each inconsistency to its smallest explanations (details.localisation; default true). */
  explain?: boolean;
  /** Deciding digit for the `*_from` rounding modes; default 5. */
  threshold?: number;
}

type Registry = ReadonlyMap<string, Instrument> | readonly Instrument[];

function lookup(instruments: Registry, id: string): Instrument | undefined {
  return "get" in instruments ? (instruments as ReadonlyMap<string, Instrument>).get(id) : (instruments as readonly Instrument[]).find((i) => i.id === id);
}

/** Size of a group: an arm's reported size, or the whole sample for `all`. */
function groupSize(study: Study, group: string): number {
  if (group === "all") return study.design.sampleSize.value;
  return study.design.arms.find((a) => a.id === group)?.size.value ?? study.design.sampleSize.value;
}

/**
 * Runs every applicable check on a study file: compositions (counts, percentages, sums), band
 * shifts under every band convention of the instrument, GRIM / GRIMMER / SD bounds on reported
 * means, and the percent-change chain of each group and instrument (every change of one group on
 * one instrument is checked jointly). Each result names the reported values it is about in `subject`.
 * Why: this is `cohort check`; the seed studies and any user-added study go through the same code.
 *
 * @param study a validated Study (see src/io/load-study.ts)
 * @param instruments the instrument definitions the study refers to (a registry or a list)
 * @example
 * checkStudy(loadStudy("data/studies/ketamine-im-substance-misuse.json", loadInstruments())).length; // => one result per check run
 */
export function checkStudy(study: Study, instruments: Registry, options: CheckStudyOptions = {}): CheckResult[] {
  const rounding = options.rounding ?? "up_or_down";
  const threshold = options.threshold ?? 5;
  const results: CheckResult[] = [];
  const changes = new Map<string, PercentChange[]>();
  for (const value of study.reported) {
    switch (value.kind) {
      case "composition":
        results.push(checkComposition(value, rounding, threshold));
        break;
      case "band-shift": {
        const instrument = lookup(instruments, value.instrument);
        if (!instrument) break;
        if (instrument.bandConventions.length === 0) {
          results.push({
            check: "band-shift",
            status: "undetermined",
            subject: [value.id],
            inputs: { from: value.from ?? null, to: value.to },
            assumptions: {},
            explanation: `${instrument.abbreviation} defines no band conventions${instrument.bandsNote ? `: ${instrument.bandsNote}` : ""}`,
            reference: instrument.references[0]!,
          });
          break;
        }
        for (const r of bandShift({ from: value.from, to: value.to, conventions: instrument.bandConventions, statistic: value.statistic })) {
          results.push({ ...r, subject: [value.id], assumptions: { ...r.assumptions, instrument: instrument.abbreviation, ...(instrument.bandsNote ? { bandsNote: instrument.bandsNote } : {}) } });
        }
        break;
      }
      case "mean": {
        const grid = meanGrid(study, instruments, value);
        if (grid) results.push(...checkMean(value, grid, value.n ?? groupSize(study, value.group), rounding, threshold));
        break;
      }
      case "percent-change": {
        const key = `${value.group}\u0000${value.instrument}`;
        changes.set(key, [...(changes.get(key) ?? []), value]);
        break;
      }
    }
  }
  for (const list of changes.values()) {
    const first = list[0]!;
    const instrument = lookup(instruments, first.instrument);
    if (!instrument) continue;
    const n = groupSize(study, first.group);
    const timepoints = [...study.design.timepoints].sort((a, b) => a.order - b.order).map((t) => t.id);
    const result = percentChangeChain({
      timepoints,
      changes: list.map((c) => ({ id: c.id, from: c.from, to: c.to, percent: c.percent, direction: c.direction })),
      grid: { kind: "items", items: instrument.items, n, min: instrument.itemMin, max: instrument.itemMax, scoring: instrument.scoring, ...(instrument.itemStep !== undefined ? { step: instrument.itemStep } : {}) },
      pins: chainPins(study, first),
      rounding,
      threshold,
    });
    results.push({
      ...result,
      subject: list.map((c) => c.id),
      assumptions: {
        ...result.assumptions,
        instrument: `${instrument.abbreviation}: ${instrument.items} items ${instrument.itemMin}–${instrument.itemMax}${instrument.itemStep !== undefined ? ` in steps of ${instrument.itemStep}` : ""}, scored by ${instrument.scoring}`,
        group: `${first.group}, n = ${n}`,
        timepointsRead: Object.fromEntries(list.map((c) => [c.id, `${c.from} → ${c.to} (source: "${c.timepointsAsReported}")${c.interpretation ? `; ${c.interpretation}` : ""}`])),
      },
    });
  }
  results.push(...checkFlow(study));
  results.push(...checkStatistics(study, { rounding, threshold, gridOf: (value) => measureGrid(study, instruments, value) }));
  return options.explain === false ? results : explainResults(study, instruments, results, { rounding, threshold });
}

function checkFlow(study: Study): CheckResult[] {
  const flow = study.reported.filter((value): value is SampleFlow => value.kind === "sample-flow");
  const { sampleSize, arms } = study.design;
  return sampleFlow({ arms: arms.map((arm) => ({ id: arm.id, size: arm.size.value })), total: { value: sampleSize.value, quoted: sampleSize.derivedFrom === undefined }, flow });
}

function checkComposition(value: Composition, rounding: RoundingMode, threshold: number): CheckResult {
  const r = composition({
    n: value.n.value,
    categories: value.categories.map((c) => ({ id: c.id, label: c.label, ...(c.count !== undefined ? { count: c.count } : {}), ...(c.percent !== undefined ? { percent: c.percent } : {}) })),
    overlapping: value.categoriesAre === "overlapping",
    ...(value.allCategoriesListed === false ? { allCategoriesListed: false } : {}),
    rounding,
    threshold,
  });
  return {
    ...r,
    subject: [value.id],
    assumptions: { ...r.assumptions, variable: value.variable, ...(value.note ? { note: value.note } : {}), ...(value.acknowledgedDiscrepancy ? { acknowledgedDiscrepancy: value.acknowledgedDiscrepancy } : {}) },
  };
}

/** The granularity of the measure a mean is on, or undefined when nothing about it is known. */
function meanGrid(study: Study, instruments: Registry, value: Mean): MeasureGrid | undefined {
  return measureGrid(study, instruments, value);
}

function measureGrid(study: Study, instruments: Registry, value: { instrument?: string | undefined; variable?: string | undefined }): MeasureGrid | undefined {
  if (value.instrument !== undefined) {
    const instrument = lookup(instruments, value.instrument);
    return instrument ? instrumentGrid(instrument) : undefined;
  }
  const variable = study.variables.find((entry) => entry.id === value.variable);
  return variable ? variableGrid(variable) : undefined;
}

function checkMean(value: Mean, grid: MeasureGrid, n: number, rounding: RoundingMode, threshold: number): CheckResult[] {
  const { items, scale } = grid;
  const itemStep = hasWholeItems(grid) ? {} : { itemStep: grid.itemStep };
  const out: CheckResult[] = [{ ...grim({ mean: value.mean, n, items, ...itemStep, rounding, threshold }), subject: [value.id] }];
  // GRIMMER and the SD bounds test an SD; a ± labelled otherwise (or unlabelled) is tested by the SD-or-SE check.
  if (value.dispersion?.kind === "sd" && n >= 2) {
    const sd = value.dispersion.value;
    out.push({ ...grimmer({ mean: value.mean, sd, n, items, ...itemStep, rounding, threshold, ...(scale ? { scale } : {}) }), subject: [value.id] });
    if (scale) out.push({ ...sdBoundsCheck({ mean: value.mean, sd, n, items, ...itemStep, rounding, threshold, ...scale }), subject: [value.id] });
  }
  if (!grid.partialAnswers) return out;
  // Would one person's score from fewer items make the mean possible? Tested exactly for the mean (GRIM).
  const partial = grid.partialAnswers;
  const fit = grid.scale && out[0]!.status === "inconsistent"
    ? onePartialRespondent({ mean: value.mean, n, items: partial.items, itemStep: grid.itemStep, itemMin: grid.scale.min, itemMax: grid.scale.max, minimumItemsAnswered: partial.minimumItemsAnswered, rounding, threshold })
    : undefined;
  return out.map((result) => withPartialAnswers(result, partial, result.check === "grim" || (result.details as { reason?: string } | null)?.reason === "grim" ? fit : undefined));
}

/**
 * A granularity result on an instrument that scores the items answered: its grid holds for complete
 * answers only, so the assumption is named and a misfit is worded as the question it is.
 */
export function withPartialAnswers(result: CheckResult, partial: NonNullable<MeasureGrid["partialAnswers"]>, fit?: PartialFit | null): CheckResult {
  const assumptions = { ...result.assumptions, answers: msg.completeAnswersAssumed(partial.instrument, partial.items, partial.minimumItemsAnswered) };
  if (result.status !== "inconsistent") return { ...result, assumptions };
  const details = result.details !== null && typeof result.details === "object" ? result.details : {};
  return {
    ...result,
    assumptions,
    explanation: `${result.explanation}; ${msg.impossibleWithCompleteAnswers(partial.instrument, fit === undefined ? "untested" : fit === null ? null : { answered: fit.answered, items: partial.items, example: fit.example })}`,
    details: { ...details, onePartialRespondent: fit ?? null },
  };
}
