import { CohortError, exitCodes } from "../errors.js";
import * as message from "../messages/extremes.js";
import { tCdf } from "./distributions.js";
import { relaxedOf, witnessGroup, type Extreme, type Pick, type SliceSource, type Witness } from "./extreme.js";
import { sumOfSquares } from "./hinge-slice.js";
import type { Slice } from "./score-slices.js";
import { twoSidedP } from "./t-test-result.js";

/** Default budget of the exact searches, in vector-entry steps. */
export const DEFAULT_BUDGET = 50_000_000;

export interface PairedTExtremes {
  n: number;
  t: { min: Extreme; max: Extreme } | null;
  p: { min: Extreme; max: Extreme } | null;
  /** Range of the mean change over the datasets, in scoring units. */
  meanChange: [number, number];
  /** The mean change nearest 0 (in size), in scoring units. */
  nearestZero: number;
  /** Datasets where every patient changes by the same amount: t is undefined there (SD of the changes 0). */
  constantChanges: { values: number[]; witness: Witness } | null;
  relaxed: string[];
  slices: number;
}

/**
 * Exact smallest and largest paired t (and so p, with df = n − 1 fixed) over every dataset the
 * constraints allow. For the changes d with sum D and Σd² = Q, t = D·√(n−1)/√(nQ − D²): for a fixed
 * D, |t| falls as Q grows, so each slice's extremes are at its most even vector (or, when that is
 * constant and t undefined, the nearest one that is not) and at its widest vertex (hinge-slice.ts).
 * Every slice — every pair of group totals — is visited; the widest vertex only where a cheap
 * ceiling on Q says it could beat the best so far.
 * Reference: Student (1908); Murota (2003) Discrete Convex Analysis (M-convex sets).
 *
 * @param sources the change slices of the group, per band convention
 * @param budget most vector-entry steps before refusing (exit 3)
 * @throws CohortError (exit 3) past the budget, with the estimate
 * @example
 * pairedTExtremes([{ family: scoreSlices(model, "change"), tag: "" }]).p?.max.attained; // => largest p
 */
