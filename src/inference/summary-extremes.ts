import * as message from "../messages/extremes.js";
import type { Mean } from "../schema/reported-value.js";
import type { Study } from "../schema/study.js";
import { unround } from "../stats/rounding.js";
import { tQuantile } from "./distributions.js";
import type { Extreme } from "./extreme.js";
import { twoSidedP } from "./t-test-result.js";

type Range = [number, number];

/** One group's printed means with their spread at two timepoints on one measure, as intervals. */
export interface SummaryPair {
  group: string;
  /** Instrument id or variable id. */
  measure: string;
  kind: "instrument" | "variable";
  from: string;
  to: string;
  n: number;
  means: [Range, Range];
  sds: [Range, Range];
  /** How the printed ± was read: as an SD, or (when the source does not say) as an SE or a 95% CI half-width. */
  dispersion: "sd" | "se" | "ci95";
  /** Parts of the report the extremes do not impose (a declared range of the measure). */
  notImposed: string[];
  /** Why no test is computed (e.g. the n differs between the two timepoints). */
  missing?: string;
}

/** Where an extreme of the summary-level search sits: the correlation and the means and SDs within their rounding. */
export interface SummarySetting {
  r: number;
  means: Range;
  sds: Range;
}

export interface SummaryPairedExtremes {
  t: { min: Extreme & { setting: SummarySetting | null }; max: Extreme & { setting: SummarySetting | null } };
  p: { min: Extreme & { setting: SummarySetting | null }; max: Extreme & { setting: SummarySetting | null } };
  /** Mean change range and the change nearest 0 in size. */
  meanDifference: Range;
  nearestZero: number;
  sdChange: Range;
}

/**
 * The printed means with a spread, per group and measure, at the first and last timepoints that have
 * them: what a paired t could use if the before–after correlation were known. An SD is read as an
 * SD; an SE as SD = SE·√n; a 95% CI half-width as SD = h·√n / t(0.975, n − 1); an unstated ± both as
 * an SD and as an SE, side by side.
 *
 * @param study a validated study
 * @example
 * summaryPairs(yogaStudy)[0].means; // => [[43.455, 43.465], [43.325, 43.335]]
 */
export function summaryPairs(study: Study): SummaryPair[] {
  const order = (t: string) => study.design.timepoints.find((x) => x.id === t)?.order ?? 0;
  const keyOf = (v: Mean) => `${v.group}|${v.instrument ?? v.variable}`;
  const byKey = new Map<string, Mean[]>();
  for (const v of study.reported) {
    if (v.kind !== "mean" || !v.dispersion || v.timepoint === undefined || (v.instrument === undefined && v.variable === undefined)) continue;
    byKey.set(keyOf(v), [...(byKey.get(keyOf(v)) ?? []), v]);
  }
  const out: SummaryPair[] = [];
  for (const list of byKey.values()) {
    const sorted = [...list].sort((a, b) => order(a.timepoint!) - order(b.timepoint!));
    const first = sorted[0]!;
    const last = sorted[sorted.length - 1]!;
    if (first.timepoint === last.timepoint) continue;
    const groupSize = first.group === "all" ? study.design.sampleSize.value : (study.design.arms.find((a) => a.id === first.group)?.size.value ?? study.design.sampleSize.value);
    const n1 = first.n ?? groupSize;
    const n2 = last.n ?? groupSize;
    const measure = first.instrument ?? first.variable!;
    const variable = study.variables?.find((x) => x.id === first.variable);
    // Other values reported on the same measure and group (a test over the timepoints, an effect, a mean
    // change) constrain the same data; the search does not impose them, so its extremes are then bounds.
    const others = study.reported.filter(
      (v) =>
        (v.kind === "test" || v.kind === "effect" || v.kind === "mean-change" || v.kind === "median") &&
        ((v.instrument !== undefined && v.instrument === first.instrument) || (v.variable !== undefined && v.variable === first.variable)) &&
        ("group" in v && typeof v.group === "string" ? v.group === first.group : !("groups" in v) || v.groups === undefined || v.groups.includes(first.group) || (study.design.arms.length === 1 && v.groups.includes("all"))),
    );
    const notImposed = [
      ...(first.instrument ? ["the scale's range and scoring grid"] : []),
      ...others.map((v) => `the reported ${v.kind.replace("-", " ")} (${v.id})`),
      ...(variable && (variable.min !== undefined || variable.max !== undefined) ? [`the measure's range (${variable.min ?? "−∞"} to ${variable.max ?? "∞"} ${variable.unit ?? ""})`.replace(" )", ")")] : []),
    ];
    const base = { group: first.group, measure, kind: first.instrument ? ("instrument" as const) : ("variable" as const), from: first.timepoint!, to: last.timepoint!, n: Math.min(n1, n2), means: [range(first.mean), range(last.mean)] as [Range, Range], notImposed };
    const kinds = first.dispersion!.kind !== last.dispersion!.kind || first.dispersion!.kind === "unstated" ? (["sd", "se"] as const) : ([first.dispersion!.kind] as const);
    for (const dispersion of kinds) {
      const sds: [Range, Range] = [sdRange(first, dispersion, n1), sdRange(last, dispersion, n2)];
      out.push({ ...base, sds, dispersion, ...(n1 !== n2 ? { missing: `the n differs between the two timepoints (${n1} and ${n2}), so the paired test's n and its means are not the printed ones` } : {}) });
    }
  }
  return out;
}

