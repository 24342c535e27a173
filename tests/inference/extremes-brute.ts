// Independent oracles for the exact-extremes tests: every dataset of a small model listed by brute
// force, and each test's statistic and p computed here from first principles (t by its formula with
// jStat's t distribution; rank tests by enumerating every sign assignment or split). Nothing here
// imports the code under test except the model's type.
import jStatModule from "jstat";
import type { PairModel } from "../../src/inference/score-slices.js";

const jStat = ((jStatModule as unknown as { jStat?: unknown }).jStat ?? jStatModule) as { studentt: { cdf(x: number, df: number): number } };

/** Two-sided p of Student's t with df degrees of freedom (jStat, a second library). */
export function twoSidedT(t: number, df: number): number {
  return Math.min(1, 2 * jStat.studentt.cdf(-Math.abs(t), df));
}

/** Every whole-number vector with entries in the given per-entry ranges. */
export function* vectors(bounds: ReadonlyArray<readonly [number, number]>): Generator<number[]> {
  const n = bounds.length;
  const z = bounds.map((b) => b[0]);
  if (bounds.some(([lo, hi]) => lo > hi)) return;
  for (;;) {
    yield z.slice();
    let i = 0;
    while (i < n && z[i] === bounds[i]![1]) {
      z[i] = bounds[i]![0];
      i++;
    }
    if (i === n) return;
    z[i]!++;
  }
}

/** Every (before, after) dataset of a model: per-patient bounds, the direction of every change, and the allowed totals. */
export function* datasets(model: PairModel): Generator<{ before: number[]; after: number[] }> {
  const patients = model.classes.flatMap((c) => Array.from({ length: c.count }, () => c));
  const allowed = (a: number, b: number) =>
    model.totals.kind === "pairs" ? model.totals.pairs.some(([x, y]) => x === a && y === b) : a >= model.totals.first[0] && a <= model.totals.first[1] && b >= model.totals.last[0] && b <= model.totals.last[1];
  for (const before of vectors(patients.map((c) => c.before))) {
    const sa = before.reduce((s, v) => s + v, 0);
    for (const after of vectors(patients.map((c) => c.after))) {
      const d = after.map((v, i) => v - before[i]!);
      if (model.direction === "down" && d.some((v) => v > -1)) continue;
      if (model.direction === "up" && d.some((v) => v < 1)) continue;
      if (!allowed(sa, after.reduce((s, v) => s + v, 0))) continue;
      yield { before, after };
    }
  }
}

const mean = (x: readonly number[]) => x.reduce((s, v) => s + v, 0) / x.length;
const variance = (x: readonly number[]) => x.reduce((s, v) => s + (v - mean(x)) ** 2, 0) / (x.length - 1);

/** Paired t of the changes by its formula, or null when the changes have no spread. */
export function pairedTByHand(d: readonly number[]): { t: number; p: number } | null {
  const v = variance(d);
  if (v < 1e-12) return null;
  const t = mean(d) / Math.sqrt(v / d.length);
  return { t, p: twoSidedT(t, d.length - 1) };
}

/** Welch's t and Satterthwaite df by their formulas, or null when neither group has spread. */
export function welchByHand(x: readonly number[], y: readonly number[]): { t: number; p: number } | null {
  const vx = variance(x) / x.length;
  const vy = variance(y) / y.length;
  if (vx + vy < 1e-12) return null;
  const t = (mean(x) - mean(y)) / Math.sqrt(vx + vy);
  const df = (vx + vy) ** 2 / (vx ** 2 / (x.length - 1) + vy ** 2 / (y.length - 1));
  return { t, p: twoSidedT(t, df) };
}

/** Midrank: number below + (number equal + 1)/2. */
function rankOf(values: readonly number[], value: number): number {
  return values.filter((v) => v < value).length + (values.filter((v) => v === value).length + 1) / 2;
}

/** Wilcoxon signed-rank (zeros dropped): V and the exact two-sided p over all 2^m sign assignments; null when every change is 0. */
export function signedRankByHand(d: readonly number[]): { v: number; p: number } | null {
  const nonzero = d.filter((x) => x !== 0);
  if (nonzero.length === 0) return null;
  const abs = nonzero.map(Math.abs);
  const ranks = abs.map((a) => rankOf(abs, a));
  const observed = nonzero.reduce((s, x, i) => (x > 0 ? s + ranks[i]! : s), 0);
  let low = 0;
  let high = 0;
  const total = 2 ** ranks.length;
  for (let mask = 0; mask < total; mask++) {
    let v = 0;
    ranks.forEach((r, bit) => {
      if (mask & (1 << bit)) v += r;
    });
    if (v <= observed + 1e-9) low++;
    if (v >= observed - 1e-9) high++;
  }
  return { v: observed, p: Math.min(1, (2 * Math.min(low, high)) / total) };
}

/** Mann–Whitney: W = rank sum of x − n_x(n_x + 1)/2 and the exact two-sided p over every split. */
export function rankSumByHand(x: readonly number[], y: readonly number[]): { w: number; p: number } {
  const all = [...x, ...y];
  const ranks = all.map((v) => rankOf(all, v));
  const observed = ranks.slice(0, x.length).reduce((s, r) => s + r, 0);
  let low = 0;
  let high = 0;
  let total = 0;
  const pick = (start: number, left: number, sum: number): void => {
    if (left === 0) {
      total++;
      if (sum <= observed + 1e-9) low++;
      if (sum >= observed - 1e-9) high++;
      return;
    }
    for (let i = start; i <= all.length - left; i++) pick(i + 1, left - 1, sum + ranks[i]!);
  };
  pick(0, x.length, 0);
  return { w: observed - (x.length * (x.length + 1)) / 2, p: Math.min(1, (2 * Math.min(low, high)) / total) };
}

/** Smallest and largest of a list (values that are null are skipped). */
export function extremesOf(values: Array<number | null>): { min: number; max: number; all: number[] } {
  const list = values.filter((v): v is number => v !== null);
  return { min: Math.min(...list), max: Math.max(...list), all: list };
}