export function pairedTExtremes(sources: readonly SliceSource[], budget = DEFAULT_BUDGET, test = "paired t"): PairedTExtremes {
  const n = firstN(sources);
  requireBudget(test, sources.reduce((s, x) => s + x.family.count, 0) * n * 2, budget);
  const relaxed = relaxedOf(sources);
  const tOf = (sum: number, q: number): number => (sum === 0 ? 0 : (sum * Math.sqrt(n - 1)) / Math.sqrt(n * q - sum * sum));
  let slices = 0;
  let meanLow = Infinity;
  let meanHigh = -Infinity;
  let nearestZero = Infinity;
  // Candidates keep which vector of their slice they are; the vector itself is built only for the winners.
  type Candidate = { t: number; slice: Slice; which: "narrowest" | "next" | "widest"; tag: string };
  let tMin: Candidate | null = null;
  let tMax: Candidate | null = null;
  let absMax: Candidate | null = null;
  let absMin: Candidate | null = null;
  const constants = new Map<number, Pick>();
  const consider = (c: Candidate): void => {
    if (!tMin || c.t < tMin.t) tMin = c;
    if (!tMax || c.t > tMax.t) tMax = c;
    if (!absMax || Math.abs(c.t) > Math.abs(absMax.t)) absMax = c;
    if (!absMin || Math.abs(c.t) < Math.abs(absMin.t)) absMin = c;
  };
  for (const { family, tag } of sources) {
    for (const slice of family.slices) {
      slices++;
      meanLow = Math.min(meanLow, slice.sum / n);
      meanHigh = Math.max(meanHigh, slice.sum / n);
      nearestZero = Math.min(nearestZero, Math.abs(slice.sum) / n);
      const constant = n * slice.qMin === slice.sum * slice.sum;
      if (!constant) {
        consider({ t: tOf(slice.sum, slice.qMin), slice, which: "narrowest", tag });
        continue;
      }
      if (!constants.has(slice.sum / n)) constants.set(slice.sum / n, { slice, z: slice.narrowest(), tag });
      // The nearest vector that is not constant has Σd² two more (hinge-slice.ts), when it exists.
      if (slice.nextToConstant()) consider({ t: tOf(slice.sum, slice.qMin + 2), slice, which: "next", tag });
    }
  }
  // The widest vertices, where they can lower |t|: a slice's |t| is at least |D|√(n−1)/√(n·ceiling − D²).
  if (absMin === null || Math.abs((absMin as Candidate).t) > 0) {
    for (const { family, tag } of sources) {
      for (const slice of family.slices) {
        if (slice.sum === 0) continue;
        const floor = (Math.abs(slice.sum) * Math.sqrt(n - 1)) / Math.sqrt(Math.max(1e-300, n * slice.qCeiling - slice.sum * slice.sum));
        const best = absMin as Candidate | null;
        if (best !== null && floor >= Math.abs(best.t)) continue;
        const q = sumOfSquares(slice.widest());
        if (n * q === slice.sum * slice.sum) continue;
        consider({ t: tOf(slice.sum, q), slice, which: "widest", tag });
      }
    }
  }
  const constantChanges = constants.size > 0 ? { values: [...constants.keys()].sort((a, b) => a - b), witness: [witnessGroup([...constants.values()][0]!)] } : null;
  const base = { n, meanChange: [meanLow, meanHigh] as [number, number], nearestZero, constantChanges, relaxed, slices };
  if (!tMin || !tMax || !absMax || !absMin) return { ...base, t: null, p: null };
  const pickOf = (c: Candidate): Pick => ({ slice: c.slice, z: c.which === "narrowest" ? c.slice.narrowest() : c.which === "next" ? c.slice.nextToConstant()! : c.slice.widest(), tag: c.tag });
  const asFound = (c: Candidate) => ({ t: c.t, pick: pickOf(c) });
  const found = { tMin: asFound(tMin), tMax: asFound(tMax), absMax: asFound(absMax), absMin: asFound(absMin) };
  const p = (t: number) => twoSidedP(t, n - 1);
  const exactExtreme = (value: number, pick: Pick, companion: number): Extreme =>
    relaxed.length === 0
      ? { attained: value, bound: value, exact: true, boundBy: message.BY_EXACT_SEARCH, witness: [witnessGroup(pick)], companion }
      : { attained: null, bound: value, exact: false, boundBy: message.relaxedBound(relaxed), witness: null, companion };
  return {
    ...base,
    t: { min: exactExtreme(found.tMin.t, found.tMin.pick, p(found.tMin.t)), max: exactExtreme(found.tMax.t, found.tMax.pick, p(found.tMax.t)) },
    p: { min: exactExtreme(p(found.absMax.t), found.absMax.pick, found.absMax.t), max: exactExtreme(p(found.absMin.t), found.absMin.pick, found.absMin.t) },
  };
}

export interface WelchTExtremes {
  n: [number, number];
  t: { min: Extreme; max: Extreme } | null;
  p: { min: Extreme; max: Extreme } | null;
  /** Range of the difference of the group means (first − second), in scoring units. */
  meanDifference: [number, number];
  /** The difference nearest 0 (in size), in scoring units. */
  nearestZero: number;
  /** A dataset where both groups are constant: Welch's t is undefined there. */
  bothConstant: Witness | null;
  relaxed: string[];
}

/** One group's smallest, smallest non-constant and largest Σz² for one sum, with the vectors. */
interface SumExtremes {
  sum: number;
  min: Pick;
  next: Pick | null;
  max: Pick;
}