/**
 * Exact extremes of the paired t and p over every before–after correlation r in [−1, 1] and every
 * mean and SD the printed (rounded) values allow: t = Δ·√n / SD_c with SD_c² = s₁² + s₂² − 2r·s₁s₂.
 * SD_c is least at r = 1 with the SDs as close as their intervals allow (|s₁ − s₂|) and greatest at
 * r = −1 with both SDs at their largest (s₁ + s₂); |t| grows with |Δ| and falls with SD_c, and p falls
 * as |t| grows with df = n − 1 fixed, so each extreme sits at a corner. When the SD intervals touch,
 * SD_c reaches 0 only with every change equal, where t is undefined: p then tends to 0 as r → 1 — a
 * limit, not attained, and said so.
 * Reference: Dunlap et al. (1996) Psychol Methods 1:170 (SD of changes); Student (1908).
 *
 * @param pair the printed means and SDs of one group at two timepoints
 * @example
 * summaryPairedExtremes(pair).p.max.attained; // => p at r = −1 and the smallest change
 */
export function summaryPairedExtremes(pair: SummaryPair): SummaryPairedExtremes {
  const { n } = pair;
  const [[a0, a1], [b0, b1]] = pair.means;
  const [[s0, s1], [u0, u1]] = pair.sds;
  const diff: Range = [b0 - a1, b1 - a0];
  const gap = s1 < u0 ? u0 - s1 : u1 < s0 ? s0 - u1 : 0;
  // The SDs nearest each other: the touching ends, or a common value when the intervals overlap.
  const near: Range = s1 < u0 ? [s1, u0] : u1 < s0 ? [s0, u1] : [Math.max(s0, u0), Math.max(s0, u0)];
  const sdChange: Range = [gap, s1 + u1];
  const nearestZero = diff[0] <= 0 && diff[1] >= 0 ? 0 : Math.min(Math.abs(diff[0]), Math.abs(diff[1]));
  const df = n - 1;
  const exact = pair.notImposed.length === 0;
  const at = (delta: number, sd: number, setting: SummarySetting, what: "t" | "p"): Extreme & { setting: SummarySetting | null } => {
    const t = (delta * Math.sqrt(n)) / sd;
    const value = what === "t" ? t : twoSidedP(t, df);
    return { attained: exact ? value : null, bound: value, exact, boundBy: exact ? message.BY_SUMMARY_CORNERS : message.relaxedBound(pair.notImposed), witness: null, companion: what === "t" ? twoSidedP(t, df) : t, setting };
  };
  const meansFor = (delta: number): Range => (delta === diff[0] ? [a1, b0] : [a0, b1]);
  const limit = (what: "t" | "p", sign: number): Extreme & { setting: SummarySetting | null } => ({
    attained: null,
    bound: what === "p" ? 0 : sign * Infinity,
    exact: false,
    boundBy: message.BY_SUMMARY_LIMIT,
    witness: null,
    limit: true,
    setting: null,
  });
  const wide: SummarySetting = { r: -1, means: [a1, b0], sds: [s1, u1] };
  // Extremes of t: the end of Δ far from 0 over the least SD_c, and the end near 0 over the greatest.
  const tAt = (delta: number, small: boolean) => (small && gap === 0 ? limit("t", Math.sign(delta)) : at(delta, small ? gap : s1 + u1, { r: small ? 1 : -1, means: meansFor(delta), sds: small ? near : [s1, u1] }, "t"));
  const tMin = diff[0] < 0 ? tAt(diff[0], true) : tAt(diff[0], false);
  const tMax = diff[1] > 0 ? tAt(diff[1], true) : tAt(diff[1], false);
  const far = Math.abs(diff[0]) >= Math.abs(diff[1]) ? diff[0] : diff[1];
  const pMin = gap === 0 || far === 0 ? (far === 0 ? at(0, s1 + u1, { ...wide, means: meansFor(far) }, "p") : limit("p", 1)) : at(far, gap, { r: 1, means: meansFor(far), sds: near }, "p");
  const nearDelta = nearestZero === 0 ? 0 : Math.abs(diff[0]) < Math.abs(diff[1]) ? diff[0] : diff[1];
  const pMax = at(nearDelta, s1 + u1, { ...wide, means: nearestZero === 0 ? [a0, a0] : meansFor(nearDelta) }, "p");
  return { t: { min: tMin, max: tMax }, p: { min: pMin, max: pMax }, meanDifference: diff, nearestZero, sdChange };
}

