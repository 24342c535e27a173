import type { InstrumentRegistry } from "../io/load-instruments.js";
import type { PublishedReliability, PublishedSd } from "../schema/instrument.js";
import { tCdf, tQuantile } from "./distributions.js";
import type { Study } from "../schema/study.js";
import type { ExactExtremes, ExtremesTest } from "./exact-extremes.js";
import { changeSdAt, correlationThresholds, summaryPairedExtremes, summaryPairs, type SummaryPair } from "./summary-extremes.js";

/** One cell of the sensitivity table: p at the reported mean difference for one published SD (and correlation). */
export interface SensitivityCell {
  /** The published SD used; null when the source prints its own SDs (they are used instead, within their rounding). */
  sd: PublishedSd | null;
  /** The published correlation used as the pre–post correlation (changes only), and which end of a range. */
  r: { value: number; end: "value" | "upper"; source: PublishedReliability } | null;
  /** SD of what is tested: of the changes, SD·√(2(1 − r)), or of the scores at the last timepoint. */
  testedSd: number;
  df: number;
  /** |t| and p at the largest and at the smallest |mean difference| the report allows. */
  t: [number, number];
  p: [number, number];
}

export interface TestSensitivity {
  testId: string;
  test: "paired-t" | "welch-t";
  on: "change" | "last";
  instrument: string;
  n: number[];
  /** Mean change (within) or difference of means (between) the reported values allow, in points. */
  meanDifference: [number, number];
  cells: SensitivityCell[];
  /** What the instrument data lack for a table (no invented number stands in). */
  missing: string[];
  /** For a test from printed means and spreads: how the printed ± was read. */
  dispersion?: "sd" | "se" | "ci95";
  /**
   * Where p crosses alpha, with no published figure needed. unit "sd": p < alpha for every allowed mean
   * difference when the SD of what is tested is below `allSignificant`, and for none when it is above
   * `noneSignificant`. unit "r" (printed SDs): for every allowed change when the before–after correlation
   * is above `allSignificant`, for none when it is below `noneSignificant`. Null: no such value exists.
   */
  threshold: { unit: "sd" | "r"; allSignificant: number | null; noneSignificant: number | null; df: number };
}

/**
 * p as a function of literature-anchored spreads at the mean differences the report allows, for each
 * t-test of the exact extremes: the instrument's published SDs (and, for changes, its published
 * test–retest or pre–post correlations as the correlation of before and after), each with its
 * population and quoted reference. Changes: SD of changes = SD·√(2(1 − r)) (equal SDs before and
 * after; Dunlap et al. 1996, Psychol Methods 1:170, doi:10.1037/1082-989X.1.2.170), paired t =
 * Δ·√n / SD_change, df = n − 1. Between groups: equal SDs in both, t = Δ / (SD·√(1/n₁ + 1/n₂)),
 * Welch df. An instrument without published figures gets no row and says so; no number is invented.
 * The thresholds need no published figure: the SD at which p crosses alpha at the smallest and at the
 * largest allowed difference.
 *
 * @param extremes the exact extremes of a study
 * @param instruments the instrument registry
 * @example
 * pSensitivity(exactExtremes(studyA, registry), registry)[0].cells[0].p; // => p at the largest and smallest mean change
 */
