import type { InstrumentRegistry } from "../io/load-instruments.js";
import type { Extreme, Witness } from "../inference/extreme.js";
import type { ExtremesTest, ReadingExtremes, SignificanceVerdict } from "../inference/exact-extremes.js";
import type { ImprovementReading } from "../inference/pair-models.js";
import type { Study } from "../schema/study.js";
import { formatNumber } from "./format-number.js";
import { shortGroupLabel, timepointLabel, withoutDetail } from "./study-lookup.js";

const TEST_NAMES = { "paired-t": "paired t", "wilcoxon-signed-rank": "Wilcoxon signed-rank", "welch-t": "Welch t", "mann-whitney": "Mann–Whitney" } as const;

/** A p-value for a table: 3 decimals, or scientific notation below 0.001 (fixed digits, no locale). */
export function formatP(p: number): string {
  return p < 0.001 ? p.toExponential(1) : formatNumber(p, 3);
}

/**
 * A test as a reader names it, with "|" where a chart label may break: "Psychedelic KAP|BPI-SF severity baseline → after session 6|paired t".
 *
 * @example
 * testLabel(studyA, registry, test).replaceAll("|", ", "); // => "whole sample, PHQ-9 before treatment → after repeated monthly treatments, paired t"
 */
export function testLabel(study: Study, instruments: InstrumentRegistry, test: ExtremesTest): string {
  const when = (t: string) => withoutDetail(timepointLabel(study, t)).toLowerCase();
  const abbreviation = test.measureLabel ?? instruments.get(test.instrument)?.abbreviation ?? test.instrument;
  return `${test.groups.map((g) => shortGroupLabel(study, g)).join(" vs ")}|${abbreviation} ${test.on === "change" ? `${when(test.from)} → ${when(test.to)}` : `at ${when(test.to)}`}|${TEST_NAMES[test.test]}`;
}

/** The reading in a few words, for a table cell; for a test from printed means, how their ± was read. */
export function readingWords(reading: ImprovementReading, dispersion?: "sd" | "se" | "ci95"): string {
  if (dispersion) return `printed means, ± read as ${dispersion === "sd" ? "SD" : dispersion === "se" ? "SE" : "95% CI half-width"}`;
  return reading === "strongest" ? "strongest reading" : reading === "weaker" ? "weaker readings" : "as reported";
}

/** The verdict at alpha in words. */
export function verdictWords(verdict: SignificanceVerdict | null, alpha: number): string {
  if (verdict === "always") return `p < ${alpha} in every consistent dataset`;
  if (verdict === "never") return `p ≥ ${alpha} in every consistent dataset`;
  if (verdict === "depends") return `p < ${alpha} in some consistent datasets, not in others`;
  if (verdict === "undetermined") return `not determined: what is proven straddles ${alpha}`;
  return "";
}

/**
 * One end of a range: the exact value; or the value a dataset attains with the proven limit beyond it;
 * or only the proven limit, labelled a bound.
 *
 * @example
 * describeExtreme({ attained: 0.0013, bound: 1e-9, exact: false, … }, "min", formatP); // => "0.001 found; none below 1.0e-9 (proven)"
 */
export function describeExtreme(e: Extreme, side: "min" | "max", format: (v: number) => string): string {
  if (e.limit) return `→ ${Number.isFinite(e.bound) ? format(e.bound) : e.bound > 0 ? "∞" : "−∞"} (a limit, not attained)`;
  if (e.exact && e.attained !== null) return format(e.attained);
  if (e.attained !== null) return `${format(e.attained)} found; none ${side === "min" ? "below" : "above"} ${format(e.bound)} (proven)`;
  return `${side === "min" ? "≥" : "≤"} ${format(e.bound)} (bound)`;
}

/** A range "a to b" of a statistic or p, each end described. */
export function describeRange(range: { min: Extreme; max: Extreme }, format: (v: number) => string): string {
  return `${describeExtreme(range.min, "min", format)} to ${describeExtreme(range.max, "max", format)}`;
}

/** A statistic value: t with 2 decimals, a rank sum with its half. */
export function formatStatistic(name: string, value: number): string {
  return name === "t" ? formatNumber(value, 2) : formatNumber(value, Number.isInteger(value) ? 0 : 1);
}

/**
 * A dataset compactly, scores in points: per group, each distinct (category,) before → after with how
 * many patients have it — "15 → 0 × 19; 14 → 0 × 1" — and the band convention it assumes.
 *
 * @example
 * describeWitness(studyA, witness, test, 1); // => "15 → 0 × 19; 14 → 0 × 1"
 */
export function describeWitness(study: Study, witness: Witness, test: ExtremesTest, showTag = true): string {
  const points = (units: number) => formatNumber(Math.round((units / test.unitsPerPoint) * 1000) / 1000, 3).replace(/\.?0+$/, "");
  return witness
    .map((group, g) => {
      const counts = new Map<string, number>();
      group.before.forEach((b, i) => {
        const category = group.categories?.[i];
        const key = `${category ? `${category} ` : ""}${points(b)} → ${points(group.after[i]!)}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      });
      const list = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, c]) => `${k} × ${c}`).join("; ");
      const who = test.groups.length > 1 ? `${shortGroupLabel(study, test.groups[g]!)}: ` : "";
      return `${who}${list}${showTag && group.tag ? ` (under ${group.tag})` : ""}`;
    })
    .join(" | ");
}

/** Where a summary-level extreme sits: "r = −1, means 43.465 → 43.325, SDs 6.015 and 5.115". */
export function describeSetting(setting: NonNullable<Extreme["setting"]>): string {
  const v = (x: number) => String(Math.round(x * 1e6) / 1e6);
  return `r = ${v(setting.r)}, means ${v(setting.means[0])} → ${v(setting.means[1])}, SDs ${v(setting.sds[0])} and ${v(setting.sds[1])}`;
}

/** The p-value witness cells of one reading: the dataset (or summary setting) behind the smallest and the largest p. */
export function witnessCells(study: Study, reading: ReadingExtremes, test: ExtremesTest): { smallest: string; largest: string } {
  const cell = (e: Extreme | undefined) =>
    e?.limit ? "approached as r → 1 with equal SDs; no dataset attains it" : e?.setting ? describeSetting(e.setting) : e?.witness && e.witness.length > 0 ? describeWitness(study, e.witness, test, reading.tags.length > 1) : "";
  return { smallest: cell(reading.p?.min), largest: cell(reading.p?.max) };
}