/**
 * Exact smallest and largest Welch t between two groups over every dataset the constraints allow, and
 * the p-values: attained at the datasets tried (for every pair of group sums, each group at its
 * smallest, smallest non-constant and largest Σz²), bounded by proof. t is exact because for fixed
 * sums |t| = |Δ|/√(v₁ + v₂) falls as either variance grows. p depends on Welch's df as well, which
 * these corners need not extremise, so p's extremes are bracketed: no p below 2·F(−|t|max; n₁+n₂−2)
 * and none above 2·F(−|t|min; min(n)−1), because df lies between those and the two-sided tail
 * P(|T_ν| > t) falls as ν grows (T_ν = Z/√W, W = χ²_ν/ν falls in convex order as ν grows and
 * w ↦ 2Φ(−t√w) is convex).
 * Reference: Welch (1947) Biometrika 34:28–35; Satterthwaite (1946).
 *
 * @param first slices of the first group (changes or last scores)
 * @param second slices of the second group
 * @param budget most steps before refusing (exit 3)
 * @example
 * welchTExtremes(psychedelicSlices, psycholyticSlices).t?.max.attained; // => largest Welch t
 */
export function welchTExtremes(first: readonly SliceSource[], second: readonly SliceSource[], budget = DEFAULT_BUDGET): WelchTExtremes {
  const n1 = firstN(first);
  const n2 = firstN(second);
  const countOf = (s: readonly SliceSource[]) => s.reduce((t, x) => t + x.family.count, 0);
  requireBudget("Welch t", countOf(first) * n1 + countOf(second) * n2, budget);
  const g1 = bySum(first);
  const g2 = bySum(second);
  requireBudget("Welch t", g1.length * g2.length * 9 * 40, budget);
  const relaxed = relaxedOf([...first, ...second]);
  const varOf = (n: number, e: { sum: number }, pick: Pick) => (n * sumOfSquares(pick.z) - e.sum * e.sum) / (n * n * (n - 1));
  type Found = { t: number; picks: [Pick, Pick]; p: number };
  let tMin = null as Found | null;
  let tMax = null as Found | null;
  let pMin = null as Found | null;
  let pMax = null as Found | null;
  let absMax = 0;
  let absMin = Infinity;
  let bothConstant: Witness | null = null;
  let diffLow = Infinity;
  let diffHigh = -Infinity;
  let nearestZero = Infinity;
  for (const a of g1) {
    for (const b of g2) {
      const delta = a.sum / n1 - b.sum / n2;
      diffLow = Math.min(diffLow, delta);
      diffHigh = Math.max(diffHigh, delta);
      nearestZero = Math.min(nearestZero, Math.abs(delta));
      for (const pa of corners(a)) {
        for (const pb of corners(b)) {
          const v1 = varOf(n1, a, pa);
          const v2 = varOf(n2, b, pb);
          if (v1 + v2 <= 0) {
            bothConstant ??= [witnessGroup(pa), witnessGroup(pb)];
            continue;
          }
          const t = delta / Math.sqrt(v1 + v2);
          const df = (v1 + v2) ** 2 / ((v1 * v1) / (n1 - 1) + (v2 * v2) / (n2 - 1));
          const p = Math.min(1, 2 * tCdf(-Math.abs(t), df));
          const entry = { t, picks: [pa, pb] as [Pick, Pick], p };
          if (!tMin || t < tMin.t) tMin = entry;
          if (!tMax || t > tMax.t) tMax = entry;
          if (!pMin || p < pMin.p) pMin = entry;
          if (!pMax || p > pMax.p) pMax = entry;
          absMax = Math.max(absMax, Math.abs(t));
          absMin = Math.min(absMin, Math.abs(t));
        }
      }
    }
  }
  const base = { n: [n1, n2] as [number, number], meanDifference: [diffLow, diffHigh] as [number, number], nearestZero, bothConstant, relaxed };
  if (!tMin || !tMax || !pMin || !pMax) return { ...base, t: null, p: null };
  const found = { tMin, tMax, pMin, pMax };
  const witness = (e: { picks: [Pick, Pick] }): Witness => e.picks.map(witnessGroup);
  const exact = (e: Found): Extreme =>
    relaxed.length === 0
      ? { attained: e.t, bound: e.t, exact: true, boundBy: message.BY_EXACT_SEARCH, witness: witness(e), companion: e.p }
      : { attained: null, bound: e.t, exact: false, boundBy: message.relaxedBound(relaxed), witness: null, companion: e.p };
  const lowest = 2 * tCdf(-absMax, n1 + n2 - 2);
  const highest = absMin === 0 ? 1 : Math.min(1, 2 * tCdf(-absMin, Math.min(n1, n2) - 1));
  const bracket = (e: Found, bound: number, boundBy: string): Extreme => {
    const same = Math.abs(e.p - bound) <= 1e-12 * Math.max(bound, 1e-300);
    return relaxed.length === 0
      ? { attained: e.p, bound: same ? e.p : bound, exact: same, boundBy, witness: witness(e), companion: e.t }
      : { attained: null, bound, exact: false, boundBy: `${message.relaxedBound(relaxed)}; ${boundBy}`, witness: null, companion: e.t };
  };
  return {
    ...base,
    t: { min: exact(found.tMin), max: exact(found.tMax) },
    p: { min: bracket(found.pMin, lowest, message.BY_WELCH_DF), max: bracket(found.pMax, highest, message.BY_WELCH_DF_MAX) },
  };
}