export function pSensitivity(extremes: ExactExtremes, instruments: InstrumentRegistry, study?: Study): TestSensitivity[] {
  const out: TestSensitivity[] = [];
  const pairs = study ? summaryPairs(study) : [];
  for (const test of extremes.tests) {
    if (test.test !== "paired-t" && test.test !== "welch-t") continue;
    if (test.basis === "summary") {
      out.push(...summarySensitivity(test, pairs, instruments, extremes.alpha));
      continue;
    }
    const reading = [...test.readings].reverse().find((r) => r.meanDifference !== null);
    if (!reading?.meanDifference) continue;
    const instrument = instruments.get(test.instrument);
    const sds = instrument?.psychometrics?.sd ?? [];
    const correlations = (instrument?.psychometrics?.reliability ?? []).flatMap((r) => [
      { value: r.value, end: "value" as const, source: r },
      ...(r.upper !== undefined ? [{ value: r.upper, end: "upper" as const, source: r }] : []),
    ]);
    const changes = test.on === "change";
    const missing = [...(sds.length === 0 ? ["published SD"] : []), ...(changes && correlations.length === 0 ? ["published test–retest or pre–post correlation"] : [])];
    const [lo, hi] = reading.meanDifference;
    const largest = Math.max(Math.abs(lo), Math.abs(hi));
    const smallest = reading.nearestZero ?? 0;
    const df = degreesOfFreedom(test);
    const scale = test.test === "paired-t" ? Math.sqrt(test.n[0]!) : 1 / Math.sqrt(1 / test.n[0]! + 1 / test.n[1]!);
    const cells: SensitivityCell[] = [];
    if (missing.length === 0) {
      for (const sd of sds) {
        for (const r of changes ? correlations : [null]) {
          const testedSd = r ? sd.value * Math.sqrt(2 * (1 - r.value)) : sd.value;
          const t: [number, number] = [(largest * scale) / testedSd, (smallest * scale) / testedSd];
          cells.push({ sd, r, testedSd, df, t, p: [pOf(t[0], df), pOf(t[1], df)] });
        }
      }
    }
    const critical = tQuantile(1 - extremes.alpha / 2, df);
    out.push({
      testId: test.id,
      test: test.test,
      on: test.on,
      instrument: test.instrument,
      n: test.n,
      meanDifference: reading.meanDifference,
      cells,
      missing,
      threshold: { unit: "sd", allSignificant: smallest > 0 ? (smallest * scale) / critical : null, noneSignificant: largest > 0 ? (largest * scale) / critical : null, df },
    });
  }
  return out;
}

/**
 * A paired test from printed means and SDs: p at each published correlation of the instrument (the
 * printed SDs within their rounding), and the correlations at which p crosses alpha.
 */
function summarySensitivity(test: ExtremesTest, pairs: SummaryPair[], instruments: InstrumentRegistry, alpha: number): TestSensitivity[] {
  const instrument = instruments.get(test.instrument);
  const correlations = (instrument?.psychometrics?.reliability ?? []).flatMap((r) => [
    { value: r.value, end: "value" as const, source: r },
    ...(r.upper !== undefined ? [{ value: r.upper, end: "upper" as const, source: r }] : []),
  ]);
  return pairs
    .filter((p) => `${p.group} ${p.measure} ${p.from}→${p.to} paired-t from printed means and spreads` === test.id && !p.missing && p.n >= 2)
    .map((pair) => {
      const extremes = summaryPairedExtremes(pair);
      const df = pair.n - 1;
      const largest = Math.max(Math.abs(extremes.meanDifference[0]), Math.abs(extremes.meanDifference[1]));
      const cells: SensitivityCell[] = correlations.map((r) => {
        const [narrowest, widest] = changeSdAt(pair, r.value);
        const t: [number, number] = [(largest * Math.sqrt(pair.n)) / Math.max(narrowest, 1e-300), (extremes.nearestZero * Math.sqrt(pair.n)) / widest];
        return { sd: null, r, testedSd: widest, df, t, p: [pOf(t[0], df), pOf(t[1], df)] };
      });
      const threshold = correlationThresholds(pair, alpha);
      return {
        testId: test.id,
        test: "paired-t" as const,
        on: "change" as const,
        instrument: test.instrument,
        n: test.n,
        meanDifference: extremes.meanDifference,
        cells,
        missing: correlations.length === 0 ? ["published test–retest or pre–post correlation"] : [],
        threshold: { unit: "r" as const, allSignificant: threshold.significantAbove, noneSignificant: threshold.notSignificantBelow, df },
        dispersion: pair.dispersion,
      };
    });
}

/** df of the test with equal SDs: n − 1 paired; Welch–Satterthwaite with equal SDs between groups. */
function degreesOfFreedom(test: ExtremesTest): number {
  if (test.test === "paired-t") return test.n[0]! - 1;
  const [a, b] = test.n as [number, number];
  const va = 1 / a;
  const vb = 1 / b;
  return (va + vb) ** 2 / ((va * va) / (a - 1) + (vb * vb) / (b - 1));
}

function pOf(t: number, df: number): number {
  return Math.min(1, 2 * tCdf(-Math.abs(t), df));
}
