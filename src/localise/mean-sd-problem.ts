import type { DispersionKind } from "../schema/statistic-parts.js";
import { tQuantile } from "../inference/distributions.js";
import { parseDecimal, roundingInterval, type RoundingMode, type ScaledInterval } from "../stats/rounding.js";
import { digitSlips } from "./digit-slips.js";
import type { Figure, LocalisationProblem, Reading, ReadingOutcome, SlipKind } from "./reading.js";
import { parseStep, personStep, stepText, stepValue, WHOLE, type Step } from "../stats/step.js";
import { ciVariance, populationSdVariance, sdVariance, seVariance, varianceFits, type VarianceInterval } from "./variance-fit.js";

export interface MeanSdProblemInput {
  /** The reported value's id (figures are `<id>.mean`, `<id>.sd`, `<id>.n`). */
  id: string;
  mean: string;
  /** The printed ± and what the source calls it; absent when only the mean is reported (GRIM alone). */
  dispersion?: { kind: DispersionKind; value: string };
  n: number;
  /** Items per score (1 for a single measure). */
  items: number;
  /** The step between an item's possible values (default 1): scores are multiples of itemStep/items. */
  itemStep?: number | string | Step;
  /** Item range, which bounds the SD; a 0–1 scale with one item makes the test DEBIT. */
  scale?: { min: number; max: number };
  rounding?: RoundingMode;
  threshold?: number;
  subject?: string[];
}

type SpreadAs = "sd" | "se" | "ci95" | "population-sd";

export type MeanSdReading = { kind: "truncated" } | { kind: "printed"; value: string } | { kind: "spread-as"; as: SpreadAs } | { kind: "n"; n: number };

const spreadNames: Record<SpreadAs, string> = { sd: "an SD", se: "an SE", ci95: "a 95% CI half-width", "population-sd": "an SD computed with denominator n (population SD, numpy's default)" };

/** The slip each other reading of a ± stands for, by what the source calls it. */
function spreadSlip(as: SpreadAs): SlipKind {
  if (as === "population-sd") return "population-sd";
  if (as === "se") return "se-as-sd";
  return as === "sd" ? "sd-as-se" : "ci-as-sd";
}

/**
 * A mean with its ± and n as a localisation problem (GRIM, GRIMMER, SD bounds and DEBIT at once).
 * Figures: the mean, the ±, and n. Readings: the mean or the ± truncated instead of rounded or
 * misprinted by one digit; the ± read as an SE, an SD or a 95% CI half-width instead of what the
 * source calls it (a ± the source leaves unstated is consistent as printed when it fits as SD or SE);
 * n short by one or two; an SD (labelled or not) computed with denominator n instead of n − 1. The test
 * is exact for SD, SE and population-SD readings (varianceFits) and bounds t² by rationals for the CI reading.
 *
 * @example
 * localise(meanSdProblem({ id: "x", mean: "5.19", n: 28, items: 1 })).explanations.map((e) => e.sentence);
 * // GRIM fails (hand: 145/28 = 5.18, 146/28 = 5.21); single slips that fit include "if the mean 5.19 is a misprint of 5.18"
 */