/**
 * The before–after correlation at which p crosses alpha: p < alpha for every allowed mean change when
 * r is above the first value, and p ≥ alpha for all of them when r is below the second (null when no
 * r in [−1, 1] does it). With the SDs at the ends of their rounding that make each statement hardest.
 *
 * @example
 * correlationThresholds(pair, 0.05).below; // => the r above which every allowed change is significant
 */
export function correlationThresholds(pair: SummaryPair, alpha: number): { significantAbove: number | null; notSignificantBelow: number | null; df: number } {
  const { n } = pair;
  const df = n - 1;
  const critical = tQuantile(1 - alpha / 2, df);
  const [[a0, a1], [b0, b1]] = pair.means;
  const diff: Range = [b0 - a1, b1 - a0];
  const smallest = diff[0] <= 0 && diff[1] >= 0 ? 0 : Math.min(Math.abs(diff[0]), Math.abs(diff[1]));
  const largest = Math.max(Math.abs(diff[0]), Math.abs(diff[1]));
  // For "significant for all", the largest SD_c at r; for "none", the smallest.
  const sdMax = (r: number) => changeSdAt(pair, r)[1];
  const sdMin = (r: number) => changeSdAt(pair, r)[0];
  const solve = (ok: (r: number) => boolean, increasing: boolean): number | null => {
    // ok(r) is monotone in r; bisection on [−1, 1].
    if (increasing ? !ok(1) : !ok(-1)) return null;
    if (increasing ? ok(-1) : ok(1)) return increasing ? -1 : 1;
    let lo = -1;
    let hi = 1;
    for (let i = 0; i < 60; i++) {
      const mid = (lo + hi) / 2;
      if (ok(mid) === increasing) hi = mid;
      else lo = mid;
    }
    return increasing ? hi : lo;
  };
  const significantAbove = smallest === 0 ? null : solve((r) => (smallest * Math.sqrt(n)) / sdMax(r) > critical, true);
  const notSignificantBelow = solve((r) => (largest * Math.sqrt(n)) / Math.max(sdMin(r), 1e-300) <= critical, false);
  return { significantAbove, notSignificantBelow, df };
}

/**
 * The least and greatest SD of the changes √(s₁² + s₂² − 2r·s₁s₂) at one correlation over the box of
 * SDs: the quadratic is convex in (s₁, s₂) for |r| ≤ 1, so its greatest value is at a corner and its
 * least at a corner or where an edge meets s₁ = r·s₂ or s₂ = r·s₁.
 *
 * @example
 * changeSdAt({ sds: [[2, 2], [2, 2]] } as SummaryPair, 0.5); // => [2, 2]
 */
export function changeSdAt(pair: Pick<SummaryPair, "sds">, r: number): Range {
  const [[s0, s1], [u0, u1]] = pair.sds;
  const q = (s: number, u: number) => s * s + u * u - 2 * r * s * u;
  let low = Infinity;
  let high = -Infinity;
  for (const s of [s0, s1]) {
    for (const u of [u0, u1]) {
      low = Math.min(low, q(s, u));
      high = Math.max(high, q(s, u));
    }
  }
  for (const u of [u0, u1]) low = Math.min(low, q(Math.min(s1, Math.max(s0, r * u)), u));
  for (const s of [s0, s1]) low = Math.min(low, q(s, Math.min(u1, Math.max(u0, r * s))));
  return [Math.sqrt(Math.max(0, low)), Math.sqrt(Math.max(0, high))];
}

function range(reported: string): Range {
  const u = unround(reported);
  return [u.lower, u.upper];
}

/** The SD interval a printed spread allows under one reading. */
function sdRange(v: Mean, reading: "sd" | "se" | "ci95", n: number): Range {
  const [lo, hi] = range(v.dispersion!.value);
  const factor = reading === "sd" ? 1 : reading === "se" ? Math.sqrt(n) : Math.sqrt(n) / tQuantile(0.975, n - 1);
  return [lo * factor, hi * factor];
}