/** Per reachable sum: the vectors with the smallest, smallest non-constant and largest Σz², over all slices and tags. */
export function bySum(sources: readonly SliceSource[]): SumExtremes[] {
  const out = new Map<number, SumExtremes & { qMin: number; qNext: number; qMax: number }>();
  for (const { family, tag } of sources) {
    for (const slice of family.slices) {
      const n = slice.n;
      const constant = n * slice.qMin === slice.sum * slice.sum;
      const next = constant ? slice.nextToConstant() : slice.narrowest();
      const wide = slice.widest();
      const e = out.get(slice.sum);
      const pick = (z: number[]): Pick => ({ slice, z, tag });
      const qNext = next ? sumOfSquares(next) : Infinity;
      const qMax = sumOfSquares(wide);
      if (!e) {
        out.set(slice.sum, { sum: slice.sum, min: pick(slice.narrowest()), next: next ? pick(next) : null, max: pick(wide), qMin: slice.qMin, qNext, qMax });
        continue;
      }
      if (slice.qMin < e.qMin) Object.assign(e, { min: pick(slice.narrowest()), qMin: slice.qMin });
      if (qNext < e.qNext && next) Object.assign(e, { next: pick(next), qNext });
      if (qMax > e.qMax) Object.assign(e, { max: pick(wide), qMax });
    }
  }
  return [...out.values()].sort((a, b) => a.sum - b.sum).map(({ sum, min, next, max }) => ({ sum, min, next, max }));
}

/** The distinct vectors of one sum worth trying: smallest, smallest non-constant, largest Σz². */
function corners(e: SumExtremes): Pick[] {
  const list = [e.min, ...(e.next ? [e.next] : []), e.max];
  const seen = new Set<number>();
  return list.filter((p) => {
    const q = sumOfSquares(p.z);
    if (seen.has(q)) return false;
    seen.add(q);
    return true;
  });
}

function firstN(sources: readonly SliceSource[]): number {
  for (const { family } of sources) for (const slice of family.slices as Iterable<Slice>) return slice.n;
  return 0;
}

/** Refuses (exit 3) an exact search whose estimated steps exceed the budget. */
export function requireBudget(test: string, estimate: number, budget: number): void {
  if (!Number.isInteger(budget) || budget < 1) throw new CohortError({ message: message.badBudget(budget) }, exitCodes.usage);
  if (estimate > budget) throw new CohortError({ message: message.overBudget(test, estimate, budget) }, exitCodes.refused);
}