export function meanSdProblem(input: MeanSdProblemInput): LocalisationProblem<MeanSdReading> {
  const rounding = input.rounding ?? "up_or_down";
  const threshold = input.threshold ?? 5;
  const id = input.id;
  const d = input.dispersion;
  const figures: Figure[] = [{ id: `${id}.mean`, label: `the mean ${input.mean}`, printed: input.mean }];
  const readings: Reading<MeanSdReading>[] = [];
  readings.push({ figure: `${id}.mean`, slip: "truncated", label: "was truncated instead of rounded", params: { kind: "truncated" } });
  for (const s of digitSlips(input.mean)) readings.push({ figure: `${id}.mean`, slip: s.slip, label: `is a misprint of ${s.value}`, params: { kind: "printed", value: s.value } });
  if (d) {
    const figure = `${id}.sd`;
    figures.push({ id: figure, label: `the ± ${d.value}${d.kind === "unstated" ? "" : ` (${d.kind === "ci95" ? "95% CI half-width" : d.kind.toUpperCase()})`}`, printed: d.value });
    const asPrinted: SpreadAs[] = d.kind === "unstated" ? ["sd", "se"] : [d.kind];
    // A population SD is another computation of an SD: tried when the ± is (or may be) an SD.
    const others: SpreadAs[] = ["sd", "se", "ci95", ...(d.kind === "sd" || d.kind === "unstated" ? (["population-sd"] as SpreadAs[]) : [])];
    for (const as of others.filter((a) => !asPrinted.includes(a))) {
      const not = d.kind === "unstated" || as === "population-sd" ? "" : `, not ${spreadNames[d.kind as SpreadAs]}`;
      readings.push({ figure, slip: spreadSlip(as), label: `is ${spreadNames[as]}${not}`, params: { kind: "spread-as", as } });
    }
    readings.push({ figure, slip: "truncated", label: "was truncated instead of rounded", params: { kind: "truncated" } });
    for (const s of digitSlips(d.value)) readings.push({ figure, slip: s.slip, label: `is a misprint of ${s.value}`, params: { kind: "printed", value: s.value } });
  }
  figures.push({ id: `${id}.n`, label: `n = ${input.n}`, printed: String(input.n) });
  for (const drop of [1, 2]) if (input.n - drop >= (d ? 2 : 1)) readings.push({ figure: `${id}.n`, slip: "missing-patients", label: `is ${input.n - drop} for this mean (${drop} patient${drop === 1 ? "" : "s"} missing)`, params: { kind: "n", n: input.n - drop } });

  const setUp = (set: readonly Reading<MeanSdReading>[]) => {
    const of = (figure: string) => set.find((r) => r.figure === figure)?.params;
    const mr = of(`${id}.mean`);
    const sr = of(`${id}.sd`);
    const nr = of(`${id}.n`);
    const n = nr?.kind === "n" ? nr.n : input.n;
    const mean = roundingInterval(mr?.kind === "printed" ? mr.value : input.mean, mr?.kind === "truncated" ? "trunc" : rounding, threshold);
    let variances: VarianceInterval[] = [];
    if (d) {
      const spread = roundingInterval(sr?.kind === "printed" ? sr.value : d.value, sr?.kind === "truncated" ? "trunc" : rounding, threshold);
      const kinds: SpreadAs[] = sr?.kind === "spread-as" ? [sr.as] : d.kind === "unstated" ? ["sd", "se"] : [d.kind as SpreadAs];
      variances = kinds.map((k) => varianceOf(k, spread, n));
    }
    return { n, mean, variances };
  };
  const step = personStep(input.items, input.itemStep === undefined ? WHOLE : parseStep(input.itemStep, "itemStep"));

  return {
    check: d ? "grimmer" : "grim",
    subject: input.subject ?? [id],
    figures,
    readings,
    cost(set) {
      const { n, mean } = setUp(set);
      // One step per candidate total (each a few BigInt products).
      return Math.max(1, Math.ceil(((mean.hi - mean.lo) * n * step.den) / (mean.den * step.num)) + 1);
    },
    test(set): ReadingOutcome {
      const { n, mean, variances } = setUp(set);
      const fit = (v: VarianceInterval) => varianceFits(mean, v, n, input.items, input.scale, undefined, input.itemStep);
      const fits = variances.length === 0 ? [fit({ loNum: 0n, hiNum: BigInt(Number.MAX_SAFE_INTEGER) ** 2n, den: 1n, loIn: true, hiIn: true })] : variances.map(fit);
      const hit = fits.find((f) => f.consistent === true);
      if (!hit) return { status: fits.some((f) => f.consistent === null) ? "undetermined" : "inconsistent", implies: [], corrected: {} };
      const w = hit.witness!;
      const meanValue = stepValue(step, w.total) / n;
      const meanDigits = parseDecimal(input.mean).digits;
      const corrected: Record<string, string> = {};
      for (const r of set) {
        const p = r.params;
        if (p.kind === "n") corrected[r.figure] = `n = ${p.n}`;
        else if (p.kind === "printed") corrected[r.figure] = p.value;
        else if (r.figure.endsWith(".mean")) corrected[r.figure] = meanValue.toFixed(meanDigits);
        else {
          const sdDigits = parseDecimal(d!.value).digits;
          corrected[r.figure] =
            p.kind === "spread-as" && p.as === "population-sd"
              ? `SD ${w.sd.toFixed(sdDigits)} with denominator n − 1 (the printed ${d!.value} is √(Σ(x − mean)² / n))`
              : p.kind === "spread-as"
                ? `SD ${w.sd.toFixed(sdDigits)} (the printed ${d!.value} read as ${spreadNames[p.as]})`
                : `SD ${w.sd.toFixed(sdDigits)}`;
        }
      }
      return {
        status: "consistent",
        implies: [`a total of ${step.num === 1 ? w.total : `${w.total} steps of ${stepText(step)}`} over n = ${n}${step.num === 1 && input.items > 1 ? ` × ${input.items} items` : ""} (mean ${Math.round(meanValue * 10000) / 10000})${d ? `, SD ${Math.round(w.sd * 10000) / 10000}` : ""}`],
        corrected,
        details: { n, total: w.total, sumOfSquares: w.sumOfSquares.toString(), sd: w.sd, ...(step.num === 1 && step.den === input.items ? {} : { step: stepText(step) }) },
      };
    },
  };
}

function varianceOf(as: SpreadAs, spread: ScaledInterval, n: number): VarianceInterval {
  if (as === "sd") return sdVariance(spread);
  if (as === "population-sd") return populationSdVariance(spread, n);
  if (as === "se") return seVariance(spread, n);
  const t = n >= 2 ? tQuantile(0.975, n - 1) : 1.959963984540054;
  return ciVariance(spread, n, t * t);
}
